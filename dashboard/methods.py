"""Pure helpers of the Sources & methods page: dataset summaries, source lists, discrepancies.

No Streamlit here: pages pass in query results, the language and label functions, and get
DataFrames or text back. Joining source ids into one text per dataset happens here rather
than in SQL because string aggregation differs between SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pandas as pd

DOCUMENT_NAMES = {"B24": {"fr": "Bilan 2024", "en": "2024 report"}}
# Order in which document kinds are listed: the report first, then news items, history, geodata.
DOCUMENT_KINDS = ("report", "news", "history", "geodata")
NEWS_DOCUMENTS = ("MS24", "WIMP21", "ABOUT17", "BELU19")
GEODATA_DOCUMENTS = ("GEONAMES", "NATURAL_EARTH")
QUALITY_COLUMNS = ("rows_reported", "rows_derived", "rows_approximate", "rows_estimated")


def source_sort_key(source_id: str) -> tuple:
    """Natural order of source ids: B24-2.2.10 after B24-2.2.9, report sections before others."""
    prefix, _, number = source_id.partition("-")
    parts = tuple(int(p) if p.isdigit() else 0 for p in number.split(".")) if prefix == "B24" else ()
    return (0 if prefix == "B24" else 1, parts, source_id)


def short_source(source_id: str, lang: str) -> str:
    """'Bilan 2024 §7.1' / '2024 report §7.1' for report sections; other ids unchanged."""
    if source_id.startswith("B24-"):
        return f"{DOCUMENT_NAMES['B24'][lang]} §{source_id.removeprefix('B24-')}"
    return source_id


def document_kind(document_id: str) -> str:
    """'report', 'news', 'history' or 'geodata' for a document id of the sources table."""
    if document_id == "B24":
        return "report"
    if document_id in NEWS_DOCUMENTS:
        return "news"
    if document_id in GEODATA_DOCUMENTS:
        return "geodata"
    return "history"


def sections_by_dataset(frame: pd.DataFrame) -> dict[str, list[str]]:
    """{dataset: [source ids in natural order]} from the sources/dataset_sources rows."""
    grouped: dict[str, set[str]] = {}
    for dataset, source_id in zip(frame["dataset"], frame["source_id"]):
        grouped.setdefault(dataset, set()).add(source_id)
    return {dataset: sorted(ids, key=source_sort_key) for dataset, ids in grouped.items()}


def dataset_table(
    quality: pd.DataFrame, sections: dict[str, list[str]], lang: str, label: Callable[[str], str]
) -> pd.DataFrame:
    """One row per dataset: its label, row counts by quality flag and the sections it cites."""
    out = pd.DataFrame(
        {
            "dataset_label": [label(f"table_{name}") for name in quality["dataset"]],
            "dataset_code": quality["dataset"].tolist(),
            "rows_total": quality["rows_total"].astype(int).tolist(),
        }
    )
    for column in QUALITY_COLUMNS:
        out[column] = quality[column].astype(int).tolist()
    out["source_sections"] = [
        ", ".join(short_source(s, lang) for s in sections.get(name, [])) for name in quality["dataset"]
    ]
    return out


def locator_text(locator, lang: str) -> str:
    """'lines 303-340' as 'lignes 303–340' (fr) / 'lines 303–340' (en); '' when missing."""
    if not isinstance(locator, str) or not locator.strip():
        return ""
    ranges = [r.strip().replace("-", "–") for r in locator.removeprefix("lines").split(";")]
    word = "lignes" if lang == "fr" else "lines"
    return f"{word} {(' ; ' if lang == 'fr' else '; ').join(ranges)}"


def source_table(frame: pd.DataFrame, lang: str, kind_label: Callable[[str], str]) -> pd.DataFrame:
    """The sources table for display: report sections in order, then news, history, geodata."""
    kinds = [document_kind(d) for d in frame["document_id"]]
    out = pd.DataFrame(
        {
            "source_kind": [kind_label(k) for k in kinds],
            "source_reference": frame["source_id"].tolist(),
            "source_document": frame["document_title"].tolist(),
            "source_section": frame["section"].tolist(),
            "source_locator": [locator_text(v, lang) for v in frame["locator"]],
            "source_file": frame["seed_file"].fillna("").tolist(),
            "source_url": frame["url"].fillna("").tolist(),
            "source_publisher": frame["publisher"].fillna("").tolist(),
            "source_published": frame["published"].fillna("").tolist(),
            "source_note": frame["note"].fillna("").tolist(),
        }
    )
    order = sorted(
        range(len(out)), key=lambda i: (DOCUMENT_KINDS.index(kinds[i]), source_sort_key(out["source_reference"][i]))
    )
    return out.iloc[order].reset_index(drop=True)


def discrepancy_table(
    frame: pd.DataFrame, lang: str, source_label: Callable[[str], str], topic_label: Callable[[str], str]
) -> pd.DataFrame:
    """Discrepancies in the session language: both values, both places, what the app shows."""
    checked = frame["check_keys"].fillna("").astype(str).str.strip() != ""
    return pd.DataFrame(
        {
            "discrepancy_id": frame["discrepancy_id"].tolist(),
            "discrepancy_topic": [topic_label(t) for t in frame["topic"]],
            "discrepancy_description": frame[f"description_{lang}"].tolist(),
            "value_a": frame["value_a"].tolist(),
            "source_a_label": [source_label(s) for s in frame["source_a"]],
            "value_b": frame["value_b"].tolist(),
            "source_b_label": [source_label(s) for s in frame["source_b"]],
            "shown_in_app": frame[f"shown_{lang}"].tolist(),
            "checked_by_build": [("oui" if c else "non") if lang == "fr" else ("yes" if c else "no") for c in checked],
        }
    )


def metadata_values(frame: pd.DataFrame) -> dict[str, str]:
    """{meta_key: meta_value} from the sources/data_version rows."""
    return dict(zip(frame["meta_key"], frame["meta_value"]))


def format_built_at(stamp: str, lang: str) -> str:
    """'2026-11-23T18:36:54Z' as '23/11/2026 18:36 UTC' (fr) / '23 Nov 2026 18:36 UTC' (en)."""
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError):
        return str(stamp)
    if lang == "fr":
        return moment.strftime("%d/%m/%Y %H:%M UTC")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{moment.day} {months[moment.month - 1]} {moment.year} {moment:%H:%M} UTC"
