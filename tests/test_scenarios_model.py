"""The shooting-day scenario model (Bilan 2024 §2.2.7.2): its queries on both engines, the three
published scenarios reproduced within one euro (totals and every component), the slider's end points
and monotonicity, what-if overrides, and the components figure."""

from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import scenarios as model
from dashboard.components.charts_scenarios import build_components_figure, scenario_bars
from dashboard.data.queries import execute, query_header

EURO = 100  # cents
PUBLISHED = {  # share %: (total, days component) in cents, as printed in the report
    100: (859394149, 442631149),
    50: (702051528, 285288528),
    25: (623380218, 206617218),
}
COMPLEMENT = 416763000


@pytest.fixture(scope="module")
def frames(db):
    return {
        "inputs": execute(db, "scenarios/model_inputs", {"year": 2024}),
        "totals": execute(db, "scenarios/published_totals", {"year": 2024}),
        "components": execute(db, "scenarios/published_components", {"year": 2024}),
    }


@pytest.fixture(scope="module")
def report_inputs(frames):
    return model.inputs_from_frame(frames["inputs"])


def test_queries_run_on_both_engines(any_db):
    inputs = execute(any_db, "scenarios/model_inputs", {"year": 2024})
    assert len(inputs) == 8 and int(inputs["attributable_days"].sum()) == 212
    assert int(inputs["shooting_days"].sum()) == 743 and int(inputs["days_cofinanced"].sum()) == 531
    assert int(inputs["complement_non_av_cents"].sum()) == COMPLEMENT
    feature = inputs.set_index("project_type").loc["feature_fiction"]
    assert (int(feature["av_eligible_cents"]), int(feature["non_av_cents"])) == (2343760, 646759)
    totals = execute(any_db, "scenarios/published_totals", {"year": 2024}).set_index("share_bp")
    assert {int(k): int(v) for k, v in totals["total_cents"].items()} == {s * 100: v[0] for s, v in PUBLISHED.items()}
    assert len(execute(any_db, "scenarios/published_components", {"year": 2024})) == 24
    found = execute(any_db, "scenarios/discrepancies", {"year": 2024, "topic": "scenarios"})
    assert set(found["discrepancy_id"]) == {"scenario_25_heading", "scenario_method_wording"}


def test_queries_return_the_section_of_their_rows(db):
    for name in ("model_inputs", "published_totals", "published_components"):
        assert "source" not in query_header(f"scenarios/{name}")  # cited from the rows, not from a header
        assert set(execute(db, f"scenarios/{name}", {"year": 2024})["source_id"]) == {"B24-2.2.7.2"}


@pytest.mark.parametrize("share", [100, 50, 25])
def test_published_totals_within_one_euro(report_inputs, share):
    result = model.compute_scenario(report_inputs, model.share_from_percent(share))
    total, days = PUBLISHED[share]
    assert abs(result.total_cents - total) <= EURO
    assert abs(result.days_spend_cents - days) <= EURO
    assert result.complement_cents == COMPLEMENT


@pytest.mark.parametrize("share", [100, 50, 25])
def test_every_published_component_within_one_euro(report_inputs, frames, share):
    result = model.compute_scenario(report_inputs, model.share_from_percent(share))
    printed = frames["components"][frames["components"]["share_bp"] == share * 100]
    assert len(printed) == 8
    for row in printed.itertuples(index=False):
        component = result.component(row.project_type)
        assert component.days == row.days
        assert abs(component.days_spend_cents - row.days_spend_cents) <= EURO, row.project_type
        assert component.complement_cents == row.complement_cents
        assert abs(component.total_cents - row.total_cents) <= EURO
        # The printed spend per day (thousandths of a euro) matches within a cent.
        assert abs(component.per_day_cents * 10 - row.per_day_printed_millieur) <= 10, row.project_type


def test_per_day_spend_follows_the_arithmetic(report_inputs):
    feature = next(i for i in report_inputs if i.project_type == "feature_fiction")
    assert model.per_day_spend_cents(feature, Decimal("0.5")) == Decimal("1818639")  # 18.186,39 €
    short = next(i for i in report_inputs if i.project_type == "short_fiction")
    assert short.flat and model.per_day_spend_cents(short, 0) == model.per_day_spend_cents(short, 1) == 50000


def test_end_points(report_inputs):
    top = model.compute_scenario(report_inputs, 1)
    bottom = model.compute_scenario(report_inputs, 0)
    assert abs(top.total_cents - PUBLISHED[100][0]) <= EURO
    # At 0 % only the non-audiovisual spend per day and the flat rates remain, plus the complement.
    expected_days = 46 * 646759 + 80 * 1178003 + 12 * 0 + 7 * 86389 + (50 + 13 + 3 + 1) * 50000
    assert bottom.days_spend_cents == expected_days
    assert bottom.total_cents == expected_days + COMPLEMENT


