"""The one description of the workbook: a sheet per table of a report folder, derived from the schema.

Columns and types come from sql/schema.sql (seeds_io.reflect_schema), the CSV headers from
seeds_io.csv_name (`*_cents` entered as euros `*_eur`, `*_bp` as percentages `*_pct`), the
drop-down lists from seeds_io.ENUMS and the quality flags. The report sheet is the folder's
report.csv with the report's year in front (the folder's name).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from dashboard.data import database, seeds_io
from dashboard.data.build import BOTH_FOLDERS
from dashboard.data.seeds_io import REPORT_YEAR, Column
from dashboard.intake import texts

REPORT_SHEET = "report"


@dataclass(frozen=True)
class SheetColumn:
    """One column of a sheet: its CSV header, database column and how its cells are typed."""

    csv: str
    column: Column
    kind: str  # "money" (cents), "money3" (thousandths), "percent", "integer", "number" or "text"
    codes: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return self.column.required

    def label(self, table: str, lang: str) -> str:
        return texts.column_label(table, self.csv, self.column.name, lang)


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook: the seed file of a report folder it becomes."""

    table: str
    columns: tuple[SheetColumn, ...]

    def name(self, lang: str) -> str:
        return texts.sheet_name(self.table, lang)

    @property
    def file_name(self) -> str:
        return f"{self.table}.csv"

    def column(self, csv: str) -> SheetColumn:
        return next(c for c in self.columns if c.csv == csv)


def _kind(column: Column) -> str:
    if column.name.endswith("_cents"):
        return "money"
    if column.name.endswith("_millieur"):
        return "money3"
    if column.name.endswith("_bp"):
        return "percent"
    if column.sql_type in ("INTEGER", "BIGINT"):
        return "integer"
    if column.sql_type == "DOUBLE PRECISION":
        return "number"
    return "text"


def _codes(table: str, column: Column) -> tuple[str, ...]:
    if column.name == "quality":
        return tuple(sorted(seeds_io.QUALITIES))
    return tuple(sorted(seeds_io.ENUMS.get((table, column.name), ())))


@functools.lru_cache(maxsize=1)
def sheets() -> tuple[Sheet, ...]:
    """Every sheet of a report's workbook, in the schema's order (the report sheet first)."""
    schema = seeds_io.reflect_schema(database.SCHEMA_PATH.read_text(encoding="utf-8"))
    out = []
    for table, (columns, _pk) in schema.items():
        is_report = any(c.name == REPORT_YEAR for c in columns)
        if table == "reports":
            table, keep = REPORT_SHEET, columns  # report.csv, with the year in front
        elif is_report or table in BOTH_FOLDERS:
            keep = [c for c in columns if c.name != REPORT_YEAR]
        else:
            continue
        cols = tuple(SheetColumn(seeds_io.csv_name(c), c, _kind(c), _codes(table, c)) for c in keep)
        out.append(Sheet(table, cols))
    out.sort(key=lambda s: s.table != REPORT_SHEET)
    return tuple(out)


def by_table() -> dict[str, Sheet]:
    return {s.table: s for s in sheets()}
