"""Streamlit pieces of the investment page: filters, chart cards, headline cards, the card of one work.

They only render what the page has queried (no SQL here); numbers come from the database and
the pure functions of dashboard/investment.py.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import explorer
from dashboard import investment as inv
from dashboard.components.cards import Meta, chart_card, kpi_card, not_published, table_card
from dashboard.components.charts_breakdown import build_breakdown_figure, build_countries_figure, build_posts_figure
from dashboard.components.charts_investment import build_history_figure, build_peers_figure, build_periods_figure
from dashboard.components.formatting import format_money_cents, format_number, format_percent
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.investment_labels import (
    breakdown_table,
    country_label,
    gaming_total_note,
    history_table,
    post_table,
)
from dashboard.components.permalink import Param
from dashboard.components.quality import legend_markdown
from dashboard.components.report import current_report
from dashboard.components.sources import source_labels
from dashboard.metrics import ratio_pct

# The page's URL parameters: its filters, the search, the open tab and the open work card.
PARAM_SPEC = [Param(name, choices, multi=True, default=[]) for name, (choices, _) in inv.FILTERS.items()] + [
    Param(inv.SEARCH_PARAM, None, default=""),
    Param("tab", inv.TABS, default=inv.TABS[0]),
    # A work id: a whole number, opened only when it is among the works listed (the page checks it).
    Param("work", None, default=None, integer=True),
]


def _discrepancy_text(row, lang: str) -> str:
    labels = source_labels([row["source_a"], row["source_b"]], short=True)
    source_b = labels[1] if len(labels) > 1 else labels[0]
    return t(
        "investment.discrepancy",
        description=row[f"description_{lang}"],
        value_a=row["value_a"],
        source_a=labels[0],
        value_b=row["value_b"],
        source_b=source_b,
        shown=row[f"shown_{lang}"],
    )


def work_card(
    work,
    directors: pd.DataFrame,
    countries: pd.DataFrame,
    sector_totals: pd.DataFrame,
    discrepancies,
    page: str,
    total_sources: list[str],
) -> None:
    """One work: company, directors, co-producing countries (chart), money, ratio against its sector.

    Its amounts cite the work's row and the section printing the report's total (`total_sources`)."""
    lang = current_language()
    work_id, source_ids = int(work["work_id"]), list(dict.fromkeys([work["source_id"], *total_sources]))
    with st.container(border=True):
        st.header(f"{work_id}. {work['title']}")
        names = ", ".join(directors["director_name"]) or work["directors"]
        kinds = " · ".join(label_of(work[c]) for c in ("sector", "work_type", "origin", "coproduction_role"))
        st.markdown(
            t("investment.card_text", company=work["depositary_company"], directors=names, kinds=kinds)
            + f"  \n{t('investment.card_printed')} « {work['coproduction_printed']} »"
        )
        note = explorer.work_note(work["note"])
        if note:
            st.info(note, icon="📝")
        for _, row in explorer.discrepancies_for_work(discrepancies, work_id).iterrows():
            st.warning(_discrepancy_text(row, lang), icon="⚠️")
        cards = st.columns([1.4, 1.4, 1, 1])  # the exact amounts need the room
        ratio = ratio_pct(int(work["walloon_spend_cents"]), int(work["investment_cents"]))
        sector_ratio = explorer.sector_ratio(sector_totals, work["sector"])
        with cards[0]:
            kpi_card(t("investment.work_invested"), format_money_cents(int(work["investment_cents"])), source_ids)
        with cards[1]:
            kpi_card(t("investment.work_spend"), format_money_cents(int(work["walloon_spend_cents"])), source_ids)
        with cards[2]:
            printed = format_percent(int(work["ratio_printed_bp"]) / 100)
            kpi_card(
                t("investment.work_ratio"),
                format_percent(ratio),
                source_ids,
                "derived",
                t("investment.printed", value=printed),
            )
        with cards[3]:
            kpi_card(
                t("investment.sector_ratio"),
                format_percent(sector_ratio),
                [work["source_id"]],
                "derived",
                t("investment.sector_ratio_help", sector=label_of(work["sector"]), year=current_report().year),
            )
        frame = countries.assign(country_label=[country_label(c, lang) for c in countries["country"]])
        chart_card(
            build_countries_figure(frame, lang),
            Meta(
                t("investment.countries_title", title=work["title"]),
                [work["source_id"]],
                t("investment.countries_note"),
                page,
            ),
            frame[["country_label", "share_bp"]].rename(columns={"country_label": "country"}),
            f"investment_countries_{work_id}",
        )


def filter_bar(values: dict, scope: dict) -> dict:
    """The four filters as multi-select pills (every option visible, one click; none chosen = all),
    preset from the URL values; returns the chosen values. `scope` fills the note on what they
    apply to (the report's `works` count and `year`)."""
    chosen = dict(values)
    st.markdown(f"**{t('common.filters')}**")
    for column, (name, (choices, _)) in zip(st.columns(len(inv.FILTERS)), inv.FILTERS.items()):
        with column:  # wrap: on a narrow screen the options go onto more rows, none is hidden
            chosen[name] = (
                st.pills(
                    t(f"investment.filter_{name}"),
                    choices,
                    selection_mode="multi",
                    default=values[name],
                    format_func=label_of,
                    key=f"investment_{name}",
                    wrap=True,
                )
                or []
            )
    st.caption(t("investment.filters_scope", **scope))
    return chosen


def with_source_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """History rows with a `source_label` (document, publisher, date) for hovers and downloads."""
    ids = list(dict.fromkeys(frame["source_id"]))
    return frame.assign(source_label=frame["source_id"].map(inv.source_map(ids, source_labels(ids))))


def history_cards(
    history: pd.DataFrame, reports: pd.DataFrame, page: str, scope: dict, total_sources: list[str]
) -> None:
    """Wallimage's single years (bars + ratio line, gaps kept; the detailed reports' years marked) and,
    apart, its multi-year aggregates. `reports` are the rows of investment/report_totals; the note names
    the report's year and works (`scope`) and the section printing their total."""
    lang = current_language()
    own = history[history["fund"] == inv.OWN_FUND]
    periods = own[own["scope"] == "multi_year"]
    singles = inv.yearly_series(own[own["scope"] == "single_year"], with_source_labels(reports))
    gaps = ", ".join(str(year) for year in inv.year_gaps(singles))
    source = "; ".join(source_labels(total_sources, short=True))
    note = t("investment.history_note", gaps=gaps, source=source, **scope) + " " + legend_markdown()
    chart_card(
        build_history_figure(singles, lang),
        Meta(t("investment.history_title"), list(dict.fromkeys(singles["source_id"])), note, page),
        history_table(singles, lang),
        "investment_history",
    )
    repeated = [
        t("investment.periods_repeated", projects=format_number(works), sources=format_number(rows))
        for works, rows in inv.repeated_counts(periods)
    ]
    chart_card(
        build_periods_figure(periods, lang),
        Meta(
            t("investment.periods_title"),
            list(dict.fromkeys(periods["source_id"])),
            " ".join([t("investment.periods_note"), *repeated]),
            page,
        ),
        history_table(periods, lang),
        "investment_periods",
    )


def peers_card(history: pd.DataFrame, page: str) -> None:
    """Wallimage and peer funds side by side, with the warning that their rules differ."""
    lang = current_language()
    st.warning(t("investment.peers_warning"), icon="⚠️")
    rows = inv.peer_rows(history)
    chart_card(
        build_peers_figure(rows[rows["ratio_bp"].notna()], lang),
        Meta(t("investment.peers_title"), list(dict.fromkeys(rows["source_id"])), t("investment.peers_note"), page),
        history_table(rows, lang),
        "investment_peers",
    )


def breakdown_card(
    result: pd.DataFrame,
    dimension: str,
    source_ids: list[str],
    page: str,
    context: dict,
    previous: pd.DataFrame | None = None,
    listed_elsewhere: int = 0,
) -> None:
    """The report's totals along one dimension: counts, invested, spend, ratio and shares, and the
    change from the previous report (`previous`: the same query on it) when there is one. By origin, the
    note says how many French-initiated works the report lists under an "abroad" heading (`listed_elsewhere`)."""
    lang = current_language()
    frame = breakdown_table(result, dimension, lang, previous)
    note = t(f"investment.breakdown_note_{dimension}")
    if dimension == "origin" and listed_elsewhere:
        note += " " + t("investment.origin_listed_elsewhere", works=format_number(listed_elsewhere))
    chart_card(
        build_breakdown_figure(frame, lang, dimension),
        Meta(
            t(f"investment.by_{dimension}", year=current_report().year),
            source_ids,
            note,
            page,
            context,
        ),
        frame,
        f"investment_by_{dimension}",
    )


def posts_card(rows: pd.DataFrame, sector: str, page: str, context: dict) -> None:
    """Spend by post of one sector (or 'all'), biggest posts first, with amounts and shares."""
    lang = current_language()
    frame = post_table(rows, lang)
    title = t("investment.posts_title", sector=t("investment.sector_all") if sector == "all" else label_of(sector))
    chart_card(
        build_posts_figure(frame, lang),
        Meta(title, list(dict.fromkeys(rows["source_id"])), t("investment.posts_note"), page, context),
        frame.drop(columns=["post_code"]),
        f"investment_posts_{sector}",
    )


def gaming_call_card(call: pd.DataFrame, totals: pd.DataFrame, scope: dict, page: str) -> None:
    """The year's video-game call: its winners (count from its totals row) and their table; one sentence
    when the report publishes no call."""
    if call.empty or totals.empty:
        not_published("gaming_call")
        return
    call_total, year = totals.iloc[0], current_report().year
    st.markdown(t("investment.gaming_intro", winners=format_number(int(call_total["projects"])), **scope))
    table_card(
        explorer.gaming_call_table(call),
        Meta(
            t("investment.gaming_call_title", year=year, count=format_number(len(call))),
            list(dict.fromkeys(call["source_id"])),
            gaming_total_note(call_total, current_language()),
            page,
        ),
        "investment_gaming_call",
    )
