"""One problem of a workbook: where (sheet and Excel cell) and what (a text key and its values)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.intake import texts

FOUND_LIMIT = 60


def bounded(value, limit: int = FOUND_LIMIT) -> str:
    """A value from the workbook as a message may quote it: one line, at most `limit` characters."""
    text = " ".join(str("" if value is None else value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def amount(value: float, unit: str, lang: str) -> str:
    """A checked value in its unit, written the way the language writes numbers."""
    if unit in ("cents", "millieur"):
        scale, places, suffix = (100, 2, " €") if unit == "cents" else (1000, 3, " €")
    elif unit == "bp":
        scale, places, suffix = 100, 2, " %"
    else:
        scale, places, suffix = 1, (0 if float(value).is_integer() else 2), ""
    text = f"{value / scale:,.{places}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text + suffix


@dataclass
class Problem:
    """A problem found in a workbook, said in either language."""

    sheet: str
    cell: str
    key: str
    params: dict = field(default_factory=dict)
    # The params that depend on the language (a column label, a formatted amount): {lang: {name: text}}.
    localised: dict = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def message(self, lang: str) -> str:
        values = {k: bounded(v) if isinstance(v, str) else v for k, v in self.params.items()}
        values.update(self.localised.get(lang, {}))
        return texts.text(self.key, lang, **values)

    def line(self, lang: str) -> str:
        """`Sheet!Cell: message` on one line."""
        return f"{self.where}: {self.message(lang)}" if self.where else self.message(lang)
