"""CSV and XLSX downloads of the data behind every table and chart.

The XLSX file has the data on its first sheet (headers in the chosen language) and a second
sheet, "context" / "contexte", with the page, filters, language, scenario share, sources, data
version and export date, so that a figure quoted from the file can be traced.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pandas as pd

CONTEXT_SHEET = {"fr": "contexte", "en": "context"}
DATA_SHEET = {"fr": "données", "en": "data"}


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark so that Excel opens accents correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, context: dict[str, str], lang: str = "fr") -> bytes:
    """XLSX with the data sheet and a context sheet (key/value rows)."""
    buffer = io.BytesIO()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = list(context.items()) + [("export" if lang == "en" else "exporté le", stamp)]
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=DATA_SHEET[lang], index=False)
        pd.DataFrame(
            rows, columns=["item" if lang == "en" else "élément", "value" if lang == "en" else "valeur"]
        ).to_excel(writer, sheet_name=CONTEXT_SHEET[lang], index=False)
        for sheet in writer.sheets.values():
            for column in sheet.columns:
                width = max(len(str(c.value or "")) for c in column[:200])
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    return buffer.getvalue()
