"""Figures of the carbon page, built by pure functions (tests assert on them).

Footprints are drawn only as ranges (the report gives no value per shoot): light dotted bars for a
statement's own bounds (approximate), hatched bars for bounds derived with the mean, dashed lines
for the green-manager what-if.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.carbon import WHOLE_SAMPLE, Interval, round_outward
from dashboard.components.carbon_texts import projects_phrase, statement_label
from dashboard.components.chart_parts import shared_figure
from dashboard.components.formatting import format_money_cents, format_number, format_range
from dashboard.components.i18n import label_of, translate
from dashboard.components.quality import PALETTE, SPEND_COLOUR, style_of

SEPARATORS = {"fr": ",.", "en": ".,"}
CARBON_COLOUR = PALETTE[2]


def wrap(text: str, width: int = 18) -> str:
    """A label broken into lines of at most `width` characters (plotly's <br>), so that narrow charts
    neither rotate nor cut it and two panel titles never run into each other."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def format_bounds(bounds: Interval, unit: str, decimals: int = 0, lang: str | None = None) -> str:
    """A range rounded outwards ('167,65–168,35 tCO2e'; '≥ 400 tCO2e' without an upper bound)."""
    shown = round_outward(bounds, decimals)
    return format_range(shown.low, None if math.isinf(shown.high) else shown.high, unit, decimals, lang)


def _pattern(quality: str) -> dict:
    return {"shape": style_of(quality)["pattern"], "fillmode": "overlay", "solidity": 0.3}


def _statement_names(ranges: pd.DataFrame, lang: str) -> list[str]:
    """Short labels of the statements ('3 projets « environ 200 »'), from their rows."""
    return [
        statement_label(row.relation, row.projects_count, row.stated_t, lang, short=True)
        for row in ranges.itertuples(index=False)
    ]


@shared_figure
def build_footprint_ranges_figure(ranges: pd.DataFrame, reduction_pct: float, lang: str) -> go.Figure:
    """Horizontal ranges of the report's statements (approximate), the bounds derived with the mean
    (hatched) and, for a non-zero cut, the ranges after the cut (dashed)."""
    names = _statement_names(ranges, lang)
    finite_highs = ranges["derived_high_t"].dropna()
    axis_end = math.ceil(float(finite_highs.max()) * 1.12 / 50) * 50
    stated_high = ranges["stated_high_t"].fillna(axis_end)
    approximate = style_of("approximate")
    figure = go.Figure()
    figure.add_bar(
        y=names,
        x=stated_high - ranges["stated_low_t"],
        base=ranges["stated_low_t"],
        orientation="h",
        name=translate("carbon.trace_stated", lang),
        marker={"color": CARBON_COLOUR, "opacity": approximate["opacity"], "pattern": _pattern("approximate")},
        customdata=[
            format_bounds(Interval(lo, math.inf if pd.isna(hi) else hi), "tCO2e", 1, lang)
            for lo, hi in zip(ranges["stated_low_t"], ranges["stated_high_t"])
        ],
        hovertemplate="%{y}: %{customdata}<extra></extra>",
        width=0.5,
    )
    tightened = ranges[ranges["tightened"]]
    figure.add_bar(
        y=_statement_names(tightened, lang),
        x=tightened["derived_high_t"] - tightened["derived_low_t"],
        base=tightened["derived_low_t"],
        orientation="h",
        name=translate("carbon.trace_derived", lang),
        marker={"color": CARBON_COLOUR, "pattern": _pattern("derived"), "line": {"color": "#000000", "width": 1}},
        customdata=[
            format_bounds(Interval(lo, hi), "tCO2e", 1, lang)
            for lo, hi in zip(tightened["derived_low_t"], tightened["derived_high_t"])
        ],
        hovertemplate="%{y}: %{customdata}<extra></extra>",
        width=0.25,
    )
    figure.add_scatter(
        y=names,
        x=ranges["stated_t"],
        mode="markers",
        marker={"symbol": "line-ns-open", "size": 18, "color": "#000000", "line": {"width": 2}},
        name=translate("carbon.trace_stated_value", lang),
        hovertemplate="%{y}: %{x}<extra></extra>",
    )
    if reduction_pct > 0:
        xs, ys = [], []
        for name, low, high in zip(names, ranges["after_low_t"], ranges["after_high_t"]):
            xs += [low, high, None]
            ys += [name, name, None]
        figure.add_scatter(
            x=xs,
            y=ys,
            mode="lines+markers",
            line={"dash": style_of("scenario")["dash"], "color": "#000000", "width": 2},
            marker={"symbol": "line-ns", "size": 12, "line": {"width": 2, "color": "#000000"}},
            name=translate("carbon.trace_after", lang, reduction=format_number(reduction_pct, 0, lang)),
            hoverinfo="x+y",
        )
    for name, high in zip(names, ranges["stated_high_t"]):
        if pd.isna(high):
            figure.add_annotation(
                x=axis_end,
                y=name,
                text=translate("carbon.open_upper", lang),
                showarrow=False,
                xanchor="right",
                yshift=16,
            )
    figure.update_layout(
        barmode="overlay",
        separators=SEPARATORS[lang],
        xaxis={"title": translate("carbon.axis_tco2e", lang), "range": [0, axis_end]},
        yaxis={"autorange": "reversed", "type": "category"},
        legend={"orientation": "h", "y": -0.2},
        margin={"t": 20, "b": 40, "l": 10, "r": 10},
        height=400,
    )
    return figure


@shared_figure
def build_spend_carbon_figure(side: pd.DataFrame, lang: str) -> go.Figure:
    """Two panels for the same kinds: Walloon spend per shooting day (reported, where measured) and
    tCO2e per shooting day as ranges (approximate for the whole sample, derived by kind)."""
    figure = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=[
            wrap(translate("carbon.side_spend", lang), 24),
            wrap(translate("carbon.side_carbon", lang), 24),
        ],
        horizontal_spacing=0.16,
    )
    figure.update_annotations(font_size=13)

    def name(row) -> str:
        count = projects_phrase(row.projects, lang) if row.kind == WHOLE_SAMPLE else row.projects
        return wrap(f"{label_of(row.kind, lang)} ({count})", 14)

    side = side.assign(name=[name(row) for row in side.itertuples(index=False)])
    spend = side.dropna(subset=["spend_per_day_cents"])
    figure.add_bar(
        x=[wrap(label_of(kind, lang), 14) for kind in spend["kind"]],
        y=spend["spend_per_day_cents"] / 100,
        marker_color=SPEND_COLOUR,
        name=translate("carbon.side_spend", lang),
        text=[format_money_cents(v, 2, lang) for v in spend["spend_per_day_cents"]],
        textposition="outside",
        hovertemplate="%{x}: %{text}<extra></extra>",
        row=1,
        col=1,
    )
    for quality in ("approximate", "derived"):
        part = side[side["quality"] == quality]
        ranges = [
            format_bounds(Interval(lo, hi), "", 2, lang) for lo, hi in zip(part["per_day_low"], part["per_day_high"])
        ]
        figure.add_bar(
            x=part["name"],
            y=part["per_day_high"] - part["per_day_low"],
            text=ranges,
            textposition="outside",
            base=part["per_day_low"],
            marker={
                "color": CARBON_COLOUR,
                "opacity": style_of(quality)["opacity"],
                "pattern": _pattern(quality),
                "line": {"color": "#000000", "width": 1},
            },
            name=f"{style_of(quality)['symbol']} {translate('quality.' + quality, lang)}",
            customdata=[
                format_bounds(Interval(lo, hi), translate("carbon.unit_per_day", lang), 2, lang)
                for lo, hi in zip(part["per_day_low"], part["per_day_high"])
            ],
            hovertemplate="%{x}: %{customdata}<extra></extra>",
            row=1,
            col=2,
        )
    figure.update_xaxes(categoryorder="array", categoryarray=list(side["name"]), row=1, col=2)
    figure.update_yaxes(tickformat=",.0f", rangemode="tozero", row=1, col=1)
    figure.update_yaxes(rangemode="tozero", row=1, col=2)
    # Labels stay horizontal (wrapped) and the legend sits under the plot: at 1024 px nothing is cut.
    figure.update_xaxes(tickangle=0, automargin=True)
    figure.update_yaxes(automargin=True)
    figure.update_layout(
        separators=SEPARATORS[lang],
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0, "xanchor": "left"},
        margin={"t": 70, "b": 20, "l": 10, "r": 10},
        height=460,
    )
    return figure
