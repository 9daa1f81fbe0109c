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

from dashboard.components.i18n import label_of
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


# Excel number formats by kind of column (export_frame's attrs["number_kinds"]). Excel shows them with
# the reader's own separators (1.234,56 € in a Belgian Excel); a percentage cell holds a fraction
# (0.6516 shown as 65,16 %), as Excel expects, so that a formula on it computes right.
NUMBER_FORMATS = {
    "fr": {
        "money": '#,##0.00\\ "€";-#,##0.00\\ "€"',
        "percent": "0.00%",
        "points": '+0.00" pts";-0.00" pts";0.00" pts"',
        "tco2e": '#,##0.0\\ "tCO2e"',
        "count": "#,##0",
        "decimal": "#,##0.00",
    },
    "en": {
        "money": '"€"#,##0.00;-"€"#,##0.00',
        "percent": "0.00%",
        "points": '+0.00" pts";-0.00" pts";0.00" pts"',
        "tco2e": '#,##0.0" tCO2e"',
        "count": "#,##0",
        "decimal": "#,##0.00",
    },
}


def _format_numbers(sheet, frame: pd.DataFrame, kinds: dict[str, str], lang: str) -> None:
    """Give the data sheet's numeric cells their number format (money in €, percentages in %)."""
    formats = NUMBER_FORMATS.get(lang, NUMBER_FORMATS["fr"])
    for position, column in enumerate(frame.columns, start=1):
        kind = kinds.get(column)
        if kind is None:
            continue
        for row in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
            cell = row[0]
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.number_format = formats[kind]


def to_xlsx_bytes(frame: pd.DataFrame, context: dict[str, str], lang: str = "fr") -> bytes:
    """XLSX with the data sheet (numbers as numbers, with their formats) and a context sheet (key/value rows)."""
    buffer = io.BytesIO()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = list(context.items()) + [("export" if lang == "en" else "exporté le", stamp)]
    context_frame = pd.DataFrame(
        rows, columns=["item" if lang == "en" else "élément", "value" if lang == "en" else "valeur"]
    )
    kinds = frame.attrs.get("number_kinds", {})
    data = frame.copy()
    for column, kind in kinds.items():
        if kind == "percent" and column in data.columns:
            data[column] = data[column] / 100  # a percentage cell holds a fraction
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_frame(data, spreadsheet_text).to_excel(writer, sheet_name=DATA_SHEET[lang], index=False)
        _format_numbers(writer.sheets[DATA_SHEET[lang]], data, {spreadsheet_text(k): v for k, v in kinds.items()}, lang)
        safe_frame(context_frame, spreadsheet_text).to_excel(writer, sheet_name=CONTEXT_SHEET[lang], index=False)
        for sheet in writer.sheets.values():
            for column in sheet.columns:
                width = max(len(str(c.value or "")) for c in column[:200])
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    return buffer.getvalue()


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns labelled in the session language; cents become euros, basis points percent.

    The kind of each numeric column (money, percent, …, from its suffix) travels with the frame
    (`attrs["number_kinds"]`, by label), so that the XLSX file gives its cells a number format.
    """
    out = frame.copy()
    for column in frame.columns:
        if column.endswith("_cents") or column.endswith("_bp"):
            out[column] = frame[column] / 100
    kinds = {
        label_of(column): kind
        for column in frame.columns
        if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column])
        for kind in [number_kind(column, frame[column])]
    }
    out = out.rename(columns=label_of)
    out.attrs["number_kinds"] = kinds
    return out


def number_kind(column: str, values: pd.Series) -> str:
    """'money', 'percent', 'points', 'tco2e', 'count' or 'decimal': how a numeric column is shown in a spreadsheet."""
    if "_change" in column:
        return "money" if column.endswith("_cents") else "points" if column.endswith("_pts") else "count"
    if column.endswith(("_cents", "_eur")):
        return "money"
    if column.endswith(("_pct", "_bp")):
        return "percent"
    if column.endswith("_tco2e"):
        return "tco2e"
    present = values.dropna()
    if column.endswith("_days") or present.empty or (present == present.round()).all():
        return "count"
    return "decimal"
