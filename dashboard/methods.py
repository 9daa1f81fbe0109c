"""Pure helpers of the Sources & methods page: dataset summaries, source lists, discrepancies.

No Streamlit here: pages pass in query results, the language and label functions, and get
DataFrames or text back. Joining source ids into one text per dataset happens here rather
than in SQL because string aggregation differs between SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pandas as pd

# Order in which document kinds (sources.document_kind) are listed: reports, news items, history, outside
# studies and pages (carbon tools and benchmarks), geodata.
DOCUMENT_KINDS = ("report", "news", "history", "outside", "geodata")
QUALITY_COLUMNS = ("rows_reported", "rows_derived", "rows_approximate", "rows_estimated")
_SECTION = re.compile(r"^\d+(\.\d+)*$")


def section_number(source_id: str, document_id: str) -> str:
    """The section of a report's source id: the id without its document's prefix ('<doc>-7.1' -> '7.1')."""
    return source_id.removeprefix(f"{document_id}-")


def source_sort_key(source_id: str) -> tuple:
    """Natural order of source ids: numbered sections (<doc>-2.2.10 after <doc>-2.2.9) by document,
    before the other ids."""
    prefix, _, number = source_id.partition("-")
    if _SECTION.match(number):
        return (0, prefix, tuple(int(p) for p in number.split(".")), source_id)
    return (1, "", (), source_id)


def sections_by_dataset(frame: pd.DataFrame) -> dict[str, list[str]]:
    """{dataset: [source ids in natural order]} from the sources/dataset_sources rows."""
    grouped: dict[str, set[str]] = {}
    for dataset, source_id in zip(frame["dataset"], frame["source_id"]):
        grouped.setdefault(dataset, set()).add(source_id)
    return {dataset: sorted(ids, key=source_sort_key) for dataset, ids in grouped.items()}


def dataset_table(
    quality: pd.DataFrame,
    sections: dict[str, list[str]],
    label: Callable[[str], str],
    source_label: Callable[[str], str],
) -> pd.DataFrame:
    """One row per dataset: its label, row counts by quality flag and the sections it cites
    (each named by `source_label`, e.g. the short label of the session's language)."""
    out = pd.DataFrame(
        {
            "dataset_label": [label(f"table_{name}") for name in quality["dataset"]],
            "dataset_code": quality["dataset"].tolist(),
            "rows_total": quality["rows_total"].astype(int).tolist(),
        }
    )
    for column in QUALITY_COLUMNS:
        out[column] = quality[column].astype(int).tolist()
    out["source_sections"] = [", ".join(source_label(s) for s in sections.get(name, [])) for name in quality["dataset"]]
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
    kinds = frame["document_kind"].tolist()
    out = pd.DataFrame(
        {
            "source_kind": [kind_label(k) for k in kinds],
            "source_reference": frame["source_id"].tolist(),
            "source_document": frame["document_title"].tolist(),
            "source_section": [
                english if lang == "en" and isinstance(english, str) and english else french
                for french, english in zip(frame["section"], frame.get("section_en", frame["section"]))
            ],
            "source_locator": [locator_text(v, lang) for v in frame["locator"]],
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
            "discrepancy_topic": [topic_label(topic) for topic in frame["topic"]],
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
    """An ISO stamp ('YYYY-MM-DDTHH:MM:SSZ') as 'DD/MM/YYYY HH:MM UTC' (fr) / 'D Mon YYYY HH:MM UTC' (en)."""
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError):
        return str(stamp)
    if lang == "fr":
        return moment.strftime("%d/%m/%Y %H:%M UTC")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{moment.day} {months[moment.month - 1]} {moment.year} {moment:%H:%M} UTC"
