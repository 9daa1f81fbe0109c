"""Source references and the data version, as shown under every figure."""

from __future__ import annotations

import pandas as pd

from dashboard.components.i18n import current_language
from dashboard.data.queries import get_database, run_query


def _document_name(document_id: str, lang: str) -> str:
    names = {"B24": {"fr": "Bilan 2024", "en": "2024 report"}, "HISTORY": {"fr": "HISTORY.md", "en": "HISTORY.md"}}
    return names.get(document_id, {}).get(lang, document_id)


def source_labels(source_ids: list[str], short: bool = False) -> list[str]:
    """'Bilan 2024 §7.1 (7.1 Département Coproductions …)' for each id, in the session language."""
    lang = current_language()
    table = run_query("sources/all_sources").set_index("source_id")
    labels = []
    for source_id in dict.fromkeys(source_ids):
        if source_id not in table.index:
            labels.append(source_id)
            continue
        row = table.loc[source_id]
        if row["document_id"] == "B24":
            number = source_id.removeprefix("B24-")
            text = f"{_document_name('B24', lang)} §{number}"
            labels.append(text if short else f"{text} ({row['section']})")
        else:
            title = row["document_title"]
            details = " ".join(str(row[c]) for c in ("publisher", "published") if pd.notna(row[c]) and row[c])
            labels.append(title if short or not details else f"{title} — {details}")
    return labels


def data_version() -> str:
    """Data version and build time of the open database."""
    meta = get_database().metadata
    return f"{meta.get('data_version', '?')} ({meta.get('built_at', '?')})"
