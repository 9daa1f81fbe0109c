"""Sources & methods: data version, the report's inconsistencies, every dataset with its sources
and quality, the list of source documents, definitions and how computed figures are obtained.

Queries: sources/data_version, sources/discrepancy_totals, sources/discrepancy_counts,
sources/discrepancies, sources/dataset_quality, sources/dataset_sources, sources/all_sources.
"Download all data" gives the whole database as an open-data package (a zip: dashboard/opendata.py),
made when pressed from every table (dashboard.data.queries.database_tables).
"""

import functools

import streamlit as st

from dashboard import methods, opendata
from dashboard.components.cards import Meta, table_card
from dashboard.components.formatting import format_number
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.permalink import Param
from dashboard.components.quality import legend_markdown
from dashboard.components.report import current_report
from dashboard.components.shell import lazy_tabs, page_header, read_page_params, write_page_params
from dashboard.components.sources import source_labels
from dashboard.data.queries import database_tables, run_query
from dashboard.safety import escape_markdown

TABS = ("discrepancies", "datasets", "documents", "definitions", "methods")
SPEC = [Param("tab", TABS, default=TABS[0])]  # the open tab is in the link

values = read_page_params(SPEC)
page_header("sources.title", "sources.intro")
lang = current_language()
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
query = functools.partial(run_query, lang=lang, **current_report().params)
escape = escape_markdown

meta = methods.metadata_values(query("sources/data_version"))
totals = query("sources/discrepancy_totals").iloc[0]
count, checked = int(totals["discrepancies"]), int(totals["checked_by_build"])
quality = query("sources/dataset_quality")
sources = query("sources/all_sources")

cards = st.columns(4)
cards[0].metric(t("sources.discrepancy_count"), format_number(count))
cards[1].metric(t("sources.dataset_count"), format_number(len(quality)))
cards[2].metric(t("sources.source_count"), format_number(len(sources)))
cards[3].metric(t("sources.seed_rows"), format_number(int(meta.get("seed_rows", 0))))
st.caption(
    t(
        "sources.version_line",
        version=meta.get("data_version", "?"),
        built=methods.format_built_at(meta.get("built_at", ""), lang),
        report=current_report().title,
    )
)
st.download_button(
    t("sources.download_all"),
    lambda: opendata.package_zip(*database_tables()),  # made when pressed
    file_name=f"wallimage-open-data-{meta.get('data_version', 'latest')}.zip",
    mime="application/zip",
    key="sources:datapackage",
    on_click="ignore",
    help=t("sources.download_all_help"),
)
this_database = t("sources.this_database")

labels = {
    name: t(f"sources.tab_{name}", count=count) if name == "discrepancies" else t(f"sources.tab_{name}")
    for name in TABS
}
tab, active = lazy_tabs(labels, "sources_tab", values["tab"])
write_page_params({"tab": active}, SPEC)

with tab:
    if active == "discrepancies":
        st.markdown(t("sources.discrepancies_intro", count=count, checked=checked))
        by_topic = query("sources/discrepancy_counts")
        topic_label = lambda topic: label_of(f"topic_{topic}")  # noqa: E731
        st.caption(
            " · ".join(
                t("sources.topic_count", topic=topic_label(r.topic), count=r.discrepancies)
                for r in by_topic.itertuples()
            )
        )
        raw = query("sources/discrepancies")
        cited = sorted(set(raw["source_a"]) | set(raw["source_b"]), key=methods.source_sort_key)
        place_of = dict(zip(cited, source_labels(cited)))
        table = methods.discrepancy_table(raw, lang, place_of.get, topic_label)
        for number, row in enumerate(table.itertuples(), 1):
            # One markdown block per card: 23 cards stay light to draw.
            with st.container(border=True):
                st.markdown(
                    "\n\n".join(
                        [
                            f"**{number}. {escape(row.discrepancy_topic)} — {escape(row.discrepancy_description)}**",
                            t("sources.value_first", value=escape(row.value_a), place=escape(row.source_a_label)),
                            t("sources.value_second", value=escape(row.value_b), place=escape(row.source_b_label)),
                            t("sources.shown", shown=escape(row.shown_in_app)),
                            *([f"*{t('sources.checked_note')}*"] if row.checked_by_build in ("oui", "yes") else []),
                        ]
                    )
                )
        table_card(
            table,
            Meta(
                t("sources.discrepancies_table"),
                [this_database],
                t("sources.discrepancies_note"),
                page=t("nav.sources"),
            ),
            "sources_discrepancies",
        )

    elif active == "datasets":
        st.markdown(t("sources.datasets_intro"))
        st.markdown(legend_markdown())
        sections = methods.sections_by_dataset(query("sources/dataset_sources"))
        cited = sorted({s for ids in sections.values() for s in ids}, key=methods.source_sort_key)
        short = dict(zip(cited, source_labels(cited, short=True)))
        datasets = methods.dataset_table(quality, sections, label_of, short.get)
        table_card(
            datasets,
            Meta(t("sources.datasets_table"), [this_database], t("sources.datasets_note"), page=t("nav.sources")),
            "sources_datasets",
        )

    elif active == "documents":
        reports = sources[sources["document_kind"] == "report"][f"short_name_{lang}"].drop_duplicates()
        news = sources.loc[sources["document_kind"] == "news", "document_id"].nunique()
        st.markdown(t("sources.documents_intro", reports=", ".join(reports), news=format_number(news)))
        documents = methods.source_table(sources, lang, lambda kind: label_of(f"document_{kind}"))
        table_card(
            documents,
            Meta(t("sources.documents_table"), [this_database], t("sources.documents_note"), page=t("nav.sources")),
            "sources_documents",
            column_config={label_of("source_url"): st.column_config.LinkColumn(label_of("source_url"))},
        )

    elif active == "definitions":
        st.markdown(t("sources.definitions"))
        st.markdown(f"**{t('sources.quality_heading')}** — {t('sources.quality_text')}")
        st.markdown(legend_markdown())
        st.markdown(t("sources.conventions"))

    else:
        st.markdown(t("sources.methods"))
        st.markdown(t("sources.reconciliation", count=count, checked=checked))
