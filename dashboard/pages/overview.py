"""Overview: the headline figures of the report's year and since creation, each with its source and a link.

Queries: overview/coproduction_totals, investment/total_source, overview/totals_by_sector, overview/facts_by_id,
overview/scenario_range, presentation/scenario_totals, overview/carbon_mean, investment/gaming_call_totals,
overview/place_count, presentation/place_sources.
"""

import functools

import streamlit as st

from dashboard import investment as inv
from dashboard.components.cards import Meta, change_delta, kpi_card, not_published, table_card, totals_cards
from dashboard.components.formatting import (
    format_count,
    format_figure,
    format_money,
    format_money_cents,
    format_number,
    format_percent,
)
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.report import current_report
from dashboard.components.shell import page_header, page_object, read_page_params
from dashboard.data.queries import run_query
from dashboard.metrics import euros

read_page_params([])
page_header("overview.title", "overview.intro")
lang = current_language()
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
report = current_report()
query = functools.partial(run_query, lang=lang, **report.params)
investment_page, scenarios_page = page_object("investment.py"), page_object("scenarios.py")
carbon_page, map_page = page_object("carbon.py"), page_object("map.py")

year = report.year
totals = query("overview/coproduction_totals").iloc[0]
# The previous report's totals, when there is one: each headline shows its change.
before = query("overview/coproduction_totals", year=report.previous_year).iloc[0] if report.previous_year else None
# The section that prints the report's total of its works: the citation of the four cards below.
total_source = list(query("investment/total_source")["source_id"])
st.header(t("overview.section_report", year=year, works=format_number(totals["works"])))
# Two by two: exact amounts need the room (a cut figure cannot be quoted), down to a 1280 px projector.
totals_cards(totals, total_source, "overview", "reported", before, report.previous_year, (1, 1), 2, investment_page)

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
    """A fact as every page writes it (format_figure: '≈ …' when the report gives it approximately)."""
    row = facts.loc[fact_id]
    return format_figure(row["fact_value"], row["quality"], decimals=decimals)


st.header(t("overview.section_lifetime"))
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

st.header(t("overview.section_activity", year=year))
scenario = query("overview/scenario_range").iloc[0]
shares = [format_percent(share_bp / 100, 0) for share_bp in sorted(query("presentation/scenario_totals")["share_bp"])]
# Each card below shows one plain sentence instead when the report does not publish its rows.
carbon, gaming = query("overview/carbon_mean"), query("investment/gaming_call_totals")
places = query("overview/place_count").iloc[0]
cards = st.columns(3)
with cards[0]:
    row = facts.loc["shooting_days"]
    days_before = (
        query("overview/facts_by_id", year=report.previous_year, fact_ids=["shooting_days"])["fact_value"]
        if report.previous_year
        else []
    )
    kpi_card(
        row[f"label_{lang}"],
        format_number(row["fact_value"]),
        [row["source_id"]],
        page=scenarios_page,
        delta=change_delta(row["fact_value"], days_before.iloc[0], "count", report.previous_year)
        if len(days_before)
        else None,
    )
with cards[1]:
    if not shares:
        not_published("scenarios")
    else:
        # The published totals as the scenarios page shows them (one figure, one face), with their rows' quality.
        kpi_card(
            t("overview.scenario_range", count=format_number(len(shares))),
            f"{format_money_cents(scenario['low_total_cents'])} – {format_money_cents(scenario['high_total_cents'])}",
            [scenario["source_id"]],
            scenario["quality"],
            t("overview.scenario_help", count=format_number(len(shares)), shares=", ".join(shares)),
            scenarios_page,
        )
with cards[2]:
    if carbon.empty:
        not_published("carbon_sample")
    else:
        mean = carbon.iloc[0]
        kpi_card(  # the mean as the report prints it, with its row's quality (the carbon page shows the same)
            t("overview.carbon_mean"),
            format_figure(mean["stated_tco2e"], mean["quality"], mean["lower_tco2e"], mean["upper_tco2e"], "tCO2e"),
            [mean["source_id"]],
            mean["quality"],
            t("overview.carbon_help", projects=format_number(mean["projects_count"])),
            carbon_page,
        )
cards = st.columns(3)
with cards[0]:
    if gaming.empty:
        not_published("gaming_call")
    else:
        call = gaming.iloc[0]
        kpi_card(
            t("overview.gaming_call", year=year),
            f"{format_money(euros(call['investment_cents']), 0)} → {format_money(euros(call['walloon_spend_cents']), 0)}",
            [call["source_id"]],
            help_text=t(
                "overview.gaming_help",
                projects=format_number(call["projects"]),
                ratio=format_percent(call["ratio_printed_bp"] / 100),
            ),
        )
with cards[1]:
    row = facts.loc["enterprises_committed"]
    kpi_card(row[f"label_{lang}"], format_money(row["fact_value"]), [row["source_id"]])
with cards[2]:
    kpi_card(
        t("overview.places"),
        t(
            "overview.places_value",
            places=format_count("common.places", int(places["places"])),
            towns=format_count("common.towns", int(places["towns"])),
        ),
        list(query("presentation/place_sources")["source_id"]),
        page=map_page,
    )

# Which totals add up: the adviser's question (issue 17). Separate scopes, said once under the cards.
st.info(t("overview.totals_scopes", year=year), icon="➕")

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
        t("overview.sector_table", year=year),
        list(dict.fromkeys([*sectors["source_id"], *total_source])),
        t("overview.sector_note"),
        page=t("nav.overview"),
    ),
    "overview_sectors",
)
