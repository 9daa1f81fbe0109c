"""Figures of the presentation mode: few bars, large type, readable from three metres.

Pure functions (data frame + language -> go.Figure); the page only renders them.
"""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.components.chart_parts import legend_below, shared_figure
from dashboard.components.formatting import format_compact_money, format_money, format_percent
from dashboard.components.i18n import label_of, translate
from dashboard.components.quality import INVESTED_COLOUR, SPEND_COLOUR, style_of
from dashboard.metrics import ratio_pct

FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif", "size": 24}


# Fits a 1024 × 768 projector with the slide's title, sources and controls (tests/test_layout_browser.py).
SLIDE_CHART_HEIGHT = 400


@shared_figure
def build_sector_slide_figure(frame, lang: str) -> go.Figure:
    """Invested vs Walloon spend by sector (the report's year): one pair of horizontal bars per sector,
    its ratio under its name, each amount at the end of its own bar.

    Horizontal, so that each amount has its own row: side by side, the labels of the two small bars
    ("130.000 €" and "262.350 €") ran into each other on a 1024 px projector.
    """
    ratios = [ratio_pct(s, i) for s, i in zip(frame["walloon_spend_cents"], frame["investment_cents"])]
    ratio_word = translate("presentation.ratio_short", lang)
    categories = [
        f"{label_of(sector, lang)}<br>{ratio_word} {format_percent(r, 0, lang)}"
        for sector, r in zip(frame["sector"], ratios)
    ]
    figure = go.Figure()
    largest = 0.0
    for column, key, colour in (
        ("investment_cents", "presentation.invested", INVESTED_COLOUR),
        ("walloon_spend_cents", "presentation.spend", SPEND_COLOUR),
    ):
        euros = [int(c) / 100 for c in frame[column]]
        largest = max([largest, *euros])
        name = translate(key, lang)
        figure.add_bar(
            y=categories,
            x=euros,
            orientation="h",
            name=name,
            marker={"color": colour, "pattern": {"shape": style_of("reported")["pattern"]}},
            text=[format_compact_money(e, lang) for e in euros],
            textposition="outside",
            textfont={"size": 24, "color": "#1A1A1A"},
            customdata=[format_money(e, 2, lang) for e in euros],
            hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
            cliponaxis=False,
        )
    figure.update_layout(
        barmode="group",
        bargap=0.25,
        font=FONT,
        height=SLIDE_CHART_HEIGHT,
        margin={"l": 10, "r": 20, "t": 10, "b": 10},
        legend=legend_below(font={"size": 22}),
        # Room at the right of the longest bar for its amount (also on a printed A4 page).
        xaxis={"range": [0, largest * 1.4], "tickformat": "~s", "tickfont": {"size": 18}, "showgrid": True},
        yaxis={"tickfont": {"size": 22}, "automargin": True, "autorange": "reversed"},
        plot_bgcolor="white",
        separators=",." if lang == "fr" else ".,",
    )
    return figure
