"""Check a workbook with the build's own validation and reconciliation, and import it when clean.

The workbook becomes a report folder of seed CSV files inside a temporary copy of the seeds; the
build's `load_and_check` runs there with every problem collected (errors.collecting), and each
problem is mapped back from its seed file, line and column to the sheet and Excel cell it came
from. An import writes the folder beside the seeds, swaps it in by renames and rebuilds the
database; if anything fails, the previous folder is put back: all or nothing.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.data import build as builder
from dashboard.data import database, seeds_io
from dashboard.data.checks import Mismatch
from dashboard.data.errors import SeedError, collecting
from dashboard.intake import texts
from dashboard.intake.problems import Problem, amount, bounded
from dashboard.intake.sheets import REPORT_SHEET, by_table, sheets
from dashboard.intake.workbook import FIRST_DATA_ROW, ParsedBook, read_files


@dataclass
class Outcome:
    """What a check found: the problems, the report's year and seed files, its headline figures."""

    book: ParsedBook
    problems: list[Problem] = field(default_factory=list)
    year: int | None = None
    files: dict[str, str] = field(default_factory=dict)
    headlines: list[dict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems and self.year is not None


def folder_files(book: ParsedBook) -> dict[str, str]:
    """The seed CSV text of every file of the report folder (a missing sheet gives its header only)."""
    files = {}
    for sheet in sheets():
        header = [c.csv for c in sheet.columns if not (sheet.table == REPORT_SHEET and c.csv == "report_year")]
        parsed = book.sheets.get(sheet.table)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for _row, values in parsed.rows if parsed else []:
            writer.writerow([values[h] for h in header])
        files[sheet.file_name] = out.getvalue()
    return files


def _write_folder(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8", newline="")


def check_files(files: list[tuple[str, bytes]], seeds_dir: Path | None = None) -> Outcome:
    """Read and check uploaded files against the seeds (nothing is written outside a temporary folder)."""
    seeds_dir = Path(seeds_dir or database.SEEDS_DIR)
    book = read_files(files)
    outcome = Outcome(book, list(book.problems), book.year)
    for sheet in sheets():
        if sheet.table not in book.sheets:
            outcome.problems.append(
                Problem(
                    sheet.name("fr"),
                    "",
                    "problem_missing_sheet",
                    localised={lang: {"sheet": sheet.name(lang)} for lang in texts.LANGUAGES},
                )
            )
    if book.year is None:
        return outcome
    outcome.files = folder_files(book)
    schema_sql = database.SCHEMA_PATH.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="wallimage-intake-") as temp:
        copy = Path(temp) / "seeds"
        shutil.copytree(seeds_dir, copy, ignore=shutil.ignore_patterns(".*"))
        target = copy / builder.REPORTS_DIR / str(book.year)
        shutil.rmtree(target, ignore_errors=True)
        _write_folder(target, outcome.files)
        tables = None
        with collecting() as found:
            try:
                tables, _ = builder.load_and_check(copy, schema_sql)
            except SeedError as problem:
                found.append(problem)
            except Exception:  # noqa: BLE001 - a consequence of problems already collected, never a traceback
                found.append(SeedError("internal", kind="internal"))
        affected = _affected(found, target, book)
        unchecked: list[str] = []
        seen = set()
        for error in found:
            if error.kind == "mismatch" and _depends(error.params["mismatch"].rule, affected):
                unchecked += [t for t, c in affected if _depends(error.params["mismatch"].rule, {(t, c)})]
                continue
            problem = _locate(error, book, target)
            signature = (problem.where, problem.key, tuple(sorted(map(str, problem.params.items()))))
            if signature not in seen:
                seen.add(signature)
                outcome.problems.append(problem)
        for table in dict.fromkeys(unchecked):
            parsed = book.sheets.get(table)
            title = parsed.title if parsed else by_table()[table].name("fr")
            outcome.problems.append(Problem(title, "", "problem_unchecked"))
        if tables is not None:
            outcome.headlines = [
                r for r in tables["facts"].rows if r["report_year"] == book.year and r["topic"] == "headline"
            ]
    return outcome


VALUE_PROBLEMS = ("duplicate", "code", "reference", "source", "report_rows")


def _affected(found: list[SeedError], folder: Path, book: ParsedBook) -> set[tuple[str, str | None]]:
    """(table, database column or None for any) of the cells whose value could not be taken as typed:
    the totals resting on them would only repeat the problem."""
    affected: set[tuple[str, str | None]] = set()
    for error in found:
        kind = error.kind or ""
        if error.origin is None or Path(error.origin[0]).parent != folder:
            continue
        if not (kind.startswith("cell_") or kind in VALUE_PROBLEMS):
            continue
        table = Path(error.origin[0]).stem
        sheet = by_table().get(table)
        column = next((c.column.name for c in sheet.columns if c.csv == error.column), None) if sheet else None
        affected.add((table, None if kind == "duplicate" else column))
    for sheet in sheets():
        if sheet.table not in book.sheets:
            affected.add((sheet.table, None))
    return affected


def _depends(rule: str, affected: set[tuple[str, str | None]]) -> bool:
    """Whether a check's SQL reads one of the affected tables and columns."""
    return any(
        re.search(rf"\b{table}\b", rule) and (column is None or re.search(rf"\b{column}\b", rule))
        for table, column in affected
    )


def _row_cell(book: ParsedBook, table: str, index: int, column: str | None) -> tuple[str, str]:
    """Sheet title and Excel cell of a seed row (0-based index in its file) and CSV column."""
    parsed = book.sheets.get(table)
    if parsed is None:
        return by_table()[table].name("fr"), ""
    row = parsed.rows[index][0] if 0 <= index < len(parsed.rows) else FIRST_DATA_ROW
    letter = parsed.letters.get(column or "", "A")
    return parsed.title, f"{letter}{row}"


def _locate(error: SeedError, book: ParsedBook, folder: Path) -> Problem:
    """The problem of a collected SeedError, at the sheet and cell its seed line came from."""
    kind, params = error.kind or "other", dict(error.params)
    if kind == "mismatch":
        return _mismatch(params["mismatch"], book)
    if kind == "stale" and params.get("year") == book.year:
        parsed = book.sheets.get("discrepancies")
        index = (
            next((i for i, (_, r) in enumerate(parsed.rows) if r["discrepancy_id"] == params["discrepancy_id"]), 0)
            if parsed
            else 0
        )
        sheet, cell = _row_cell(book, "discrepancies", index, "check_keys")
        return Problem(sheet, cell, "problem_stale", {"pattern": params["pattern"]})
    if kind == "internal":
        return Problem("", "", "problem_internal")
    origin = error.origin
    if origin is None or Path(origin[0]).parent != folder:
        return Problem("", "", "problem_other", {"detail": bounded(str(error), 300)})
    table = Path(origin[0]).stem
    sheet, cell = _row_cell(book, table, origin[1] - 2, error.column)
    values = {"found": params.get("found", "")}
    if kind.startswith("cell_"):
        key = f"problem_{kind}" if texts.has(f"problem_{kind}") else "problem_cell_value"
        if kind == "cell_amount":
            values["places"] = 3 if (error.column or "").endswith("millieur") else 2
        return Problem(sheet, cell, key, values)
    if kind == "duplicate":
        first = params.get("first")
        first_row = _row_cell(book, table, first[1] - 2, error.column)[1] if first else ""
        key_text = ", ".join(str(v) for v in params.get("key", ()))
        return Problem(
            sheet, cell, "problem_duplicate", {"key": key_text, "first": first_row.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
        )
    if kind == "code":
        return Problem(
            sheet, cell, "problem_code", {"allowed": ", ".join(params["allowed"]), "found": str(params["found"])}
        )
    if kind == "minimum":
        return Problem(sheet, cell, "problem_minimum", {"minimum": params["minimum"], "found": params["found"]})
    if kind == "unknown_tool":
        return Problem(
            sheet, cell, "problem_unknown_tool", {"allowed": ", ".join(params["allowed"]), "found": params["found"]}
        )
    if kind == "bounds":
        return Problem(sheet, cell, "problem_bounds", {"found": params["found"]})
    if kind == "reference":
        target = by_table().get(params["target"])
        localised = {
            lang: {"target": target.name(lang) if target else texts.sheet_name(params["target"], lang)}
            for lang in texts.LANGUAGES
        }
        return Problem(sheet, cell, "problem_reference", {"found": str(params["found"])}, localised)
    if kind in ("source", "source_twice", "translation", "report_rows"):
        return Problem(sheet, cell, f"problem_{kind}", {"found": str(params.get("found", ""))})
    return Problem(sheet, cell, "problem_other", {"detail": bounded(str(error), 300)})


def _mismatch(mismatch: Mismatch, book: ParsedBook) -> Problem:
    """A failed check at the cell of its printed value: the row its key names, the column it checks."""
    parts = mismatch.key.split(":")
    table = parts[0]
    sheet_def = by_table().get(table)
    sheet, cell = (sheet_def.name("fr") if sheet_def else table), ""
    column_label = {lang: parts[-1] for lang in texts.LANGUAGES}
    parsed = book.sheets.get(table)
    if sheet_def is not None and parsed is not None and mismatch.report_year == book.year:
        schema = seeds_io.reflect_schema(database.SCHEMA_PATH.read_text(encoding="utf-8"))
        key_columns = [seeds_io.csv_name(c) for c in schema[table][0] if c.name in schema[table][1]]
        key_columns = [c for c in key_columns if c != "report_year"]
        best, best_index = -1, 0
        for index, (_, values) in enumerate(parsed.rows):
            matched = 0
            for column, part in zip(key_columns, parts[1:-1]):
                if values.get(column) != part:
                    break
                matched += 1
            if matched > best:
                best, best_index = matched, index
        what = parts[-1]
        candidates = [c.csv for c in sheet_def.columns]
        column = next(
            (c for c in candidates if c == what),
            next((c for c in candidates if c.startswith(what + "_")), next((c for c in candidates if what in c), None)),
        )
        if column is None and parts[-1] == "sum":
            column = next((c.csv for c in sheet_def.columns if c.kind in ("percent", "money")), None)
        sheet, cell = _row_cell(book, table, best_index, column)
        if column:
            column_label = {lang: sheet_def.column(column).label(table, lang) for lang in texts.LANGUAGES}
    unit = mismatch.unit
    localised = {}
    for lang in texts.LANGUAGES:
        values = {"what": column_label[lang], "printed": amount(mismatch.printed, unit, lang)}
        if mismatch.computed is not None:
            values["computed"] = amount(mismatch.computed, unit, lang)
            values["difference"] = amount(mismatch.printed - mismatch.computed, unit, lang)
        localised[lang] = values
    key = "problem_mismatch" if mismatch.computed is not None else "problem_mismatch_nothing"
    return Problem(sheet, cell, key, {"key": mismatch.key}, localised)


def import_files(
    files: list[tuple[str, bytes]], seeds_dir: Path | None = None, output: Path | None = None, url: str | None = None
) -> tuple[Outcome, builder.BuildResult | None]:
    """Check, and only when clean write the report's seed folder (all or nothing) and rebuild the database."""
    seeds_dir = Path(seeds_dir or database.SEEDS_DIR)
    outcome = check_files(files, seeds_dir)
    if not outcome.clean:
        return outcome, None
    reports = seeds_dir / builder.REPORTS_DIR
    target = reports / str(outcome.year)
    # Written beside the seeds (same file system, so the renames are atomic) and outside seeds/, which
    # the build reads whole.
    staging = Path(tempfile.mkdtemp(prefix=f".intake-{outcome.year}-", dir=seeds_dir.parent))
    backup = seeds_dir.parent / f".intake-previous-{outcome.year}-{uuid.uuid4().hex[:8]}"
    try:
        _write_folder(staging / "folder", outcome.files)
        reports.mkdir(parents=True, exist_ok=True)
        had_previous = target.exists()
        if had_previous:
            os.replace(target, backup)
        try:
            os.replace(staging / "folder", target)
            result = builder.build(seeds_dir, output, url)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            if had_previous:
                os.replace(backup, target)
            raise
        shutil.rmtree(backup, ignore_errors=True)
        return outcome, result
    finally:
        shutil.rmtree(staging, ignore_errors=True)
