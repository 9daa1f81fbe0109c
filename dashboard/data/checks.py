"""Reconciliation: every printed total, share and ratio of every report, checked by declared SQL rules.

Design. The checks are declared once, as SQL files in `sql/checks/` next to the schema (one file
per group of tables), not as Python per report section. Every statement of a check file is either
a helper (`CREATE TEMP VIEW …`) or a SELECT returning one row per check with the columns

    report_year, check_key, description, unit, printed, computed, tolerance

(`report_year` NULL for a check of the shared seeds). Every rule joins and groups on
`report_year`, so it runs for every report folder present: next year's report is checked with no
code change. SQL was chosen over a rules file with its own expression language because the rules
are joins, group sums and filters over several tables, which SQL already says plainly (and
everyone who edits `sql/` reads it); the one thing SQL lacks, the printed precision of each value,
is supplied by this runner.

Tolerance. The rules run on an in-memory SQLite copy of the seed rows, made before the database
is written (so the shipped database is unchanged and PostgreSQL builds are checked the same way).
In that copy every numeric column `x` has a companion `x__half`: half a unit of the last digit
the CSV prints, in the stored unit (`651.63` % -> 0.5 bp, `2180800` € -> 50 cents, a count -> 0.5).
A value printed with d decimals may thus differ from the exact one by `x__half`; a sum of n rounded
printed values by the sum of their `__half`; each rule states its tolerance with these columns.

Outcome. A check whose printed value is NULL is skipped (nothing printed) and not counted; a
computed NULL (no matching row, division by zero) is a mismatch. A mismatch fails the build unless
a row of that report's discrepancies.csv lists a matching fnmatch pattern in `check_keys` (a
recorded inconsistency of the report); a recorded pattern that matches no mismatch fails the build
too (a stale record). Either failure is one sentence naming the report, the file and row, the
printed and computed values and the check key.

Check keys read `<table>:<the row's key values>:<what is checked>`, e.g.
`report_aggregates:<table_id>:headline:investment` (the table id and row key of the seed row).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from dashboard.data.errors import ReconciliationError, fail, is_collecting
from dashboard.data.seeds_io import REPORT_YEAR, Table, csv_name, decimals_of

CHECKS_DIR = Path(__file__).resolve().parents[2] / "sql" / "checks"
COLUMNS = ("report_year", "check_key", "description", "unit", "printed", "computed", "tolerance")
NUMERIC = ("INTEGER", "BIGINT", "DOUBLE PRECISION")
HALF = "__half"


@dataclass
class Mismatch:
    """One failed check."""

    report_year: int | None
    key: str
    message: str
    description: str = ""
    unit: str = ""
    printed: float | None = None
    computed: float | None = None
    # The rule's SQL with the text of the views it reads: which tables and columns the check depends on.
    rule: str = ""


@dataclass
class Reconciliation:
    """What the checks found: how many ran, and the mismatches (all recorded once `finish` passed)."""

    checks_run: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)


def _scale(column: str) -> int:
    """Stored units per printed unit: cents and basis points (100), thousandths (1000), else 1."""
    if column.endswith("_millieur"):
        return 1000
    return 100 if column.endswith(("_cents", "_bp")) else 1


def _half(column: str, printed: str | None) -> float | None:
    """Half a unit of the last printed digit, in the stored unit."""
    if printed is None or printed.strip() == "":
        return None if printed is not None else 0.0
    return _scale(column) * 0.5 * 10 ** (-decimals_of(printed.strip()))


def load_copy(tables: dict[str, Table]) -> sqlite3.Connection:
    """An in-memory SQLite holding every seed row, each numeric column with its `__half` companion.

    The copy has the schema's tables and columns (typed as in the schema, without its constraints:
    the seeds were validated already), each indexed on its key for the rules' joins.
    """
    con = sqlite3.connect(":memory:")
    for table in tables.values():
        numeric = [c for c in table.columns if c.sql_type in NUMERIC and c.name != REPORT_YEAR]
        columns = [c.name for c in table.columns] + [c.name + HALF for c in numeric]
        declared = [f"{c.name} {c.sql_type}" for c in table.columns] + [f"{c.name}{HALF} REAL" for c in numeric]
        con.execute(f"CREATE TABLE {table.name} ({', '.join(declared)})")
        if table.primary_key:
            con.execute(f"CREATE INDEX {table.name}_key ON {table.name} ({', '.join(table.primary_key)})")
        values = [
            tuple(row.get(c.name) for c in table.columns) + tuple(_half(c.name, raw.get(csv_name(c))) for c in numeric)
            for row, raw in zip(table.rows, table.raw)
        ]
        marks = ", ".join("?" for _ in columns)
        con.executemany(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", values)
    return con


def statements(path: Path) -> list[str]:
    """The statements of one check file (comment lines dropped, split on semicolons)."""
    code = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("--")
    )
    return [s.strip() for s in code.split(";") if s.strip()]


def _fmt(unit: str, value: float) -> str:
    if unit == "cents":
        return f"{value / 100:,.2f} €"
    if unit == "bp":
        return f"{value / 100:.2f} %"
    if unit == "millieur":
        return f"{value / 1000:,.3f} €"
    return f"{value:g}"


def run_checks(con: sqlite3.Connection, checks_dir: Path = CHECKS_DIR) -> Reconciliation:
    """Run every check file and collect the mismatches (not yet compared with the records)."""
    result = Reconciliation()
    views: dict[str, str] = {}
    for path in sorted(checks_dir.glob("*.sql")):
        for statement in statements(path):
            cursor = con.execute(statement)
            if cursor.description is None:
                words = statement.split()
                if [w.upper() for w in words[:3]] == ["CREATE", "TEMP", "VIEW"] and len(words) > 3:
                    views[words[3]] = statement
                continue
            rule = _with_views(statement, views)
            names = tuple(d[0] for d in cursor.description)
            if names != COLUMNS:
                raise ValueError(f"{path}: expected a SELECT returning {', '.join(COLUMNS)}, found {', '.join(names)}.")
            for year, key, description, unit, printed, computed, tolerance in cursor:
                if printed is None:
                    continue
                result.checks_run += 1
                if computed is None:
                    message = f"{description}: printed {_fmt(unit, printed)}, rows give nothing"
                elif abs(printed - computed) > (tolerance or 0) + 1e-9:
                    message = (
                        f"{description}: printed {_fmt(unit, printed)}, rows give {_fmt(unit, computed)} "
                        f"(difference {_fmt(unit, printed - computed)})"
                    )
                else:
                    continue
                result.mismatches.append(Mismatch(year, key, message, description, unit, printed, computed, rule))
    return result


def _with_views(statement: str, views: dict[str, str]) -> str:
    """A statement followed by the text of every view it reads, directly or through another view."""
    text, added = statement, set()
    while True:
        new = [name for name in views if name not in added and re.search(rf"\b{name}\b", text)]
        if not new:
            return text
        for name in new:
            added.add(name)
            text += "\n" + views[name]


def recorded_patterns(discrepancies: Table) -> dict[int, list[tuple[str, str]]]:
    """Each report's recorded check patterns, with the discrepancy that records them."""
    patterns: dict[int, list[tuple[str, str]]] = {}
    for row in discrepancies.rows:
        for pattern in (row["check_keys"] or "").split(";"):
            if pattern.strip():
                patterns.setdefault(row[REPORT_YEAR], []).append((row["discrepancy_id"], pattern.strip()))
    return patterns


