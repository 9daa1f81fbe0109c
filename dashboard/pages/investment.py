"""Investment vs. Walloon spend: by year (and, apart, multi-year periods), 2024 by sector, work type, origin
and majority/minority, spend by post, the 49 works with a card per work, peer funds, the gaming programme.

Filters (sector, type, origin, role, search), the open tab and the open work card live in the URL.
Queries: investment/history_by_fund, investment/totals, investment/totals_by_sector, investment/totals_by_work_type,
investment/totals_by_origin, investment/totals_by_role, investment/spend_by_post,
investment/works_list, investment/work_directors, investment/work_countries, investment/work_discrepancies,
investment/gaming_call_2024, investment/gaming_call_totals, investment/gaming_agreements_by_phase.
"""

import streamlit as st

from dashboard import explorer
from dashboard import investment as inv
from dashboard.components import investment_cards as cards
from dashboard.components.cards import Meta, table_card
from dashboard.components.frame import lazy_tabs, page_header, read_page_params, show_dropped, write_page_params
from dashboard.components.i18n import current_language, t
from dashboard.data.queries import run_query

values = read_page_params(inv.PARAM_SPEC)
page_header("investment.title", "investment.intro")
lang, page = current_language(), t("nav.investment")
values = cards.filter_bar(values)
params, context = inv.query_params(values), inv.filters_context(values, lang)
tab, active = lazy_tabs({name: t(f"investment.tab_{name}") for name in inv.TABS}, "investment_tab", values["tab"])
values["tab"], linked_work, values["work"] = active, values["work"], None
if active in ("years", "peers"):
    history = run_query("investment/history_by_fund", funds=[inv.OWN_FUND, *inv.PEER_FUNDS], scopes=list(inv.SCOPES))
    history = inv.history_values(cards.with_source_labels(history))

with tab:
    if active == "years":
        cards.history_cards(history, page)

    elif active == "2024":
        totals = run_query("investment/totals", **params).iloc[0]
        if int(totals["works"]) == 0:
            st.info(t("common.no_rows"))
        else:
            cards.totals_cards(totals, inv.query_sources("investment/totals"), bool(inv.active_filters(values)))
            grid = st.columns(2)
            for index, (dimension, name) in enumerate(inv.BREAKDOWNS.items()):
                with grid[index % 2]:
                    cards.breakdown_card(run_query(name, **params), dimension, inv.query_sources(name), page, context)
        st.caption(t("investment.gaming_apart"))

    elif active == "posts":
        scope = params["sectors"] if "sector" in inv.active_filters(values) else ["all", *inv.SECTORS]
        posts = run_query("investment/spend_by_post", sectors=scope)
        for sector in scope:
            cards.posts_card(posts[posts["sector"] == sector], sector, page, context)

    elif active == "works":
        works = run_query("investment/works_list", **params)
        values[inv.SEARCH_PARAM] = st.text_input(
            t("investment.search"),
            value=values[inv.SEARCH_PARAM],
            key="investment_q",
            placeholder=t("investment.search_hint"),
        )
        shown = explorer.search_works(works, values[inv.SEARCH_PARAM])
        works_meta = Meta(
            t("investment.works_title", count=len(shown)),
            inv.query_sources("investment/works_list"),
            t("investment.works_note"),
            page,
            inv.filters_context(values, lang),
        )
        table_card(explorer.works_table(shown, lang), works_meta, "investment_works", height=420)
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
                run_query("investment/work_directors", work_id=chosen),
                run_query("investment/work_countries", work_id=chosen),
                run_query("investment/totals_by_sector", **inv.query_params({})),
                run_query("investment/work_discrepancies"),
                page,
            )

    elif active == "peers":
        cards.peers_card(history, page)

    elif active == "gaming":
        st.markdown(t("investment.gaming_intro"))
        call, call_total = run_query("investment/gaming_call_2024"), run_query("investment/gaming_call_totals").iloc[0]
        table_card(
            explorer.gaming_call_table(call),
            Meta(
                t("investment.gaming_call_title"),
                inv.query_sources("investment/gaming_call_2024"),
                explorer.gaming_total_note(call_total, lang),
                page,
            ),
            "investment_gaming_call",
        )
        table_card(
            explorer.gaming_phase_table(run_query("investment/gaming_agreements_by_phase"), lang),
            Meta(
                t("investment.gaming_phases_title"),
                inv.query_sources("investment/gaming_agreements_by_phase"),
                t("investment.gaming_phases_note"),
                page,
            ),
            "investment_gaming_phases",
        )

write_page_params(values, inv.PARAM_SPEC)
