"""Named SQL queries (files under sql/), run read-only and cached as DataFrames.

A query is referred to by its path under sql/ without the extension, e.g.
`run_query("coproduction/totals_by_sector", lang="fr")`. Parameters are always bound; a list or tuple value
is bound as an expanding parameter (`WHERE sector IN :sectors`). Each .sql file starts with a
header of `-- key: value` lines (title, note, params). Citations are not in the header: a query
returns the `source_id` of the rows it reads, and pages cite those.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re

import pandas as pd
import streamlit as st
from sqlalchemy import String, bindparam, text

from dashboard.data.database import SQL_DIR, Database, configured_url, sqlite_path_from_url
from dashboard.data.localise import TRANSLATED_COLUMNS, localise_frame
from dashboard.data.tables import TableSpec, read_tables, table_specs

_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")


@functools.lru_cache(maxsize=256)
def load_sql(name: str) -> str:
    """Text of sql/<name>.sql; the name must be a plain relative path."""
    if not _NAME.match(name):
        raise ValueError(f"invalid query name {name!r}")
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=256)
def query_header(name: str) -> dict[str, str]:
    """The `-- key: value` header of a query file (title, note, params)."""
    header = {}
    for line in load_sql(name).splitlines():
        match = re.match(r"^--\s*(\w+):\s*(.*)$", line)
        if match:
            header[match.group(1)] = match.group(2).strip()
        elif line.strip() and not line.startswith("--"):
            break
    return header


def bind(name: str, params: dict):
    """A SQLAlchemy text clause with list parameters marked as expanding."""
    # Comment lines are dropped: a `:name` inside a comment would count as a bind parameter.
    code = "\n".join(line for line in load_sql(name).splitlines() if not line.lstrip().startswith("--"))
    clause = text(code)
    # Lists of strings (and empty lists, which carry no type) are typed as strings: PostgreSQL
    # would otherwise compare a text column with an integer-typed empty list.
    expanding = [
        bindparam(k, expanding=True, type_=None if v and not all(isinstance(x, str) for x in v) else String())
        for k, v in params.items()
        if isinstance(v, (list, tuple))
    ]
    return clause.bindparams(*expanding) if expanding else clause


def used_params(name: str, params: dict) -> dict:
    """The parameters the query binds: every query is offered the report context (year,
    previous_year) and takes what it uses."""
    code = "\n".join(line for line in load_sql(name).splitlines() if not line.lstrip().startswith("--"))
    return {k: v for k, v in params.items() if re.search(rf":{k}\b", code)}


def execute(db: Database, name: str, params: dict | None = None) -> pd.DataFrame:
    """Run a named query on a Database (no cache): used by tests and the cached wrapper."""
    params = used_params(name, dict(params or {}))
    return db.query_compiled(bind(name, params), params).frame


def _identity_key(url: str) -> str:
    if url.startswith("sqlite"):
        path = sqlite_path_from_url(url)
        try:
            stat = os.stat(path)
            return f"{url}:{stat.st_mtime_ns}:{stat.st_size}"
        except OSError:
            return f"{url}:missing"
    # A server database is opened once per URL; Database.refresh() notices a rebuild.
    return url


@st.cache_resource(max_entries=4, show_spinner=False)
def _open_database(url: str, identity_key: str) -> Database:
    return Database(url)


def get_database() -> Database:
    """The app's read-only Database; a rebuilt database is picked up without a restart.

    SQLite: a rebuilt file (new modification time or size) gets a fresh Database. PostgreSQL: one
    small query per page run compares the build's data version and build time with those read
    before, so that the sidebar and every cached result (keyed by Database.identity) follow a rebuild.
    """
    url = configured_url()
    database = _open_database(url, _identity_key(url))
    if not database.is_sqlite:
        database.refresh()
    return database


@st.cache_resource(ttl=3600, max_entries=1024, show_spinner=False)
def _shared_result(name: str, params_key: str, identity: str, lang: str, _params: tuple, _db: Database) -> pd.DataFrame:
    """One result per query, parameters, database state and language, shared by every session.

    A resource cache (no pickling on each hit): callers get a copy, never this frame. The parameters
    are keyed by one digest of their text (`params_key`): Streamlit's own hashing of a list of 3.100
    place ids, item by item, took 0,4 s of a map run on the ×100 database (bench/README.md).
    """
    frame = execute(_db, name, {k: list(v) if isinstance(v, tuple) else v for k, v in _params})
    if any(c in frame.columns for c in TRANSLATED_COLUMNS):
        table = execute(_db, "sources/text_translations")
        frame = localise_frame(frame, dict(zip(table["text_en"], table["text_fr"])), lang)
    return frame


def run_query(name: str, *, lang: str, **params) -> pd.DataFrame:
    """Cached result of a named query, free-text columns in `lang` (the caller's language: the data
    layer never reads the session). Callers pass the report context (year, previous_year) to every
    query; a query binds the parameters it uses."""
    db = get_database()
    params = used_params(name, params)
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _shared_result(name, params_digest(frozen), db.identity, lang, frozen, db).copy()


def params_digest(frozen: tuple) -> str:
    """One key for a query's parameters: their repr (types included: 1 and '1' differ), digested."""
    return hashlib.blake2b(repr(frozen).encode("utf-8"), digest_size=16).hexdigest()


def database_tables() -> tuple[list[TableSpec], dict[str, list[tuple]]]:
    """Every table of the app's database as the schema describes it, with all its rows, values exact:
    what the open-data package is made of (read when its download is pressed, not cached)."""
    specs = table_specs()
    return specs, read_tables(get_database(), specs)
