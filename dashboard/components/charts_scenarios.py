"""Figures of the shooting-day scenarios page, built by pure functions (tests assert on them)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.chart_parts import legend_below, shared_figure
from dashboard.components.formatting import format_money_cents
from dashboard.components.i18n import label_of, translate
from dashboard.components.quality import PALETTE, style_of

COMPLEMENT_COLOUR = "#999999"
SEPARATORS = {"fr": ",.", "en": ".,"}


def scenario_bars(
    published: pd.DataFrame, chosen: pd.DataFrame, share_pct: int, user_inputs: bool, lang: str
) -> tuple[pd.DataFrame, str]:
    """Long table (bar, component, cents) of the published scenarios plus the chosen one, and the
    chosen bar's label. The chosen share gets its own bar unless it is a published one with the
    report's inputs (then that published bar is the chosen one)."""
    rows = []
    shares = sorted({int(s) // 100 for s in published["share_bp"]})
    chosen_is_published = share_pct in shares and not user_inputs
    chosen_label = translate("scenarios.bar_published", lang, share=share_pct)
    for share in sorted(set(shares) | ({share_pct} if not chosen_is_published else set())):
        if share in shares and (share != share_pct or chosen_is_published):
            label = translate("scenarios.bar_published", lang, share=share)
            frame = published[published["share_bp"] == share * 100]
        else:
            key = "scenarios.bar_user" if user_inputs else "scenarios.bar_chosen"
            label = chosen_label = translate(key, lang, share=share)
            frame = chosen
        for row in frame.itertuples(index=False):
            rows.append({"bar": label, "share": share, "component": row.project_type, "cents": row.days_spend_cents})
        rows.append(
            {"bar": label, "share": share, "component": "complement", "cents": int(frame["complement_cents"].sum())}
        )
    return pd.DataFrame(rows), chosen_label


@shared_figure
def build_components_figure(
    published: pd.DataFrame, chosen: pd.DataFrame, share_pct: int, user_inputs: bool, lang: str
) -> go.Figure:
    """Stacked bars: each scenario's spend by project type plus the unscaled complement; the chosen
    share is outlined with dashes (scenario / user-input style)."""
    bars, chosen_label = scenario_bars(published, chosen, share_pct, user_inputs, lang)
    order = list(dict.fromkeys(bars["bar"]))
    sizes = bars[bars["component"] != "complement"].groupby("component")["cents"].sum()
    components = [*sizes.sort_values(ascending=False).index, "complement"]
    figure = go.Figure()
    for index, component in enumerate(components):
        part = bars[bars["component"] == component].set_index("bar").reindex(order)
        name = label_of(component, lang)
        figure.add_bar(
            x=order,
            y=part["cents"] / 100,
            name=name,
            marker_color=COMPLEMENT_COLOUR if component == "complement" else PALETTE[index % len(PALETTE)],
            customdata=[format_money_cents(v, lang=lang) for v in part["cents"]],
            hovertemplate=f"{name}<br>%{{x}}: %{{customdata}}<extra></extra>",
        )
    totals = bars.groupby("bar", sort=False)["cents"].sum().reindex(order)
    figure.add_scatter(
        x=order,
        y=totals / 100,
        mode="text",
        text=[format_money_cents(v, 0, lang) for v in totals],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
        cliponaxis=False,  # a total wider than its bar is drawn whole, not cut at the plot's edge
    )
    position = order.index(chosen_label)
    figure.add_shape(
        type="rect",
        xref="x",
        yref="y",
        x0=position - 0.45,
        x1=position + 0.45,
        y0=0,
        y1=float(totals.iloc[position]) / 100,
        line={"dash": style_of("scenario")["dash"], "width": 3, "color": "#000000"},
        fillcolor="rgba(0,0,0,0)",
        name="chosen",
    )
    figure.update_layout(
        barmode="stack",
        separators=SEPARATORS[lang],
        yaxis={"title": translate("scenarios.axis_y", lang), "tickformat": ",.0f", "rangemode": "tozero"},
        xaxis={"title": translate("scenarios.axis_x", lang), "type": "category"},
        legend=legend_below(title={"text": translate("scenarios.legend", lang), "side": "top"}, traceorder="reversed"),
        margin={"t": 30, "b": 10, "l": 60, "r": 10},
        height=560,  # the legend under the plot takes up to ~200 px on a narrow screen
    )
    return figure
