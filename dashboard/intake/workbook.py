"""Write the workbook (template, export), read it back (xlsx or Belgian CSV) and annotate a copy."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from dashboard.intake import cells, texts
from dashboard.intake.problems import Problem, bounded
from dashboard.intake.sheets import REPORT_SHEET, Sheet, sheets
from dashboard.safety import spreadsheet_text

HEADER_ROWS = 3  # French label, English label, technical code
FIRST_DATA_ROW = HEADER_ROWS + 1
LIST_ROWS = 5000  # how far down the drop-down lists and column formats reach
BAD = PatternFill("solid", fgColor="FFC7CE")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
COMMENT_LIMIT = 500
SERVICE_SHEETS = ("guide", "codes", "problems")


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", str(name)).casefold()
    return re.sub(r"[^0-9a-z]", "", "".join(ch for ch in text if not unicodedata.combining(ch)))


# --- writing -------------------------------------------------------------------------------------


def write_workbook(path_or_buffer, year: int, data: dict[str, list[dict[str, str]]] | None = None, lang="fr") -> None:
    """The workbook of a report: the guide, one typed sheet per table (filled from `data`), the codes."""
    book = Workbook()
    guide = book.active
    guide.title = texts.text("sheet_guide", lang)
    codes = _codes_sheet(book, lang)
    for sheet in sheets():
        rows = (data or {}).get(sheet.table, [])
        if sheet.table == REPORT_SHEET:
            rows = [{"report_year": str(year), **r} for r in rows] or [{"report_year": str(year)}]
        _data_sheet(book, sheet, rows, lang, codes)
    book.move_sheet(codes, offset=len(book.sheetnames))
    _guide(guide, lang)
    book.save(path_or_buffer)


def _codes_sheet(book: Workbook, lang: str):
    ws = book.create_sheet(texts.text("sheet_codes", lang))
    lists: dict[tuple[str, ...], str] = {}
    col = 0
    for sheet in sheets():
        for column in sheet.columns:
            if column.codes and column.codes not in lists:
                col += 1
                letter = get_column_letter(col)
                ws.cell(1, col, column.csv).font = Font(bold=True)
                for row, code in enumerate(column.codes, start=2):
                    ws.cell(row, col, code)
                lists[column.codes] = f"'{ws.title}'!${letter}$2:${letter}${len(column.codes) + 1}"
                ws.column_dimensions[letter].width = 22
    ws.lists = lists
    return ws


def _data_sheet(book: Workbook, sheet: Sheet, rows: list[dict[str, str]], lang: str, codes) -> None:
    ws = book.create_sheet(sheet.name(lang))
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        for row, text, font in (
            (1, column.label(sheet.table, "fr"), Font(bold=True)),
            (2, column.label(sheet.table, "en"), Font(italic=True)),
            (3, column.csv, Font(color="808080", size=8)),
        ):
            cell = ws.cell(row, index, text)
            cell.font, cell.fill = font, HEADER_FILL
        dimension = ws.column_dimensions[letter]
        dimension.width = max(12, min(40, len(column.label(sheet.table, lang)) + 2))
        dimension.number_format = cells.number_format(column.kind, 2) if column.kind in cells.NUMERIC else "@"
        if column.kind == "integer":
            dimension.number_format = "0"
        if column.codes:
            check = DataValidation(type="list", formula1=codes.lists[column.codes], allow_blank=True)
            check.error = ", ".join(column.codes)
            check.showErrorMessage = True
            ws.add_data_validation(check)
            check.add(f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + LIST_ROWS}")
        for offset, values in enumerate(rows):
            value, fmt = cells.seed_to_cell(column, values.get(column.csv, ""))
            if value is None:
                continue
            cell = ws.cell(FIRST_DATA_ROW + offset, index, value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            if fmt:
                cell.number_format = fmt
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"


def _guide(ws, lang: str) -> None:
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 110
    ws.cell(1, 1, texts.text("guide_title", lang)).font = Font(bold=True, size=14)
    row = 3
    for key in (
        "guide_steps",
        "guide_headers",
        "guide_units",
        "guide_codes",
        "guide_approximate",
        "guide_inconsistency",
    ):
        for lang_of in ("fr", "en") if lang == "fr" else ("en", "fr"):
            ws.cell(row, 1, texts.text(key, lang_of))
            row += 1
        row += 1
    ws.cell(row, 1, texts.text("guide_sheets", lang)).font = Font(bold=True)
    row += 1
    for col, key in enumerate(("guide_col_sheet_fr", "guide_col_sheet_en", "guide_col_content"), start=1):
        ws.cell(row, col, texts.text(key, lang)).font = Font(bold=True)
    for sheet in sheets():
        row += 1
        required = [c.csv for c in sheet.columns if c.required]
        parts = [texts.text("guide_content", lang, columns=len(sheet.columns), required=", ".join(required))]
        for kinds, key in ((("money", "money3"), "guide_money"), (("percent",), "guide_percent")):
            names = [c.csv for c in sheet.columns if c.kind in kinds]
            if names:
                parts.append(texts.text(key, lang, names=", ".join(names)))
        listed = [c.csv for c in sheet.columns if c.codes]
        if listed:
            parts.append(texts.text("guide_lists", lang, names=", ".join(listed)))
        ws.cell(row, 1, sheet.name("fr"))
        ws.cell(row, 2, sheet.name("en"))
        ws.cell(row, 3, "; ".join(parts))


# --- reading -------------------------------------------------------------------------------------


@dataclass
class ParsedSheet:
    """A data sheet as read: its title in the file, the Excel row of each data row, its columns' letters."""

    table: str
    title: str
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    letters: dict[str, str] = field(default_factory=dict)
    grid: list[list] = field(default_factory=list)  # raw cell values, for a CSV's annotated copy


