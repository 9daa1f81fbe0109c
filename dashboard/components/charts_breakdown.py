"""Figures of the report's breakdowns (pure: data frame + language -> go.Figure): by sector, type, origin
and role, spend by post, and a work's co-producing countries.

Same visual language and helpers as dashboard/components/charts_investment.py (the by-year,
multi-year and peer-fund figures), from which it was split.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.components.chart_parts import (
    base_layout,
    quality_text,
    shared_figure,
    to_euros,
    to_percent,
    wrap_label,
)
from dashboard.components.formatting import format_money, format_percent
from dashboard.components.i18n import translate
from dashboard.components.quality import INVESTED_COLOUR, PALETTE, RATIO_COLOUR, SPEND_COLOUR
from dashboard.metrics import is_missing


@shared_figure
def build_breakdown_figure(frame: pd.DataFrame, lang: str, dimension: str) -> go.Figure:
    """Invested and Walloon spend per category (bars) with the derived ratio (markers, right axis)."""
    labels = list(frame[dimension])
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for column, measure, colour in (
        ("investment_cents", "invested", INVESTED_COLOUR),
        ("walloon_spend_cents", "spend", SPEND_COLOUR),
    ):
        values = [to_euros(v) for v in frame[column]]
        figure.add_trace(
            go.Bar(
                x=labels,
                y=values,
                name=translate(f"investment.{measure}", lang),
                marker={"color": colour},
                customdata=[[format_money(v, 2, lang), int(n)] for v, n in zip(values, frame["works"])],
                hovertemplate="%{x}<br>%{customdata[0]} · %{customdata[1]} "
                + translate("investment.works_unit", lang)
                + "<extra>%{fullData.name}</extra>",
            ),
            secondary_y=False,
        )
    ratios = list(frame["ratio_pct"])
    figure.add_trace(
        go.Scatter(
            x=labels,
            y=ratios,
            mode="markers",
            name=translate("investment.ratio_derived", lang),
            text=[format_percent(r, 2, lang) for r in ratios],
            marker={"size": 12, "color": RATIO_COLOUR, "symbol": "diamond-open"},
            hovertemplate="%{x} · %{text}<br>" + quality_text("derived", lang) + "<extra></extra>",
        ),
        secondary_y=True,
    )
    top = max([r for r in ratios if not is_missing(r)], default=100)
    # Each category's ratio is written under its name (beside its marker, the labels of neighbouring
    # categories ran into each other in a half-width chart); long names wrap instead of standing on end.
    figure.update_xaxes(
        tickvals=labels,
        ticktext=[f"{wrap_label(label, 14)}<br>{format_percent(r, 2, lang)}" for label, r in zip(labels, ratios)],
        tickangle=0,
    )
    figure.update_yaxes(title_text=translate("investment.amount_axis", lang), secondary_y=False, rangemode="tozero")
    # Room above the highest ratio marker; ticks of their own (not synced to the money axis).
    figure.update_yaxes(
        title_text=translate("investment.ratio_axis", lang),
        secondary_y=True,
        range=[0, top * 1.3],
        tickmode="auto",
        showgrid=False,
    )
    return base_layout(figure, lang, height=400)


@shared_figure
def build_posts_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Spend by post as horizontal bars, biggest first, labelled with amount and printed share."""
    rows = frame.sort_values("amount_cents", ascending=False)
    amounts = [to_euros(v) for v in rows["amount_cents"]]
    shares = [to_percent(v) for v in rows["share_printed_bp"]]
    text = [f"{format_money(a, 0, lang)} · {format_percent(s, 0, lang)}" for a, s in zip(amounts, shares)]
    figure = go.Figure(
        go.Bar(
            y=list(rows["post"]),
            x=amounts,
            orientation="h",
            name=translate("investment.spend", lang),
            marker={"color": SPEND_COLOUR},
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
        )
    )
    posts = list(rows["post"])
    figure.update_yaxes(
        autorange="reversed", type="category", tickvals=posts, ticktext=[wrap_label(post, 24) for post in posts]
    )
    # Room on the right for the outside labels of the biggest bars, down to a 1024 px screen.
    top = max([a for a in amounts if a is not None], default=1)
    figure.update_xaxes(title_text=translate("investment.spend_axis", lang), range=[0, top * 1.65])
    return base_layout(figure, lang, height=80 + 48 * len(amounts), showlegend=False)


@shared_figure
def build_countries_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Co-production shares of one work by country, as printed (they may not add up to 100 %)."""
    shares = [to_percent(v) for v in frame["share_bp"]]
    figure = go.Figure(
        go.Bar(
            y=list(frame["country_label"]),
            x=shares,
            orientation="h",
            marker={"color": PALETTE[0]},
            text=[format_percent(s, 2, lang) for s in shares],
            textposition="auto",
            name=translate("investment.share", lang),
            hovertemplate="%{y} · %{text}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(title_text=translate("investment.share_axis", lang), range=[0, 100])
    return base_layout(figure, lang, height=80 + 44 * len(shares), showlegend=False)
