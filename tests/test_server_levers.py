"""What keeps a page run cheap on the server (issue 19): shared figures, no full GC per run, large tables without the Styler."""

from __future__ import annotations

import tomllib

import pandas as pd
from conftest import ROOT

from dashboard.components import (
    charts_breakdown,
    charts_carbon,
    charts_investment,
    charts_presentation,
    charts_scenarios,
    charts_shoots,
)
from dashboard.components.cards import LARGE_TABLE_ROWS
from dashboard.components.charts_breakdown import build_posts_figure

CHART_MODULES = (
    charts_breakdown,
    charts_carbon,
    charts_investment,
    charts_presentation,
    charts_scenarios,
    charts_shoots,
)

POSTS = pd.DataFrame(
    {
        "post": ["shooting", "post_production"],
        "amount_cents": [150_000_00, 50_000_00],
        "share_printed_bp": [7500, 2500],
        "quality": ["reported", "reported"],
        "source_id": ["FIXTURE-1", "FIXTURE-1"],
    }
)


def test_the_same_arguments_give_the_same_figure_and_other_arguments_another():
    build_posts_figure.clear()
    first = build_posts_figure(POSTS, "fr")
    assert build_posts_figure(POSTS.copy(), "fr") is first  # frames are keyed by value, not identity
    english = build_posts_figure(POSTS, "en")
    assert english is not first
    assert english.layout.separators == ".," and first.layout.separators == ",."  # Belgian in French
    changed = POSTS.assign(amount_cents=[150_000_00, 60_000_00])
    assert build_posts_figure(changed, "fr") is not first
    assert [round(v) for v in build_posts_figure(changed, "fr").data[0].x] == [150_000, 60_000]


def test_every_figure_builder_of_the_pages_is_shared():
    builders = [
        getattr(module, name)
        for module in (
            charts_breakdown,
            charts_carbon,
            charts_investment,
            charts_presentation,
            charts_scenarios,
            charts_shoots,
        )
        for name in dir(module)
        if name.startswith("build_")
        and name.endswith("_figure")
        and getattr(module, name).__module__ == module.__name__
    ]
    assert len(builders) >= 15
    assert all(hasattr(builder, "clear") for builder in builders), [b.__name__ for b in builders]


def test_no_full_garbage_collection_after_every_run():
    """Streamlit's gc.collect(2) after each run was a quarter of the server's time under load."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False


def test_a_large_table_is_sent_as_the_texts_the_styler_would_show():
    """Above LARGE_TABLE_ROWS rows the table skips pandas' Styler (~1 s for 3.100 places) and sends the
    same texts: formatted numbers in the session's language and '–' for a missing value."""
    from streamlit.testing.v1 import AppTest

    script = """
import pandas as pd
import streamlit as st
from dashboard.components import cards
st.session_state["lang"] = "fr"
rows = cards.LARGE_TABLE_ROWS + 1
frame = pd.DataFrame({"amount_cents": [123_456_78] * (rows - 1) + [None], "place_name": ["Pôle"] * (rows - 1) + [None]})
st.session_state["large"] = cards.display_frame(frame)
st.session_state["small"] = cards.display_frame(frame.tail(2))
"""
    at = AppTest.from_string(script, default_timeout=60).run()
    assert not at.exception
    large, small = at.session_state["large"], at.session_state["small"]
    assert isinstance(large, pd.DataFrame) and len(large) == LARGE_TABLE_ROWS + 1
    money, name = large.columns
    assert large[money].iloc[0] == "123.456,78\u00a0€"
    assert (large[money].iloc[-1], large[name].iloc[-1], large[name].iloc[0]) == ("–", "–", "Pôle")
    assert not isinstance(small, pd.DataFrame)  # a small table keeps its numbers, formatted by the Styler
