"""The one module that opens database connections.

The app only ever reads: SQLite is opened through the URI form with `mode=ro` (without
`uri=true` SQLite would silently open the file writable), PostgreSQL sessions are set to
read-only transactions with a statement time limit. The build command gets its writer engine
here too, so no other module creates an engine. Every problem is raised as DatabaseError with
one sentence that names the problem and the fix.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pandas as pd
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from dashboard.data.errors import DatabaseError

SCHEMA_VERSION = "4"
ROOT = Path(__file__).resolve().parents[2]
SQL_DIR = ROOT / "sql"
SCHEMA_PATH = SQL_DIR / "schema.sql"
SEEDS_DIR = ROOT / "dashboard" / "data" / "seeds"
DEFAULT_DB_PATH = ROOT / "dashboard" / "data" / "wallimage.sqlite"
URL_VARIABLE = "WALLIMAGE_DB_URL"
SECRETS_PATH = ROOT / ".streamlit" / "secrets.toml"
ROW_LIMIT = 100_000
TIME_LIMIT_SECONDS = 10.0


def configured_url() -> str:
    """Database URL: environment variable, else .streamlit/secrets.toml, else embedded SQLite."""
    url = os.environ.get(URL_VARIABLE, "").strip()
    if not url and SECRETS_PATH.exists():
        try:
            url = str(tomllib.loads(SECRETS_PATH.read_text(encoding="utf-8")).get("database_url", "")).strip()
        except tomllib.TOMLDecodeError:
            raise DatabaseError(f"{SECRETS_PATH} is not valid TOML: fix the file or remove it.", "secrets") from None
    return normalise_url(url) if url else f"sqlite:///{DEFAULT_DB_PATH}"


def normalise_url(url: str) -> str:
    """`postgres://…` (Heroku's and libpq's spelling, unknown to SQLAlchemy) as `postgresql+psycopg2://…`."""
    for spelling in ("postgres://", "postgres+psycopg2://"):
        if url.startswith(spelling):
            return "postgresql+psycopg2://" + url[len(spelling) :]
    return url


def url_scheme(url: str) -> str:
    """The part of a URL before `://` (safe to log: no user, password or host)."""
    return url.split("://", 1)[0] if "://" in url else "(no scheme)"


def sqlite_path_from_url(url: str) -> Path:
    """File path of a plain `sqlite:///PATH` URL."""
    database = make_url(url).database or ""
    return Path(database.removeprefix("file:").split("?", 1)[0])


def describe_url(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def readonly_sqlite_url(path: Path) -> str:
    """URI-form SQLite URL that the driver opens read-only."""
    return f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true"


def create_writer_engine(url: str) -> Engine:
    """Engine for the build command only (the app never gets one)."""
    return create_engine(url, pool_pre_ping=True)


def _sqlite_problem(path: Path) -> DatabaseError | None:
    if not path.exists():
        return DatabaseError(
            f"The database file {path} does not exist: run `make db` (or `make run`, which builds it).", "missing"
        )
    if path.is_file() and path.stat().st_size == 0:
        return DatabaseError(f"The database file {path} is empty: delete it and run `make db`.", "empty")
    try:
        con = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return DatabaseError(
            f"The database file {path} is not a valid SQLite database (corrupt or another file): "
            "delete it and run `make db`.",
            "corrupt",
        )
    return None


@dataclass
class QueryResult:
    """A query's rows and whether the row cap cut them."""

    frame: pd.DataFrame
    truncated: bool


