"""Every report, not one: a second (FICTITIOUS) report is added as data only, and the app shows it.

The fixture (tests/fixtures/fictitious_report.py) copies the seeds into a temporary folder and
derives reports/2031/ from reports/2024/ with live action and animation swapped: the build must reconcile it
with the same declared checks, and every page must show either report, in French and English,
with the change from the previous report — without any change to code, SQL or locale files (the
test writes nothing else). Nothing of it reaches the shipped database.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3

import openpyxl
import pytest
from conftest import ROOT, run_app, start_streamlit, wait_for_app
from fixtures.fictitious_report import FICTITIOUS_YEAR, TITLE, add_fictitious_report

from dashboard.components.formatting import format_by_column
from dashboard.components.i18n import translate
from dashboard.data.build import build
from dashboard.data.database import DEFAULT_DB_PATH, SEEDS_DIR

PAGES = [f"dashboard/pages/{name}.py" for name in ("overview", "investment", "scenarios", "carbon", "map", "sources")]
YEARS = (2024, FICTITIOUS_YEAR)


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """Seeds with the 2024 report and the fictitious one, built into a temporary SQLite file."""
    folder = tmp_path_factory.mktemp("two_reports")
    seeds = folder / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    add_fictitious_report(seeds)
    result = build(seeds, output=folder / "two.sqlite")
    return folder / "two.sqlite", result


@pytest.fixture
def two_env(monkeypatch, two_reports):
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{two_reports[0]}")


def metric(at, label: str):
    """(value, delta) of the metric with this label."""
    found = [m for m in at.metric if m.label == label]
    assert found, f"no metric {label!r} among {[m.label for m in at.metric]}"
    clean = lambda text: None if text is None else text.replace("\u00a0", " ")  # noqa: E731
    return clean(found[0].value), clean(found[0].proto.delta or None)


def test_the_build_reconciles_the_new_report_with_the_same_declared_checks(two_reports):
    path, result = two_reports
    with sqlite3.connect(path) as con:
        reports = con.execute("SELECT report_year, title FROM reports ORDER BY report_year").fetchall()
        by_sector = con.execute(
            "SELECT report_year, sector, COUNT(*), SUM(investment_cents) FROM works "
            "WHERE sector <> 'tv_format' GROUP BY report_year, sector ORDER BY report_year, sector"
        ).fetchall()
    assert reports == [(2024, "Wallimage SA — Bilan 2024"), (FICTITIOUS_YEAR, TITLE)]
    assert by_sector == [
        (2024, "animation", 13, 218_000_000),
        (2024, "live_action", 35, 478_480_000),
        (FICTITIOUS_YEAR, "animation", 35, 478_480_000),
        (FICTITIOUS_YEAR, "live_action", 13, 218_000_000),
    ]
    assert result.data_version.startswith(f"{FICTITIOUS_YEAR}.2+")
    single = build(SEEDS_DIR, output=path.parent / "one.sqlite")
    # Every declared check ran for both reports (the shared seeds' checks once): the fictitious
    # report repeats the 2024 report's recorded inconsistencies, which matched their records.
    assert result.recorded_mismatches == 2 * single.recorded_mismatches > 0
    assert single.checks < result.checks < 2 * single.checks


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("year", YEARS)
def test_every_page_renders_either_report(two_env, page, year, lang):
    params = {} if year == FICTITIOUS_YEAR else {"year": str(year)}
    at = run_app(page, lang=lang, params=params)
    assert not at.exception and not at.error, (page, year, lang)
    assert at.session_state["report_year"] == str(year)
    assert at.button_group(key="report_choice").value == str(year)


def test_the_overview_shows_the_change_from_the_previous_report(two_env):
    at = run_app()  # the latest report by default
    assert metric(at, "Investi par Wallimage") == ("7.094.800,00 €", "±0,00 € (±0,00 %) par rapport au rapport 2024")
    assert metric(at, "Œuvres coproduites") == ("49", "±0 (±0,00 %) par rapport au rapport 2024")
    assert metric(at, "Ratio dépenses / investissement")[1] == "±0,00 pts par rapport au rapport 2024"
    sectors = at.dataframe[0].value.set_index("Secteur")
    # Live action in the fictitious report is 2024's animation: 13 works and 2.180.000 € (−22, −2.604.800 €).
    assert sectors.loc["Prises de vues réelles", "Œuvres : évolution"] == -22
    assert sectors.loc["Prises de vues réelles", "Investissement : évolution (€)"] == -260_480_000  # cents
    assert sectors.loc["Animation", "Investissement : évolution (€)"] == 260_480_000
    assert format_by_column("investment_change_cents", 260_480_000, "fr") == "+2.604.800,00\u00a0€"
    assert format_by_column("ratio_change_pts", -12.5, "en") == "-12.50\u00a0pts"
    # The headline cards cite the report shown, from its own rows (the places card, shared data, still
    # cites the 2024 sections that locate the places).
    headline = [caption.value for caption in at.caption[:4]]
    assert all(text.endswith("Source : Rapport fictif §7.1") for text in headline), headline
    english = run_app(lang="en")
    assert metric(english, "Walloon audiovisual spend") == ("€46,231,969.51", "±€0.00 (±0.00%) vs the 2024 report")


def test_the_year_in_the_link_reproduces_the_earlier_report(two_env):
    at = run_app(params={"year": "2024"})
    assert metric(at, "Investi par Wallimage") == ("7.094.800,00 €", None)  # no report before 2024
    assert at.dataframe[0].value.columns.tolist()[-1] == "Ratio (%)"  # no change columns either
    assert at.query_params["year"] in ("2024", ["2024"])
    latest = run_app()
    assert "year" not in latest.query_params  # the latest report needs no parameter


def test_choosing_a_report_in_the_sidebar_keeps_it_in_the_link(two_env):
    at = run_app()
    at.button_group(key="report_choice").set_value("2024").run()
    assert metric(at, "Investi par Wallimage") == ("7.094.800,00 €", None)
    assert at.query_params["year"] in ("2024", ["2024"])


def test_an_unknown_year_is_dropped_with_a_notice(two_env):
    at = run_app(params={"year": "1999"})
    assert not at.exception
    assert at.session_state["report_year"] == str(FICTITIOUS_YEAR)
    assert any("year=1999" in notice.value for notice in at.info)


def detail_tab(lang: str = "fr") -> dict:
    return {"investment_tab": translate("investment.tab_detail", lang, year=FICTITIOUS_YEAR)}


def test_filters_permalinks_and_changes_on_the_investment_page(two_env):
    params = {"sector": "animation", "tab": "detail"}
    latest = run_app("dashboard/pages/investment.py", params=params)
    earlier = run_app("dashboard/pages/investment.py", params={**params, "year": "2024"})
    assert not latest.exception and not earlier.exception
    invested_latest, delta = metric(latest, "Investi par Wallimage")
    invested_earlier, no_delta = metric(earlier, "Investi par Wallimage")
    assert (invested_earlier, no_delta) == ("2.180.000,00 €", None)  # the 13 animation works of 2024
    assert invested_latest == "4.784.800,00 €"  # the fictitious report's animation: 2024's live action
    assert delta == "+2.604.800,00 € (+119,49 %) par rapport au rapport 2024"
    assert metric(latest, "Œuvres") == ("35", "+22 (+169,23 %) par rapport au rapport 2024")
    assert latest.query_params["sector"] in ("animation", ["animation"])


@pytest.mark.browser
def test_exports_name_and_state_their_report_in_chromium(two_reports, page):
    """Each report's export carries its year in the file name and its title in the context sheet."""
    process, base = start_streamlit(f"sqlite:///{two_reports[0]}")
    try:
        for query, year, title in (("", FICTITIOUS_YEAR, TITLE), ("&year=2024", 2024, "Wallimage SA — Bilan 2024")):
            page.goto(f"{base}/sources?{query.lstrip('&')}")
            wait_for_app(page)
            button = page.locator(".st-key-sources_discrepancies-xlsx button")
            button.wait_for(timeout=90_000)
            with page.expect_download() as download:
                button.click()
            assert download.value.suggested_filename == f"sources_discrepancies_{year}.xlsx"
            with open(download.value.path(), "rb") as handle:
                workbook = openpyxl.load_workbook(io.BytesIO(handle.read()))
            context = {row[0]: row[1] for row in workbook["contexte"].iter_rows(min_row=2, values_only=True)}
            assert context["Rapport annuel"] == f"{title} ({year})"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("year", YEARS)
