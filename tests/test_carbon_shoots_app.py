"""The carbon page on the SYNTHETIC per-shoot fixture (tests/fixtures/synthetic_footprints.py: 32 shoots,
two report years, three tools) in French and English: every view renders with the right values, recomputed
here by hand from the fixture's rows (pooled intensities, category shares, forecast against final, trend
and split), the filters are in the URL, and no table cell reads 'None' or 'nan'. Also the pure functions of
dashboard/carbon_shoots.py and the queries on both engines."""

from __future__ import annotations

import csv
import shutil

import pandas as pd
import pytest
from conftest import run_app
from fixtures.fictitious_report import FICTITIOUS_YEAR
from fixtures.synthetic_footprints import add_synthetic_footprints, synthetic_shoots

from dashboard import carbon_shoots
from dashboard.data.build import build
from dashboard.data.database import SEEDS_DIR, Database
from dashboard.data.queries import execute

PAGE = "dashboard/pages/carbon.py"
CHARTS = ("carbon_shoot_points", "carbon_categories", "carbon_forecast_final", "carbon_trend", "carbon_kinds")


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic_app")
    shutil.copytree(SEEDS_DIR, folder / "seeds")
    add_synthetic_footprints(folder / "seeds")
    build(folder / "seeds", output=folder / "synthetic.sqlite")
    return folder


@pytest.fixture
def synthetic_env(monkeypatch, synthetic_db):
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{synthetic_db / 'synthetic.sqlite'}")


def _spend_cents(synthetic_db, year: int) -> dict[int, int]:
    with (synthetic_db / "seeds" / "reports" / str(year) / "works.csv").open(encoding="utf-8") as handle:
        return {int(r["work_id"]): round(float(r["walloon_spend_eur"]) * 100) for r in csv.DictReader(handle)}


def expected(synthetic_db, year: int, kinds=(), tools=()) -> dict:
    """The page's headline figures recomputed by hand from the fixture's rows (final results of a year)."""
    rows = [
        r
        for r in synthetic_shoots()
        if r["report_year"] == year
        and r["stage"] == "final"
        and (not kinds or r["kind"] in kinds)
        and (not tools or r["tool"] in tools)
    ]
    total = sum(r["total_tco2e"] for r in rows)
    spend = _spend_cents(synthetic_db, year)
    linked = [r for r in rows if r["work_id"]]
    categories: dict[str, float] = {}
    for r in rows:
        for category, value in r["categories"].items():
            categories[category] = categories.get(category, 0) + value
    return {
        "shoots": len(rows),
        "per_day": total / sum(r["shooting_days"] for r in rows),
        "per_crew_day_kg": total * 1000 / sum(r["crew"] * r["shooting_days"] for r in rows),
        "per_keur_kg": sum(r["total_tco2e"] for r in linked)
        * 1000
        / (sum(spend[r["work_id"]] for r in linked) / 100_000)
        if linked
        else None,
        "shares": {c: v * 100 / total for c, v in categories.items()},
    }


