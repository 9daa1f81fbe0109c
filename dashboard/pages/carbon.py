"""Carbon footprint of shoots (Bilan 2024 §2.2.6): the five measured shoots, their footprints as ranges
(stated and derived bounds), intensities per shooting day and per person-day, spend vs carbon per day,
the posts of the breakdown chart, a green-manager what-if (`?reduction=30`) and certification.

Queries: carbon/projects, carbon/footprints, carbon/sample_totals, carbon/posts, carbon/facts,
carbon/spend_per_day. Computations: dashboard/carbon.py.
"""

import streamlit as st

from dashboard import carbon
from dashboard.components.cards import Meta, chart_card, kpi_card, table_card
from dashboard.components.charts_carbon import build_footprint_ranges_figure, build_spend_carbon_figure, format_bounds
from dashboard.components.formatting import format_number, format_percent
from dashboard.components.frame import page_header, read_page_params, write_page_params
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.permalink import Param
from dashboard.components.quality import quality_label
from dashboard.data.queries import run_query

SOURCE = ["B24-2.2.6"]
CERTIFICATION_FACTS = (
    "certified_projects",
    "companies_committed_2024",
    "certification_required_year",
    "green_managers_trained",
)


def card_row(cards: list[tuple]) -> None:
    """One row of KPI cards (arguments of kpi_card)."""
    for column, arguments in zip(st.columns(len(cards)), cards):
        with column:
            kpi_card(*arguments)


def meta(name: str, sources: list[str] = SOURCE, context: dict | None = None) -> Meta:
    """Title, sources and note of one chart or table of this page (catalogue keys carbon.<name>_*)."""
    return Meta(t(f"carbon.{name}_title"), sources, t(f"carbon.{name}_note"), t("nav.carbon"), context or {})


lang = current_language()
facts = run_query("carbon/facts", topic="carbon").set_index("fact_id")
REPORT_REDUCTION = int(round(float(facts.loc["green_manager_reduction", "fact_value"])))
SPEC = [Param("reduction", number_range=carbon.REDUCTION_RANGE, integer=True, default=REPORT_REDUCTION)]
params = read_page_params(SPEC)
page_header("carbon.title", "carbon.intro")
st.warning(t("carbon.sample_warning"), icon="⚠️")
footprints = run_query("carbon/footprints")
statements, mean, size = carbon.statements_from_frame(footprints)
mean_row = footprints[footprints["relation"] == "mean"].iloc[0]
total = carbon.sample_total(mean, size)

st.subheader(t("carbon.projects_heading"))
projects = carbon.project_ranges(statements, total, run_query("carbon/projects"))
table_card(projects.assign(kind=projects["kind"].map(label_of)), meta("projects"), "carbon_projects")

st.subheader(t("carbon.footprints_heading"))
derived = carbon.derived_bounds(statements, total)
mean_label, mean_value = t("carbon.mean_metric"), f"≈ {format_number(mean_row['stated_tco2e'])}"
cards = [(mean_label, mean_value, [mean_row["source_id"]], mean_row["quality"], t("carbon.mean_help"))]
more = [(t("carbon.total_metric"), format_bounds(total, "", 1), SOURCE, "derived", t("carbon.total_help"))]
for statement in statements:
    key, tight = statement.statement_id, derived[statement.statement_id]
    label, help_text = t(f"carbon.statement_{key}"), t(f"carbon.statement_help_{key}")
    cards.append((label, format_bounds(statement.bounds, ""), SOURCE, "approximate", help_text))
    if tight != statement.bounds:
        more.insert(
            0, (t("carbon.derived_metric", statement=label), format_bounds(tight, "", 1), SOURCE, "derived", help_text)
        )
card_row(cards)
card_row(more)

