"""No page shows a filesystem path, a database URL or a user name: SQLite and PostgreSQL, in the normal
state and in every fault state (issue 13, failure 5). Details go to the server log only."""

from __future__ import annotations

import getpass
import re
import shutil
import sqlite3
import uuid

import pytest
from conftest import PG_ADMIN_URL, ROOT, readonly_role, run_app
from hostile import page_texts
from sqlalchemy import create_engine, text

from dashboard.components.i18n import translate

PAGES = ["overview", "investment", "scenarios", "carbon", "map", "sources", "presentation"]
OS_USER = getpass.getuser()
URL_PATTERN = re.compile(r"(?i)\b(?:sqlite|postgres(?:ql)?(?:\+\w+)?|mysql|nosuchdialect)://")
PATH_PATTERN = re.compile(r"(?<![\w.])/(?:tmp|home|root|work|usr|var|etc|opt|srv|mnt)/|[A-Za-z]:\\\\|\.sqlite\b")


def leaks(texts: list[str], secrets: list[str]) -> list[str]:
    """Every text that shows a path, a URL, the OS user name or one of the given secrets."""
    found = []
    for text_ in texts:
        if URL_PATTERN.search(text_) or PATH_PATTERN.search(text_):
            found.append(text_[:160])
        if re.search(rf"\b{re.escape(OS_USER)}\b", text_):
            found.append(f"OS user {OS_USER!r} in {text_[:120]!r}")
        found += [f"{secret!r} in {text_[:120]!r}" for secret in secrets if secret and secret in text_]
    return found


def check_every_page(secrets: list[str], expected_error: str | None = None) -> None:
    """Run every page in French and English; assert no leak (and the expected sentence, if any)."""
    problems = []
    for page in PAGES:
        for lang in ("fr", "en"):
            at = run_app(f"dashboard/pages/{page}.py", lang=lang)
            texts = page_texts(at)
            problems += [f"{page} ({lang}): {leak}" for leak in leaks(texts, secrets)]
            if at.exception:
                problems.append(f"{page} ({lang}): exception element")
            errors = [e.value for e in at.error]
            if expected_error is None and errors:
                problems.append(f"{page} ({lang}): unexpected error {errors}")
            if expected_error is not None and errors != [translate(f"errors.database_{expected_error}", lang)]:
                problems.append(f"{page} ({lang}): expected errors.database_{expected_error}, got {errors}")
    assert not problems, "\n".join(problems)


def test_the_leak_check_finds_what_it_looks_for():
    assert leaks(["Base : /tmp/pytest-1/x.sqlite"], []) and leaks(["postgresql+psycopg2://u@h/db"], [])
    assert leaks(["postgres://u@h/db"], []) and leaks(["reader_x7 a refusé"], ["reader_x7"])
    assert not leaks(["Base de données embarquée, en lecture seule.", "Version 2024.1+ab12", "1/2 et 3/4"], [])


# --- SQLite ---------------------------------------------------------------------------------------------


def test_sqlite_normal_state(app_env, fixture_db_path):
    check_every_page([str(fixture_db_path), str(fixture_db_path.parent), str(ROOT)])


def _corrupt(path, source):
    path.write_bytes(b"this is not a database" * 100)


def _empty(path, source):
    path.write_bytes(b"")


def _old_schema(path, source):
    shutil.copy(source, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE metadata SET meta_value = '0' WHERE meta_key = 'schema_version'")
    con.commit()
    con.close()


def _foreign(path, source):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE works (id INTEGER)")
    con.commit()
    con.close()


def _missing_table(path, source):
    shutil.copy(source, path)
    con = sqlite3.connect(path)
    con.execute("DROP TABLE places")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (None, "missing"),
        (_empty, "empty"),
        (_corrupt, "corrupt"),
        (_old_schema, "old_schema"),
        (_foreign, "no_metadata"),
    ],
    ids=["missing", "empty", "corrupt", "old-schema", "foreign"],
)
def test_sqlite_fault_states(tmp_path, fixture_db_path, monkeypatch, make, reason):
    path = tmp_path / "secret-folder" / "wallimage.sqlite"
    path.parent.mkdir()
    if make:
        make(path, fixture_db_path)
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{path}")
    check_every_page([str(path), "secret-folder"], expected_error=reason)


def test_sqlite_missing_table_on_the_map_says_so_without_the_path(tmp_path, fixture_db_path, monkeypatch):
    path = tmp_path / "secret-folder" / "wallimage.sqlite"
    path.parent.mkdir()
    _missing_table(path, fixture_db_path)
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{path}")
    for lang in ("fr", "en"):
        at = run_app("dashboard/pages/map.py", lang=lang)
        assert not at.exception
        assert [e.value for e in at.error] == [translate("errors.database_missing_table", lang)]
        assert not leaks(page_texts(at), [str(path), "secret-folder", "no such table", "OperationalError"])


# --- PostgreSQL ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reader(pg_url):
    """A read-only login role with a distinctive name and password (tools/postgres_readonly_role.sql)."""
    database = pg_url.rsplit("/", 1)[1]
    with readonly_role(database, "leakcheck") as (role, password):
        yield role, password, database


@pytest.mark.postgres
@pytest.mark.parametrize("spelling", ["postgresql+psycopg2", "postgres"])
def test_postgres_normal_state(reader, monkeypatch, spelling):
    role, password, database = reader
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"{spelling}://{role}:{password}@127.0.0.1:5432/{database}")
    check_every_page([role, password, database, "127.0.0.1", "5432"])
    at = run_app(lang="en")
    assert " ".join(c.value for c in at.sidebar.caption).endswith("PostgreSQL database, read-only.")


@pytest.fixture
def empty_pg_database():
    """A PostgreSQL database without the app's tables (an old or foreign database)."""
    name = f"leakcheck_empty_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    with admin.connect() as con:
        con.execute(text(f'CREATE DATABASE "{name}"'))
    yield name
    with admin.connect() as con:
        con.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
        con.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.mark.postgres
def test_postgres_foreign_database(empty_pg_database, monkeypatch):
    monkeypatch.setenv(
        "WALLIMAGE_DB_URL", f"postgresql+psycopg2://postgres:pw-secret-1@127.0.0.1:5432/{empty_pg_database}"
    )
    check_every_page([empty_pg_database, "pw-secret-1", "127.0.0.1"], expected_error="no_metadata")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgresql+psycopg2://leakcheck_user:pw-secret-2@127.0.0.1:1/wallimage", "unreachable"),
        ("postgres://leakcheck_user:pw-secret-2@127.0.0.1:1/wallimage", "unreachable"),
        ("postgresql+psycopg2://leakcheck_user:pw-secret-2@127.0.0.1:5432/no_such_db_leakcheck", "unreachable"),
        ("nosuchdialect://leakcheck_user:pw-secret-2@db.internal/wallimage", "bad_url"),
        ("mysql://leakcheck_user:pw-secret-2@db.internal/wallimage", "bad_url"),
    ],
    ids=["unreachable", "unreachable-postgres-spelling", "no-such-database", "unknown-dialect", "missing-driver"],
)
def test_server_fault_states(monkeypatch, url, reason):
    monkeypatch.setenv("WALLIMAGE_DB_URL", url)
    check_every_page(["leakcheck_user", "pw-secret-2", "db.internal", "no_such_db_leakcheck"], expected_error=reason)
