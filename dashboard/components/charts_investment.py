"""Figures of the page "Investment vs. Walloon spend" (pure: data frame + language -> go.Figure).

Quality is drawn in the shared visual language (components/quality.py): reported values solid,
derived values hatched, approximate or estimated values light with their range as whiskers.
Years without a public figure stay empty: nothing is interpolated.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.components.chart_parts import (
    bar_marker,
    base_layout,
    error_bars,
    quality_style,
    quality_text,
    shared_figure,
    source_texts,
    to_euros,
    to_percent,
    wrap_label,
)
from dashboard.components.formatting import format_money_cents, format_percent
from dashboard.components.i18n import translate
from dashboard.components.quality import INVESTED_COLOUR, PALETTE, RATIO_COLOUR, SPEND_COLOUR
from dashboard.metrics import is_missing

FUND_COLOURS = {"Wallimage": PALETTE[0], "screen.brussels": PALETTE[3], "Screen Flanders": PALETTE[2]}
GAP_COLOUR = "#9E9E9E"
# A detailed report's year (every work behind the total) is outlined; sourced single figures are not.
DETAILED_OUTLINE = {"color": "#1A1A1A", "width": 3}


@shared_figure
def build_history_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Single years: invested and Walloon spend as bars, ratio as a line with gaps kept open.

    `frame` is the yearly series (investment.yearly_series): the years of a detailed report are
    outlined and named in the legend, the sourced single figures of other years are not. The axis
    runs from the first to the last year of the series.
    """
    rows = frame.sort_values("period_start")
    years = [int(y) for y in rows["period_start"]]
    first_year, last_year = min(years), max(years)
    detailed = list(rows["basis"] == "detailed_report") if "basis" in rows.columns else [False] * len(rows)
    sources = source_texts(rows)
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for measure, colour in (("invested", INVESTED_COLOUR), ("spend", SPEND_COLOUR)):
        values = [to_euros(v) for v in rows[f"{measure}_cents"]]
        lowers = [to_euros(v) for v in rows[f"{measure}_lower_cents"]]
        uppers = [to_euros(v) for v in rows[f"{measure}_upper_cents"]]
        qualities = list(rows[f"{measure}_quality"])
        printed = [
            format_money_cents(cents, 2, lang) if is_missing(text) else text
            for text, cents in zip(rows.get(f"{measure}_printed", [None] * len(rows)), rows[f"{measure}_cents"])
        ]
        marker = bar_marker(colour, qualities)
        marker["line"] = {
            "color": [DETAILED_OUTLINE["color"] if d else colour for d in detailed],
            "width": [DETAILED_OUTLINE["width"] if d else marker["line"]["width"] for d in detailed],
        }
        figure.add_trace(
            go.Bar(
                x=years,
                y=values,
                name=translate(f"investment.{measure}", lang),
                marker=marker,
                error_y={**error_bars(values, lowers, uppers), "color": "#444444"},
                customdata=[
                    [text, quality_text(q, lang), source, translate(f"investment.basis_{basis}", lang)]
                    for text, q, source, basis in zip(
                        printed, qualities, sources, ["detailed_report" if d else "single_figure" for d in detailed]
                    )
                ],
                hovertemplate="%{x} · %{customdata[0]}<br>%{customdata[1]} · %{customdata[3]}<br>"
                + translate("common.source_prefix", lang)
                + " %{customdata[2]}<extra>%{fullData.name}</extra>",
            ),
            secondary_y=False,
        )
    if any(detailed):
        # Legend entry only: what the outline means.
        figure.add_trace(
            go.Bar(
                x=[None],
                y=[None],
                name=translate("investment.basis_detailed_report", lang),
                marker={"color": "rgba(0,0,0,0)", "line": DETAILED_OUTLINE},
                hoverinfo="skip",
            ),
            secondary_y=False,
        )
    by_year = {int(r["period_start"]): (r, source) for (_, r), source in zip(rows.iterrows(), sources)}
    axis_years = list(range(first_year, last_year + 1))
    ratio, lower, upper, qualities, custom = [], [], [], [], []
    for year in axis_years:
        row, source = by_year.get(year, (None, ""))
        value = None if row is None else to_percent(row["ratio_bp"])
        ratio.append(value)
        lower.append(None if row is None else to_percent(row["ratio_lower_bp"]))
        upper.append(None if row is None else to_percent(row["ratio_upper_bp"]))
        quality = None if value is None or is_missing(row["ratio_value_quality"]) else row["ratio_value_quality"]
        qualities.append(quality)
        printed = "" if value is None else row.get("ratio_printed")
        if value is not None and is_missing(printed):
            printed = format_percent(value, 2, lang)
        custom.append(["", "", ""] if value is None else [printed, quality_text(quality, lang), source])
    styles = [quality_style(q) for q in qualities]
    figure.add_trace(
        go.Scatter(
            x=axis_years,
            y=ratio,
            mode="lines+markers",
            connectgaps=False,
            name=translate("investment.ratio", lang),
            line={"color": RATIO_COLOUR, "width": 2},
            marker={
                "size": 11,
                "color": RATIO_COLOUR,
                "opacity": [s["opacity"] for s in styles],
                "symbol": ["diamond-open" if q == "derived" else "diamond" for q in qualities],
            },
            error_y={**error_bars(ratio, lower, upper), "color": RATIO_COLOUR},
            customdata=custom,
            hovertemplate="%{x} · %{customdata[0]}<br>%{customdata[1]}<br>"
            + translate("common.source_prefix", lang)
            + " %{customdata[2]}<extra>%{fullData.name}</extra>",
        ),
        secondary_y=True,
    )
    gaps = [year for year in axis_years if year not in by_year]
    figure.add_trace(
        go.Scatter(
            x=gaps,
            y=[0] * len(gaps),
            mode="markers",
            name=translate("investment.no_public_figure", lang),
            marker={"symbol": "line-ew-open", "size": 14, "color": GAP_COLOUR, "line": {"width": 2}},
            hovertemplate="%{x} · " + translate("investment.no_public_figure", lang) + "<extra></extra>",
        ),
        secondary_y=False,
    )
    # Plotly spaces the year ticks for the chart's width (every year would stand on end at 1024 px).
    figure.update_xaxes(
        title_text=translate("investment.year", lang), tickformat="d", range=[first_year - 0.6, last_year + 0.6]
    )
    figure.update_yaxes(title_text=translate("investment.amount_axis", lang), secondary_y=False, rangemode="tozero")
    figure.update_yaxes(
        title_text=translate("investment.ratio_axis", lang),
        secondary_y=True,
        rangemode="tozero",
        tickmode="auto",
        showgrid=False,
    )
    return base_layout(figure, lang, height=520)


