"""Build the database from the seed CSV files: validate, reconcile, then write atomically.

Usage:
    python -m dashboard.data.build                      # embedded SQLite (default path)
    python -m dashboard.data.build --output PATH.sqlite
    python -m dashboard.data.build --url postgresql+psycopg2://user@host/db

SQLite is written into a temporary file next to the target and renamed into place only when
everything passed; PostgreSQL is rebuilt inside one transaction. Either the whole build succeeds
or nothing changes. A failure prints one sentence naming the file, row, column, expected and
found values, and exits with status 1.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from dashboard.data import checks, database
from dashboard.data.errors import SeedError, fail
from dashboard.data.localise import TRANSLATED_COLUMNS
from dashboard.data.seeds_io import REPORT_YEAR, Table, fail_at, read_table, reflect_schema, validate_table

SHARED_DIR = "shared"
REPORTS_DIR = "reports"
# Tables with rows in seeds/shared/ and in every report folder (each report cites its own sections
# and carries its own French texts).
BOTH_FOLDERS = ("sources", "text_translations")


@dataclass
class BuildResult:
    """What a successful build wrote."""

    target: str
    rows: int
    checks: int
    recorded_mismatches: int
    seconds: float
    data_version: str


def seed_fingerprint(seeds_dir: Path, schema_sql: str) -> str:
    """Short hash of the schema, the check rules and every seed file (shared and every report): the
    data version's suffix (a changed rule is a new data version, like a changed row)."""
    digest = hashlib.sha256(schema_sql.encode())
    for path in sorted(checks.CHECKS_DIR.glob("*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for path in sorted(seeds_dir.rglob("*.csv")):
        digest.update(path.relative_to(seeds_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def report_folders(seeds_dir: Path) -> dict[int, Path]:
    """The report folders under seeds/reports/, by year (a folder is named by its report's year)."""
    folders = {}
    for folder in sorted((seeds_dir / REPORTS_DIR).glob("*")):
        if folder.is_dir():
            if not re.fullmatch(r"\d{4}", folder.name):
                raise SeedError(
                    f"{folder}: expected a report folder named by its year (reports/<year>), found "
                    f"{folder.name!r}; rename or remove it."
                )
            folders[int(folder.name)] = folder
    if not folders:
        raise SeedError(f"{seeds_dir / REPORTS_DIR}: expected at least one report folder, found none; add one.")
    return folders


def read_seeds(seeds_dir: Path, schema_sql: str) -> dict[str, Table]:
    """Every table: shared ones from seeds/shared/, report ones from each report folder, merged."""
    schema = reflect_schema(schema_sql)
    folders = report_folders(seeds_dir)
    tables: dict[str, Table] = {}
    for name, (columns, pk) in schema.items():
        if name in ("metadata", "reports"):
            continue
        is_report = any(c.name == REPORT_YEAR for c in columns)
        in_both = name in BOTH_FOLDERS
        parts = [] if is_report and not in_both else [read_table(seeds_dir / SHARED_DIR, name, columns, pk)]
        if is_report or in_both:
            parts += [
                read_table(folder, name, columns, pk, year if is_report else None) for year, folder in folders.items()
            ]
        for part in parts:
            validate_table(part, None)
        table = parts[0]
        for part in parts[1:]:
            table.extend(part)
        if name == "text_translations":  # the same translation in two folders is one entry
            first: dict[tuple, int] = {}
            for index, row in enumerate(table.rows):
                first.setdefault(tuple(row.items()), index)
            kept = sorted(first.values())
            origins = [table.origins[i] for i in kept] if len(table.origins) == len(table.rows) else []
            table.rows = [table.rows[i] for i in kept]
            table.raw = [{k: str(v) for k, v in r.items()} for r in table.rows]
            table.origins = origins
        tables[name] = table
    tables["reports"] = _reports_table(folders, schema["reports"])
    return tables


def _reports_table(folders: dict[int, Path], spec) -> Table:
    """One row per report folder, from its report.csv (a single row: the document's title, date, address)."""
    columns, pk = spec
    table = Table("reports", Path("reports"), columns, pk)
    for year, folder in folders.items():
        one = read_table(folder, "report", [c for c in columns if c.name != REPORT_YEAR], [], year)
        if len(one.rows) != 1:
            fail(
                SeedError(
                    f"{one.path}: expected exactly one row describing the report, found {len(one.rows)}; fix it.",
                    kind="report_rows",
                    origin=(one.path, 2),
                    params={"found": len(one.rows)},
                )
            )
            if not one.rows:
                continue
            del one.rows[1:], one.raw[1:], one.origins[1:]
        one.rows[0][REPORT_YEAR] = year
        table.extend(one)
    return table


def load_and_check(seeds_dir: Path, schema_sql: str) -> tuple[dict[str, Table], checks.Reconciliation]:
    """Read, validate and reconcile every seed table of every report; raise SeedError on the first problem.

    Reconciliation runs the rules declared in sql/checks/ over every report present (see checks.py).
    """
    tables = read_seeds(seeds_dir, schema_sql)
    _check_unique_sources(tables["sources"])
    source_ids = {r["source_id"] for r in tables["sources"].rows}
    for table in tables.values():
        validate_table(table, source_ids)
    _check_references(tables)
    _check_carbon_shoots(tables)
    _check_translations(tables)
    _place_coordinates(tables)
    return tables, checks.reconcile(tables)


def _check_unique_sources(sources: Table) -> None:
    seen = set()
    for index, row in enumerate(sources.rows):
        if row["source_id"] in seen:
            fail_at(
                sources,
                index,
                "source_id",
                "source_twice",
                f"sources.csv: expected each source_id once across seeds/shared and every report folder, found "
                f"{row['source_id']!r} twice; give one of them another id.",
                found=row["source_id"],
            )
        seen.add(row["source_id"])


def _check_references(tables: dict[str, Table]) -> None:
    """Foreign keys between seed tables (SQLite does not enforce them by default)."""
    refs = (
        ("work_directors", "work_id", "works", "work_id"),
        ("work_countries", "work_id", "works", "work_id"),
        ("places", "town", "towns", "town"),
        ("shooting_spend_per_day_posts", "work_type", "shooting_spend_per_day", "work_type"),
    )
    for table, column, target, target_column in refs:
        # Within a report: a reference names a row of the same report.
        known = {(r.get(REPORT_YEAR), r[target_column]) for r in tables[target].rows}
        for index, row in enumerate(tables[table].rows):
            if row[column] is not None and (row.get(REPORT_YEAR), row[column]) not in known:
                where = f" of the {row[REPORT_YEAR]} report" if REPORT_YEAR in row else ""
                fail_at(
                    tables[table],
                    index,
                    column,
                    "reference",
                    f"{tables[table].path}, row {index + 2}, column {column}: expected a value listed in "
                    f"{target}.csv{where}, found {row[column]!r}; add it there or fix the reference.",
                    target=target,
                    found=row[column],
                )


def _row_where(table: Table, index: int) -> str:
    """'<file>, row <line>' of a row of a merged table: the report folder's file it was read from."""
    origin = table.origin(index)
    return f"{origin[0]}, row {origin[1]}" if origin else f"{table.path}, row {index + 2}"


def _check_carbon_shoots(tables: dict[str, Table]) -> None:
    """Each footprint names a known tool (seeds/shared/carbon_tools.csv) and, when linked, a work of its
    report; its bounds hold its value; each category row belongs to a footprint of its report."""
    shoots, tools = tables["carbon_shoots"], tables["carbon_tools"]
    known_tools = sorted(r["tool"] for r in tools.rows)
    works = {(r[REPORT_YEAR], r["work_id"]) for r in tables["works"].rows}
    for index, row in enumerate(shoots.rows):
        where = _row_where(shoots, index)
        if row["tool"] is not None and row["tool"] not in known_tools:
            fail_at(
                shoots,
                index,
                "tool",
                "unknown_tool",
                f"{where}, column tool: expected a carbon tool listed in {tools.path} ({', '.join(known_tools)}), "
                f"found {row['tool']!r}; add the tool there (name, publisher, address, source) or fix the cell.",
                allowed=known_tools,
                found=row["tool"],
            )
        if row["work_id"] is not None and (row[REPORT_YEAR], row["work_id"]) not in works:
            fail_at(
                shoots,
                index,
                "work_id",
                "reference",
                f"{where}, column work_id: expected a work of works.csv of the {row[REPORT_YEAR]} report, found "
                f"{row['work_id']!r}; fix the reference or leave the cell empty (anonymous shoot).",
                target="works",
                found=row["work_id"],
            )
    for table in (shoots, tables["carbon_shoot_categories"]):
        value = "total_tco2e" if table is shoots else "tco2e"
        for index, row in enumerate(table.rows):
            low, mid, high = row["lower_tco2e"], row[value], row["upper_tco2e"]
            ordered = [v for v in (low, mid, high) if v is not None]
            if ordered != sorted(ordered) or (mid is None and (low is not None or high is not None)):
                fail_at(
                    table,
                    index,
                    "lower_tco2e" if low is not None and (mid is None or low > mid) else "upper_tco2e",
                    "bounds",
                    f"{_row_where(table, index)}: expected lower_tco2e ≤ {value} ≤ upper_tco2e (bounds need a "
                    f"value), found {low}, {mid}, {high}; fix the bounds.",
                    found=f"{low} ≤ {mid} ≤ {high}",
                )
    results = {(r[REPORT_YEAR], r["project_no"], r["stage"]) for r in shoots.rows}
    categories = tables["carbon_shoot_categories"]
    for index, row in enumerate(categories.rows):
        if (row[REPORT_YEAR], row["project_no"], row["stage"]) not in results:
            fail_at(
                categories,
                index,
                "project_no",
                "reference",
                f"{_row_where(categories, index)}, column project_no: expected a shoot and stage of "
                f"carbon_shoots.csv, found {row['project_no']!r} ({row['stage']}); add the shoot or fix the row.",
                target="carbon_shoots",
                found=row["project_no"],
            )


def _check_translations(tables: dict[str, Table]) -> None:
    """Every English free-text value shown to people has its French text (no English on French pages)."""
    known = {r["text_en"] for r in tables["text_translations"].rows}
    for table in tables.values():
        for column in TRANSLATED_COLUMNS:
            if not any(c.name == column for c in table.columns):
                continue
            for index, row in enumerate(table.rows):
                value = row[column]
                if value and re.search("[A-Za-z]", value) and value not in known:
                    fail_at(
                        table,
                        index,
                        column,
                        "translation",
                        f"{table.path}, row {index + 2}, column {column}: expected a French translation in "
                        f"text_translations.csv, found none for {value!r}; add a row (text_en,text_fr).",
                        found=value,
                    )


def _place_coordinates(tables: dict[str, Table]) -> None:
    """Copy each place's town coordinates (town-level precision, hence approximate)."""
    towns = {town["town"]: town for town in tables["towns"].rows}
    for place in tables["places"].rows:
        town = towns.get(place["town"])
        if town is None:  # an unknown town, already reported while collecting problems
            continue
        place.update(latitude=town["latitude"], longitude=town["longitude"], coordinate_precision="town")


def _metadata(tables: dict[str, Table], version: str) -> list[dict]:
    rows = sum(len(table.rows) for table in tables.values())
    items = {
        "schema_version": database.SCHEMA_VERSION,
        "data_version": version,
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "reports": ",".join(str(r[REPORT_YEAR]) for r in tables["reports"].rows),
        "seed_rows": str(rows),
    }
    return [{"meta_key": k, "meta_value": v} for k, v in items.items()]


def _ordered(tables: dict[str, Table], schema_sql: str) -> list[tuple[str, list[str], list[dict]]]:
    schema = reflect_schema(schema_sql)
    return [(name, [c.name for c in schema[name][0]], tables[name].rows) for name in schema if name in tables]


def write_sqlite(target: Path, tables, schema_sql: str, meta: list[dict]) -> None:
    """Write into a temporary file beside the target, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        con = sqlite3.connect(temp_name)
        try:
            con.executescript(schema_sql)
            for name, columns, rows in _ordered(tables, schema_sql) + [("metadata", ["meta_key", "meta_value"], meta)]:
                marks = ", ".join("?" for _ in columns)
                con.executemany(
                    f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",
                    [tuple(r.get(c) for c in columns) for r in rows],
                )
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_sqlalchemy(url: str, tables, schema_sql: str, meta: list[dict]) -> None:
    """Rebuild a server database (PostgreSQL) inside one transaction."""
    from sqlalchemy import text

    engine = database.create_writer_engine(url)
    # Comment lines may contain semicolons: drop them before splitting into statements.
    code = "\n".join(line for line in schema_sql.splitlines() if not line.lstrip().startswith("--"))
    statements = [s.strip() for s in code.split(";") if s.strip()]
    ordered = _ordered(tables, schema_sql)
    try:
        with engine.begin() as con:
            for name in ["metadata"] + [name for name, _, _ in reversed(ordered)]:
                con.execute(text(f"DROP TABLE IF EXISTS {name} CASCADE"))
            for statement in statements:
                con.execute(text(statement))
            for name, columns, rows in ordered + [("metadata", ["meta_key", "meta_value"], meta)]:
                if rows:
                    params = ", ".join(f":{c}" for c in columns)
                    con.execute(
                        text(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({params})"),
                        [{c: r.get(c) for c in columns} for r in rows],
                    )
    finally:
        engine.dispose()


def build(seeds_dir: Path | None = None, output: Path | None = None, url: str | None = None) -> BuildResult:
    """Validate, reconcile and write the database; raise SeedError without touching the target."""
    started = time.perf_counter()
    seeds_dir = Path(seeds_dir or database.SEEDS_DIR)
    schema_sql = database.SCHEMA_PATH.read_text(encoding="utf-8")
    tables, rec = load_and_check(seeds_dir, schema_sql)
    years = sorted(r[REPORT_YEAR] for r in tables["reports"].rows)
    # The latest report, how many reports, and a fingerprint of every seed file: "<year>.<reports>+3f2a…".
    version = f"{years[-1]}.{len(years)}+{seed_fingerprint(seeds_dir, schema_sql)}"
    meta = _metadata(tables, version)
    url = database.normalise_url(url) if url else url
    if url and not url.startswith("sqlite"):
        write_sqlalchemy(url, tables, schema_sql, meta)
        target = database.describe_url(url)
    else:
        path = Path(output) if output else database.sqlite_path_from_url(url) if url else database.DEFAULT_DB_PATH
        write_sqlite(path, tables, schema_sql, meta)
        target = str(path)
    return BuildResult(
        target=target,
        rows=sum(len(table.rows) for table in tables.values()),
        checks=rec.checks_run,
        recorded_mismatches=len(rec.mismatches),
        seconds=time.perf_counter() - started,
        data_version=version,
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (`make db`)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=None, help="folder of seed CSV files")
    parser.add_argument("--output", type=Path, default=None, help="SQLite file to write")
    parser.add_argument("--url", default=None, help="SQLAlchemy URL of the database to (re)build")
    args = parser.parse_args(argv)
    try:
        result = build(args.seeds, args.output, args.url)
    except SeedError as problem:
        print(f"Build failed, database unchanged: {problem}", file=sys.stderr)
        return 1
    except (SQLAlchemyError, ImportError, ValueError) as problem:
        # An unreachable server or an unusable URL: one sentence for the operator, not a traceback.
        detail = (str(problem).strip().splitlines() or [type(problem).__name__])[0]
        print(
            f"Build failed, database unchanged: cannot write to the database ({detail}); check --url.", file=sys.stderr
        )
        return 1
    print(
        f"Built {result.target}: {result.rows} rows, {result.checks} reconciliation checks "
        f"({result.recorded_mismatches} known report inconsistencies matched their records), "
        f"data version {result.data_version}, in {result.seconds:.2f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
