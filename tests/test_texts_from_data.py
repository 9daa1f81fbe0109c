"""The pages' sentences and citations come from the database (AppTest, French and English).

Numbers in sentences are query results ("{works} œuvres"), the year is the report context's, and every
citation is built from the rows' source ids and the report's row (its short names in report.csv): a
database whose report is named otherwise cites it by that name, with no change to code or texts.
"""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from conftest import run_app

from dashboard.components.i18n import translate
from dashboard.data.build import build
from dashboard.data.database import SEEDS_DIR, Database
from dashboard.data.queries import execute

INVESTMENT, SCENARIOS, CARBON = (
    "dashboard/pages/investment.py",
    "dashboard/pages/scenarios.py",
    "dashboard/pages/carbon.py",
)
RENAMED = {"short_name_fr": "Rapport d’essai", "short_name_en": "Trial report"}


def texts(at) -> str:
    """Every text the page shows (markdown, captions, notices, headers, metric labels and help)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        parts += [element.value for element in getattr(at, kind)]
    parts += [m.label for m in at.metric] + [m.help or "" for m in at.metric]
    return "\n".join(parts).replace("\u00a0", " ")


def report_figures(db) -> dict:
    """The figures the sentences quote, read from the database: never typed in the test."""
    year = int(execute(db, "reports/reports")["report_year"].max())
    inputs = execute(db, "scenarios/model_inputs", {"year": year})
    sample = execute(db, "carbon/sample_totals", {"year": year}).set_index("kind").loc["whole_sample"]
    return {
        "year": year,
        "works": int(execute(db, "overview/coproduction_totals", {"year": year}).iloc[0]["works"]),
        "winners": int(execute(db, "investment/gaming_call_totals", {"year": year}).iloc[0]["projects"]),
        "days": int(inputs["shooting_days"].sum()),
        "cofinanced": int(inputs["days_cofinanced"].sum()),
        "attributable": int(inputs["attributable_days"].sum()),
        "projects": int(sample["projects"]),
        "shooting_days": int(sample["shooting_days"]),
    }


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_overview_names_the_year_and_the_works_from_the_database(app_env, db, lang):
    f = report_figures(db)
    shown = texts(run_app(lang=lang))
    expected = {
        "fr": f"{f['year']} — coproductions ({f['works']} œuvres)",
        "en": f"{f['year']} — co-productions ({f['works']} works)",
    }
    assert expected[lang] in shown
    assert "{" not in shown  # no placeholder left unfilled


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_investment_scope_and_gaming_sentences_take_their_numbers_from_the_database(app_env, db, lang):
    f = report_figures(db)
    shown = texts(run_app(INVESTMENT, lang))
    scope = {
        "fr": f"aux {f['works']} œuvres coproduites en {f['year']}",
        "en": f"the {f['works']} works co-produced in {f['year']}",
    }
    assert scope[lang] in shown
    gaming = texts(run_app(INVESTMENT, lang, state={"investment_tab": translate("investment.tab_gaming", lang)}))
    winners = {
        "fr": f"l’appel {f['year']} ({f['winners']} lauréats)",
        "en": f"the {f['year']} call ({f['winners']} winners)",
    }
    assert winners[lang] in gaming and "{" not in gaming


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_scenario_method_takes_its_days_from_the_database(app_env, db, lang):
    f = report_figures(db)
    shown = texts(run_app(SCENARIOS, lang))
    method = {
        "fr": f"Des {f['days']} jours de tournage de {f['year']}, on retire les {f['cofinanced']} jours",
        "en": f"Of the {f['days']} shooting days of {f['year']}, the {f['cofinanced']} days",
    }
    assert method[lang] in shown and f" {f['attributable']} " in shown
    assert "{" not in shown


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_carbon_sentences_take_the_sample_from_the_database(app_env, db, lang):
    f = report_figures(db)
    shown = texts(run_app(CARBON, lang))
    per_day = {"fr": f"sur {f['shooting_days']} jours de tournage", "en": f"over {f['shooting_days']} shooting days"}
    sample = {"fr": f"**{f['projects']} projets seulement**", "en": f"**only {f['projects']} projects**"}
    assert per_day[lang] in shown and sample[lang] in shown
    assert "{" not in shown


# --- citations: from the rows' source ids and the report's row -------------------------------------


@pytest.fixture(scope="module")
def renamed_report_url(tmp_path_factory) -> str:
    """A database whose report has other short names in its report.csv (nothing else changed)."""
    seeds = tmp_path_factory.mktemp("seeds") / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    for path in (seeds / "reports").glob("*/report.csv"):
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        for row in rows:
            row.update(RENAMED)
        out = io.StringIO()
        writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
    target = tmp_path_factory.mktemp("renamed") / "wallimage.sqlite"
    build(seeds_dir=seeds, output=target)
    return f"sqlite:///{target}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_card_footers_cite_the_rows_sections_under_the_reports_name(monkeypatch, renamed_report_url, lang):
    monkeypatch.setenv("WALLIMAGE_DB_URL", renamed_report_url)
    database = Database(renamed_report_url)
    year = int(execute(database, "reports/reports")["report_year"].max())
    total = execute(database, "investment/total_source", {"year": year})["source_id"].iloc[0]
    document = execute(database, "reports/reports").set_index("report_year").loc[year, "document_id"]
    name, section = RENAMED[f"short_name_{lang}"], total.removeprefix(f"{document}-")
    at = run_app(lang=lang)
    assert not at.exception
    captions = [c.value for c in at.caption]
    # The headline cards cite the section printing the works' total, named by the report's row.
    assert any(f"{name} §{section}" in c for c in captions)
    # The scenario card cites its rows' section.
    scenario = execute(database, "overview/scenario_range", {"year": year}).iloc[0]["source_id"]
    assert any(f"{name} §{scenario.removeprefix(f'{document}-')}" in c for c in captions)
    old = {"fr": "Bilan 2024 §", "en": "2024 report §"}[lang]  # no citation under the shipped name
    assert not any(old in c for c in captions)