@dataclass
class ParsedBook:
    """What was read from the uploaded files, and the problems found while reading."""

    sheets: dict[str, ParsedSheet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    xlsx: bytes | None = None
    year: int | None = None


def _sheet_names() -> dict[str, str]:
    names = {}
    for sheet in sheets():
        for name in (sheet.table, sheet.name("fr"), sheet.name("en")):
            names[_norm(name)] = sheet.table
    return names


def _service_names() -> set[str]:
    return {_norm(texts.text(f"sheet_{s}", lang)) for s in SERVICE_SHEETS for lang in texts.LANGUAGES}


def read_files(files: list[tuple[str, bytes]]) -> ParsedBook:
    """Read uploaded files (an .xlsx workbook and/or .csv sheets; a later sheet replaces an earlier one)."""
    book = ParsedBook()
    names, service = _sheet_names(), _service_names()
    for file_name, data in files:
        suffix = Path(file_name).suffix.lower()
        if suffix == ".csv":
            table = names.get(_norm(Path(file_name).stem))
            if table is None:
                book.problems.append(Problem(bounded(file_name), "", "problem_unknown_sheet", {"found": file_name}))
                continue
            grid = _csv_grid(data)
            if grid is None:
                book.problems.append(Problem(bounded(file_name), "", "problem_file", {"found": file_name}))
                continue
            book.sheets[table] = _parse_grid(table, bounded(file_name), grid, book.problems, keep_grid=True)
            continue
        try:
            workbook = load_workbook(io.BytesIO(data), data_only=True)
        except Exception:  # any unreadable upload is one sentence, never a traceback
            book.problems.append(Problem(bounded(file_name), "", "problem_file", {"found": file_name}))
            continue
        book.xlsx = data
        for ws in workbook.worksheets:
            key = _norm(ws.title)
            if key in service:
                continue
            table = names.get(key)
            if table is None:
                if ws.max_row > 1 or ws.max_column > 1 or ws.cell(1, 1).value is not None:
                    book.problems.append(Problem(ws.title, "", "problem_unknown_sheet", {"found": ws.title}))
                continue
            grid = [[(c.value, c.number_format) for c in row] for row in ws.iter_rows()]
            book.sheets[table] = _parse_grid(table, ws.title, grid, book.problems)
    _read_year(book)
    return book


def _csv_grid(data: bytes) -> list[list] | None:
    """Cells of a CSV as Excel saves it: UTF-8 with or without byte-order mark, or Windows-1252; ; or , or tab."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")
    if "\x00" in content:
        return None
    first = content.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    rows = list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    return [[(value, None) for value in row] for row in rows]


def _parse_grid(table: str, title: str, grid: list[list], problems: list[Problem], keep_grid=False) -> ParsedSheet:
    sheet = next(s for s in sheets() if s.table == table)
    parsed = ParsedSheet(table, title)
    if keep_grid:
        parsed.grid = [[v for v, _ in row] for row in grid]
    accepted = {}
    for column in sheet.columns:
        for name in (column.csv, column.label(table, "fr"), column.label(table, "en")):
            accepted.setdefault(_norm(name), column.csv)
    # The header rows: the leading rows whose every filled cell names a column (at most three).
    header_rows = 0
    positions: dict[int, str] = {}
    for row in grid[:HEADER_ROWS]:
        filled = [(i, v) for i, (v, _) in enumerate(row) if v is not None and str(v).strip()]
        if not filled or not all(_norm(v) in accepted for _, v in filled):
            break
        header_rows += 1
        for i, v in filled:
            positions.setdefault(i, accepted[_norm(v)])
    if header_rows == 0 and grid:  # no recognisable header: the first row is taken as one
        header_rows = 1
        for i, (v, _) in enumerate(grid[0]):
            if v is not None and str(v).strip():
                problems.append(
                    Problem(title, f"{get_column_letter(i + 1)}1", "problem_unknown_column", {"found": str(v)})
                )
    parsed.letters = {csv_name: get_column_letter(i + 1) for i, csv_name in positions.items()}
    for column in sheet.columns:
        if column.csv not in parsed.letters:
            problems.append(
                Problem(
                    title,
                    "A1",
                    "problem_missing_column",
                    localised={lang: {"column": column.label(table, lang)} for lang in texts.LANGUAGES},
                )
            )
    for offset, row in enumerate(grid[header_rows:], start=header_rows + 1):
        values = {}
        for i, (value, fmt) in enumerate(row):
            if i in positions:
                values[positions[i]] = cells.cell_to_seed(sheet.column(positions[i]), value, fmt)
        if any(values.values()):
            parsed.rows.append((offset, {c.csv: values.get(c.csv, "") for c in sheet.columns}))
    return parsed


def _read_year(book: ParsedBook) -> None:
    report = book.sheets.get(REPORT_SHEET)
    if report is None:
        return
    found = report.rows[0][1].get("report_year", "") if report.rows else ""
    if re.fullmatch(r"\d{4}", found or ""):
        book.year = int(found)
    else:
        cell = f"{report.letters.get('report_year', 'A')}{report.rows[0][0] if report.rows else FIRST_DATA_ROW}"
        book.problems.append(Problem(report.title, cell, "problem_year", {"found": found}))


# --- annotated copy ------------------------------------------------------------------------------


def annotated_copy(book: ParsedBook, problems: list[Problem], lang: str) -> bytes:
    """The uploaded workbook (or the CSV sheets as a workbook) with bad cells highlighted and commented,
    and a first sheet listing every problem."""
    if book.xlsx is not None:
        workbook = load_workbook(io.BytesIO(book.xlsx))
    else:
        workbook = Workbook()
        workbook.remove(workbook.active)
    for parsed in book.sheets.values():
        if parsed.grid and parsed.title not in workbook.sheetnames:
            ws = workbook.create_sheet(re.sub(r"[\[\]:*?/\\]", "_", parsed.title)[:31])
            parsed.title = ws.title
            for r, row in enumerate(parsed.grid, start=1):
                for c, value in enumerate(row, start=1):
                    ws.cell(r, c, spreadsheet_text(value)).data_type = "s"
    title = texts.text("sheet_problems", lang)
    if title in workbook.sheetnames:
        workbook.remove(workbook[title])
    listing = workbook.create_sheet(title, 0)
    listing.column_dimensions["A"].width = 30
    listing.column_dimensions["B"].width = 140
    notes: dict[tuple[str, str], list[str]] = {}
    for row, problem in enumerate(problems, start=1):
        listing.cell(row, 1, spreadsheet_text(problem.where)).data_type = "s"
        listing.cell(row, 2, spreadsheet_text(problem.message(lang))).data_type = "s"
        if problem.cell and problem.sheet in workbook.sheetnames:
            notes.setdefault((problem.sheet, problem.cell), []).append(problem.message(lang))
    for (sheet, ref), messages in notes.items():
        cell = workbook[sheet][ref]
        cell.fill = BAD
        body = spreadsheet_text("\n".join(messages))
        cell.comment = Comment(body[:COMMENT_LIMIT], "intake", width=320, height=140)
    workbook.active = 0
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
