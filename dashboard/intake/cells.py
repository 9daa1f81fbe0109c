"""Cells of a workbook to seed CSV text and back: what Belgian Excel produces, read as the seeds write it.

Reading: a number cell keeps the decimals its number format shows (they are the printed precision
the reconciliation allows for: `2.180.800` shown without decimals may be off by 50 cents), or more
when the value has more; percentages are stored by Excel as fractions (0.6589 shown 65.89 %); text
typed in a number column may use Belgian conventions (`1.234.567,89 €`, `65,89 %`, spaces);
anything that still is not a number is passed on as typed, for the build's validation to report.
Writing (export): the seed text becomes a number with a number format of the same decimals.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from dashboard.intake.sheets import SheetColumn
from dashboard.safety import FORMULA_STARTS, spreadsheet_text

NUMERIC = ("money", "money3", "percent", "integer", "number")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_THOUSANDS_DOT = re.compile(r"-?\d{1,3}(\.\d{3})+")
_PLAIN = re.compile(r"-?\d+(\.\d+)?")


def format_decimals(number_format: str | None) -> int | None:
    """How many decimals a number format shows ('#,##0.00' -> 2, '0%' -> 0), None for General."""
    if not number_format or number_format == "General":
        return None
    first = number_format.split(";", 1)[0]
    match = re.search(r"\.([0#]+)", first)
    return len(match.group(1)) if match else 0


def number_format(kind: str, decimals: int) -> str:
    """The number format that shows a value of a kind with a number of decimals."""
    tail = "." + "0" * decimals if decimals else ""
    if kind == "percent":
        return f"0{tail}%"
    if kind in ("money", "money3"):
        return f"#,##0{tail}"
    return f"0{tail}"


def parse_text_number(text: str) -> Decimal | None:
    """A number typed as text, Belgian or plain ('1.234.567,89 €', '65,89 %', '1545605.82'), else None."""
    cleaned = _SPACES.sub("", text).replace("€", "").replace("%", "").replace("EUR", "")
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _THOUSANDS_DOT.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")
    if not _PLAIN.fullmatch(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _plain(value: Decimal, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _decimals_of(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def cell_to_seed(column: SheetColumn, value, fmt: str | None = None) -> str:
    """The seed CSV text of a cell (numbers in the CSV's dot-decimal form, percentages in per cent)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        value = int(value)
    if column.kind in NUMERIC:
        if isinstance(value, (int, float)):
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            if isinstance(value, float):  # drop a float's last-digit noise (0.1 + 0.2)
                number = number.quantize(Decimal("1e-9")).normalize() if abs(number) < 1e15 else number
            if column.kind == "percent":
                number *= 100
            shown = format_decimals(fmt)
            decimals = max(shown if shown is not None else 0, _decimals_of(number))
            if column.kind == "integer":
                decimals = _decimals_of(number)
            return _plain(number, decimals)
        if isinstance(value, str):
            text = value.strip()
            number = parse_text_number(text)
            if number is None:
                return text
            return _plain(number, max(0, -number.as_tuple().exponent))
        return str(value).strip()
    # A text column.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] and text[1:2] in FORMULA_STARTS:
        text = text[1:]  # the apostrophe the export put before a formula-like text
    return text


def seed_to_cell(column: SheetColumn, text: str):
    """(value, number format) of a cell showing a seed CSV text (export)."""
    if text == "":
        return None, None
    if column.kind in NUMERIC:
        try:
            number = Decimal(text)
        except InvalidOperation:
            return spreadsheet_text(text), "@"
        decimals = max(0, -number.as_tuple().exponent)
        if column.kind == "integer" and decimals == 0:
            return int(number), "0"
        if column.kind == "percent":
            return float(number / 100), number_format("percent", decimals)
        return float(number), number_format(column.kind, decimals)
    return spreadsheet_text(text), "@"
