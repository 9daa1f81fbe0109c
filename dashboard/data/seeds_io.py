"""Read the seed CSV files and turn them into typed rows, validating every cell.

Column types come from `sql/schema.sql` itself (reflected from an in-memory SQLite copy), so the
seeds and the schema cannot drift apart. CSV headers name money in euros (`*_eur`), which the
loader converts exactly to integer cents (`*_cents`) or thousandths (`*_millieur`), and
percentages (`*_pct`) to integer basis points (`*_bp`).
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from dashboard.data.errors import SeedError, fail

QUALITIES = {"reported", "derived", "approximate", "estimated"}

# The categories of a shoot's footprint, in the order the intake sheet and the page show them.
CARBON_CATEGORIES = (
    "travel",
    "freight",
    "accommodation",
    "catering",
    "grid_energy",
    "generators_fuel",
    "sets_materials",
    "waste",
    "post_digital",
    "other",
)

# Allowed values of coded columns: (table, column) -> set of codes.
ENUMS: dict[tuple[str, str], set[str]] = {
    ("works", "sector"): {"live_action", "animation", "tv_format"},
    ("works", "work_type"): {"feature", "series", "documentary", "format"},
    ("works", "origin"): {"belgium", "france", "elsewhere"},
    ("works", "coproduction_role"): {"majority", "minority"},
    ("spend_by_post", "sector"): {"live_action", "animation", "tv_format", "all"},
    ("spend_by_post", "post"): {
        "shooting",
        "production",
        "post_production",
        "vfx",
        "insurance",
        "casting",
        "writing",
        "animation_studios",
    },
    ("scenario_inputs", "rate_basis"): {"measured", "flat"},
    ("carbon_footprints", "relation"): {"about", "above", "below", "mean"},
    ("carbon_shoots", "stage"): {"forecast", "final", "unstated"},
    ("carbon_shoots", "kind"): {"feature", "series", "tv_unitary", "documentary"},
    ("carbon_shoot_categories", "stage"): {"forecast", "final", "unstated"},
    ("carbon_shoot_categories", "category"): set(CARBON_CATEGORIES),
    ("carbon_benchmarks", "scope"): {"per_shooting_day", "per_production", "per_hour", "share"},
    ("carbon_benchmarks", "unit"): {"tco2e_per_day", "tco2e", "tco2e_per_hour", "pct"},
    ("gaming_agreements", "phase"): {"preproduction", "production"},
    ("places", "kind"): {
        "animation_studio",
        "postproduction_technical",
        "studio_for_hire",
        "production_company",
        "shooting_location",
        "wallimage_office",
        "festival_event",
    },
    ("places", "status"): {"active", "closed"},
    ("history", "scope"): {"single_year", "multi_year"},
}

# Smallest allowed value of numeric columns: (table, column) -> (minimum, why, for the sentence). A footprint
# is never negative, and a shoot has at least one shooting day and one person (per-day and per-crew-day
# intensities divide by them).
NOT_NEGATIVE = "a footprint or a count cannot be negative"
MINIMUMS: dict[tuple[str, str], tuple[int, str]] = {
    ("carbon_shoots", "crew"): (1, "a shoot has at least one person"),
    ("carbon_shoots", "shooting_days"): (1, "a shoot has at least one shooting day"),
    ("carbon_shoots", "shooting_days_wallonia"): (0, NOT_NEGATIVE),
    ("carbon_shoots", "total_tco2e"): (0, NOT_NEGATIVE),
    ("carbon_shoots", "lower_tco2e"): (0, NOT_NEGATIVE),
    ("carbon_shoots", "upper_tco2e"): (0, NOT_NEGATIVE),
    ("carbon_shoot_categories", "tco2e"): (0, NOT_NEGATIVE),
    ("carbon_shoot_categories", "lower_tco2e"): (0, NOT_NEGATIVE),
    ("carbon_shoot_categories", "upper_tco2e"): (0, NOT_NEGATIVE),
    ("carbon_benchmarks", "benchmark_value"): (0, NOT_NEGATIVE),
    ("carbon_benchmarks", "lower_value"): (0, NOT_NEGATIVE),
    ("carbon_benchmarks", "upper_value"): (0, NOT_NEGATIVE),
    ("carbon_benchmarks", "sample_size"): (1, "a sample has at least one production"),
}

# Belgium's bounding box (WGS84), used to reject coordinates that cannot be Belgian.
BELGIUM_BOUNDS = {"lat": (49.49, 51.51), "lon": (2.54, 6.41)}


@dataclass
class Column:
    """One column of a table as declared in sql/schema.sql."""

    name: str
    sql_type: str
    required: bool


@dataclass
class Table:
    """Typed rows of one seed table, plus the raw CSV strings kept for precision checks."""

    name: str
    path: Path
    columns: list[Column]
    primary_key: list[str]
    rows: list[dict] = field(default_factory=list)
    raw: list[dict[str, str]] = field(default_factory=list)
    # Where each row was read (file, line), in step with rows when known: for tools that point back.
    origins: list[tuple[Path, int]] = field(default_factory=list)

    def origin(self, index: int) -> tuple[Path, int] | None:
        """The file and line a row was read from, if known."""
        return self.origins[index] if len(self.origins) == len(self.rows) else None

    def where(self, **criteria) -> list[dict]:
        """Rows whose columns equal every given value."""
        return [r for r in self.rows if all(r[k] == v for k, v in criteria.items())]

    @property
    def is_report_table(self) -> bool:
        """Whether the table comes from a report (has a report_year column) rather than being shared."""
        return any(c.name == REPORT_YEAR for c in self.columns)

    def of_report(self, year: int) -> Table:
        """The rows of one report (all rows of a shared table), raw strings kept in step."""
        if not self.is_report_table:
            return self
        where = self.origins if len(self.origins) == len(self.rows) else [None] * len(self.rows)
        kept = [(r, raw, o) for r, raw, o in zip(self.rows, self.raw, where) if r[REPORT_YEAR] == year]
        origins = [o for _, _, o in kept] if len(self.origins) == len(self.rows) else []
        return Table(
            self.name,
            self.path,
            self.columns,
            self.primary_key,
            [r for r, _, _ in kept],
            [w for _, w, _ in kept],
            origins,
        )

    def extend(self, other: Table) -> None:
        """Append another folder's rows of the same table (its path is kept for messages)."""
        known = len(self.origins) == len(self.rows) and len(other.origins) == len(other.rows)
        self.rows += other.rows
        self.raw += other.raw
        self.origins = self.origins + other.origins if known else []