def finish(result: Reconciliation, patterns: dict[int, list[tuple[str, str]]]) -> None:
    """Raise ReconciliationError for the first unrecorded mismatch, else for the first stale record."""
    unrecorded = [
        m for m in result.mismatches if not any(fnmatch(m.key, p) for _, p in patterns.get(m.report_year, []))
    ]
    if unrecorded and is_collecting():
        for mismatch in unrecorded:
            fail(
                ReconciliationError(
                    f"Reconciliation failed — {mismatch.message} [check {mismatch.key}].",
                    kind="mismatch",
                    params={"mismatch": mismatch},
                )
            )
    elif unrecorded:
        first = unrecorded[0]
        more = f" ({len(unrecorded) - 1} more unrecorded mismatch(es) follow)" if len(unrecorded) > 1 else ""
        if first.report_year is None:
            where, fix = "the shared seeds, ", "fix the shared seed"
        else:
            where = f"the {first.report_year} report, "
            fix = "fix the seed or record the inconsistency in that report's discrepancies.csv (check_keys)"
        raise ReconciliationError(f"Reconciliation failed — {where}{first.message} [check {first.key}]{more}; {fix}.")
    for year in sorted(patterns):
        keys = [m.key for m in result.mismatches if m.report_year == year]
        for discrepancy_id, pattern in patterns[year]:
            if not any(fnmatch(k, pattern) for k in keys):
                fail(
                    ReconciliationError(
                        f"Reconciliation failed — the {year} report's discrepancies.csv, discrepancy {discrepancy_id}, "
                        f"records the check pattern {pattern!r} but no check of that report mismatches it; the seed "
                        "may have been fixed or the check renamed: remove or correct the pattern in check_keys.",
                        kind="stale",
                        params={"year": year, "discrepancy_id": discrepancy_id, "pattern": pattern},
                    )
                )


def reconcile(tables: dict[str, Table], checks_dir: Path = CHECKS_DIR) -> Reconciliation:
    """Run every declared check on every report; raise ReconciliationError on an unrecorded or stale one."""
    con = load_copy(tables)
    try:
        result = run_checks(con, checks_dir)
    finally:
        con.close()
    finish(result, recorded_patterns(tables["discrepancies"]))
    return result
