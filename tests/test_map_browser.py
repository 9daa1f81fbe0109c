"""Real Chromium draws the map offline: outline and points on the WebGL canvas, nothing fetched outside.

Every request to anything but 127.0.0.1 is blocked and recorded by the `page` fixture.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from conftest import ARTIFACTS, visible_text, wait_for_app
from PIL import Image

from dashboard.components.maps import FILLS, WALLONIA_LINE_COLOUR
from dashboard.places import KIND_COLOURS, hex_to_rgba

pytestmark = pytest.mark.browser

CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'


def open_map(page, app_server, query: str = "") -> None:
    page.goto(f"{app_server}/map{query}")
    wait_for_app(page)
    page.wait_for_selector(CANVAS, timeout=90_000)
    page.wait_for_timeout(2000)  # WebGL (SwiftShader) draws after the script has finished


def canvas_image(page, name: str) -> Image.Image:
    """Screenshot of the deck.gl canvas (also saved under artifacts/)."""
    png = page.locator(CANVAS).first.screenshot()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.png").write_bytes(png)
    return Image.open(io.BytesIO(png)).convert("RGB")


def canvas_pixels(page, name: str) -> np.ndarray:
    """RGB pixels (height × width × 3) of a screenshot of the deck.gl canvas."""
    return np.asarray(canvas_image(page, name), dtype=np.int16)


def near(pixels: np.ndarray, rgb, tolerance: int) -> np.ndarray:
    """Mask of the pixels within `tolerance` of a colour on every channel."""
    return (np.abs(pixels - np.array(rgb[:3], dtype=np.int16)) <= tolerance).all(axis=2)


def centre_of_colour(pixels: np.ndarray, rgb, tolerance: int = 12) -> tuple[float, float]:
    """Mean (x, y) of the pixels near a colour (a single point's disc)."""
    ys, xs = np.nonzero(near(pixels, rgb, tolerance))
    assert len(xs), rgb
    return float(xs.mean()), float(ys.mean())


def count_near(pixels: np.ndarray, rgb, tolerance: int = 12) -> int:
    """Number of pixels within `tolerance` of a colour on every channel."""
    return int(near(pixels, rgb, tolerance).sum())


def test_map_draws_outline_and_points_offline(page, app_server):
    open_map(page, app_server)
    pixels = canvas_pixels(page, "map_canvas_offline")
    assert pixels.shape[0] * pixels.shape[1] > 200_000  # a real chart, not a collapsed element
    # Wallonia's provinces are filled and its border drawn: many pixels of each colour.
    assert count_near(pixels, FILLS["Walloon"], 4) > 50_000
    assert count_near(pixels, FILLS["Brussels"], 4) > 100
    assert count_near(pixels, WALLONIA_LINE_COLOUR, 30) > 1_000
    # Points: several kinds' colours are visible (a 6 px disc is about 100 pixels).
    for kind in ("animation_studio", "production_company", "festival_event"):
        assert count_near(pixels, hex_to_rgba(KIND_COLOURS[kind]), 20) > 40, kind
    text = visible_text(page)
    assert "Natural Earth" in text and "Carte des studios et des lieux" in text
    assert "30 lieux affichés dans 9 communes." in text
    assert page.outside_requests == []
    assert page.page_errors == []


def test_tooltip_names_the_place_its_source_and_approximate_position(page, app_server):
    open_map(page, app_server)
    # The only studio for hire (green) is RTBF Média Rives in Liège: hover its disc.
    x, y = centre_of_colour(canvas_pixels(page, "map_canvas_hover"), hex_to_rgba(KIND_COLOURS["studio_for_hire"]))
    page.locator(CANVAS).first.hover(position={"x": x, "y": y})
    tooltip = page.locator(".deck-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    text = tooltip.inner_text()
    assert "RTBF Média Rives (studios)" in text
    assert "Studio de tournage à louer · Liège" in text
    assert "Source : Bilan 2024 §2.4.4" in text
    assert "≈ approximatif (centre de la commune)" in text
    assert page.outside_requests == [] and page.page_errors == []


def test_url_filter_and_geojson_download(page, app_server):
    open_map(page, app_server, "?kinds=animation_studio,festival_event&q=dream")
    assert "1 lieu affiché dans 1 commune." in visible_text(page)  # singular forms (CLDR)
    with page.expect_download() as download:
        page.get_by_role("button", name="GeoJSON des points").click()
    collection = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert [f["properties"]["name"] for f in collection["features"]] == ["DreamWall"]
    feature = collection["features"][0]
    assert feature["geometry"]["coordinates"] == [4.4439, 50.3922]  # Marcinelle, town level
    assert feature["properties"]["approximate"] is True
    assert feature["properties"]["portfolio_company"] == "DREAMWALL SA"
    assert page.outside_requests == []


def test_online_tiles_only_reach_openstreetmap_and_outline_stays(page, app_server):
    open_map(page, app_server)
    assert page.outside_requests == []
    page.get_by_text("Fond de carte en ligne (OpenStreetMap)").click()
    wait_for_app(page)
    page.wait_for_timeout(2500)
    assert "demande une connexion internet" in visible_text(page)
    # The tiles were asked for (and blocked here, as without network) …
    assert page.outside_requests, "no tile was requested"
    assert all(url.startswith("https://tile.openstreetmap.org/8/") for url in page.outside_requests)
    # … and the offline outline is still drawn: never a blank map.
    pixels = canvas_pixels(page, "map_canvas_tiles_blocked")
    assert count_near(pixels, WALLONIA_LINE_COLOUR, 30) > 1_000
    assert count_near(pixels, hex_to_rgba(KIND_COLOURS["animation_studio"]), 20) > 40
