"""The read-only PostgreSQL role of tools/postgres_readonly_role.sql cannot write, even on its own."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from dashboard.data.database import Database
from dashboard.data.errors import DatabaseError

pytestmark = pytest.mark.postgres
SCRIPT = Path(__file__).resolve().parents[1] / "tools" / "postgres_readonly_role.sql"


@pytest.fixture(scope="module")
def reader_url(pg_url):
    role, password = f"wallimage_reader_{uuid.uuid4().hex[:6]}", uuid.uuid4().hex
    database = pg_url.rsplit("/", 1)[1]
    subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-v",
            f"role={role}",
            "-v",
            f"password='{password}'",
            "-f",
            str(SCRIPT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    yield f"postgresql+psycopg2://{role}:{password}@127.0.0.1:5432/{database}"
    admin = create_engine("postgresql+psycopg2://postgres@127.0.0.1:5432/" + database, isolation_level="AUTOCOMMIT")
    with admin.connect() as con:
        con.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'"))
        con.execute(text(f'DROP OWNED BY "{role}"'))
        con.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def test_app_reads_through_the_reader_role(reader_url):
    database = Database(reader_url)
    assert int(database.query_sql("SELECT COUNT(*) AS n FROM works").frame["n"][0]) == 49
    with pytest.raises(DatabaseError):
        database.query_sql("DELETE FROM works")
    database.dispose()


def test_reader_role_cannot_write_even_in_a_read_write_transaction(reader_url):
    engine = create_engine(reader_url)
    with engine.connect() as con:
        con.execute(text("SET TRANSACTION READ WRITE"))
        with pytest.raises(DBAPIError, match="permission denied"):
            con.execute(text("UPDATE works SET title = 'x'"))
    with engine.connect() as con:
        con.execute(text("SET TRANSACTION READ WRITE"))
        with pytest.raises(DBAPIError, match="permission denied"):
            con.execute(text("CREATE TABLE pirate (x integer)"))
    engine.dispose()
