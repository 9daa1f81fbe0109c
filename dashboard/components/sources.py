"""Source references and the data version, as shown under every figure.

Components run no query: the frame (dashboard/app.py) fetches the sources table and the database's
metadata once per run and hands them over with `provide_sources`; every card footer then reads its
labels from the session.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.methods import section_number

SESSION_KEY = "sources:labels"


def label_table(sources: pd.DataFrame, lang: str) -> dict[str, tuple[str, str]]:
    """(long, short) label of every source (rows of sources/all_sources), in one language.

    A section of a report is named by the report's short name (its report.csv) and its number,
    the source id without the document prefix; any other source by its document's title.
    """
    labels = {}
    for row in sources.to_dict("records"):
        source_id, short_name = row["source_id"], row.get(f"short_name_{lang}")
        if isinstance(short_name, str) and short_name:
            text = f"{short_name} §{section_number(source_id, row['document_id'])}"
            labels[source_id] = (f"{text} ({section_title(row, lang)})", text)
        else:
            # An article's or page's own title is a quotation (often French, with its own number formats).
            title = f"« {row['document_title']} »"
            details = " ".join(str(row[c]) for c in ("publisher", "published") if pd.notna(row[c]) and row[c])
            labels[source_id] = (f"{title} — {details}" if details else title, title)
    return labels


def section_title(row: dict, lang: str) -> str:
    """A source's section title in the language (the English column when there is one)."""
    english = row.get("section_en")
    return english if lang == "en" and isinstance(english, str) and english else row["section"]


def provide_sources(sources: pd.DataFrame, metadata: dict, lang: str) -> None:
    """Hand the run's source labels and data version to the components (called by the frame).

    The labels are rebuilt only when the language or the database's version changes.
    """
    version = f"{metadata.get('data_version', '?')} ({metadata.get('built_at', '?')})"
    if st.session_state.get(SESSION_KEY, (None,))[0] != (lang, version):
        st.session_state[SESSION_KEY] = ((lang, version), label_table(sources, lang), version)


def source_labels(source_ids: list[str], short: bool = False) -> list[str]:
    """'<report short name> §<section> (<section title>)' for each id, in the session language."""
    known = st.session_state.get(SESSION_KEY, (None, {}, "?"))[1]
    return [known.get(source_id, (source_id, source_id))[1 if short else 0] for source_id in dict.fromkeys(source_ids)]


def data_version() -> str:
    """Data version and build time of the open database."""
    return st.session_state.get(SESSION_KEY, (None, {}, "?"))[2]
