"""Figures of the presentation mode: few bars, large type, readable from three metres.

Pure functions (data frame + language -> go.Figure); the page only renders them.
"""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.components.chart_parts import shared_figure
from dashboard.components.formatting import format_compact_money, format_money, format_percent
from dashboard.components.i18n import label_of, translate
from dashboard.components.quality import INVESTED_COLOUR, SPEND_COLOUR, style_of
from dashboard.metrics import ratio_pct

FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif", "size": 24}


@shared_figure
def build_sector_slide_figure(frame, lang: str) -> go.Figure:
    """Invested vs Walloon spend by sector (the report's year), one pair of bars per sector, ratio under each."""
    ratios = [ratio_pct(s, i) for s, i in zip(frame["walloon_spend_cents"], frame["investment_cents"])]
    ratio_word = translate("presentation.ratio_short", lang)
    categories = [
        f"{label_of(sector, lang)}<br>{ratio_word} {format_percent(r, 0, lang)}"
        for sector, r in zip(frame["sector"], ratios)
    ]
    figure = go.Figure()
    for column, key, colour in (
        ("investment_cents", "presentation.invested", INVESTED_COLOUR),
        ("walloon_spend_cents", "presentation.spend", SPEND_COLOUR),
    ):
        euros = [int(c) / 100 for c in frame[column]]
        name = translate(key, lang)
        figure.add_bar(
            x=categories,
            y=euros,
            name=name,
            marker={"color": colour, "pattern": {"shape": style_of("reported")["pattern"]}},
            text=[format_compact_money(e, lang) for e in euros],
            textposition="outside",
            textfont={"size": 26, "color": "#1A1A1A"},
            customdata=[format_money(e, 2, lang) for e in euros],
            hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
            cliponaxis=False,
        )
    figure.update_layout(
        barmode="group",
        font=FONT,
        height=560,
        margin={"l": 20, "r": 20, "t": 30, "b": 20},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": 24}},
        yaxis={
            "title": {"text": translate("presentation.axis_euros", lang), "font": {"size": 22}},
            "tickformat": "~s",
            "tickfont": {"size": 20},
            "automargin": True,
        },
        xaxis={"tickfont": {"size": 24}, "automargin": True},
        plot_bgcolor="white",
        separators=",." if lang == "fr" else ".,",
    )
    return figure