def test_presentation_mode_shows_either_report(two_env, year):
    params = {"slide": "2"} if year == FICTITIOUS_YEAR else {"slide": "2", "year": str(year)}
    at = run_app("dashboard/pages/presentation.py", params=params)
    assert not at.exception and not at.error
    invested = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    # Horizontal bars since the projector layout: the sectors on y, the euros on x.
    labels, euros = (
        (invested["y"], invested["x"]) if invested.get("orientation") == "h" else (invested["x"], invested["y"])
    )
    by_sector = {label.split("<br>")[0]: value for label, value in zip(labels, euros)}
    assert by_sector["Animation"] == (4_784_800 if year == FICTITIOUS_YEAR else 2_180_000)


def test_the_by_year_chart_marks_both_detailed_reports(two_env):
    at = run_app("dashboard/pages/investment.py")
    invested, _, legend = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][:3]
    assert invested["x"] == [2001, 2009, 2013, 2015, 2017, 2018, 2019, 2024, FICTITIOUS_YEAR]
    assert invested["marker"]["line"]["width"][-2:] == [3, 3]  # both reports outlined
    assert invested["y"][-1] == 7_094_800  # the fictitious report's own works (no history row for it)
    assert legend["name"] == "Rapport annuel détaillé (chaque œuvre)"


def test_the_shipped_database_holds_only_the_real_report():
    assert not (SEEDS_DIR / "reports" / str(FICTITIOUS_YEAR)).exists()
    if DEFAULT_DB_PATH.exists():
        with sqlite3.connect(f"file:{DEFAULT_DB_PATH}?mode=ro", uri=True) as con:
            assert con.execute("SELECT report_year FROM reports").fetchall() == [(2024,)]
    assert "fixtures" not in {p.name for p in (ROOT / "dashboard").rglob("*")}


def test_the_scenarios_and_shooting_days_show_their_change(two_env):
    scenarios = run_app("dashboard/pages/scenarios.py")
    label = translate("scenarios.published_metric", "fr", share=50)
    value, delta = metric(scenarios, label)
    assert delta == "±0,00 € (±0,00 %) par rapport au rapport 2024"  # the swap keeps every scenario
    earlier = run_app("dashboard/pages/scenarios.py", params={"year": "2024"})
    assert metric(earlier, label) == (value, None)
    overview = run_app()
    days = [m for m in overview.metric if m.proto.delta and "jours" in m.label.lower() and "depuis" not in m.label]
    assert [m.proto.delta.replace("\u00a0", " ") for m in days] == ["±0 (±0,00 %) par rapport au rapport 2024"]
