"""Investment vs. Walloon spend: by year (and, apart, multi-year periods), the report's year by sector, work type,
origin and majority/minority, spend by post, its works with a card per work, peer funds, the gaming programme.

Filters (sector, type, origin, role, search), the open tab and the open work card live in the URL.
Queries: overview/coproduction_totals, investment/total_source, investment/works_sources, overview/facts_by_id,
investment/history_by_fund, investment/totals, investment/totals_by_sector, investment/totals_by_work_type,
investment/totals_by_origin, investment/works_listed_elsewhere, investment/totals_by_role, investment/spend_by_post,
investment/works_list, investment/work_directors, investment/work_countries, investment/work_discrepancies,
investment/gaming_call_projects, investment/gaming_call_totals, investment/gaming_agreements_by_phase.
"""

import functools

import streamlit as st

from dashboard import explorer
from dashboard import investment as inv
from dashboard.components import investment_cards as cards
from dashboard.components import investment_labels as labelled
from dashboard.components.cards import Meta, table_card, totals_cards
from dashboard.components.formatting import format_number
from dashboard.components.i18n import current_language, t
from dashboard.components.report import current_report
from dashboard.components.shell import lazy_tabs, page_header, read_page_params, show_dropped, write_page_params
from dashboard.data.queries import run_query

values = read_page_params(cards.PARAM_SPEC)
year, previous_year = current_report().year, current_report().previous_year
page_header("investment.title", "investment.intro", year=year)
lang, page = current_language(), t("nav.investment")
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
query = functools.partial(run_query, lang=lang, **current_report().params)
# The report's works (texts say "the {works} works of {year}") and the section printing their total.
scope = {"works": format_number(int(query("overview/coproduction_totals").iloc[0]["works"])), "year": year}
total_source = list(query("investment/total_source")["source_id"])
values = cards.filter_bar(values, scope)
params, context = inv.query_params(values), labelled.filters_context(values, lang)
tab, active = lazy_tabs(
    {name: t(f"investment.tab_{name}", year=year) for name in inv.TABS}, "investment_tab", values["tab"]
)
values["tab"], linked_work, values["work"] = active, values["work"], None
if active in ("years", "peers"):
    history = query("investment/history_by_fund", funds=[inv.OWN_FUND, *inv.PEER_FUNDS], scopes=list(inv.SCOPES))
    history = inv.history_values(cards.with_source_labels(history))

with tab:
    if active == "years":
        cards.history_cards(history, query("investment/report_totals"), page, scope, total_source)

    elif active == "detail":
        totals = query("investment/totals", **params).iloc[0]
        if int(totals["works"]) == 0:
            st.info(t("common.no_rows"))
        else:
            # Unfiltered, the totals are the report's printed total; filtered, sums of the works' rows.
            row_sources = list(query("investment/works_sources", **params)["source_id"])
            sources, quality = (row_sources, "derived") if inv.active_filters(values) else (total_source, "reported")
            # The same filters on the previous report, when there is one: every figure shows its change.
            before = query("investment/totals", **params, year=previous_year).iloc[0] if previous_year else None
            with st.container(key="pairs_totals"):  # two by two below 1200 px (the frame's style)
                totals_cards(totals, sources, "investment", quality, before, previous_year)
            listed = int(query("investment/works_listed_elsewhere").iloc[0]["works"])
            # Two by two; one under the other below 1200 px (the frame's style for "stack_" containers).
            with st.container(key="stack_breakdowns"):
                for column, (dimension, name) in zip(st.columns(2) * 2, inv.BREAKDOWNS.items()):
                    previous = query(name, **params, year=previous_year) if previous_year else None
                    with column:
                        cards.breakdown_card(
                            query(name, **params), dimension, row_sources, page, context, previous, listed
                        )
        st.caption(t("investment.gaming_apart", **scope))

    elif active == "posts":
        scope = params["sectors"] if "sector" in inv.active_filters(values) else ["all", *inv.SECTORS]
        posts = query("investment/spend_by_post", sectors=scope)
        for sector in scope:
            cards.posts_card(posts[posts["sector"] == sector], sector, page, context)

    elif active == "works":
        works = query("investment/works_list", **params)
        values[inv.SEARCH_PARAM] = st.text_input(
            t("investment.search"),
            value=values[inv.SEARCH_PARAM],
            key="investment_q",
            placeholder=t("investment.search_hint"),
        )
        shown = explorer.search_works(works, values[inv.SEARCH_PARAM])
        works_meta = Meta(
            t("investment.works_title", count=len(shown), year=year),
            [*total_source, *dict.fromkeys(shown["source_id"])],
            t("investment.works_note"),
            page,
            labelled.filters_context(values, lang),
        )
        table_card(
            labelled.works_table(shown, lang),
            works_meta,
            "investment_works",
            height=420,
            column_help=labelled.works_column_help(lang),
        )
        if shown.empty:
            st.info(t("common.no_rows"))
        else:
            labels = {int(row["work_id"]): explorer.work_option(row) for _, row in shown.iterrows()}
            if "investment_work" not in st.session_state and linked_work is not None:
                if linked_work in labels:
                    st.session_state["investment_work"] = linked_work
                else:
                    show_dropped([("work", str(linked_work))])
            values["work"] = chosen = st.selectbox(
                t("investment.pick_work"), list(labels), format_func=labels.get, key="investment_work"
            )
            cards.work_card(
                shown[shown["work_id"] == chosen].iloc[0],
                query("investment/work_directors", work_id=chosen),
                query("investment/work_countries", work_id=chosen),
                query("investment/totals_by_sector", **inv.query_params({})),
                query("investment/work_discrepancies"),
                page,
                total_source,
            )

    elif active == "peers":
        cards.peers_card(history, page)

    elif active == "gaming":
        calls = query("investment/gaming_call_projects"), query("investment/gaming_call_totals")
        cards.gaming_call_card(*calls, scope, page)
        phases = query("investment/gaming_agreements_by_phase")
        granted = query("overview/facts_by_id", fact_ids=["gaming_agreements_granted"])
        effective = phases.loc[phases["phase"] == "all", "agreements"]
        table_card(
            labelled.gaming_phase_table(phases, lang),
            Meta(
                t("investment.gaming_phases_title"),
                list(dict.fromkeys([*phases["source_id"], *granted["source_id"]])),
                t(
                    "investment.gaming_phases_note",
                    effective=format_number(int(effective.iloc[0])),
                    granted=format_number(int(granted["fact_value"].iloc[0])),
                ),
                page,
            ),
            "investment_gaming_phases",
        )

write_page_params(values, cards.PARAM_SPEC)
