"""Small pure computations shared by pages: ratios and shares (no Streamlit)."""

from __future__ import annotations


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