@shared_figure
def build_periods_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Multi-year aggregates (never one year): horizontal bars per period, ratio in its own panel."""
    rows = frame[frame["invested_cents"].notna() | frame["spend_cents"].notna() | frame["ratio_bp"].notna()]
    rows = rows.sort_values(["period_start", "period_end", "row_id"])
    labels = list(rows["period_label"])
    sources = source_texts(rows)
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.68, 0.32], horizontal_spacing=0.03)
    for measure, colour in (("invested", INVESTED_COLOUR), ("spend", SPEND_COLOUR)):
        values = [to_euros(v) for v in rows[f"{measure}_cents"]]
        qualities = list(rows[f"{measure}_quality"])
        whiskers = error_bars(
            values,
            [to_euros(v) for v in rows[f"{measure}_lower_cents"]],
            [to_euros(v) for v in rows[f"{measure}_upper_cents"]],
        )
        figure.add_trace(
            go.Bar(
                y=labels,
                x=values,
                orientation="h",
                name=translate(f"investment.{measure}", lang),
                marker=bar_marker(colour, qualities),
                error_x={**whiskers, "color": "#444444"},
                customdata=[
                    [printed, quality_text(q, lang), source]
                    for printed, q, source in zip(rows[f"{measure}_printed"], qualities, sources)
                ],
                hovertemplate="%{y} · %{customdata[0]}<br>%{customdata[1]}<br>"
                + translate("common.source_prefix", lang)
                + " %{customdata[2]}<extra>%{fullData.name}</extra>",
            ),
            row=1,
            col=1,
        )
    ratio = [to_percent(v) for v in rows["ratio_bp"]]
    qualities = list(rows["ratio_value_quality"])
    figure.add_trace(
        go.Scatter(
            y=labels,
            x=ratio,
            mode="markers",
            name=translate("investment.ratio", lang),
            marker={
                "size": 12,
                "color": RATIO_COLOUR,
                "opacity": [quality_style(q)["opacity"] for q in qualities],
                "symbol": ["diamond-open" if q == "derived" else "diamond" for q in qualities],
            },
            error_x={
                **error_bars(
                    ratio,
                    [to_percent(v) for v in rows["ratio_lower_bp"]],
                    [to_percent(v) for v in rows["ratio_upper_bp"]],
                ),
                "color": RATIO_COLOUR,
            },
            customdata=[
                [printed, quality_text(q, lang), source]
                for printed, q, source in zip(rows["ratio_printed"], qualities, sources)
            ],
            hovertemplate="%{y} · %{customdata[0]}<br>%{customdata[1]}<br>"
            + translate("common.source_prefix", lang)
            + " %{customdata[2]}<extra>%{fullData.name}</extra>",
        ),
        row=1,
        col=2,
    )
    # Long period names on two or three lines, so that the bars keep the room on a narrow screen.
    figure.update_yaxes(
        autorange="reversed", type="category", tickvals=labels, ticktext=[wrap_label(label) for label in labels]
    )
    figure.update_xaxes(
        title_text=translate("investment.amount_axis", lang), row=1, col=1, rangemode="tozero", nticks=5
    )
    figure.update_xaxes(title_text=translate("investment.ratio_axis", lang), row=1, col=2, rangemode="tozero", nticks=4)
    return base_layout(figure, lang, height=160 + 52 * len(labels))


@shared_figure
def build_peers_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Ratio of Wallimage and peer funds over time: single years as points, periods as spans."""
    figure = go.Figure()
    rows = frame[frame["ratio_bp"].notna()].sort_values(["fund", "period_start", "period_end"])
    sources = dict(zip(rows["row_id"], source_texts(rows)))
    for fund, group in rows.groupby("fund", sort=False):
        colour = FUND_COLOURS.get(fund, PALETTE[7])
        singles = group[group["scope"] == "single_year"]
        qualities = list(singles["ratio_value_quality"])
        figure.add_trace(
            go.Scatter(
                x=[int(y) for y in singles["period_start"]],
                y=[to_percent(v) for v in singles["ratio_bp"]],
                mode="markers",
                name=fund,
                legendgroup=fund,
                marker={
                    "size": 12,
                    "color": colour,
                    "opacity": [quality_style(q)["opacity"] for q in qualities],
                    "symbol": ["circle-open" if q == "derived" else "circle" for q in qualities],
                },
                error_y={
                    **error_bars(
                        [to_percent(v) for v in singles["ratio_bp"]],
                        [to_percent(v) for v in singles["ratio_lower_bp"]],
                        [to_percent(v) for v in singles["ratio_upper_bp"]],
                    ),
                    "color": colour,
                },
                customdata=[
                    [fund, p, quality_text(q, lang), sources[r]]
                    for p, q, r in zip(singles["ratio_printed"], qualities, singles["row_id"])
                ],
                hovertemplate="%{customdata[0]} · %{x} · %{customdata[1]}<br>%{customdata[2]}<br>"
                + translate("common.source_prefix", lang)
                + " %{customdata[3]}<extra></extra>",
            )
        )
        for index, (_, period) in enumerate(group[group["scope"] == "multi_year"].iterrows()):
            value = to_percent(period["ratio_bp"])
            text = f"{fund} · {period['period_label']} · {period['ratio_printed']}"
            figure.add_trace(
                go.Scatter(
                    x=[int(period["period_start"]), int(period["period_end"])],
                    y=[value, value],
                    mode="lines",
                    name=fund if singles.empty else f"{fund} — {translate('investment.period_span', lang)}",
                    legendgroup=fund,
                    showlegend=singles.empty and index == 0,
                    opacity=0.55,
                    line={"color": colour, "width": 6},
                    hovertemplate=text
                    + "<br>"
                    + translate("common.source_prefix", lang)
                    + f" {sources[period['row_id']]}<extra></extra>",
                )
            )
    figure.update_xaxes(title_text=translate("investment.year", lang), dtick=2)
    figure.update_yaxes(title_text=translate("investment.ratio_axis", lang), rangemode="tozero")
    return base_layout(figure, lang, height=420)