def test_shares_outside_zero_one_are_refused(report_inputs):
    for share in (-0.01, 1.01, float("nan")):
        with pytest.raises(ValueError):
            model.compute_scenario(report_inputs, share)


@settings(max_examples=60, deadline=None)
@given(a=st.integers(0, 100), b=st.integers(0, 100))
def test_total_never_decreases_with_the_share(report_inputs, a, b):
    low, high = sorted((a, b))
    first = model.compute_scenario(report_inputs, model.share_from_percent(low))
    second = model.compute_scenario(report_inputs, model.share_from_percent(high))
    assert first.total_cents <= second.total_cents
    assert first.complement_cents == second.complement_cents == COMPLEMENT


@settings(max_examples=40, deadline=None)
@given(
    days=st.integers(0, 2000), av=st.integers(0, 10_000_000), non_av=st.integers(0, 10_000_000), p=st.fractions(0, 1)
)
def test_component_is_days_times_scaled_spend(days, av, non_av, p):
    item = model.ScenarioInput("x", days, False, av, non_av, 0, 0)
    result = model.compute_scenario([item], p)
    exact = days * (Decimal(p.numerator) / Decimal(p.denominator) * av + non_av)
    assert abs(result.total_cents - exact) <= Decimal("0.5")


def test_overrides_are_applied_and_reported(report_inputs):
    user = model.apply_overrides(
        report_inputs, {("feature_fiction", "days"): 60, ("advertising", "flat_rate_cents"): 0}
    )
    changes = model.changed_inputs(report_inputs, user)
    assert changes == [("feature_fiction", "days", 46, 60), ("advertising", "flat_rate_cents", 50000, 0)]
    before = model.compute_scenario(report_inputs, Decimal("0.4")).total_cents
    after = model.compute_scenario(user, Decimal("0.4")).total_cents
    assert after - before == round(14 * (Decimal("0.4") * 2343760 + 646759)) - 13 * 50000
    assert model.changed_inputs(report_inputs, report_inputs) == []


def test_headline_is_the_printed_total_only_with_the_report_inputs(report_inputs, frames):
    result = model.compute_scenario(report_inputs, model.share_from_percent(50))
    shown = model.headline_total(result, frames["totals"], inputs_changed=False)
    assert shown["published"] and shown["total_cents"] == PUBLISHED[50][0] and abs(shown["difference_cents"]) <= EURO
    mine = model.headline_total(result, frames["totals"], inputs_changed=True)
    assert not mine["published"] and mine["quality"] == "scenario" and mine["total_cents"] == result.total_cents
    between = model.compute_scenario(report_inputs, model.share_from_percent(40))
    assert model.headline_total(between, frames["totals"], False)["total_cents"] == 670582981  # 6.705.829,81 €


def test_detail_frame_marks_the_users_rows(report_inputs):
    result = model.compute_scenario(report_inputs, 1)
    frame = model.detail_frame(result, report_inputs, {"series_fiction"})
    origin = dict(zip(frame["project_type"], frame["input_origin"]))
    assert origin["series_fiction"] == "input_user" and origin["feature_fiction"] == "input_report"
    assert pd.isna(frame.set_index("project_type").loc["short_fiction", "av_eligible_cents"])
    assert int(frame["total_cents"].sum()) == result.total_cents


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_components_figure_stacks_types_and_complement(report_inputs, frames, lang):
    result = model.compute_scenario(report_inputs, model.share_from_percent(40))
    detail = model.detail_frame(result, report_inputs, set())
    figure = build_components_figure(frames["components"], detail, 40, False, lang)
    bars = [trace for trace in figure.data if trace.type == "bar"]
    assert len(bars) == 9 and figure.layout.barmode == "stack"
    assert list(bars[0].x) == (
        ["25 % (publié)", "40 % (votre choix)", "50 % (publié)", "100 % (publié)"]
        if lang == "fr"
        else ["25% (published)", "40% (your choice)", "50% (published)", "100% (published)"]
    )
    stacked = [sum(trace.y[i] for trace in bars) for i in range(4)]
    assert stacked[0] == pytest.approx(6233802.18) and stacked[3] == pytest.approx(8593941.49)
    assert stacked[1] == pytest.approx(6705829.81)
    assert bars[-1].name == (
        "Complément non audiovisuel (projets cofinancés)"
        if lang == "fr"
        else "Non-audiovisual complement (co-financed projects)"
    )
    outline = figure.layout.shapes[0]
    assert outline.line.dash == "dash" and (outline.x0, outline.x1) == (0.55, 1.45)


def test_published_share_with_report_inputs_outlines_the_published_bar(report_inputs, frames):
    detail = model.detail_frame(model.compute_scenario(report_inputs, Decimal("0.5")), report_inputs, set())
    bars, chosen = scenario_bars(frames["components"], detail, 50, False, "fr")
    assert chosen == "50 % (publié)" and bars["bar"].nunique() == 3
    _, mine = scenario_bars(frames["components"], detail, 50, True, "fr")
    assert mine == "✎ 50 % (vos saisies)"
