"""Overview: the headline figures of 2024 and since creation, each with its source and a link.

Queries: overview/coproduction_totals, overview/totals_by_sector, overview/facts_by_id,
overview/scenario_range, overview/carbon_mean, investment/gaming_call_totals, overview/place_count.
"""

import functools

import streamlit as st

from dashboard import investment as inv
from dashboard.components.cards import Meta, change_delta, kpi_card, table_card
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
report = current_report()
query = functools.partial(run_query, lang=lang, **report.params)
investment_page, scenarios_page = page_object("investment.py"), page_object("scenarios.py")
carbon_page, map_page = page_object("carbon.py"), page_object("map.py")

totals = query("overview/coproduction_totals").iloc[0]
# The previous report's totals, when there is one: each headline shows its change.
before = query("overview/coproduction_totals", year=report.previous_year).iloc[0] if report.previous_year else None


def since(column: str, unit: str) -> str | None:
    """A headline's change from the previous report (the card's delta)."""
    return None if before is None else change_delta(totals[column], before[column], unit, report.previous_year)


st.subheader(t("overview.section_2024"))
# Two by two: exact amounts need the room (a cut figure cannot be quoted), down to a 1280 px projector.
cards = [*st.columns(2), *st.columns(2)]
with cards[0]:
    kpi_card(
        t("overview.works"),
        format_number(totals["works"]),
        ["B24-7.1"],
        page=investment_page,
        delta=since("works", "count"),
    )
with cards[1]:
    kpi_card(
        t("overview.invested"),
        format_money(euros(totals["investment_cents"])),
        ["B24-7.1"],
        page=investment_page,
        delta=since("investment_cents", "cents"),
    )
with cards[2]:
    kpi_card(
        t("overview.spend"),
        format_money(euros(totals["walloon_spend_cents"])),
        ["B24-7.1"],
        page=investment_page,
        delta=since("walloon_spend_cents", "cents"),
    )
with cards[3]:
    ratio = ratio_pct(totals["walloon_spend_cents"], totals["investment_cents"])
    ratio_before = None if before is None else ratio_pct(before["walloon_spend_cents"], before["investment_cents"])
    kpi_card(
        t("overview.ratio"),
        format_percent(ratio),
        ["B24-7.1"],
        "derived",
        t("overview.ratio_help"),
        investment_page,
        delta=change_delta(ratio, ratio_before, "points", report.previous_year),
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

st.subheader(t("overview.section_activity"))
scenario = query("overview/scenario_range").iloc[0]
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
        t("overview.scenario_range"),
        f"{format_compact_money(low)} – {format_compact_money(high)}",
        [scenario["source_id"]],
        "estimated",
        f"{t('overview.scenario_help')} ({format_money(low, 0)} – {format_money(high, 0)})",
        scenarios_page,
    )
with cards[2]:
    kpi_card(
        t("overview.carbon_mean"),
        format_range(carbon["stated_tco2e"], carbon["stated_tco2e"], "tCO2e"),
        [carbon["source_id"]],
        "approximate",
        t("overview.carbon_help"),
        carbon_page,
    )
cards = st.columns(3)
with cards[0]:
    kpi_card(
        t("overview.gaming_call"),
        f"{format_money(euros(gaming['investment_cents']), 0)} → {format_money(euros(gaming['walloon_spend_cents']), 0)}",
        [gaming["source_id"]],
        help_text=t("overview.gaming_help"),
    )
with cards[1]:
    row = facts.loc["enterprises_committed"]
    kpi_card(row[f"label_{lang}"], format_money(row["fact_value"]), [row["source_id"]])
with cards[2]:
    kpi_card(
        t("overview.places"),
        t("overview.places_value", places=int(places["places"]), towns=int(places["towns"])),
        ["B24-3.3", "B24-2.2.4"],
        page=map_page,
    )

sectors = inv.with_ratio(query("overview/totals_by_sector"))
if report.previous_year:
    sectors = inv.with_changes(
        sectors, inv.with_ratio(query("overview/totals_by_sector", year=report.previous_year)), "sector"
    )
columns = ["sector", "works", "investment_cents", "walloon_spend_cents", "ratio_pct"]
table = sectors.assign(sector=sectors["sector"].map(label_of))[
    [*columns, *(c for c in inv.CHANGE_COLUMNS.values() if c in sectors.columns)]
]
table_card(
    table,
    Meta(
        t("overview.sector_table"),
        ["B24-2.2.2.1", "B24-3.2.2.1", "B24-1.2.3", "B24-7.1"],
        t("overview.sector_note"),
        page=t("nav.overview"),
    ),
    "overview_sectors",
)