def reflect_schema(schema_sql: str) -> dict[str, tuple[list[Column], list[str]]]:
    """Columns and primary key of every table in the DDL, read from an in-memory SQLite."""
    con = sqlite3.connect(":memory:")
    try:
        con.executescript(schema_sql)
        tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        out = {}
        for name in tables:
            info = con.execute(f"PRAGMA table_info({name})").fetchall()
            columns = [Column(c[1], c[2].upper(), bool(c[3]) or c[5] > 0) for c in info]
            pk = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5] > 0]
            out[name] = (columns, pk)
        return out
    finally:
        con.close()


def csv_name(column: Column) -> str:
    """The CSV header that feeds a database column."""
    for db_suffix, csv_suffix in (("_cents", "_eur"), ("_millieur", "_eur"), ("_bp", "_pct")):
        if column.name.endswith(db_suffix):
            return column.name[: -len(db_suffix)] + csv_suffix
    return column.name


def _decimal(text: str, places: int) -> Decimal:
    value = Decimal(text)
    if not value.is_finite() or -value.as_tuple().exponent > places:
        raise InvalidOperation
    return value


class CellError(ValueError):
    """A cell that cannot be read: the message says what was expected, `kind` names it for translations."""

    def __init__(self, expected: str, kind: str):
        super().__init__(expected)
        self.kind = kind


