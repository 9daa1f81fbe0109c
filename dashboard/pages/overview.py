"""Overview: the headline figures of the report's year and since creation, each with its source and a link.

Queries: overview/coproduction_totals, investment/total_source, overview/totals_by_sector, overview/facts_by_id,
overview/scenario_range, presentation/scenario_totals, overview/carbon_mean, investment/gaming_call_totals,
overview/place_count, presentation/place_sources.
"""

import functools

import streamlit as st

from dashboard.components.cards import Meta, kpi_card, table_card
from dashboard.components.formatting import (
    format_compact_money,
    format_money,
    format_number,
    format_percent,
    format_range,
)
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.report import current_report
from dashboard.components.shell import page_header, page_object, read_page_params
from dashboard.data.queries import run_query
from dashboard.metrics import euros, ratio_pct

read_page_params([])
page_header("overview.title", "overview.intro")
lang = current_language()
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
query = functools.partial(run_query, lang=lang, **current_report().params)
investment_page, scenarios_page = page_object("investment.py"), page_object("scenarios.py")
carbon_page, map_page = page_object("carbon.py"), page_object("map.py")

year = current_report().year
totals = query("overview/coproduction_totals").iloc[0]
# The section that prints the report's total of its works: the citation of the four cards below.
total_source = list(query("investment/total_source")["source_id"])
st.subheader(t("overview.section_report", year=year, works=format_number(totals["works"])))
# Two by two: exact amounts need the room (a cut figure cannot be quoted), down to a 1280 px projector.
cards = [*st.columns(2), *st.columns(2)]
with cards[0]:
    kpi_card(t("overview.works"), format_number(totals["works"]), total_source, page=investment_page)
with cards[1]:
    kpi_card(
        t("overview.invested"), format_money(euros(totals["investment_cents"])), total_source, page=investment_page
    )
with cards[2]:
    kpi_card(
        t("overview.spend"), format_money(euros(totals["walloon_spend_cents"])), total_source, page=investment_page
    )
with cards[3]:
    ratio = ratio_pct(totals["walloon_spend_cents"], totals["investment_cents"])
    kpi_card(
        t("overview.ratio"), format_percent(ratio), total_source, "derived", t("overview.ratio_help"), investment_page
    )

facts = query(
    "overview/facts_by_id",
    fact_ids=[
        "works_since_creation",
        "companies_since_creation",
        "shooting_days_cumulative",
        "staff_fte",
        "shooting_days",
        "enterprises_committed",
    ],
).set_index("fact_id")


def fact_value(fact_id: str, decimals: int = 0) -> str:
    """A fact formatted as a number, or as a range when the report gives it approximately."""
    row = facts.loc[fact_id]
    if row["quality"] == "approximate":
        return f"≈ {format_number(row['fact_value'], decimals)}"
    return format_number(row["fact_value"], decimals)


st.subheader(t("overview.section_lifetime"))
cards = st.columns(4)
for column, (fact_id, decimals) in zip(
    cards,
    [
        ("works_since_creation", 0),
        ("companies_since_creation", 0),
        ("shooting_days_cumulative", 0),
        ("staff_fte", 1),
    ],
):
    row = facts.loc[fact_id]
    with column:
        kpi_card(
            row[f"label_{lang}"],
            fact_value(fact_id, decimals),
            [row["source_id"]],
            row["quality"],
            t("overview.low_estimate") if fact_id == "shooting_days_cumulative" else "",
        )

st.subheader(t("overview.section_activity", year=year))
scenario = query("overview/scenario_range").iloc[0]
shares = [format_percent(share_bp / 100, 0) for share_bp in sorted(query("presentation/scenario_totals")["share_bp"])]
carbon = query("overview/carbon_mean").iloc[0]
gaming = query("investment/gaming_call_totals").iloc[0]
places = query("overview/place_count").iloc[0]
cards = st.columns(3)
with cards[0]:
    row = facts.loc["shooting_days"]
    kpi_card(row[f"label_{lang}"], format_number(row["fact_value"]), [row["source_id"]], page=scenarios_page)
with cards[1]:
    low, high = euros(scenario["low_total_cents"]), euros(scenario["high_total_cents"])
    # In millions, as the report words it (« entre 6,2 et 8,6 millions »); the exact totals in the help.
    kpi_card(
        t("overview.scenario_range", count=format_number(len(shares))),
        f"{format_compact_money(low)} – {format_compact_money(high)}",
        [scenario["source_id"]],
        "estimated",
        f"{t('overview.scenario_help', count=format_number(len(shares)), shares=', '.join(shares))}"
        f" ({format_money(low, 0)} – {format_money(high, 0)})",
        scenarios_page,
    )
with cards[2]:
    kpi_card(
        t("overview.carbon_mean"),
        format_range(carbon["stated_tco2e"], carbon["stated_tco2e"], "tCO2e"),
        [carbon["source_id"]],
        "approximate",
        t("overview.carbon_help", projects=format_number(carbon["projects_count"])),
        carbon_page,
    )
cards = st.columns(3)
with cards[0]:
    kpi_card(
        t("overview.gaming_call", year=year),
        f"{format_money(euros(gaming['investment_cents']), 0)} → {format_money(euros(gaming['walloon_spend_cents']), 0)}",
        [gaming["source_id"]],
        help_text=t(
            "overview.gaming_help",
            projects=format_number(gaming["projects"]),
            ratio=format_percent(gaming["ratio_printed_bp"] / 100),
        ),
    )
with cards[1]:
    row = facts.loc["enterprises_committed"]
    kpi_card(row[f"label_{lang}"], format_money(row["fact_value"]), [row["source_id"]])
with cards[2]:
    kpi_card(
        t("overview.places"),
        t("overview.places_value", places=int(places["places"]), towns=int(places["towns"])),
        list(query("presentation/place_sources")["source_id"]),
        page=map_page,
    )

sectors = query("overview/totals_by_sector")
table = sectors.assign(
    sector=sectors["sector"].map(label_of),
    ratio_pct=[ratio_pct(s, i) for s, i in zip(sectors["walloon_spend_cents"], sectors["investment_cents"])],
)[["sector", "works", "investment_cents", "walloon_spend_cents", "ratio_pct"]]
table_card(
    table,
    Meta(
        t("overview.sector_table", year=year),
        list(dict.fromkeys([*sectors["source_id"], *total_source])),
        t("overview.sector_note"),
        page=t("nav.overview"),
    ),
    "overview_sectors",
)
