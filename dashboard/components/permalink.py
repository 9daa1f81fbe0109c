"""Shareable links: read and validate URL query parameters (pure functions, no Streamlit).

A page declares the parameters it understands and their allowed values; unknown parameters,
unknown values and over-long values are dropped and reported, never raised.

Numbers follow one rule: a number parameter reads plain decimal digits only (`share=35`), and
an integer parameter (every number parameter of the app) refuses anything that is not a whole
number (`share=20.5`, `2e1`, `+20`, ` 20`, `NaN`, `inf`) with the notice, as it refuses a value
outside its range. The range is the widget's own range constant, passed in by the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_LENGTH = 200
_INTEGER = re.compile(r"[0-9]{1,15}")
_DECIMAL = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,6})?")


@dataclass
class Param:
    """One URL parameter: allowed values (None = free text), multi-valued or not, default.

    `number_range` (low, high) makes it a number parameter; `integer` makes it a whole number
    (a number parameter without a range is checked by the page, e.g. a work id among the works).
    """

    name: str
    choices: tuple[str, ...] | None = None
    multi: bool = False
    default: object = None
    number_range: tuple[float, float] | None = None
    integer: bool = False
    max_length: int = MAX_LENGTH

    @property
    def is_number(self) -> bool:
        """Whether the parameter holds a number."""
        return self.integer or self.number_range is not None


@dataclass
class ParsedParams:
    """Valid values by parameter name and the (name, value) pairs that were dropped.

    The value is None for an unknown parameter (its name is what was wrong).
    """

    values: dict = field(default_factory=dict)
    dropped: list[tuple[str, str | None]] = field(default_factory=list)


def read_number(text: str, param: Param) -> int | float | None:
    """The number a URL value holds for a number parameter, or None when it is refused."""
    if not (_INTEGER if param.integer else _DECIMAL).fullmatch(text):
        return None
    number = int(text) if param.integer else float(text)
    if param.number_range is not None:
        low, high = param.number_range
        if not low <= number <= high:
            return None
    return number


def parse_params(raw: dict[str, str], spec: list[Param], shared: tuple[str, ...] = ()) -> ParsedParams:
    """Validate raw query parameters against a spec; `shared` names are left to someone else."""
    out = ParsedParams()
    known = {p.name: p for p in spec}
    for name, value in raw.items():
        if name in shared:
            continue
        param = known.get(name)
        text = str(value)
        if param is None:
            out.dropped.append((str(name), None))
            continue
        if len(text) > param.max_length:
            out.dropped.append((name, text))
            continue
        if param.is_number:
            number = read_number(text, param)
            if number is None:
                out.dropped.append((name, text))
            else:
                out.values[name] = number
            continue
        items = [v for v in text.split(",") if v] if param.multi else [text]
        good = [v for v in items if param.choices is None or v in param.choices]
        out.dropped += [(name, v) for v in items if v not in good]
        if good:
            out.values[name] = good if param.multi else good[0]
    for param in spec:
        out.values.setdefault(param.name, param.default)
    return out


def to_query(values: dict, spec: list[Param]) -> dict[str, str]:
    """Query-string form of the non-default values (lists joined by commas)."""
    query = {}
    for param in spec:
        value = values.get(param.name, param.default)
        if value == param.default or value in (None, [], ""):
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        query[param.name] = ",".join(value) if isinstance(value, list) else str(value)
    return query
