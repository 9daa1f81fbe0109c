"""Carbon footprint of shoots: each production's calculator result (a point with its bounds; tCO2e per
shooting day, per crew-day and per € of Walloon spend; categories; forecast against final; trend by report
year; split by work type; filters `?type=`, `?tool=`, `?stage=`), or, for a report that states footprints
only for groups of shoots, those statements as ranges; the green-manager what-if (`?reduction=30`);
published benchmarks as ranges; the posts of the breakdown chart and certification.

Every card cites the source ids of the rows it shows. Queries: carbon/shoots, carbon/shoot_categories,
carbon/tools, carbon/benchmarks, carbon/footprints, carbon/projects, carbon/sample_totals, carbon/posts,
carbon/facts, carbon/spend_per_day. Computations: dashboard/carbon.py, dashboard/carbon_shoots.py.
"""

import functools

import streamlit as st

from dashboard import carbon, carbon_shoots
from dashboard.components.carbon_sample import green_cards, intensity_view, sample_view
from dashboard.components.carbon_sections import posts_and_certification
from dashboard.components.carbon_shoots import (
    benchmarks_section,
    green_shoot_cards,
    shoot_filters,
    shoot_params,
    shoots_view,
)
from dashboard.components.carbon_texts import cited
from dashboard.components.cards import not_published
from dashboard.components.formatting import format_number
from dashboard.components.i18n import current_language, t
from dashboard.components.permalink import Param
from dashboard.components.report import current_report
from dashboard.components.shell import page_header, read_page_params, write_page_params
from dashboard.components.sources import source_labels
from dashboard.data.queries import run_query

lang = current_language()
report = current_report()
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
query = functools.partial(run_query, lang=lang, **report.params)
year = report.params["year"]
facts = query("carbon/facts", topic="carbon").set_index("fact_id")
tools = query("carbon/tools")
REPORT_REDUCTION = int(round(float(facts["fact_value"].get("green_manager_reduction", 0))))
SPEC = [
    Param("reduction", number_range=carbon.REDUCTION_RANGE, integer=True, default=REPORT_REDUCTION),
    *shoot_params(tuple(tools["tool"])),
]
params = read_page_params(SPEC)
shoots = query("carbon/shoots")
footprints = query("carbon/footprints")
per_shoot = not carbon_shoots.measured(shoots[shoots["report_year"] == year]).empty
shoot_count = format_number(shoots.loc[shoots["report_year"] == year, "project_no"].nunique())
page_header("carbon.title", "carbon.intro_shoots" if per_shoot else "carbon.intro", projects=shoot_count)
values = {"reduction": params["reduction"], "type": params["type"], "tool": params["tool"], "stage": params["stage"]}

if per_shoot:
    chosen = shoot_filters(params, tools)
    values.update(chosen)
    shoots_view(shoots, query("carbon/shoot_categories"), query("carbon/benchmarks"), tools, year, chosen)

statements = None
if not footprints.empty:
    project_rows = query("carbon/projects")
    sizes, spend = (
        query("carbon/sample_totals"),
        query("carbon/spend_per_day", work_types=list(carbon.KIND_SPEND_WORK_TYPE.values())),
    )
    statements, mean, total, size, source = sample_view(footprints, project_rows, sizes, spend)
elif not per_shoot:
    not_published("carbon_sample")

if "green_manager_reduction" in facts.index and (statements is not None or per_shoot):
    reduction_row = facts.loc["green_manager_reduction"]
    st.markdown(f"**{t('carbon.green_heading')}**")
    st.markdown(t("carbon.green_manager_explained"))
    st.markdown(t("carbon.green_text", reduction=format_number(reduction_row["fact_value"])))
    st.session_state.setdefault("carbon_reduction", params["reduction"])
    reduction = st.slider(
        t("carbon.green_slider"),
        *carbon.REDUCTION_RANGE,
        step=1,
        key="carbon_reduction",
        format="%d %%" if lang == "fr" else "%d%%",
    )
    values["reduction"] = reduction
    if statements is not None:
        green_cards(statements, mean, total, size, source, reduction, reduction_row["source_id"])
    if per_shoot:
        green_shoot_cards(shoots, year, values, reduction, reduction_row["source_id"])
if statements is not None:
    intensity_view(statements, total, size, source, project_rows, sizes, spend)
write_page_params(values, SPEC)

benchmarks_section(query("carbon/benchmarks"))
posts_and_certification(facts, query("carbon/posts"))
if statements is not None and "green_managers_trained" in facts.index:
    trained_source = facts.loc["green_managers_trained", "source_id"]
    note_sources = cited(*source, trained_source, *spend["source_id"])
    short = dict(zip(note_sources, source_labels(note_sources, short=True)))
    st.caption(
        t(
            "carbon.sources_note",
            main="; ".join(short[s] for s in source),
            trained=short[trained_source],
            spend="; ".join(short[s] for s in dict.fromkeys(spend["source_id"])),
        )
    )
