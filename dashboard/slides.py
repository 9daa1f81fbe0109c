"""Pure logic of the presentation mode: the slide sequence, stepping, timing and number texts.

No Streamlit here, so that the page stays thin and the behaviour is unit-tested.
"""

from __future__ import annotations

# The curated sequence shown on a projector; the page renders one slide per name.
SLIDES = ("headline", "sectors", "scenarios", "places")
DEFAULT_SECONDS = 20
SECONDS_RANGE = (5, 600)


def slide_count() -> int:
    """Number of slides."""
    return len(SLIDES)


def clamp_slide(value, total: int | None = None) -> int:
    """A slide number from a URL or widget value, kept within 1..total (1 when unreadable)."""
    total = total or slide_count()
    try:
        number = int(float(value))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), total)


def step_slide(current: int, step: int, total: int | None = None) -> int:
    """Next (+1) or previous (-1) slide, wrapping around so that a stand can loop forever."""
    total = total or slide_count()
    return (clamp_slide(current, total) - 1 + step) % total + 1


def should_advance(shown_since: float, now: float, seconds: float) -> bool:
    """Whether a slide shown since `shown_since` has been on screen for its full duration."""
    return seconds > 0 and now - shown_since >= seconds


def share_text(share_bp: int, lang: str) -> str:
    """A scenario share stored in basis points as a whole percentage ('25 %' / '25%')."""
    percent = int(share_bp) // 100 if int(share_bp) % 100 == 0 else int(share_bp) / 100
    return f"{percent}\u00a0%" if lang == "fr" else f"{percent}%"
