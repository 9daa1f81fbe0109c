"""Issue 13: one test per failure of the hostile review (each failed on commit 7fd0199), the rounding
rule, and the rule that every number parameter accepts exactly its widget's range."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tomllib

import pytest
from conftest import ROOT, run_app
from hostile import notice_problems
from sqlalchemy import create_engine, text

from dashboard import carbon, scenarios, slides
from dashboard.components.i18n import translate
from dashboard.data.build import build
from dashboard.data.database import Database
from dashboard.data.errors import DatabaseError

PAGES = "dashboard/pages/"


def notices(at, lang: str = "fr") -> list[str]:
    prefix = translate("common.dropped_params", lang).split("{params}")[0]
    return [i.value for i in at.info if i.value.startswith(prefix)]


def metrics(at) -> dict[str, str]:
    return {m.label: m.value.replace("\u00a0", " ") for m in at.metric}


# --- 1. /carbon?reduction=95 crashed: the URL accepted 0-100, the slider stops at 90 ---------------


@pytest.mark.parametrize("value", ["95", "91", "100", "90.6"])
def test_1_a_reduction_beyond_the_slider_is_refused_not_a_crash(app_env, value):
    at = run_app(PAGES + "carbon.py", params={"reduction": value})
    assert not at.exception, [e.value for e in at.exception]
    assert notices(at) == [f"Paramètres d’adresse ignorés car inconnus ou invalides : `reduction={value}`."]
    assert at.slider(key="carbon_reduction").value == 30  # the report's value, not a rounded URL value
    assert metrics(at)["✎ Bilan moyen après réduction de 30 %"] == "167,65–168,35 tCO2e"


# --- 2. markdown injection and 3. unbounded echo in the "parameters ignored" notice -------------------


@pytest.mark.parametrize(
    "params",
    [
        {"lang": "![x](http://127.0.0.1:8629/p.png)"},
        {"kinds": "[Official notice](http://127.0.0.1:8629/phish)"},
        {"lang": ":red[**BIG**] $$x^2$$"},
        {"closed": "<img src=x onerror=alert(1)>"},
    ],
    ids=["image", "link", "colour-latex", "html"],
)
def test_2_rejected_values_are_shown_escaped(app_env, params):
    at = run_app(PAGES + "map.py", params=params)
    assert not at.exception
    (notice,) = notices(at)
    assert notice_problems(notice, "fr") == []
    name = next(iter(params))
    assert notice == f"Paramètres d’adresse ignorés car inconnus ou invalides : `{name}=…`."
    for fragment in ("](", "![", "http", "$$", ":red[", "<img"):
        assert fragment not in notice


@pytest.mark.parametrize(
    "params",
    [{"lang": "x" * 10_000}, {"y" * 10_000: "1"}, {"lang": "é" * 5000, "z" * 300: "<b>" * 900, "q" * 50: "1"}],
    ids=["long-lang", "long-name", "long-everything"],
)
def test_3_the_notice_is_bounded_whatever_the_input(app_env, params):
    for lang in ("fr",) if "lang" in params else ("fr", "en"):  # an invalid lang means French
        at = run_app(params=params, lang=lang)
        (notice,) = notices(at, lang)
        assert len(notice) <= 200, len(notice)
        assert notice_problems(notice, lang) == []


def test_3_many_plain_parameters_are_counted_not_listed(app_env):
    at = run_app(params={f"param{n}": "1" for n in range(40)})
    (notice,) = notices(at)
    assert len(notice) <= 200 and notice.startswith("Paramètres d’adresse ignorés car inconnus ou invalides : `param0`")
    listed = notice.count("`param")
    assert notice.endswith(f" et {40 - listed} autre(s).") and 3 <= listed < 40


# --- 4. formula injection in exports: see also tests/test_safety.py and tests/test_hostile_browser.py ---


def test_4_a_search_formula_in_the_xlsx_context_sheet_is_text(tmp_path):
    import io

    import pandas as pd
    from openpyxl import load_workbook

    from dashboard.components.export import to_xlsx_bytes

    formula = '=HYPERLINK("http://127.0.0.1:8629/phish","click")'
    book = load_workbook(
        io.BytesIO(to_xlsx_bytes(pd.DataFrame({"name": [formula]}), {"page": "Carte", "Recherche": formula}))
    )
    context = {row[0].value: row[1] for row in book["contexte"].iter_rows(min_row=2)}
    assert context["Recherche"].value == "'" + formula and context["Recherche"].data_type == "s"
    assert book["données"]["A2"].value == "'" + formula and book["données"]["A2"].data_type == "s"


# --- 5. information shown to every viewer ------------------------------------------------------------


def test_5_the_sidebar_does_not_show_the_database_path(app_env, fixture_db_path):
    for lang, words in (
        ("fr", "Base de données embarquée, en lecture seule."),
        ("en", "Embedded database, read-only."),
    ):
        at = run_app(lang=lang)
        about = " ".join(c.value for c in at.sidebar.caption)
        assert about.endswith(words) and str(fixture_db_path) not in about and "sqlite" not in about.lower()


def test_5_error_sentences_are_in_one_language_without_path(tmp_path, monkeypatch):
    missing = tmp_path / "nowhere" / "wallimage.sqlite"
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{missing}")
    at = run_app(lang="en")
    assert [e.value for e in at.error] == [translate("errors.database_missing", "en")]
    assert "Les données" not in at.error[0].value and str(tmp_path) not in at.error[0].value


def test_5_error_boxes_have_no_outside_links():
    """Streamlit 1.67 has client.showErrorLinks (config.py:674); the app switches it off."""
    from streamlit import config
    from streamlit.proto.NewSession_pb2 import Config
    from streamlit.runtime.app_session import _get_show_error_links

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["client"]["showErrorLinks"] is False
    assert settings["client"]["showErrorDetails"] == "none"
    config.set_option("client.showErrorLinks", settings["client"]["showErrorLinks"])
    try:
        assert _get_show_error_links() == Config.ShowErrorLinks.SHOW_ERROR_LINKS_FALSE
    finally:
        config.set_option("client.showErrorLinks", "auto")


def test_5_no_exception_reaches_the_error_box(app_env, monkeypatch, caplog):
    """Any error in a page is one generic sentence; its details go to the server log only."""
    import dashboard.data.queries as queries

    frame_queries, original = ("reports/reports", "sources/all_sources"), queries.run_query

    def broken(name, **params):  # the frame's own queries work: the page's fail
        if name in frame_queries:
            return original(name, **params)
        raise RuntimeError(f"/home/someone/secret/{name}.sql failed for postgres://admin:pw@db.internal/x")

    monkeypatch.setattr(queries, "run_query", broken)
    with caplog.at_level(logging.ERROR, logger="wallimage"):
        for lang in ("fr", "en"):
            at = run_app(PAGES + "carbon.py", lang=lang)
            assert not at.exception, [e.value for e in at.exception]
            assert [e.value for e in at.error] == [translate("errors.unexpected", lang)]
    assert "RuntimeError" in caplog.text and "/home/someone/secret/carbon/facts.sql" in caplog.text


# --- 6. uploads: tests/test_uploads.py (a real server on 127.0.0.1) ------------------------------------

# --- 7. a postgres:// URL gave the error box ---------------------------------------------------------


@pytest.mark.postgres
def test_7_a_postgres_url_is_read_as_postgresql(pg_url, monkeypatch):
    spelled = pg_url.replace("postgresql+psycopg2://", "postgres://")
    database = Database(spelled)
    assert int(database.query_sql("SELECT COUNT(*) AS n FROM works").frame["n"][0]) == 49
    database.dispose()
    monkeypatch.setenv("WALLIMAGE_DB_URL", spelled)
    at = run_app()
    assert not at.exception and not at.error
    assert metrics(at)["Investi par Wallimage"] == "7.094.800,00 €"


@pytest.mark.parametrize("url", ["nosuchdialect://user:pw@host/db", "mysql://user:pw@host/db", "not a url at all"])
def test_7_an_unusable_url_gives_the_generic_sentence(url, monkeypatch):
    with pytest.raises(DatabaseError) as raised:
        Database(url)
    assert raised.value.reason == "bad_url" and "pw" not in str(raised.value)
    monkeypatch.setenv("WALLIMAGE_DB_URL", url)
    for lang in ("fr", "en"):
        at = run_app(lang=lang)
        assert not at.exception
        assert [e.value for e in at.error] == [translate("errors.database_bad_url", lang)]


# --- 8. a PostgreSQL rebuild was not noticed ---------------------------------------------------------


@pytest.mark.postgres
def test_8_a_postgresql_rebuild_is_noticed_without_restart(pg_url, monkeypatch):
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        # A database built from other data: work 1 invests 100.000 € more, another build time.
        built_before = "2001-02-03T04:05:06Z"
        with admin.begin() as con:
            con.execute(text("UPDATE works SET investment_cents = investment_cents + 10000000 WHERE work_id = 1"))
            con.execute(text("UPDATE metadata SET meta_value = :at WHERE meta_key = 'built_at'"), {"at": built_before})
        monkeypatch.setenv("WALLIMAGE_DB_URL", pg_url)
        at = run_app()
        assert metrics(at)["Investi par Wallimage"] == "7.194.800,00 €"
        assert built_before in " ".join(c.value for c in at.sidebar.caption)
        build(url=pg_url)  # the real build: drop, create, load, new metadata
        at.run()
        assert not at.exception and not at.error
        assert metrics(at)["Investi par Wallimage"] == "7.094.800,00 €"
        with admin.connect() as con:
            built_after = con.execute(text("SELECT meta_value FROM metadata WHERE meta_key = 'built_at'")).scalar()
        assert built_after != built_before and built_after in " ".join(c.value for c in at.sidebar.caption)
    finally:
        admin.dispose()


# --- 9. a seed file with an invalid UTF-8 byte printed a traceback -----------------------------------


def test_9_an_invalid_utf8_byte_in_a_seed_is_one_sentence(tmp_path):
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "dashboard" / "data" / "seeds", seeds)
    works = seeds / "reports" / "2024" / "works.csv"
    lines = works.read_bytes().split(b"\n")
    lines[4] = lines[4].replace(b",", b",\xe9", 1)  # a Latin-1 « é » on row 5
    works.write_bytes(b"\n".join(lines))
    target = tmp_path / "out.sqlite"
    target.write_bytes(b"previous database")
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.data.build", "--seeds", str(seeds), "--output", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"Build failed, database unchanged: {works}, row 5: expected UTF-8 text, found the byte 0xe9 "
        "(the file was saved in another encoding); save it as UTF-8.\n"
    )
    assert target.read_bytes() == b"previous database"


# --- the rounding rule: every number parameter is a whole number, and 20.5 is refused everywhere ---------


@pytest.mark.parametrize(
    ("page", "params", "widget", "expected"),
    [
        ("scenarios.py", {"share": "20.5"}, ("slider", "scenarios_share"), 50),
        ("carbon.py", {"reduction": "20.5"}, ("slider", "carbon_reduction"), 30),
        ("presentation.py", {"auto": "20.5"}, ("number_input", "presentation_seconds"), slides.DEFAULT_SECONDS),
        ("investment.py", {"tab": "works", "work": "20.5"}, ("selectbox", "investment_work"), 1),
    ],
)
def test_rounding_rule_a_non_integer_is_refused_with_the_notice(app_env, page, params, widget, expected):
    at = run_app(PAGES + page, params=params)
    assert not at.exception
    name = next(name for name in params if name != "tab")
    assert notices(at) == [f"Paramètres d’adresse ignorés car inconnus ou invalides : `{name}=20.5`."]
    kind, key = widget
    assert getattr(at, kind)(key=key).value == expected
    if page == "presentation.py":
        assert at.toggle(key="presentation_auto").value is False  # no timer from a refused value


# --- every number parameter accepts exactly its widget's range ----------------------------------------

NUMBER_PARAMS = [
    # (page, parameter, widget kind, widget key, the range constant the page must share)
    ("carbon.py", "reduction", "slider", "carbon_reduction", "carbon.REDUCTION_RANGE"),
    ("scenarios.py", "share", "slider", "scenarios_share", "model.SHARE_RANGE"),
    ("presentation.py", "auto", "number_input", "presentation_seconds", "slides.SECONDS_RANGE"),
]


@pytest.mark.parametrize(("page", "name", "kind", "key", "constant"), NUMBER_PARAMS, ids=[p[1] for p in NUMBER_PARAMS])
def test_a_number_parameter_accepts_exactly_its_widgets_range(app_env, page, name, kind, key, constant):
    at = run_app(PAGES + page)
    widget = getattr(at, kind)(key=key)
    assert float(widget.min).is_integer() and float(widget.max).is_integer()  # whole-number widgets
    low, high = int(widget.min), int(widget.max)
    for accepted in (low, high):
        at = run_app(PAGES + page, params={name: str(accepted)})
        assert not at.exception and notices(at) == [], (name, accepted)
        assert getattr(at, kind)(key=key).value == accepted
    for refused in (low - 1, high + 1):
        at = run_app(PAGES + page, params={name: str(refused)})
        assert not at.exception, (name, refused, [e.value for e in at.exception])
        assert notices(at) == [f"Paramètres d’adresse ignorés car inconnus ou invalides : `{name}={refused}`."]
    # One constant, never a second one: the Param and the widget of the page both name it.
    source = (ROOT / PAGES / page).read_text(encoding="utf-8")
    assert f"number_range={constant}" in source and f"*{constant}," in source
    assert eval(constant, {"carbon": carbon, "model": scenarios, "slides": slides}) == (low, high)


def test_a_work_link_accepts_exactly_the_works_of_the_selectbox(app_env):
    at = run_app(PAGES + "investment.py", params={"tab": "works", "work": "49"})
    options = at.selectbox(key="investment_work").options
    assert len(options) == 49 and at.selectbox(key="investment_work").value == 49 and notices(at) == []
    for refused in ("0", "50"):
        at = run_app(PAGES + "investment.py", params={"tab": "works", "work": refused})
        assert notices(at) == [f"Paramètres d’adresse ignorés car inconnus ou invalides : `work={refused}`."]


def test_every_database_problem_has_a_sentence_in_both_languages():
    from dashboard.components.i18n import catalogue
    from dashboard.data.errors import DATABASE_REASONS

    for reason in DATABASE_REASONS:
        entry = catalogue()[f"errors.database_{reason}"]
        assert entry["fr"] and entry["en"] and entry["fr"] != entry["en"], reason
    with pytest.raises(ValueError):
        DatabaseError("a problem without a sentence", "no_such_reason")
