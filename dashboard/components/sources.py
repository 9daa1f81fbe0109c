"""Source references and the data version, as shown under every figure."""

from __future__ import annotations

import functools

import pandas as pd

from dashboard.components.i18n import current_language
from dashboard.data.queries import get_database, run_query


def _document_name(document_id: str, lang: str) -> str:
    names = {"B24": {"fr": "Bilan 2024", "en": "2024 report"}, "HISTORY": {"fr": "HISTORY.md", "en": "HISTORY.md"}}
    return names.get(document_id, {}).get(lang, document_id)


def source_labels(source_ids: list[str], short: bool = False) -> list[str]:
    """'Bilan 2024 §7.1 (7.1 Département Coproductions …)' for each id, in the session language."""
    lang = current_language()
    known = _labels(get_database().identity, lang)
    return [known.get(source_id, (source_id, source_id))[1 if short else 0] for source_id in dict.fromkeys(source_ids)]


@functools.lru_cache(maxsize=8)
def _labels(identity: str, lang: str) -> dict[str, tuple[str, str]]:
    """(long, short) label of every source of one database state, in one language."""
    labels = {}
    for row in run_query("sources/all_sources", lang=lang).to_dict("records"):
        source_id = row["source_id"]
        if row["document_id"] == "B24":
            text = f"{_document_name('B24', lang)} §{source_id.removeprefix('B24-')}"
            labels[source_id] = (f"{text} ({row['section']})", text)
        else:
            title = row["document_title"]
            details = " ".join(str(row[c]) for c in ("publisher", "published") if pd.notna(row[c]) and row[c])
            labels[source_id] = (f"{title} — {details}" if details else title, title)
    return labels


def data_version() -> str:
    """Data version and build time of the open database."""
    meta = get_database().metadata
    return f"{meta.get('data_version', '?')} ({meta.get('built_at', '?')})"