def fr(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def metrics(at) -> dict[str, str]:
    return {m.label: m.value.replace("\u00a0", " ") for m in at.metric}


def open_all(extra=()) -> dict:
    return {f"{key}:data": True for key in (*CHARTS, *extra)}


def frames(at) -> list[pd.DataFrame]:
    return [d.value for d in at.dataframe]


def assert_no_none_or_nan(at):
    """No cell shows 'None' or 'nan' (a missing number in a number column is shown as '–')."""
    for frame in frames(at):
        for column in frame.columns:
            numeric = pd.api.types.is_numeric_dtype(frame[column])
            for value in frame[column]:
                assert str(value) not in ("None", "nan", "NaN", "<NA>") or (numeric and pd.isna(value)), column


def test_pure_functions_on_the_fixture_rows(synthetic_db):
    db = Database(f"sqlite:///{synthetic_db / 'synthetic.sqlite'}")
    try:
        shoots = execute(db, "carbon/shoots", {})
        categories = execute(db, "carbon/shoot_categories", {"year": FICTITIOUS_YEAR})
    finally:
        db.dispose()
    want = expected(synthetic_db, FICTITIOUS_YEAR)
    chosen = carbon_shoots.select(shoots[shoots["report_year"] == FICTITIOUS_YEAR])
    summary = carbon_shoots.pooled(chosen)
    assert summary["shoots"] == want["shoots"] == 16
    assert summary["per_day"].low == summary["per_day"].high == pytest.approx(want["per_day"])
    assert summary["per_crew_day_kg"].low == pytest.approx(want["per_crew_day_kg"])
    assert summary["per_keur_kg"].low == pytest.approx(want["per_keur_kg"]) and summary["linked"] == 5
    shares = carbon_shoots.category_shares(categories, chosen).set_index("category")["category_share_pct"]
    assert shares.to_dict() == pytest.approx(want["shares"]) and shares.sum() == pytest.approx(100)
    both = carbon_shoots.forecast_against_final(shoots[shoots["report_year"] == FICTITIOUS_YEAR])
    assert list(both["project_no"]) == [4, 8, 12, 16]
    forecasts = {
        r["project_no"]: r["total_tco2e"]
        for r in synthetic_shoots()
        if r["report_year"] == FICTITIOUS_YEAR and r["stage"] == "forecast"
    }
    assert both.set_index("project_no")["forecast_t"].to_dict() == forecasts
    trend = carbon_shoots.trend_by_year(carbon_shoots.select(shoots)).set_index("report_year")
    assert trend.loc[2024, "per_day_low"] == pytest.approx(expected(synthetic_db, 2024)["per_day"])
    assert list(trend.index) == [2024, FICTITIOUS_YEAR]
    by_tool = carbon_shoots.tool_categories(categories, chosen)
    assert "freight" not in by_tool["albert"] and "freight" in by_tool["thegreenshot"]
    # Approximate results keep their bounds through the intensities.
    approximate = chosen.head(1).assign(lower_tco2e=100.0, upper_tco2e=200.0, total_tco2e=150.0)
    rows = carbon_shoots.per_shoot(approximate)
    assert rows["per_day_low"].iloc[0] == pytest.approx(100 / approximate["shooting_days"].iloc[0])
    assert rows["per_day_high"].iloc[0] == pytest.approx(200 / approximate["shooting_days"].iloc[0])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_view_renders_with_the_right_values(synthetic_env, synthetic_db, lang):
    at = run_app(PAGE, lang, state=open_all())
    assert not at.exception and not at.error
    want = expected(synthetic_db, FICTITIOUS_YEAR)
    values = metrics(at)
    number = fr if lang == "fr" else (lambda v, d: f"{v:,.{d}f}")
    labels = {
        "fr": (
            "Tournages mesurés",
            "tCO2e par jour de tournage",
            "kgCO2e par jour-équipe",
            "kgCO2e par 1.000 € dépensés en Wallonie",
        ),
        "en": (
            "Shoots measured",
            "tCO2e per shooting day",
            "kgCO2e per crew-day",
            "kgCO2e per €1,000 spent in Wallonia",
        ),
    }[lang]
    assert values[labels[0]] == "16"
    assert values[labels[1]] == f"{number(want['per_day'], 2)} tCO2e"
    assert values[labels[2]] == f"{number(want['per_crew_day_kg'], 1)} kgCO2e"
    assert values[labels[3]] == f"{number(want['per_keur_kg'], 1)} kgCO2e"
    titles = [m.value for m in at.markdown]
    for key in ("points", "categories", "forecast", "trend", "kinds"):
        from dashboard.components.i18n import translate

        assert f"**{translate(f'carbon.{key}_title', lang)}**" in titles, key
    shares = next(
        f for f in frames(at) if "category_share_pct" in f.columns or f.columns[-1].startswith(("Part", "Share"))
    )
    top = max(want["shares"], key=want["shares"].get)
    assert shares.iloc[0, -1] == pytest.approx(want["shares"][top])
    forecast = next(f for f in frames(at) if len(f) == 4 and f.shape[1] == 7)
    totals = {
        (r["project_no"], r["stage"]): r["total_tco2e"]
        for r in synthetic_shoots()
        if r["report_year"] == FICTITIOUS_YEAR
    }
    changes = [(totals[n, "final"] - totals[n, "forecast"]) * 100 / totals[n, "forecast"] for n in (4, 8, 12, 16)]
    assert forecast.iloc[:, -1].tolist() == pytest.approx(changes)
    assert forecast.iloc[:, -3].tolist() == [totals[n, "forecast"] for n in (4, 8, 12, 16)]
    assert any("albert" in w.value and ("Fret" in w.value or "Freight" in w.value) for w in at.warning)
    assert_no_none_or_nan(at)
    assert not any("Bilan possible" in str(f.columns) for f in frames(at))


def test_filters_come_from_and_go_to_the_url(synthetic_env, synthetic_db):
    at = run_app(PAGE, params={"type": "feature,series", "tool": "albert", "stage": "final"})
    assert not at.exception and not at.error
    want = expected(synthetic_db, FICTITIOUS_YEAR, kinds=("feature", "series"), tools=("albert",))
    assert metrics(at)["Tournages mesurés"] == str(want["shoots"])
    assert metrics(at)["tCO2e par jour de tournage"] == f"{fr(want['per_day'], 2)} tCO2e"
    at.segmented_control(key="carbon_stage").set_value("forecast").run()
    assert at.query_params["stage"] in ("forecast", ["forecast"])
    assert at.query_params["tool"] in ("albert", ["albert"])


def test_an_earlier_report_and_a_trend_over_both(synthetic_env, synthetic_db):
    at = run_app(PAGE, params={"year": "2024"}, state=open_all())
    assert not at.exception and not at.error
    want = expected(synthetic_db, 2024)
    assert metrics(at)["tCO2e par jour de tournage"] == f"{fr(want['per_day'], 2)} tCO2e"
    trend = next(f for f in frames(at) if "Rapport" in f.columns and len(f) == 2)
    assert trend["Rapport"].tolist() == ["2024", str(FICTITIOUS_YEAR)]
    assert trend.iloc[0, 3] == pytest.approx(round(want["per_day"], 2))
