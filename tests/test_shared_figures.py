"""Figures are built once per arguments and shared by every session (issue 19's server capacity)."""

from __future__ import annotations

import tomllib

import pandas as pd

from conftest import ROOT
from dashboard.components import charts_breakdown, charts_investment, charts_presentation, charts_scenarios
from dashboard.components.charts_breakdown import build_posts_figure

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
        for module in (charts_breakdown, charts_investment, charts_presentation, charts_scenarios)
        for name in dir(module)
        if name.startswith("build_") and name.endswith("_figure") and getattr(module, name).__module__ == module.__name__
    ]
    assert len(builders) >= 8
    assert all(hasattr(builder, "clear") for builder in builders), [b.__name__ for b in builders]


def test_no_full_garbage_collection_after_every_run():
    """Streamlit's gc.collect(2) after each run was a quarter of the server's time under load."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