def convert_cell(column: Column, text: str):
    """Typed value of one CSV cell, or raise ValueError with what was expected."""
    if text == "":
        if column.required:
            raise CellError("a value (the cell is empty)", "empty")
        return None
    name, sql_type = column.name, column.sql_type
    try:
        if name.endswith("_cents"):
            return int(_decimal(text, 2) * 100)
        if name.endswith("_millieur"):
            return int(_decimal(text, 3) * 1000)
        if name.endswith("_bp"):
            return int(_decimal(text, 2) * 100)
    except (InvalidOperation, ValueError):
        unit = "thousandths" if name.endswith("_millieur") else "cents"
        if name.endswith("_bp"):
            raise CellError("a percentage such as 651.63 (dot decimal, at most 2 decimals)", "percentage") from None
        raise CellError(f"an amount in euros such as 1234.56 (dot decimal, at most {unit})", "amount") from None
    if sql_type in ("INTEGER", "BIGINT"):
        if not re.fullmatch(r"-?\d+", text):
            raise CellError("a whole number", "whole")
        return int(text)
    if sql_type == "DOUBLE PRECISION":
        try:
            return float(_decimal(text, 6))
        except InvalidOperation:
            raise CellError("a number with a dot decimal", "number") from None
    return text


def read_seed_text(path: Path) -> str:
    """A seed file's text; a byte that is not UTF-8 is one SeedError naming the line, never a traceback."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as problem:
        line = data.count(b"\n", 0, problem.start) + 1
        raise SeedError(
            f"{path}, row {line}: expected UTF-8 text, found the byte 0x{data[problem.start]:02x} "
            f"(the file was saved in another encoding); save it as UTF-8."
        ) from None


def read_table(folder: Path, name: str, columns: list[Column], pk: list[str], report_year: int | None = None) -> Table:
    """Read and type one seed CSV; raise SeedError naming file, row and column on bad input.

    A report's table lives in its report's folder and has no `report_year` column: the folder's
    year is given here and added to every row, so next year's report is a new folder, not new columns.
    """
    path = folder / f"{name}.csv"
    table = Table(name, path, columns, pk)
    if not path.exists():
        raise SeedError(f"Seed file {path} is missing: restore it from git (`git checkout -- {path}`) or add it.")
    derived = PLACE_DERIVED if name == "places" else set()
    expected = [csv_name(c) for c in columns if c.name not in derived and c.name != REPORT_YEAR]
    with io.StringIO(read_seed_text(path), newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != expected:
            missing = [h for h in expected if h not in (header or [])]
            extra = [h for h in (header or []) if h not in expected]
            fail(
                SeedError(
                    f"{path}, header: expected the columns {', '.join(expected)}, found "
                    f"{', '.join(header or ['nothing'])}"
                    + (f" (missing: {', '.join(missing)})" if missing else "")
                    + (f" (unexpected: {', '.join(extra)})" if extra else "")
                    + "; fix the header line.",
                    kind="header",
                    origin=(path, 1),
                )
            )
            return table
        by_csv = {csv_name(c): c for c in columns}
        for line_no, cells in enumerate(reader, start=2):
            if not cells:
                continue
            if len(cells) != len(header):
                fail(
                    SeedError(
                        f"{path}, row {line_no}: expected {len(header)} cells, found {len(cells)} "
                        "(a comma inside a value needs double quotes); fix that row.",
                        kind="row_length",
                        origin=(path, line_no),
                    )
                )
                continue
            raw = dict(zip(header, cells))
            row = {} if report_year is None else {REPORT_YEAR: report_year}
            for header_name, text in raw.items():
                column = by_csv[header_name]
                try:
                    row[column.name] = convert_cell(column, text.strip())
                except ValueError as problem:
                    fail(
                        SeedError(
                            f"{path}, row {line_no}, column {header_name}: expected {problem}, found {text!r}; fix that cell.",
                            kind=f"cell_{getattr(problem, 'kind', 'value')}",
                            origin=(path, line_no),
                            column=header_name,
                            params={"found": text},
                        )
                    )
                    row[column.name] = None
            table.rows.append(row)
            table.raw.append(raw)
            table.origins.append((path, line_no))
    return table


# The column that makes a table a report's table (part of its key), filled from the report's folder.
REPORT_YEAR = "report_year"

# Columns of `places` that the build fills from `towns` rather than reading from the CSV.
PLACE_DERIVED = {"latitude", "longitude", "coordinate_precision"}


def decimals_of(text: str) -> int:
    """How many decimals a printed number carries ('651.63' -> 2, '652' -> 0)."""
    return len(text.split(".", 1)[1]) if "." in text else 0


def validate_table(table: Table, source_ids: set[str] | None) -> None:
    """Check keys, codes, quality flags and source references (unless None) of one table."""
    seen = {}
    for index, row in enumerate(table.rows):
        line = index + 2
        if table.primary_key:
            key = tuple(row[k] for k in table.primary_key)
            if key in seen:
                # Within one folder the report year is the same on every row: name the columns the CSV has.
                named = [k for k in table.primary_key if k != REPORT_YEAR] or table.primary_key
                fail(
                    SeedError(
                        f"{table.path}, row {line}, column {named[0]}: expected a unique "
                        f"key, found {tuple(row[k] for k in named)!r} again (already on row {seen[key][0]}); remove the duplicate.",
                        kind="duplicate",
                        origin=table.origin(index),
                        column=_header_of(table, named[0]),
                        params={"key": tuple(row[k] for k in named), "first": table.origin(seen[key][1])},
                    )
                )
                continue
            seen[key] = (line, index)
        for column, value in row.items():
            allowed = ENUMS.get((table.name, column))
            if column == "quality" and value not in QUALITIES:
                allowed = QUALITIES
            if allowed and value is not None and value not in allowed:
                fail_at(
                    table,
                    index,
                    column,
                    "code",
                    f"{table.path}, row {line}, column {column}: expected one of "
                    f"{', '.join(sorted(allowed))}, found {value!r}; fix that cell.",
                    allowed=sorted(allowed),
                    found=value,
                )
            minimum = MINIMUMS.get((table.name, column))
            if minimum and value is not None and value < minimum[0]:
                shown = _header_of(table, column)
                fail_at(
                    table,
                    index,
                    column,
                    "minimum",
                    f"{table.path}, row {line}, column {shown}: expected a number of at least {minimum[0]} "
                    f"({minimum[1]}), found {value:g}; fix that cell.",
                    minimum=minimum[0],
                    found=f"{value:g}",
                )
            is_source = column in ("source_id", "town_source_id", "source_a", "source_b")
            if is_source and source_ids is not None and value is not None and value not in source_ids:
                fail_at(
                    table,
                    index,
                    column,
                    "source",
                    f"{table.path}, row {line}, column {column}: expected a source_id listed in "
                    f"sources.csv, found {value!r}; add the source or fix the reference.",
                    found=value,
                )
        if table.name == "towns":
            for axis, column in (("lat", "latitude"), ("lon", "longitude")):
                low, high = BELGIUM_BOUNDS[axis]
                if row[column] is not None and not low <= row[column] <= high:
                    fail_at(
                        table,
                        index,
                        column,
                        "coordinate",
                        f"{table.path}, row {line}, column {column}: expected a coordinate inside "
                        f"Belgium ({low} to {high}), found {row[column]}; fix the coordinate.",
                    )


def fail_at(table: Table, index: int, column: str, kind: str, message: str, **params) -> None:
    """A problem of one cell (row `index`, database `column`) of a table: raised, or collected with where it is."""
    fail(SeedError(message, kind=kind, origin=table.origin(index), column=_header_of(table, column), params=params))


def _header_of(table: Table, column: str) -> str:
    """The CSV header of a database column of a table."""
    return next((csv_name(c) for c in table.columns if c.name == column), column)
