"""Sections of the carbon page that are more than a card or two: the posts of the breakdown chart
(shares of the shooting phase and of its main posts, the chart's categories) and certification.

No query here: the page passes the rows it fetched (carbon/facts, carbon/posts).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import carbon
from dashboard.components.carbon_texts import card_row, cited, meta, share_values
from dashboard.components.cards import not_published, table_card
from dashboard.components.charts_carbon import format_bounds
from dashboard.components.formatting import format_number, format_percent
from dashboard.components.i18n import current_language, label_of, t

# The breakdown chart's one readable value (tCO2e), when the report's text gives one.
LONE_VALUE = "breakdown_chart_lone_value"
CERTIFICATION_FACTS = (
    "certified_projects",
    "companies_committed",
    "certification_required_year",
    "green_managers_trained",
)


def posts_and_certification(facts: pd.DataFrame, posts: pd.DataFrame) -> None:
    """The breakdown by post and certification, each under its heading, or one sentence when the report
    publishes none of its rows."""
    st.header(t("carbon.posts_heading"))
    posts_section(facts, posts)
    st.header(t("carbon.certification_heading"))
    certification_cards(facts)


def posts_section(facts: pd.DataFrame, posts: pd.DataFrame) -> None:
    """The shares of the shooting phase and of its main posts (facts rows, and the share of all emissions
    derived from them), then the chart's posts; the number of main posts is that of the posts rows."""
    if posts.empty or not {"shooting_phase_share", "top4_posts_share_of_shooting"} <= set(facts.index):
        not_published("carbon_posts")
        return
    main_posts = {"posts": format_number(int(posts["most_impactful"].sum()))}
    phase, top4 = facts.loc["shooting_phase_share"], facts.loc["top4_posts_share_of_shooting"]
    top4_total = carbon.share_of_total(
        carbon.Interval(top4["lower_value"], top4["upper_value"]),
        carbon.Interval(phase["lower_value"], phase["upper_value"]),
    )
    phase_value, top4_value = (
        f"> {format_percent(phase['fact_value'], 0)}",
        f"≈ {format_percent(top4['fact_value'], 0)}",
    )
    card_row(
        [
            (t("carbon.shooting_phase_metric"), phase_value, [phase["source_id"]], "approximate"),
            (t("carbon.top4_metric", **main_posts), top4_value, [top4["source_id"]], "approximate", top4["note"]),
            (
                t("carbon.top4_total_metric", **main_posts),
                format_bounds(top4_total, "%", 1),
                cited(phase["source_id"], top4["source_id"]),
                "derived",
                t("carbon.top4_total_help", **share_values(phase, top4, top4_total)),
            ),
        ]
    )
    lone = facts.loc[facts.index == LONE_VALUE]
    note = {"value": format_number(lone["fact_value"].max())} if len(lone) else {"note": "carbon.posts_unvalued_note"}
    impactful = t("carbon.most_impactful", count=main_posts["posts"])
    table = posts.assign(
        post=posts["post_label_key"].map(label_of), most_impactful=posts["most_impactful"].map({1: "✔", 0: ""})
    )
    table_card(
        table[["chart_order", "post", "label_printed", "most_impactful"]].rename(columns={"most_impactful": impactful}),
        meta("posts", cited(*posts["source_id"], *lone["source_id"]), **note),
        "carbon_posts",
    )


def certification_cards(facts: pd.DataFrame) -> None:
    """Certified projects, committed companies, the year certification becomes required, green managers."""
    lang, cards = current_language(), []
    published = [fact_id for fact_id in CERTIFICATION_FACTS if fact_id in facts.index]
    if not published:
        not_published("certification")
        return
    for fact_id in published:
        row = facts.loc[fact_id]
        value = ("≈ " if row["quality"] == "approximate" else "") + format_number(row["fact_value"])
        if fact_id == "certification_required_year":
            value = str(int(row["fact_value"]))
        cards.append((row[f"label_{lang}"], value, [row["source_id"]], row["quality"]))
    for row in (cards[:2], cards[2:]):
        if row:
            card_row(row)