st.markdown(f"**{t('carbon.green_heading')}**")
st.markdown(t("carbon.green_text", reduction=format_number(facts.loc["green_manager_reduction", "fact_value"])))
st.session_state.setdefault("carbon_reduction", params["reduction"])
reduction = st.slider(t("carbon.green_slider"), *carbon.REDUCTION_RANGE, step=1, key="carbon_reduction", format="%d %%")
write_page_params({"reduction": reduction}, SPEC)
after = {"mean": carbon.apply_reduction(mean, reduction / 100), "total": carbon.apply_reduction(total, reduction / 100)}
green_label = {k: t(f"carbon.green_{k}_metric", reduction=reduction) for k in after}
card_row([(green_label[k], format_bounds(r, "tCO2e", 2), SOURCE, "scenario") for k, r in after.items()])
ranges = carbon.statement_ranges(statements, mean, total, reduction / 100)
chart_card(
    build_footprint_ranges_figure(ranges, reduction, lang),
    meta("ranges", context={t("carbon.green_slider"): f"{reduction} %"}),
    ranges.assign(statement=[t(f"carbon.statement_{s}") for s in ranges["statement_id"]]).drop(
        columns=["statement_id", "tightened", "stated_t"]
    ),
    "carbon_ranges",
)

st.subheader(t("carbon.intensity_heading"))
intensity = carbon.intensity_frame(statements, total, run_query("carbon/sample_totals"))
sample = intensity[intensity["kind"] == carbon.WHOLE_SAMPLE].iloc[0]
per_day = format_bounds(carbon.Interval(*sample[["per_day_low", "per_day_high"]]), "tCO2e", 2)
per_person = carbon.Interval(*sample[["per_person_day_low_kg", "per_person_day_high_kg"]])
per_person_day = format_bounds(per_person, "kgCO2e", 1)
card_row(
    [
        (t("carbon.per_day_metric"), per_day, SOURCE, "approximate", t("carbon.per_day_help")),
        (t("carbon.per_person_day_metric"), per_person_day, SOURCE, "approximate", t("carbon.per_person_day_help")),
    ]
)
spend = run_query("carbon/spend_per_day", work_types=list(carbon.KIND_SPEND_WORK_TYPE.values()))
side = carbon.spend_and_carbon_per_day(intensity, spend)
chart_card(
    build_spend_carbon_figure(side, lang),
    meta("side", [*SOURCE, "B24-2.2.7.2"]),
    side.assign(kind=side["kind"].map(label_of), quality=side["quality"].map(quality_label)),
    "carbon_spend_per_day",
)
table_card(
    intensity.assign(kind=intensity["kind"].map(label_of), quality=intensity["quality"].map(quality_label)),
    meta("intensity"),
    "carbon_intensity",
)

st.subheader(t("carbon.posts_heading"))
phase, top4 = facts.loc["shooting_phase_share"], facts.loc["top4_posts_share_of_shooting"]
top4_total = carbon.share_of_total(
    carbon.Interval(top4["lower_value"], top4["upper_value"]),
    carbon.Interval(phase["lower_value"], phase["upper_value"]),
)
top4_range = format_bounds(top4_total, "%", 1)
card_row(
    [
        (t("carbon.shooting_phase_metric"), f"> {format_percent(phase['fact_value'], 0)}", SOURCE, "approximate"),
        (t("carbon.top4_metric"), f"≈ {format_percent(top4['fact_value'], 0)}", SOURCE, "approximate", top4["note"]),
        (t("carbon.top4_total_metric"), top4_range, SOURCE, "derived", t("carbon.top4_total_help")),
    ]
)
posts = run_query("carbon/posts")
posts = posts.assign(
    post=posts["post_label_key"].map(label_of), most_impactful=posts["most_impactful"].map({1: "✔", 0: ""})
)
table_card(posts[["chart_order", "post", "label_printed", "most_impactful"]], meta("posts"), "carbon_posts")

st.subheader(t("carbon.certification_heading"))
cards = []
for fact_id in CERTIFICATION_FACTS:
    row = facts.loc[fact_id]
    value = ("≈ " if row["quality"] == "approximate" else "") + format_number(row["fact_value"])
    if fact_id == "certification_required_year":
        value = str(int(row["fact_value"]))
    cards.append((row[f"label_{lang}"], value, [row["source_id"]], row["quality"]))
card_row(cards[:2])
card_row(cards[2:])
st.caption(t("carbon.sources_note"))
