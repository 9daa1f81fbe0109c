"""Shooting-day impact scenarios (the report's section on shooting days): the three published scenarios, a share slider
(`?share=40`), the components by project type, the model's inputs, what-if inputs and the method.

Queries: scenarios/model_inputs, scenarios/published_totals, scenarios/published_components,
scenarios/discrepancies. Model: dashboard/scenarios.py.
"""

import functools

import streamlit as st

from dashboard import scenarios as model
from dashboard.components.cards import Meta, change_delta, chart_card, kpi_card, not_published, table_card
from dashboard.components.charts_scenarios import build_components_figure, scenario_bars
from dashboard.components.formatting import format_money_cents, format_number
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.permalink import Param
from dashboard.components.quality import quality_label
from dashboard.components.report import current_report
from dashboard.components.scenarios_whatif import describe_change, render_whatif
from dashboard.components.shell import page_header, read_page_params, write_page_params
from dashboard.data.queries import run_query
from dashboard.metrics import euros

SPEC = [Param("share", number_range=model.SHARE_RANGE, integer=True, default=50)]
params = read_page_params(SPEC)
year = current_report().year
lang = current_language()
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
query = functools.partial(run_query, lang=lang, **current_report().params)
inputs_frame = query("scenarios/model_inputs")
published = query("scenarios/published_totals")
# The published scenarios' shares ("100 / 50 / 25"), from their rows.
shares = " / ".join(format_number(bp / 100) for bp in published["share_bp"])
if published.empty or inputs_frame.empty:  # a report without scenarios: one plain sentence
    page_header("scenarios.title_unpublished")
    not_published("scenarios")
    st.stop()
page_header("scenarios.title", "scenarios.intro", year=year, shares=shares)
published_components = query("scenarios/published_components")
report_inputs = model.inputs_from_frame(inputs_frame)
# Cited: the sections of the model's inputs and of the published totals (their rows' source ids).
SOURCE = list(dict.fromkeys([*inputs_frame["source_id"], *published["source_id"]]))
# The report's figures the texts quote: days, the flat rate per day and the complement.
figures = {
    "year": year,
    "days": format_number(int(inputs_frame["shooting_days"].sum())),
    "cofinanced": format_number(int(inputs_frame["days_cofinanced"].sum())),
    "attributable": format_number(int(inputs_frame["attributable_days"].sum())),
    "flat": format_money_cents(int(inputs_frame["flat_rate_cents"].dropna().max()), 0),
    "complement": format_money_cents(int(published["complement_cents"].max()), 0),
    "shares": shares,
}
# How many co-financed projects of each type the spend per day was measured on.
measured = inputs_frame.dropna(subset=["measured_projects"])
measured = ", ".join(
    t("scenarios.measured_projects", type=label_of(row.project_type), count=format_number(row.measured_projects))
    for row in measured.itertuples(index=False)
)

