"""Free-text values stored in English, shown in the session language.

Notes and a few printed labels (HISTORY.md's "<n> projects", "early <year> (inferred)") are stored
once, in English, with their French text in the `text_translations` table; the build refuses an
untranslated value. The query layer swaps them for French when the session is in French.
"""

from __future__ import annotations

import pandas as pd

TRANSLATED_COLUMNS = (
    "note",
    "published",
    "period_label",
    "works_printed",
    "invested_printed",
    "spend_printed",
    "ratio_printed",
    "value_a",  # the two values of a report inconsistency: quotations stay as printed, words are translated
    "value_b",
)


def localise_frame(frame: pd.DataFrame, translations: dict[str, str], lang: str) -> pd.DataFrame:
    """The frame with its free-text columns in the given language (English is stored)."""
    columns = [c for c in TRANSLATED_COLUMNS if c in frame.columns]
    if lang == "en" or not columns:
        return frame
    out = frame.copy()
    for column in columns:
        out[column] = out[column].map(lambda v: translations.get(v, v) if isinstance(v, str) else v)
    return out
