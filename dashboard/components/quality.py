"""One visual language for the quality of a value, shared by every chart and table.

reported = solid fill; derived = hatched fill; approximate/estimated = light fill with a range
(whiskers); scenario or user input = dashed outline. Colours come from the Okabe–Ito palette,
which stays distinguishable for colour-blind readers.
"""

from __future__ import annotations

from dashboard.components.i18n import t

# Okabe–Ito colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
INVESTED_COLOUR = "#0072B2"
SPEND_COLOUR = "#E69F00"
RATIO_COLOUR = "#000000"

STYLES = {
    "reported": {"pattern": "", "opacity": 1.0, "dash": "solid", "symbol": "●"},
    "derived": {"pattern": "/", "opacity": 1.0, "dash": "solid", "symbol": "◐"},
    "approximate": {"pattern": ".", "opacity": 0.45, "dash": "dot", "symbol": "≈"},
    "estimated": {"pattern": "x", "opacity": 0.45, "dash": "dot", "symbol": "◌"},
    "scenario": {"pattern": "", "opacity": 0.7, "dash": "dash", "symbol": "✎"},
}


def style_of(quality: str) -> dict:
    """Plotly-ready style of a quality flag (unknown flags look 'reported')."""
    return STYLES.get(quality, STYLES["reported"])


def quality_label(quality: str) -> str:
    """'● rapporté' / '● reported' etc. in the session language."""
    return f"{style_of(quality)['symbol']} {t('quality.' + quality)}"


def legend_markdown() -> str:
    """Markdown legend of the quality styles, for under charts and on Sources & methods."""
    parts = [f"**{style_of(q)['symbol']}** {t('quality.' + q)} — {t('quality.' + q + '_look')}" for q in STYLES]
    return " · ".join(parts)
