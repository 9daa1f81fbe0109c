"""Carbon footprint of shoots (the report's section on environmental measures): the measured shoots, their
footprints as ranges (stated and derived bounds), intensities per shooting day and per person-day, spend vs
carbon per day, the posts of the breakdown chart, a green-manager what-if (`?reduction=30`) and certification.

Every card cites the source ids of the rows it shows. Queries: carbon/projects, carbon/footprints,
carbon/sample_totals, carbon/posts, carbon/facts, carbon/spend_per_day. Computations: dashboard/carbon.py.
"""

import functools

import streamlit as st

from dashboard import carbon
from dashboard.components.carbon_sections import posts_and_certification
from dashboard.components.carbon_texts import (
    bound_values,
    card_row,
    cited,
    kinds_of_projects,
    meta,
    sample_values,
    statement_label,
    tonnes,
)
from dashboard.components.cards import chart_card, not_published, table_card
from dashboard.components.charts_carbon import build_footprint_ranges_figure, build_spend_carbon_figure, format_bounds
from dashboard.components.formatting import format_number
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.permalink import Param
from dashboard.components.quality import quality_label
from dashboard.components.report import current_report
from dashboard.components.shell import page_header, read_page_params, write_page_params
from dashboard.components.sources import source_labels
from dashboard.data.queries import run_query

lang = current_language()
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
query = functools.partial(run_query, lang=lang, **current_report().params)
facts = query("carbon/facts", topic="carbon").set_index("fact_id")
REPORT_REDUCTION = int(round(float(facts["fact_value"].get("green_manager_reduction", 0))))
SPEC = [Param("reduction", number_range=carbon.REDUCTION_RANGE, integer=True, default=REPORT_REDUCTION)]
params = read_page_params(SPEC)
footprints = query("carbon/footprints")
if footprints.empty:  # the report measures no shoot: one sentence, then the sections it does publish
    page_header("carbon.title")
    not_published("carbon_sample")
    posts_and_certification(facts, query("carbon/posts"))
    st.stop()
statements, mean, size = carbon.statements_from_frame(footprints)
# Most cards cite the footprints' section: the source ids of the footprint rows.
SOURCE = cited(*footprints["source_id"])
projects_count = format_number(size)
page_header("carbon.title", "carbon.intro", projects=projects_count)
st.warning(t("carbon.sample_warning", projects=projects_count), icon="⚠️")
mean_row = footprints[footprints["relation"] == "mean"].iloc[0]
total = carbon.sample_total(mean, size)
derived = carbon.derived_bounds(statements, total)
bounds = sample_values(mean_row["stated_tco2e"], mean, total, size)

st.subheader(t("carbon.projects_heading", projects=projects_count))
project_rows = query("carbon/projects")
projects = carbon.project_ranges(statements, total, project_rows)
lows, highs = [d.low for d in derived.values()], [d.high for d in derived.values()]
project_note = {"projects": projects_count, "low": tonnes(min(lows)), "high": tonnes(max(highs))}
table_card(
    projects.assign(kind=projects["kind"].map(label_of)),
    meta("projects", cited(*SOURCE, *project_rows["source_id"]), **project_note),
    "carbon_projects",
)

st.subheader(t("carbon.footprints_heading"))
mean_label = t("carbon.mean_metric", projects=projects_count)
mean_value = f"≈ {format_number(mean_row['stated_tco2e'])}"
cards = [(mean_label, mean_value, [mean_row["source_id"]], mean_row["quality"], t("carbon.mean_help", **bounds))]
total_help = t("carbon.total_help", **bounds)
more = [(t("carbon.total_metric", projects=projects_count), format_bounds(total, "", 1), SOURCE, "derived", total_help)]
notes = footprints.set_index("statement_id")["note"].fillna("")
for statement in statements:
    tight = derived[statement.statement_id]
    label = statement_label(statement.relation, statement.count, statement.stated)
    help_text = t(f"carbon.statement_help_{statement.relation}", **bound_values(statement.bounds, tight))
    help_text = f"{help_text} {notes[statement.statement_id]}".strip()
    cards.append((label, format_bounds(statement.bounds, ""), SOURCE, "approximate", help_text))
    if tight != statement.bounds:
        more.insert(
            0, (t("carbon.derived_metric", statement=label), format_bounds(tight, "", 1), SOURCE, "derived", help_text)
        )
