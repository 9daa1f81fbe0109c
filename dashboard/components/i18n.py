"""French/English text catalogue: one TOML file per area under dashboard/locales/.

A key is `<file>.<entry>`, e.g. `overview.title` reads entry `title` of `overview.toml`, whose
table holds `fr = "…"` and `en = "…"`; files named `labels_<area>.toml` add to `labels.*`. French is the default language. The current language
lives in `st.session_state["lang"]`, set by the app frame from the URL (`?lang=en`).
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"


@functools.lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Every key of every locale file: {'overview.title': {'fr': …, 'en': …}}."""
    entries = {}
    for path in sorted(LOCALES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        # labels_<area>.toml files extend the shared `labels` namespace without editing labels.toml.
        namespace = "labels" if path.stem.startswith("labels") else path.stem
        for key, value in data.items():
            entries[f"{namespace}.{key}"] = value
    return entries


def translate(key: str, lang: str, **values) -> str:
    """Text of a key in a language, with `{name}` placeholders filled; the key if unknown."""
    entry = catalogue().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or key
    return text.format(**values) if values else text


def current_language() -> str:
    """Language of the running session (French outside Streamlit)."""
    try:
        import streamlit as st

        lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    except Exception:  # no Streamlit session: pure-function use in tests and scripts
        lang = DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values) -> str:
    """Text of a key in the session's language."""
    return translate(key, current_language(), **values)


def label_of(column_or_code: str, lang: str | None = None) -> str:
    """Display label of a column name or code via the `labels` catalogue (falls back to the code)."""
    key = f"labels.{column_or_code}"
    return translate(key, lang or current_language()) if key in catalogue() else column_or_code


def plural_form(count, lang: str) -> str:
    """CLDR's plural category of a count in a language ('one' or 'other' for French and English):
    French says « 0 lieu, 1 lieu, 2 lieux », English "0 places, 1 place, 2 places"."""
    from babel import Locale

    return Locale.parse(lang).plural_form(abs(count))


def translate_count(key: str, number, lang: str, **values) -> str:
    """Text of `<key>_one` or `<key>_other` for a count `number` (its `{count}` is the number unless
    `values` give it formatted); catalogue entries stay plain fr/en pairs, one per plural form."""
    form = "one" if plural_form(number, lang) == "one" else "other"
    return translate(f"{key}_{form}", lang, **{"count": number, **values})
