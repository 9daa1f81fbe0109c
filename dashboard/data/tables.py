"""Every table of the database as the schema describes it, and all of its rows: what the open-data
package (dashboard/opendata.py) is made of.

The description of each table and column is written in `sql/schema.sql` itself, beside the DDL, so
that whoever adds a column sees where to describe it: the comment lines directly above a CREATE
TABLE describe the table, the comment at the end of a column's line describes the column, and the
header's `-- column <name>: <text>` lines describe the columns most tables share (a column's own
comment wins). Keys, types, NOT NULL and foreign keys are read from an in-memory SQLite copy of the
schema, so a table added to the schema is in the package without any change of code.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from dashboard.data import database, seeds_io
from dashboard.data.database import Database

# The package reads every row; the app's query cap (database.ROW_LIMIT) is for pages, not for this.
PACKAGE_ROW_LIMIT = 5_000_000

_SHARED = re.compile(r"^--\s*column\s+(\w+):\s*(.+?)\s*$")
_CREATE = re.compile(r"^CREATE TABLE (\w+) \($")
_COLUMN = re.compile(r"^\s+(\w+)\s+[A-Z]")


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its name, SQL type, whether it is required, its description (empty if none) and
    its allowed codes (empty if any value)."""

    name: str
    sql_type: str
    required: bool
    description: str
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ForeignKey:
    """Columns of a table that name a row of another table."""

    columns: tuple[str, ...]
    table: str
    target_columns: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    """One table of the schema with its description, columns, primary key and foreign keys."""

    name: str
    description: str
    columns: tuple[ColumnSpec, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)

    @property
    def is_report_table(self) -> bool:
        """Whether the table's rows come from an annual report (it has a report_year column)."""
        return any(c.name == seeds_io.REPORT_YEAR for c in self.columns)


def _descriptions(schema_sql: str) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(table → description, (table, column) → description) from the schema's comments."""
    shared: dict[str, str] = {}
    tables: dict[str, str] = {}
    columns: dict[tuple[str, str], str] = {}
    block: list[str] = []  # the comment lines seen since the last line that was not a comment
    table = None
    for line in schema_sql.splitlines():
        stripped = line.strip()
        if table is None:
            match = _SHARED.match(stripped)
            if match:
                shared[match.group(1)] = match.group(2)
            created = _CREATE.match(stripped)
            if created:
                table = created.group(1)
                tables[table] = " ".join(
                    part.removeprefix("--").strip() for part in block if not _SHARED.match(part)
                ).strip()
            block = block + [stripped] if stripped.startswith("--") else []
            continue
        if stripped.startswith(");"):
            table = None
            continue
        match = _COLUMN.match(line)
        if match and match.group(1) not in ("PRIMARY", "FOREIGN"):
            comment = line.split("--", 1)[1].strip() if "--" in line else ""
            columns[(table, match.group(1))] = comment or shared.get(match.group(1), "")
    return tables, columns


def table_specs(schema_sql: str | None = None) -> list[TableSpec]:
    """Every table of the schema, in its order, with descriptions, keys and allowed codes."""
    schema_sql = schema_sql if schema_sql is not None else database.SCHEMA_PATH.read_text(encoding="utf-8")
    table_text, column_text = _descriptions(schema_sql)
    con = sqlite3.connect(":memory:")
    try:
        con.executescript(schema_sql)
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        specs = []
        for name in names:
            info = con.execute(f"PRAGMA table_info({name})").fetchall()
            keys: dict[int, list] = {}
            for row in con.execute(f"PRAGMA foreign_key_list({name})").fetchall():
                keys.setdefault(row[0], []).append(row)
            specs.append(
                TableSpec(
                    name=name,
                    description=table_text.get(name, ""),
                    columns=tuple(
                        ColumnSpec(
                            name=c[1],
                            sql_type=c[2].upper(),
                            required=bool(c[3]) or c[5] > 0,
                            description=column_text.get((name, c[1]), ""),
                            codes=_codes(name, c[1]),
                        )
                        for c in info
                    ),
                    primary_key=tuple(c[1] for c in sorted(info, key=lambda c: c[5]) if c[5] > 0),
                    foreign_keys=tuple(
                        ForeignKey(
                            tuple(r[3] for r in sorted(rows, key=lambda r: r[1])),
                            rows[0][2],
                            tuple(r[4] for r in sorted(rows, key=lambda r: r[1])),
                        )
                        for _, rows in sorted(keys.items(), key=lambda item: -item[0])
                    ),
                )
            )
        return specs
    finally:
        con.close()


def _codes(table: str, column: str) -> tuple[str, ...]:
    if column == "quality":
        return tuple(sorted(seeds_io.QUALITIES))
    return tuple(sorted(seeds_io.ENUMS.get((table, column), ())))


def undescribed(specs: list[TableSpec]) -> list[str]:
    """`table` or `table.column` for every table and column the schema does not describe."""
    missing = [spec.name for spec in specs if not spec.description]
    return missing + [f"{spec.name}.{c.name}" for spec in specs for c in spec.columns if not c.description]


def read_tables(db: Database, specs: list[TableSpec]) -> dict[str, list[tuple]]:
    """Every row of every table, ordered by its primary key (or all its columns), values exact."""
    rows = {}
    for spec in specs:
        names = [c.name for c in spec.columns]
        order = ", ".join(spec.primary_key or names)
        columns, found = db.query_rows(
            f"SELECT {', '.join(names)} FROM {spec.name} ORDER BY {order}", row_limit=PACKAGE_ROW_LIMIT
        )
        assert columns == names, f"{spec.name}: the database's columns {columns} differ from the schema's {names}"
        rows[spec.name] = found
    return rows