card_row(cards)
card_row(more)

st.markdown(f"**{t('carbon.green_heading')}**")
reduction_row = facts.loc["green_manager_reduction"]
st.markdown(t("carbon.green_text", reduction=format_number(reduction_row["fact_value"]), projects=projects_count))
st.session_state.setdefault("carbon_reduction", params["reduction"])
reduction = st.slider(t("carbon.green_slider"), *carbon.REDUCTION_RANGE, step=1, key="carbon_reduction", format="%d %%")
write_page_params({"reduction": reduction}, SPEC)
after = {"mean": carbon.apply_reduction(mean, reduction / 100), "total": carbon.apply_reduction(total, reduction / 100)}
green_label = {k: t(f"carbon.green_{k}_metric", reduction=reduction, projects=projects_count) for k in after}
green_sources = cited(*SOURCE, reduction_row["source_id"])
card_row([(green_label[k], format_bounds(r, "tCO2e", 2), green_sources, "scenario") for k, r in after.items()])
ranges = carbon.statement_ranges(statements, mean, total, reduction / 100)
chart_card(
    build_footprint_ranges_figure(ranges, reduction, lang),
    meta("ranges", green_sources, context={t("carbon.green_slider"): f"{reduction} %"}),
    ranges.assign(
        statement=[statement_label(r.relation, r.projects_count, r.stated_t) for r in ranges.itertuples()]
    ).drop(columns=["statement_id", "relation", "tightened", "stated_t"]),
    "carbon_ranges",
)

st.subheader(t("carbon.intensity_heading"))
intensity = carbon.intensity_frame(statements, total, query("carbon/sample_totals"))
sample = intensity[intensity["kind"] == carbon.WHOLE_SAMPLE].iloc[0]
sample_sources = cited(*SOURCE, *project_rows["source_id"])
sample_size = {
    **bounds,
    "days": format_number(sample["shooting_days"]),
    "person_days": format_number(sample["person_days"]),
}
per_day = format_bounds(carbon.Interval(*sample[["per_day_low", "per_day_high"]]), "tCO2e", 2)
person_day_help = t("carbon.per_person_day_help", **sample_size)
per_person = carbon.Interval(*sample[["per_person_day_low_kg", "per_person_day_high_kg"]])
per_person_day = format_bounds(per_person, "kgCO2e", 1)
card_row(
    [
        (t("carbon.per_day_metric"), per_day, sample_sources, "approximate", t("carbon.per_day_help", **sample_size)),
        (t("carbon.per_person_day_metric"), per_person_day, sample_sources, "approximate", person_day_help),
    ]
)
spend = query("carbon/spend_per_day", work_types=list(carbon.KIND_SPEND_WORK_TYPE.values()))
side = carbon.spend_and_carbon_per_day(intensity, spend)
spend_label = "; ".join(source_labels(cited(*spend["source_id"]), short=True))
chart_card(
    build_spend_carbon_figure(side, lang),
    meta(
        "side",
        cited(*sample_sources, *spend["source_id"]),
        projects=projects_count,
        spend=spend_label,
        kinds=kinds_of_projects(project_rows),
    ),
    side.assign(kind=side["kind"].map(label_of), quality=side["quality"].map(quality_label)),
    "carbon_spend_per_day",
)
table_card(
    intensity.assign(kind=intensity["kind"].map(label_of), quality=intensity["quality"].map(quality_label)),
    meta("intensity", sample_sources, projects=projects_count),
    "carbon_intensity",
)

posts_and_certification(facts, query("carbon/posts"))
trained_source = facts.loc["green_managers_trained", "source_id"]
note_sources = cited(*SOURCE, trained_source, *spend["source_id"])
short = dict(zip(note_sources, source_labels(note_sources, short=True)))
st.caption(
    t(
        "carbon.sources_note",
        main="; ".join(short[s] for s in SOURCE),
        trained=short[trained_source],
        spend="; ".join(short[s] for s in dict.fromkeys(spend["source_id"])),
    )
)
