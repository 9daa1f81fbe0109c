"""Figures of the carbon page's per-shoot view and of the published benchmarks (pure builders, tested).

Every footprint is drawn with its bounds (an error bar from its low to its high bound; exact results have
none). Benchmarks are drawn as ranges with their printed value, one chart per scope: per shooting day,
per production and per hour of content are never put on one axis. Legends sit under the plot, so that
nothing runs into a title at narrow widths; long category labels wrap instead of turning.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.chart_parts import shared_figure
from dashboard.components.charts_carbon import CARBON_COLOUR, SEPARATORS, wrap
from dashboard.components.formatting import format_number
from dashboard.components.i18n import label_of, translate
from dashboard.components.quality import PALETTE, style_of

TOOL_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross")
LEGEND_BELOW = {"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0, "xanchor": "left"}


def _layout(figure: go.Figure, lang: str, height: int = 380, **extra) -> go.Figure:
    figure.update_layout(
        separators=SEPARATORS[lang],
        legend=LEGEND_BELOW,
        margin={"t": 20, "b": 20, "l": 10, "r": 10},
        height=height,
        **extra,
    )
    figure.update_xaxes(automargin=True, tickangle=0)
    figure.update_yaxes(automargin=True)
    return figure


def shoot_name(row, lang: str) -> str:
    """'<year> · n° 3' / '<year> · no. 3': a shoot by its report and number (the work's title when linked)."""
    title = row.work_title if isinstance(getattr(row, "work_title", None), str) else None
    return title or translate("carbon.shoot_name", lang, year=row.report_year, number=row.project_no)


@shared_figure
def build_shoot_points_figure(rows: pd.DataFrame, benchmarks: pd.DataFrame, lang: str) -> go.Figure:
    """Each result as a point: shooting days across, tCO2e per shooting day up, its bounds as an error bar,
    one marker per tool; the published per-shooting-day benchmarks as shaded ranges."""
    figure = go.Figure()
    for index, (tool, part) in enumerate(rows.groupby("tool_name", sort=True)):
        mid = (part["per_day_low"] + part["per_day_high"]) / 2
        figure.add_scatter(
            x=part["shooting_days"],
            y=mid,
            mode="markers",
            name=tool,
            marker={
                "symbol": TOOL_SYMBOLS[index % len(TOOL_SYMBOLS)],
                "size": 10,
                "color": PALETTE[index % len(PALETTE)],
            },
            error_y={
                "type": "data",
                "array": part["per_day_high"] - mid,
                "arrayminus": mid - part["per_day_low"],
                "visible": True,
            },
            customdata=[shoot_name(r, lang) for r in part.itertuples(index=False)],
            hovertemplate=f"%{{customdata}}: %{{y:.2f}} {translate('carbon.unit_per_day', lang)} · %{{x}}<extra></extra>",
        )
    for row in benchmarks.itertuples(index=False):
        figure.add_hrect(
            y0=row.lower_value,
            y1=row.upper_value,
            fillcolor=CARBON_COLOUR,
            opacity=0.15,
            line_width=0,
            annotation_text=translate("carbon.benchmark_band", lang, study=row.study),
            annotation_position="top left",
        )
    return _layout(
        figure,
        lang,
        xaxis={"title": translate("carbon.axis_days", lang), "rangemode": "tozero"},
        yaxis={"title": translate("carbon.axis_per_day", lang), "rangemode": "tozero"},
    )


@shared_figure
def build_category_figure(shares: pd.DataFrame, lang: str) -> go.Figure:
    """Share of each category in the selected footprints (horizontal bars, largest on top)."""
    labels = [label_of(c, lang) for c in shares["category"]]
    figure = go.Figure(
        go.Bar(
            x=shares["category_share_pct"],
            y=labels,
            orientation="h",
            marker_color=CARBON_COLOUR,
            text=[f"{format_number(v, 1, lang)} %" for v in shares["category_share_pct"]],
            textposition="outside",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    return _layout(
        figure,
        lang,
        height=60 + 32 * max(len(shares), 1),
        yaxis={"autorange": "reversed"},
        xaxis={"title": translate("carbon.axis_share", lang), "rangemode": "tozero"},
    )


@shared_figure
def build_forecast_final_figure(both: pd.DataFrame, lang: str) -> go.Figure:
    """Each shoot's forecast and final footprint side by side (tCO2e)."""
    names = [translate("carbon.shoot_name", lang, year=r.report_year, number=r.project_no) for r in both.itertuples()]
    figure = go.Figure()
    for column, stage, quality in (("forecast_t", "forecast", "estimated"), ("final_t", "final", "reported")):
        figure.add_bar(
            x=names,
            y=both[column],
            name=label_of(stage, lang),
            marker={"color": CARBON_COLOUR, "opacity": style_of(quality)["opacity"]},
            hovertemplate="%{x}: %{y:.1f} tCO2e<extra></extra>",
        )
    return _layout(figure, lang, barmode="group", yaxis={"title": translate("carbon.axis_tco2e_shoot", lang)})


@shared_figure
def build_group_figure(groups: pd.DataFrame, column: str, lang: str) -> go.Figure:
    """tCO2e per shooting day of each group (report year or work type): a bar to the middle of its range,
    the range as an error bar (none for exact values), the value and the number of shoots written above."""
    names = [str(v) if column == "report_year" else wrap(label_of(v, lang), 14) for v in groups[column]]
    mid = (groups["per_day_low"] + groups["per_day_high"]) / 2
    figure = go.Figure(
        go.Bar(
            x=names,
            y=mid,
            error_y={"type": "data", "array": groups["per_day_high"] - mid, "arrayminus": mid - groups["per_day_low"]},
            marker={"color": CARBON_COLOUR},
            text=[
                translate("carbon.group_bar", lang, value=format_number(v, 2, lang), shoots=format_number(n, 0, lang))
                for v, n in zip(mid, groups["shoots"])
            ],
            textposition="outside",
            hovertemplate="%{x}: %{text}<extra></extra>",
            width=0.5,
        )
    )
    figure.update_xaxes(type="category")
    top = float(groups["per_day_high"].max()) * 1.3 if len(groups) else 1
    return _layout(figure, lang, height=320, yaxis={"title": translate("carbon.axis_per_day", lang), "range": [0, top]})


@shared_figure
def build_benchmark_figure(rows: pd.DataFrame, lang: str) -> go.Figure:
    """The benchmarks of one scope as horizontal ranges (lower to upper bound) with their printed value."""
    names = [wrap(row[f"label_{lang}"], 40) for _, row in rows.iterrows()]
    figure = go.Figure()
    figure.add_bar(
        y=names,
        x=rows["upper_value"] - rows["lower_value"],
        base=rows["lower_value"],
        orientation="h",
        marker={"color": CARBON_COLOUR, "opacity": 0.45, "pattern": {"shape": ".", "solidity": 0.3}},
        name=translate("carbon.benchmark_range_trace", lang),
        hoverinfo="skip",
        width=0.5,
    )
    figure.add_scatter(
        y=names,
        x=rows["benchmark_value"],
        mode="markers+text",
        marker={"symbol": "line-ns-open", "size": 18, "color": "#000000", "line": {"width": 2}},
        text=[format_number(v, 1 if not float(v).is_integer() else 0, lang) for v in rows["benchmark_value"]],
        textposition="middle right",
        name=translate("carbon.benchmark_value_trace", lang),
        hovertemplate="%{y}: %{x}<extra></extra>",
    )
    unit = translate(f"carbon.unit_{rows['unit'].iloc[0]}", lang) if len(rows) else ""
    top = float(rows["upper_value"].max()) * 1.2 if len(rows) else 1
    return _layout(
        figure,
        lang,
        height=110 + 60 * max(len(rows), 1),
        showlegend=False,
        barmode="overlay",
        yaxis={"autorange": "reversed", "type": "category"},
        xaxis={"title": unit, "range": [0, top]},
    )
