"""CSV and XLSX downloads of the data behind every table and chart.

The XLSX file has the data on its first sheet (headers in the chosen language) and a second
sheet, "context" / "contexte", with the page, filters, language, scenario share, sources, data
version and export date, so that a figure quoted from the file can be traced.

Both files are safe to open in a spreadsheet: every text cell that starts with `=`, `+`, `-`,
`@`, a tab or a carriage return gets an apostrophe in front (OWASP's rule against formula
injection), in the data, the headers and the context sheet alike (dashboard/safety.py).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pandas as pd

from dashboard.safety import spreadsheet_text

CONTEXT_SHEET = {"fr": "contexte", "en": "context"}
DATA_SHEET = {"fr": "données", "en": "data"}


def safe_frame(frame: pd.DataFrame, cell=spreadsheet_text) -> pd.DataFrame:
    """A copy whose text cells and headers cannot run as formulas (numbers are left as they are)."""
    out = frame.copy()
    for position in range(len(out.columns)):
        series = out.iloc[:, position]
        if not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_datetime64_any_dtype(series)):
            out.isetitem(position, series.map(cell).astype(object))
    out.columns = [cell(column) for column in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark so that Excel opens accents correctly.

    Rows end with CRLF (RFC 4180), so that a cell holding a carriage return is quoted: unquoted, it
    would start a new row whose first cell a spreadsheet could read as a formula.
    """
    return safe_frame(frame, spreadsheet_text).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, context: dict[str, str], lang: str = "fr") -> bytes:
    """XLSX with the data sheet and a context sheet (key/value rows)."""
    buffer = io.BytesIO()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = list(context.items()) + [("export" if lang == "en" else "exporté le", stamp)]
    context_frame = pd.DataFrame(
        rows, columns=["item" if lang == "en" else "élément", "value" if lang == "en" else "valeur"]
    )
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_frame(frame, spreadsheet_text).to_excel(writer, sheet_name=DATA_SHEET[lang], index=False)
        safe_frame(context_frame, spreadsheet_text).to_excel(writer, sheet_name=CONTEXT_SHEET[lang], index=False)
        for sheet in writer.sheets.values():
            for column in sheet.columns:
                width = max(len(str(c.value or "")) for c in column[:200])
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    return buffer.getvalue()