class Database:
    """Read-only access to the dashboard database (SQLite file or PostgreSQL)."""

    def __init__(self, url: str | None = None):
        self.url = normalise_url(url) if url else configured_url()
        self.is_sqlite = self.url.startswith("sqlite")
        try:
            if self.is_sqlite:
                self.path = sqlite_path_from_url(self.url)
                problem = _sqlite_problem(self.path)
                if problem:
                    raise problem
                self.engine = create_engine(readonly_sqlite_url(self.path))
                event.listen(self.engine, "connect", _sqlite_on_connect)
            else:
                self.path = None
                self.engine = create_engine(self.url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
                event.listen(self.engine, "connect", _postgres_on_connect)
        except (ArgumentError, NoSuchModuleError, ImportError, ValueError, TypeError) as problem:
            # An unknown dialect or driver, or a malformed URL: one sentence, never SQLAlchemy's traceback.
            raise DatabaseError(
                # The driver's message may quote the whole URL, password included: only its type is kept.
                f"The database URL (scheme {url_scheme(self.url)!r}) cannot be used "
                f"({type(problem).__name__}): set {URL_VARIABLE} to a sqlite:/// or "
                "postgresql+psycopg2:// URL.",
                "bad_url",
            ) from None
        self.metadata = self._read_metadata()

    @property
    def identity(self) -> str:
        """Changes whenever the database is rebuilt: part of every cache key.

        SQLite: the file's modification time and size. PostgreSQL: the build's data version and
        build time, read from the metadata table (see refresh()).
        """
        if self.is_sqlite:
            stat = self.path.stat()
            return f"{self.path}:{stat.st_mtime_ns}:{stat.st_size}"
        return f"{describe_url(self.url)}:{self.metadata.get('data_version', '')}:{self.metadata.get('built_at', '')}"

    def refresh(self) -> bool:
        """Re-read the metadata if the database was rebuilt since it was read; True when it was.

        One small query: the build writes a new data version and build time into `metadata`, so a
        rebuilt PostgreSQL database is noticed on the next page run, as SQLite's file check does.
        """
        frame = self.query_sql(
            "SELECT meta_key, meta_value FROM metadata WHERE meta_key IN ('data_version', 'built_at')"
        ).frame
        current = dict(zip(frame["meta_key"], frame["meta_value"]))
        if all(current.get(key) == self.metadata.get(key) for key in ("data_version", "built_at")):
            return False
        self.metadata = self._read_metadata()
        return True

    def _read_metadata(self) -> dict[str, str]:
        try:
            frame = self.query_sql("SELECT meta_key, meta_value FROM metadata").frame
        except DatabaseError as problem:
            if problem.reason == "missing_table":
                raise DatabaseError(
                    f"The database {self.describe()} has no metadata table (an old or foreign database): "
                    "rebuild it with `make db`.",
                    "no_metadata",
                ) from None
            raise
        meta = dict(zip(frame["meta_key"], frame["meta_value"]))
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise DatabaseError(
                f"The database {self.describe()} has schema version {meta.get('schema_version', 'unknown')} but this app "
                f"needs version {SCHEMA_VERSION}: rebuild it with `make db`.",
                "old_schema",
            )
        return meta

    def describe(self) -> str:
        """Where the data comes from, without the password: for logs and the build, never for viewers."""
        return str(self.path) if self.is_sqlite else describe_url(self.url)

    def query_sql(self, sql: str, params: dict | None = None, row_limit: int = ROW_LIMIT) -> QueryResult:
        """Run one read query with bound parameters; cap the rows and report truncation."""
        return self.query_compiled(text(sql), params, row_limit)

    def query_compiled(self, clause, params: dict | None = None, row_limit: int = ROW_LIMIT) -> QueryResult:
        """Run a prepared SQLAlchemy text clause (see dashboard.data.queries)."""
        columns, rows = self._fetch(clause, params, row_limit + 1)
        truncated = len(rows) > row_limit
        return QueryResult(_normalise(pd.DataFrame(rows[:row_limit], columns=columns)), truncated)

    def query_rows(
        self, sql: str, params: dict | None = None, row_limit: int = ROW_LIMIT
    ) -> tuple[list[str], list[tuple]]:
        """Column names and rows as the driver returns them (integers stay integers, NULL stays None):
        for exports that must keep every value exact. More than `row_limit` rows is an error, never a cut."""
        columns, rows = self._fetch(text(sql), params, row_limit + 1)
        if len(rows) > row_limit:
            raise DatabaseError(
                f"A read of the database {self.describe()} returned more than {row_limit} rows: report this to the maintainers.",
                "too_many_rows",
            )
        return columns, [tuple(row) for row in rows]

    def _fetch(self, clause, params: dict | None, limit: int) -> tuple[list[str], list]:
        try:
            with self.engine.connect() as con:
                if self.is_sqlite:
                    # A fresh deadline per statement: the progress handler aborts runaway queries.
                    deadline = time.monotonic() + TIME_LIMIT_SECONDS
                    con.connection.driver_connection.set_progress_handler(
                        lambda: int(time.monotonic() > deadline), 50_000
                    )
                result = con.execute(clause, params or {})
                rows = result.fetchmany(limit)
                columns = list(result.keys())
        except (OperationalError, DBAPIError) as problem:
            raise self._explain(problem) from None
        return columns, rows

    def _explain(self, problem: DBAPIError) -> DatabaseError:
        detail = (str(problem.orig).strip().splitlines() or [""])[0] if problem.orig else str(problem)
        if "interrupted" in detail or "statement timeout" in detail:
            return DatabaseError(
                f"A query ran longer than {TIME_LIMIT_SECONDS:.0f} s and was stopped: report this to the maintainers.",
                "timeout",
            )
        if "readonly" in detail or "read-only" in detail:
            return DatabaseError(
                f"Refused a write to the read-only database {self.describe()} ({detail}): the app never writes; use `make db`.",
                "read_only",
            )
        if not self.is_sqlite and re.search(r"connect|could not translate|refused|timeout", detail, re.I):
            return DatabaseError(
                f"Cannot reach the database server {self.describe()} ({detail}): start it or fix {URL_VARIABLE}.",
                "unreachable",
            )
        if "no such table" in detail or "does not exist" in detail or "no such column" in detail:
            return DatabaseError(
                f"The database {self.describe()} lacks a table or column the app needs ({detail}): rebuild it with `make db`.",
                "missing_table",
            )
        if self.is_sqlite and re.search(r"malformed|not a database|disk I/O|unable to open", detail, re.I):
            return DatabaseError(
                f"The database file {self.describe()} cannot be read ({detail}): delete it and run `make db`.",
                "corrupt",
            )
        return DatabaseError(
            f"The database {self.describe()} failed a query ({detail}): rebuild it with `make db` or report the problem.",
            "failed",
        )

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Same dtypes on both engines: PostgreSQL returns SUM(bigint) as Decimal."""
    for column in frame.columns:
        if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, Decimal)).any():
            frame[column] = pd.to_numeric(
                frame[column].map(lambda v: int(v) if isinstance(v, Decimal) and v == v.to_integral_value() else v)
            )
    return frame


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # Belt and braces: even a writable handle would refuse writes.
    dbapi_connection.execute("PRAGMA query_only = ON")


def _postgres_on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cursor.execute(f"SET statement_timeout = {int(TIME_LIMIT_SECONDS * 1000)}")
    cursor.close()
    dbapi_connection.commit()
