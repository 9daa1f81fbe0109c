"""Shareable links: read and validate URL query parameters (pure functions, no Streamlit).

A page declares the parameters it understands and their allowed values; unknown parameters,
unknown values and over-long values are dropped and reported, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_LENGTH = 200


@dataclass
class Param:
    """One URL parameter: allowed values (None = free text), multi-valued or not, default."""

    name: str
    choices: tuple[str, ...] | None = None
    multi: bool = False
    default: object = None
    number_range: tuple[float, float] | None = None


@dataclass
class ParsedParams:
    """Valid values by parameter name and the names/values that were dropped."""

    values: dict = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)


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
            out.dropped.append(name)
            continue
        if len(text) > MAX_LENGTH:
            out.dropped.append(f"{name}=…")
            continue
        if param.number_range is not None:
            try:
                number = float(text)
            except ValueError:
                out.dropped.append(f"{name}={text}")
                continue
            low, high = param.number_range
            if not low <= number <= high:
                out.dropped.append(f"{name}={text}")
                continue
            out.values[name] = number
            continue
        items = [v for v in text.split(",") if v] if param.multi else [text]
        good = [v for v in items if param.choices is None or v in param.choices]
        out.dropped += [f"{name}={v}" for v in items if v not in good]
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
