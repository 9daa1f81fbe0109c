"""Carbon sample of Bilan 2024 §2.2.6: queries on both engines, bounds derived from the statements
together, intensities as ranges, the green-manager what-if and the figures (no per-shoot values)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import carbon
from dashboard.components.charts_carbon import build_footprint_ranges_figure, build_spend_carbon_figure, format_bounds
from dashboard.data.queries import execute


@pytest.fixture(scope="module")
def sample(db):
    statements, mean, size = carbon.statements_from_frame(execute(db, "carbon/footprints", {"year": 2024}))
    return statements, mean, carbon.sample_total(mean, size)


def test_queries_run_on_both_engines(any_db):
    projects = execute(any_db, "carbon/projects", {"year": 2024})
    assert list(projects["crew"]) == [40, 30, 35, 50, 25] and list(projects["shooting_days"]) == [45, 18, 72, 27, 22]
    assert list(projects["person_days"]) == [1800, 540, 2520, 1350, 550]
    sizes = execute(any_db, "carbon/sample_totals", {"year": 2024}).set_index("kind")
    assert sizes.loc["whole_sample"].tolist() == [5, 184, 6760]
    assert sizes.loc["feature"].tolist() == [3, 90, 3690]
    footprints = execute(any_db, "carbon/footprints", {"year": 2024})
    assert set(footprints["statement_id"]) == {"about_200", "above_400", "below_100", "mean_5"}
    posts = execute(any_db, "carbon/posts", {"year": 2024})
    assert len(posts) == 8 and int(posts["most_impactful"].sum()) == 4
    assert posts["post_label_key"].iloc[0] == "carbon_post_locations"
    facts = execute(any_db, "carbon/facts", {"year": 2024, "topic": "carbon"}).set_index("fact_id")["fact_value"]
    assert (facts["green_manager_reduction"], facts["certified_projects"], facts["companies_committed"]) == (
        30,
        6,
        18,
    )
    assert facts["certification_required_year"] == 2026 and facts["green_managers_trained"] == 40
    spend = execute(any_db, "carbon/spend_per_day", {"year": 2024, "work_types": ["feature_fiction", "series_fiction"]})
    assert dict(zip(spend["work_type"], spend["total_per_day_cents"])) == {
        "feature_fiction": 2990519,
        "series_fiction": 3668955,
    }


def test_statements_and_sample_total(sample):
    statements, mean, total = sample
    bounds = {s.statement_id: (s.count, s.bounds.low, s.bounds.high) for s in statements}
    assert bounds == {"about_200": (3, 180, 220), "above_400": (1, 400, math.inf), "below_100": (1, 0, 100)}
    assert (mean.low, mean.high) == (239.5, 240.5)
    assert (total.low, total.high) == (1197.5, 1202.5)


def test_derived_bounds_tighten_the_open_statement(sample):
    statements, _, total = sample
    derived = carbon.derived_bounds(statements, total)
    # ≤ 1202.5 − 3 × 180 − 0 and ≥ max(400, 1197.5 − 3 × 220 − 100)
    assert derived["above_400"] == carbon.Interval(437.5, 662.5)
    assert derived["about_200"] == carbon.Interval(180, 220)
    assert derived["below_100"] == carbon.Interval(0, 100)
    assert carbon.any_project_bounds(statements, total) == carbon.Interval(0, 662.5)


def test_group_bounds_by_kind(sample):
    statements, _, total = sample
    # Three features (projects 1, 2, 4): at least 0 + 180 + 180, at most 1202.5 − 180 − 0.
    assert carbon.group_bounds(statements, 3, total) == carbon.Interval(360, 1022.5)
    assert carbon.group_bounds(statements, 5, total) == total
    with pytest.raises(ValueError):
        carbon.group_bounds(statements, 6, total)


def test_contradictory_statements_are_refused():
    statements = [carbon.Statement("a", 2, carbon.Interval(500, 600))]
    with pytest.raises(ValueError):
        carbon.derived_bounds(statements, carbon.Interval(100, 200))


def test_intensities(db, sample):
    statements, _, total = sample
    frame = carbon.intensity_frame(statements, total, execute(db, "carbon/sample_totals", {"year": 2024})).set_index(
        "kind"
    )
    whole = frame.loc["whole_sample"]
    assert whole["per_day_low"] == pytest.approx(1197.5 / 184) and whole["per_day_high"] == pytest.approx(1202.5 / 184)
    assert whole["per_person_day_low_kg"] == pytest.approx(1197500 / 6760)
    assert whole["per_person_day_high_kg"] == pytest.approx(1202500 / 6760)
    assert whole["quality"] == "approximate"
    feature = frame.loc["feature"]
    assert (feature["per_day_low"], feature["per_day_high"]) == (pytest.approx(4.0), pytest.approx(1022.5 / 90))
    assert (frame.loc["series", "per_day_low"], frame.loc["series", "per_day_high"]) == (0, pytest.approx(662.5 / 72))
    assert frame.loc["tv_unitary", "per_day_high"] == pytest.approx(662.5 / 22)
    assert set(frame.loc[["feature", "series", "tv_unitary"], "quality"]) == {"derived"}


def test_each_shoot_gets_only_the_honest_wide_range(db, sample):
    statements, _, total = sample
    ranges = carbon.project_ranges(statements, total, execute(db, "carbon/projects", {"year": 2024}))
    assert set(ranges["footprint_low_t"]) == {0} and set(ranges["footprint_high_t"]) == {662.5}
    assert ranges.set_index("project_no").loc[1, "per_day_high"] == pytest.approx(662.5 / 45)


def test_spend_and_carbon_side_by_side(db, sample):
    statements, _, total = sample
    intensity = carbon.intensity_frame(statements, total, execute(db, "carbon/sample_totals", {"year": 2024}))
    spend = execute(
        db, "carbon/spend_per_day", {"year": 2024, "work_types": list(carbon.KIND_SPEND_WORK_TYPE.values())}
    )
    side = carbon.spend_and_carbon_per_day(intensity, spend).set_index("kind")
    assert side.loc["feature", "spend_per_day_cents"] == 2990519
    assert side.loc["series", "spend_per_day_cents"] == 3668955
    assert side["spend_per_day_cents"].isna().sum() == 2  # whole sample and TV unitary: no measured spend


def test_green_manager_reduction(sample):
    statements, mean, total = sample
    after = carbon.apply_reduction(mean, 0.30)
    assert (after.low, after.high) == (pytest.approx(167.65), pytest.approx(168.35))
    ranges = carbon.statement_ranges(statements, mean, total, 0.30).set_index("statement_id")
    assert ranges.loc["above_400", "after_low_t"] == pytest.approx(306.25)
    assert ranges.loc["above_400", "after_high_t"] == pytest.approx(463.75)
    assert bool(ranges.loc["above_400", "tightened"]) and not bool(ranges.loc["about_200", "tightened"])
    with pytest.raises(ValueError):
        carbon.apply_reduction(mean, 1.5)


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1))
def test_a_bigger_cut_never_raises_the_range(first, second):
    mean = carbon.Interval(239.5, 240.5)
    small, big = sorted((first, second))
    assert carbon.apply_reduction(mean, big).high <= carbon.apply_reduction(mean, small).high


def test_share_of_total_and_outward_rounding():
    assert carbon.share_of_total(carbon.Interval(72, 88), carbon.Interval(90, 100)) == carbon.Interval(64.8, 88)
    assert carbon.round_outward(carbon.Interval(1197.5 / 184, 1202.5 / 184), 2) == carbon.Interval(6.50, 6.54)
    assert format_bounds(carbon.Interval(167.65, 168.35), "tCO2e", 2, "fr") == "167,65–168,35\u00a0tCO2e"
    assert format_bounds(carbon.Interval(400), "tCO2e", 0, "en") == "≥\u00a0400\u00a0tCO2e"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_ranges_figure(sample, lang):
    statements, mean, total = sample
    ranges = carbon.statement_ranges(statements, mean, total, 0.30)
    figure = build_footprint_ranges_figure(ranges, 30, lang)
    stated, derived, quoted, after = figure.data
    assert stated.marker.pattern.shape == "." and derived.marker.pattern.shape == "/"
    assert list(derived.base) == [437.5] and list(derived.x) == [225.0]
    assert after.line.dash == "dash" and after.x[:2] == pytest.approx((306.25, 463.75))
    assert len(stated.y) == 4  # three statements and the mean: never one bar per shoot
    no_cut = build_footprint_ranges_figure(carbon.statement_ranges(statements, mean, total, 0), 0, lang)
    assert len(no_cut.data) == 3


def test_spend_carbon_figure(db, sample):
    statements, _, total = sample
    intensity = carbon.intensity_frame(statements, total, execute(db, "carbon/sample_totals", {"year": 2024}))
    spend = execute(
        db, "carbon/spend_per_day", {"year": 2024, "work_types": list(carbon.KIND_SPEND_WORK_TYPE.values())}
    )
    figure = build_spend_carbon_figure(carbon.spend_and_carbon_per_day(intensity, spend), "fr")
    spend_bars, approximate, derived = figure.data
    assert list(spend_bars.y) == [29905.19, 36689.55]
    assert [x.replace("<br>", " ") for x in approximate.x] == ["Échantillon entier (5 projets)"]
    assert approximate.text == ("6,50–6,54",)
    assert [x.replace("<br>", " ") for x in derived.x] == ["Long métrage (3)", "Série (1)", "Unitaire TV (1)"]
    # At 1024 px (two panels of ~450 px): titles wrapped so they do not meet, labels horizontal and
    # wrapped instead of rotated and cut, the legend under the plot.
    titles = [a.text for a in figure.layout.annotations]
    assert all("<br>" in title and max(len(line) for line in title.split("<br>")) <= 24 for title in titles)
    assert figure.layout.xaxis.tickangle == 0 and figure.layout.xaxis2.tickangle == 0
    assert all(max(len(line) for line in x.split("<br>")) <= 14 for x in derived.x)
    assert figure.layout.legend.y < 0 and figure.layout.legend.yanchor == "top"
    assert derived.text[0] == "4,00–11,37"