st.header(t("scenarios.published_heading"))
# The previous report's published scenarios, by share: each total shows its change when both publish it.
previous_year = current_report().previous_year
before = query("scenarios/published_totals", year=previous_year) if previous_year else published.iloc[0:0]
before_total = dict(zip(before["share_bp"], before["total_cents"]))
for column, row in zip(st.columns(len(published)), published.itertuples(index=False)):
    with column:
        kpi_card(
            t("scenarios.published_metric", share=row.share_bp // 100),
            format_money_cents(row.total_cents),
            [row.source_id],
            row.quality,
            t(
                "scenarios.published_help",
                days=format_money_cents(row.days_spend_cents),
                complement=format_money_cents(row.complement_cents),
            ),
            delta=change_delta(row.total_cents, before_total.get(row.share_bp), "cents", previous_year),
        )
remarks = [
    t("scenarios.published_remark", scenario=t("scenarios.published_metric", share=row.share_bp // 100), note=row.note)
    for row in published.itertuples(index=False)
    if isinstance(row.note, str) and row.note.strip()
]
st.info(
    t(
        "scenarios.published_note",
        year=year,
        low=format_number(euros(published["total_cents"].min()) / 1_000_000, 1),
        high=format_number(euros(published["total_cents"].max()) / 1_000_000, 1),
    )
    + (f"\n\n{t('scenarios.published_remarks')}" + "".join(f"\n- {remark}" for remark in remarks) if remarks else ""),
    icon="ℹ️",
)

st.header(t("scenarios.explore_heading"))
st.session_state.setdefault("scenarios_share", params["share"])
share = st.slider(
    t("scenarios.slider_label"),
    *model.SHARE_RANGE,
    step=1,
    key="scenarios_share",
    format="%d %%" if lang == "fr" else "%d%%",  # « 50 % » in French, "50%" in English
    help=t("scenarios.slider_help", flat=figures["flat"], shares=shares),
)
write_page_params({"share": share}, SPEC)
results = st.container()
current_inputs = render_whatif(report_inputs)
changes = model.changed_inputs(report_inputs, current_inputs)
result = model.compute_scenario(current_inputs, model.share_from_percent(share))
headline = model.headline_total(result, published, bool(changes))

with results:
    label_key = "scenarios.total_label_user" if changes else "scenarios.total_label"
    cards = st.columns(3)
    with cards[0]:
        kpi_card(t(label_key, share=share), format_money_cents(headline["total_cents"]), SOURCE, headline["quality"])
    with cards[1]:
        quality = "reported" if headline["published"] else headline["quality"]
        kpi_card(t("scenarios.days_label"), format_money_cents(headline["days_spend_cents"]), SOURCE, quality)
    with cards[2]:
        kpi_card(
            t("scenarios.complement_label"),
            format_money_cents(result.complement_cents),
            SOURCE,
            "reported",
            t("scenarios.complement_help"),
        )
    if changes:
        st.warning(
            "\n".join([t("scenarios.result_user"), "", t("scenarios.changes_title")])
            + "".join(f"\n- {describe_change(*change)}" for change in changes),
            icon="✏️",
        )
    elif headline["published"]:
        st.caption(
            t(
                "scenarios.result_published",
                model=format_money_cents(headline["model_cents"]),
                difference=format_money_cents(abs(headline["difference_cents"])),
            )
        )
    else:
        st.caption(f"{quality_label('scenario')} — {t('scenarios.result_model')}")

changed_types = {change[0] for change in changes}
detail = model.detail_frame(result, current_inputs, changed_types)
context = {
    t("export.scenario_share"): f"{share} %",
    t("scenarios.context_modified"): t("scenarios.yes") if changes else t("scenarios.no"),
}
if changes:
    context[t("scenarios.context_inputs")] = "; ".join(describe_change(*c).replace("**", "") for c in changes)
figure = build_components_figure(published_components, detail, share, bool(changes), lang)
bars, _ = scenario_bars(published_components, detail, share, bool(changes), lang)
bars = bars.assign(component=bars["component"].map(label_of)).rename(
    columns={"bar": "scenario", "cents": "amount_cents"}
)
meta = Meta(t("scenarios.chart_title"), SOURCE, t("scenarios.chart_note"), t("nav.scenarios"), context)
chart_card(figure, meta, bars[["scenario", "component", "amount_cents"]], "scenario_chart")
table_card(
    detail.assign(project_type=detail["project_type"].map(label_of), input_origin=detail["input_origin"].map(label_of)),
    Meta(
        t("scenarios.components_title", share=share),
        SOURCE,
        t("scenarios.components_note", flat=figures["flat"]),
        t("nav.scenarios"),
        context,
    ),
    "scenario_detail",
)
table_card(
    inputs_frame.assign(
        project_type=inputs_frame["project_type"].map(label_of), rate_basis=inputs_frame["rate_basis"].map(label_of)
    ),
    Meta(t("scenarios.inputs_title"), SOURCE, t("scenarios.inputs_note", measured=measured), t("nav.scenarios")),
    "scenario_inputs",
)

st.header(t("scenarios.method_heading"))
st.markdown(t("scenarios.method_text", **figures))
st.markdown(f"**{t('scenarios.discrepancies_heading')}**")
for row in query("scenarios/discrepancies", topic="scenarios").itertuples(index=False):
    st.markdown(
        "- "
        + t(
            "scenarios.discrepancy_line",
            description=getattr(row, f"description_{lang}"),
            shown=getattr(row, f"shown_{lang}"),
            source=row.source_a,
        )
    )
