"""The read-only PostgreSQL role of tools/postgres_readonly_role.sql cannot write, even on its own."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from dashboard.data.database import Database
from dashboard.data.errors import DatabaseError

pytestmark = pytest.mark.postgres


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
