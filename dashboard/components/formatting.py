"""Number, money, percentage and range formats for Belgian French and British English.

Babel supplies the locale patterns (fr_BE, en_GB). For French, the brief asks for the Belgian
usage with a dot between thousands (`46.231.969,51 €`), whereas CLDR's fr_BE groups with a narrow
space; the group symbol is therefore swapped after formatting. A no-break space keeps the unit
with its number. Column-name suffixes decide the format (`_eur`, `_cents`, `_pct`, `_bp`,
`_days`, `_tco2e`), as in Evidence.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from dashboard.components.i18n import current_language, translate, translate_count
from dashboard.metrics import is_missing

LOCALES = {"fr": "fr_BE", "en": "en_GB"}
NBSP = "\u00a0"


def _number(value: float, decimals: int, lang: str) -> str:
    """Grouped number with `decimals` places: what Babel's `#,##0.00` gives for fr_BE (dots) and en_GB.

    Done with `decimal` (the value's shortest repr, rounded half-even, as Babel does) rather than
    Babel itself: tables format thousands of cells and Babel costs ~60 µs per call.
    """
    quantum = _QUANTA.get(decimals) or Decimal(1).scaleb(-decimals)
    text = f"{Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_EVEN):,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0,00"
    return text.translate(_TO_FRENCH) if lang == "fr" else text


_QUANTA = {d: Decimal(1).scaleb(-d) for d in range(0, 7)}
_TO_FRENCH = str.maketrans({",": ".", ".": ","})


def format_number(value, decimals: int = 0, lang: str | None = None) -> str:
    """1.234.567 (fr) / 1,234,567 (en); an en dash for a missing value."""
    if is_missing(value):
        return "–"
    return _number(value, decimals, lang or current_language())


def format_money(euros, decimals: int = 2, lang: str | None = None) -> str:
    """46.231.969,51 € (fr) / €46,231,969.51 (en)."""
    if is_missing(euros):
        return "–"
    lang = lang or current_language()
    body = _number(abs(euros), decimals, lang)
    sign = "-" if euros < 0 and round(abs(euros), decimals) > 0 else ""
    return f"{sign}{body}{NBSP}€" if lang == "fr" else f"{sign}€{body}"


def format_money_cents(cents, decimals: int = 2, lang: str | None = None) -> str:
    """Money stored as integer cents."""
    return "–" if is_missing(cents) else format_money(cents / 100, decimals, lang)


def format_compact_money(euros, lang: str | None = None) -> str:
    """46,2 M€ (fr) / €46.2m (en) for headline cards."""
    if is_missing(euros):
        return "–"
    lang = lang or current_language()
    if abs(euros) >= 1_000_000:
        number = _number(euros / 1_000_000, 1, lang)
        return f"{number}{NBSP}M€" if lang == "fr" else f"€{number}m"
    return format_money(euros, 0, lang)


def format_percent(percent, decimals: int = 2, lang: str | None = None) -> str:
    """651,63 % (fr) / 651.63% (en); the argument is in percent (651.63)."""
    if is_missing(percent):
        return "–"
    lang = lang or current_language()
    number = _number(percent, decimals, lang)
    return f"{number}{NBSP}%" if lang == "fr" else f"{number}%"


def format_range(lower, upper, unit: str = "", decimals: int = 0, lang: str | None = None) -> str:
    """'180–220 tCO2e', '≥ 400 tCO2e' or '≤ 100 tCO2e' for approximate values with bounds."""
    lang = lang or current_language()
    # English writes percentages without a space (64.8–88.0%), French with a no-break space.
    suffix = "" if not unit else unit if unit == "%" and lang == "en" else f"{NBSP}{unit}"
    if is_missing(lower) and is_missing(upper):
        return "–"
    if is_missing(upper):
        return f"≥{NBSP}{format_number(lower, decimals, lang)}{suffix}"
    if is_missing(lower) or lower == 0:
        return f"≤{NBSP}{format_number(upper, decimals, lang)}{suffix}"
    if lower == upper:
        return f"{format_number(lower, decimals, lang)}{suffix}"
    return f"{format_number(lower, decimals, lang)}–{format_number(upper, decimals, lang)}{suffix}"


def format_by_column(column: str, value, lang: str | None = None) -> str:
    """Format a value according to its column-name suffix (`*_change*`: signed, a change from the
    previous report; `_pts`: percentage points)."""
    lang = lang or current_language()
    if "_change" in column:
        unit = "cents" if column.endswith("_cents") else "points" if column.endswith("_pts") else "count"
        return format_change(value, unit, lang)
    if column.endswith("_cents"):
        return format_money_cents(value, lang=lang)
    if column.endswith("_eur"):
        return format_money(value, lang=lang)
    if column.endswith("_bp"):
        return format_percent(None if is_missing(value) else value / 100, lang=lang)
    if column.endswith("_pct"):
        return format_percent(value, lang=lang)
    if column.endswith("_tco2e"):
        if is_missing(value):
            return "–"
        decimals = 0 if float(value).is_integer() else 1
        return f"{format_number(value, decimals, lang)}{NBSP}tCO2e"
    if column.endswith("_days"):
        return format_number(value, 0, lang)
    if isinstance(value, float):
        return format_number(value, 2, lang)
    if isinstance(value, int):
        return format_number(value, 0, lang)
    return "" if value is None else str(value)


def format_change(value, unit: str, lang: str | None = None) -> str:
    """A change with its sign: unit 'cents' (money), 'count' (whole number), 'points' (of percent)
    or 'percent'; '–' when missing. The sign leads, so a metric's arrow follows it."""
    lang = lang or current_language()
    if is_missing(value):
        return "–"
    if unit == "cents":
        text = format_money_cents(abs(value), 2, lang)
    elif unit == "count":
        text = format_number(abs(value), 0, lang)
    elif unit == "points":
        text = f"{format_number(abs(value), 2, lang)}{NBSP}{translate('common.points', lang)}"
    else:
        text = format_percent(abs(value), 2, lang)
    sign = "+" if value > 0 else "-" if value < 0 else "±"
    return f"{sign}{text}"


def format_figure(
    value, quality: str = "reported", lower=None, upper=None, unit: str = "", decimals: int = 0, lang=None
):
    """One figure, one face: a stored value written the same way on every page that shows it.

    Reported and derived values are written as stored, rounded to `decimals` (a value the report
    prints rounded, with its rounding bounds, stays the printed figure). Approximate and estimated
    values are written as their range when they have bounds, else as '≈ value'. Show it with
    quality_label(quality), the same quality the row carries.
    """
    lang = lang or current_language()
    if is_missing(value) and is_missing(lower) and is_missing(upper):
        return "–"
    if quality in ("approximate", "estimated"):
        if not (is_missing(lower) and is_missing(upper)):
            return format_range(lower, upper, unit, decimals, lang)
        return f"≈{NBSP}{format_figure(value, 'reported', unit=unit, decimals=decimals, lang=lang)}"
    suffix = "" if not unit else unit if unit == "%" and lang == "en" else f"{NBSP}{unit}"
    return f"{format_number(value, decimals, lang)}{suffix}"


def format_count(key: str, count, lang: str | None = None) -> str:
    """'1 lieu' / '30 lieux' / '1 place' / '30 places': a count with its noun in the right plural form
    (catalogue entries `<key>_one` and `<key>_other`), the number in the language's format."""
    lang = lang or current_language()
    return translate_count(key, count, lang, count=format_number(count, 0, lang))
