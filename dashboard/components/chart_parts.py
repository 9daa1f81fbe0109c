"""Shared pieces of the investment figures: money and percent from stored integers, the quality
styles (solid, hatched, light with whiskers), hover texts with sources, and the common layout.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.components.i18n import translate
from dashboard.components.quality import style_of
from dashboard.metrics import is_missing

# Figures built once per arguments and shared by every session (bench/README.md: building them was
# about a third of a page run's server time). Enough for every figure of two reports in both languages.
SHARED_FIGURES = 256


def shared_figure(builder):
    """A figure builder whose figures are built once per arguments and shared by every session.

    The arguments (frames hashed by value, the language, the shares…) are the key: a builder takes
    everything it shows as an argument and reads nothing from the session. The figure is shared, so
    nobody changes it after it is returned; `st.plotly_chart` only copies it (`to_dict`).
    """
    return st.cache_resource(builder, max_entries=SHARED_FIGURES, show_spinner=False)


FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif", "size": 14}


def to_euros(cents):
    return None if is_missing(cents) else int(cents) / 100


def to_percent(bp):
    return None if is_missing(bp) else int(bp) / 100


def quality_style(quality) -> dict:
    """Style of a quality flag; a missing value (None or NaN) looks 'reported' but draws nothing."""
    return style_of("reported" if is_missing(quality) else quality)


def quality_text(quality, lang: str) -> str:
    if is_missing(quality):
        return ""
    return f"{style_of(quality)['symbol']} {translate('quality.' + quality, lang)}"


def source_texts(frame: pd.DataFrame) -> list[str]:
    """Source label per row: the page adds `source_label`; tests may pass only the id."""
    column = "source_label" if "source_label" in frame.columns else "source_id"
    return [str(value) for value in frame[column]]


def error_bars(values, lowers, uppers) -> dict:
    """Asymmetric error bars from stored bounds (an open upper bound draws no upper whisker)."""
    plus, minus = [], []
    for value, lower, upper in zip(values, lowers, uppers):
        plus.append(0 if value is None or upper is None else max(upper - value, 0))
        minus.append(0 if value is None or lower is None else max(value - lower, 0))
    visible = any(plus) or any(minus)
    return {"type": "data", "symmetric": False, "array": plus, "arrayminus": minus, "visible": visible}


def bar_marker(colour: str, qualities: list) -> dict:
    styles = [quality_style(q) for q in qualities]
    return {
        "color": colour,
        "opacity": [s["opacity"] for s in styles],
        "pattern": {"shape": [s["pattern"] for s in styles], "fillmode": "overlay", "solidity": 0.35},
        "line": {"color": colour, "width": 1.5},
    }


# Legends go under the plot, in rows that wrap: beside or above it, a legend squeezes the plot and
# its labels on a 1024 px projector, and plotly cannot move a legend when the chart narrows. Placed
# against the figure's bottom edge (yref "container"), the legend makes plotly reserve its height,
# so it never covers the axis title or tick labels and never leaves the chart.
LEGEND_BELOW = {
    "orientation": "h",
    "xref": "container",
    "yref": "container",
    "x": 0.01,
    "y": 0,
    "xanchor": "left",
    "yanchor": "bottom",
}


def legend_below(**extra) -> dict:
    """The shared legend layout (under the plot, wrapping), with `extra` settings (title, font, order)."""
    return {**LEGEND_BELOW, **extra}


def wrap_label(text: str, width: int = 18) -> str:
    """A long category label on several lines (plotly's `<br>`), so that it takes less of a narrow chart."""
    return "<br>".join(textwrap.wrap(str(text), width, break_long_words=False)) or str(text)


def base_layout(figure: go.Figure, lang: str, **extra) -> go.Figure:
    """Font, margins, legend under the plot, hover font and the language's number separators."""
    figure.update_layout(
        font=FONT,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend=legend_below(),
        hoverlabel={"font": FONT},
        separators=",." if lang == "fr" else ".,",
        barmode="group",
        **extra,
    )
    return figure
