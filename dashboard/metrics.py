"""Small pure computations shared by pages: missing values, ratios and shares (no Streamlit)."""

from __future__ import annotations

import math

import pandas as pd


def is_missing(value) -> bool:
    """None, NaN or pandas' NA: a value the data does not have (drawn and printed as missing)."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def ratio_pct(spend, invested) -> float | None:
    """Walloon spend as a percentage of the investment (651.63 for 46.2 M€ on 7.1 M€)."""
    if invested is None or spend is None or invested == 0:
        return None
    return spend / invested * 100


def share_pct(part, whole) -> float | None:
    """Part of a whole, in percent."""
    if whole in (None, 0) or part is None:
        return None
    return part / whole * 100


def euros(cents) -> float | None:
    """Euros from integer cents, for display and charts only (storage stays exact)."""
    return None if cents is None else cents / 100


def change(current, previous) -> tuple[float | None, float | None]:
    """Change from the previous report: (difference, percent of the previous value); None where
    either value is missing (and no percent from a zero)."""
    if is_missing(current) or is_missing(previous):
        return None, None
    difference = current - previous
    return difference, share_pct(difference, previous) if previous else None
