"""Texts of the intake in French and English (dashboard/locales/intake.toml; column labels also
from the dashboard's labels*.toml), read directly so that the intake needs no dashboard component."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
LANGUAGES = ("fr", "en")


@functools.lru_cache(maxsize=1)
def _intake() -> dict[str, dict[str, str]]:
    return tomllib.loads((LOCALES_DIR / "intake.toml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for path in sorted(LOCALES_DIR.glob("labels*.toml")):
        labels.update(tomllib.loads(path.read_text(encoding="utf-8")))
    return labels


def text(key: str, lang: str, /, **values) -> str:
    """An intake text in a language, placeholders filled (the key itself if unknown)."""
    entry = _intake().get(key)
    if entry is None:
        return key
    found = entry.get(lang) or entry["fr"]
    return found.format(**values) if values else found


def has(key: str) -> bool:
    """Whether the intake texts define a key."""
    return key in _intake()


def defined_column_label(table: str, csv_column: str, db_column: str, lang: str) -> str | None:
    """A column's header in a language from the intake texts, then the dashboard's labels; None if neither has one."""
    for key in (f"col_{table}_{csv_column}", f"col_{csv_column}"):
        if has(key):
            return text(key, lang)
    for key in (db_column, csv_column):
        if key in _labels():
            return _labels()[key].get(lang) or _labels()[key]["fr"]
    return None


def column_label(table: str, csv_column: str, db_column: str, lang: str) -> str:
    """A column's header in a language: its defined label, else its code made readable."""
    found = defined_column_label(table, csv_column, db_column, lang)
    return found if found is not None else csv_column.replace("_", " ").capitalize()


def sheet_name(table: str, lang: str) -> str:
    """A table's sheet name in a language (its table name if the texts have none)."""
    key = f"sheet_{table}"
    return text(key, lang)[:31] if has(key) else table[:31]
