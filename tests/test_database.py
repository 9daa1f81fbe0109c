"""Read-only access on both engines, bad databases, and the figures the queries return."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from conftest import run_app

from dashboard.components.i18n import translate
from dashboard.data.database import Database, readonly_sqlite_url
from dashboard.data.errors import DatabaseError
from dashboard.data.queries import execute


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM works",
        "UPDATE works SET title = 'x'",
        "INSERT INTO metadata VALUES ('a', 'b')",
        "DROP TABLE works",
        "CREATE TABLE pirate (x INTEGER)",
    ],
)
def test_writes_through_the_app_connection_fail(any_db, statement):
    with pytest.raises(DatabaseError, match="read-only|readonly"):
        any_db.query_sql(statement)
    assert int(any_db.query_sql("SELECT COUNT(*) AS n FROM works").frame["n"][0]) == 49


def test_sqlite_url_is_the_read_only_uri_form(fixture_db_path):
    url = readonly_sqlite_url(fixture_db_path)
    assert url.startswith("sqlite:///file:") and url.endswith("?mode=ro&uri=true")


def test_postgres_sessions_are_read_only(pg_db):
    frame = pg_db.query_sql("SHOW transaction_read_only").frame
    assert frame.iloc[0, 0] == "on"


def test_coproduction_totals_on_both_engines(any_db):
    row = execute(any_db, "overview/coproduction_totals", {"year": 2024}).iloc[0]
    assert (int(row["works"]), int(row["investment_cents"]), int(row["walloon_spend_cents"])) == (
        49,
        709480000,
        4623196951,
    )


def test_totals_by_sector_match_the_printed_subtotals(any_db):
    frame = execute(any_db, "overview/totals_by_sector", {"year": 2024}).set_index("sector")
    # §2.2.2.1: 35 works, 4.784.800,00 € -> 30.557.289,12 €; §3.2.2.1: 13 works, 2.180.000,00 € -> 15.412.330,39 €;
    # §1.2.3: 1 work, 130.000,00 € -> 262.350,00 €.
    assert frame.loc["live_action", ["works", "investment_cents", "walloon_spend_cents"]].tolist() == [
        35,
        478480000,
        3055728912,
    ]
    assert frame.loc["animation", ["works", "investment_cents", "walloon_spend_cents"]].tolist() == [
        13,
        218000000,
        1541233039,
    ]
    assert frame.loc["tv_format", ["works", "investment_cents", "walloon_spend_cents"]].tolist() == [
        1,
        13000000,
        26235000,
    ]


def test_facts_query_binds_a_list(any_db):
    frame = execute(
        any_db, "overview/facts_by_id", {"year": 2024, "fact_ids": ["works_since_creation", "shooting_days_cumulative"]}
    )
    facts = frame.set_index("fact_id")
    assert facts.loc["works_since_creation", "fact_value"] == 775
    approx = facts.loc["shooting_days_cumulative"]
    assert approx["quality"] == "approximate" and approx["lower_value"] < approx["fact_value"]


def test_identical_results_on_both_engines(db, pg_db):
    for name, params in [
        ("overview/totals_by_sector", {"year": 2024}),
        ("overview/scenario_range", {"year": 2024}),
        ("overview/place_count", {}),
        ("sources/all_sources", {}),
    ]:
        left, right = execute(db, name, params), execute(pg_db, name, params)
        assert left.astype(str).values.tolist() == right.astype(str).values.tolist(), name


def test_row_cap_reports_truncation(db):
    result = db.query_sql("SELECT * FROM work_countries", row_limit=10)
    assert result.truncated and len(result.frame) == 10


# --- bad databases: one clear sentence, no traceback ----------------------------------------


def make_empty(path):
    path.write_bytes(b"")


def make_corrupt(path):
    path.write_bytes(b"this is not a database" * 100)


def make_wrong_schema(path):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE works (id INTEGER)")
    con.commit()
    con.close()


def make_old_version(path, source):
    shutil.copy(source, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE metadata SET meta_value = '0' WHERE meta_key = 'schema_version'")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("kind", "expected", "reason"),
    [
        ("missing", "does not exist: run `make db`", "missing"),
        ("empty", "is empty: delete it and run `make db`", "empty"),
        ("corrupt", "is not a valid SQLite database", "corrupt"),
        ("wrong_schema", "has no metadata table", "no_metadata"),
        ("old_version", "has schema version 0 but this app needs version 4", "old_schema"),
    ],
)
def test_bad_database_gives_one_clear_sentence(tmp_path, fixture_db_path, kind, expected, reason, monkeypatch):
    path = tmp_path / "bad.sqlite"
    if kind == "empty":
        make_empty(path)
    elif kind == "corrupt":
        make_corrupt(path)
    elif kind == "wrong_schema":
        make_wrong_schema(path)
    elif kind == "old_version":
        make_old_version(path, fixture_db_path)
    # The maintainer's sentence (server log, tests) names the file and the fix …
    with pytest.raises(DatabaseError, match=expected.replace("`", ".").replace("(", r"\(")) as raised:
        Database(f"sqlite:///{path}")
    assert raised.value.reason == reason and str(path) in str(raised.value)
    # … the viewer's sentence, in their language, names the problem and the fix but not the file.
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{path}")
    for lang in ("fr", "en"):
        at = run_app(lang=lang)
        assert not at.exception
        assert [e.value for e in at.error] == [translate(f"errors.database_{reason}", lang)]
        assert "make db" in at.error[0].value and str(tmp_path) not in at.error[0].value


def test_read_only_file_still_opens(tmp_path, fixture_db_path):
    path = tmp_path / "ro.sqlite"
    shutil.copy(fixture_db_path, path)
    path.chmod(0o444)
    database = Database(f"sqlite:///{path}")
    assert int(database.query_sql("SELECT COUNT(*) AS n FROM works").frame["n"][0]) == 49
    database.dispose()


def test_unreachable_postgres_gives_one_sentence(monkeypatch):
    url = "postgresql+psycopg2://postgres@127.0.0.1:1/none"
    with pytest.raises(DatabaseError, match="Cannot reach the database server"):
        Database(url)
    monkeypatch.setenv("WALLIMAGE_DB_URL", url)
    at = run_app()
    assert not at.exception
    assert [e.value for e in at.error] == [translate("errors.database_unreachable", "fr")]


def test_an_empty_string_list_binds_on_both_engines(any_db):
    frame = execute(any_db, "overview/facts_by_id", {"year": 2024, "fact_ids": []})
    assert frame.empty
