"""The places map as a pydeck Deck that draws without internet, and its legend (pure builders).

No basemap service: `map_provider=None` and no map style. Belgium, Wallonia and the provinces
come from the shipped Natural Earth GeoJSON. Online OpenStreetMap tiles are an opt-in extra drawn
*under* the offline outline, so a missing network never leaves a blank map.

Why BitmapLayers and not a deck.gl TileLayer: a raster TileLayer needs a JavaScript
`renderSubLayers` callback (returning a BitmapLayer per tile) that pydeck's JSON cannot carry,
and Streamlit's default sub-layer (GeoJsonLayer) fails on images. So the tiles covering Belgium
at one zoom level are listed here, each as a BitmapLayer with its own bounds.
"""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk
import streamlit as st

from dashboard.components.i18n import label_of, translate
from dashboard.data.seeds_io import BELGIUM_BOUNDS
from dashboard.map_layout import (
    region_geometries,
    spread_positions,
)
from dashboard.places import (
    KIND_COLOURS,
    KINDS,
    PORTFOLIO_COLOUR,
    hex_to_rgba,
    load_boundaries,
)


@st.cache_data(show_spinner=False, max_entries=64)
def spread_on_map(places: pd.DataFrame) -> pd.DataFrame:
    """`spread_positions` inside the shipped regions, cached by the rows shown (a rerun reuses it)."""
    return spread_positions(places, region_geometries(load_boundaries()))


# Opening view: all of Wallonia (Comines to Arlon) in a chart ~870 px wide and 600 px high.
INITIAL_VIEW = {"latitude": 50.35, "longitude": 4.75, "zoom": 7.3}
OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ZOOM = 8
# Belgium's box (the one the build checks towns against) with a margin: (west, south, east, north).
TILE_MARGIN_DEGREES = 0.2
TILE_BOUNDS = (
    BELGIUM_BOUNDS["lon"][0] - TILE_MARGIN_DEGREES,
    BELGIUM_BOUNDS["lat"][0] - TILE_MARGIN_DEGREES,
    BELGIUM_BOUNDS["lon"][1] + TILE_MARGIN_DEGREES,
    BELGIUM_BOUNDS["lat"][1] + TILE_MARGIN_DEGREES,
)

OUTLINE_COLOUR = [40, 40, 40, 255]  # Belgium's border
WALLONIA_LINE_COLOUR = [0, 60, 110, 255]  # Wallonia highlighted with a thick dark-blue line
PROVINCE_LINE_COLOUR = [140, 140, 140, 255]
FILLS = {
    "Walloon": [222, 235, 247, 255],  # light blue: Wallonia stands out
    "Brussels": [252, 224, 200, 255],  # light orange: Brussels distinct
    "Flemish": [238, 238, 238, 255],  # light grey
}
TRANSLUCENT_ALPHA = 60  # province fills over online tiles
POINT_RADIUS_PX = 6
RING_RADIUS_PX = 10


def tile_bounds(x: int, y: int, zoom: int) -> list[float]:
    """[west, south, east, north] in degrees of the Web Mercator tile (x, y) at a zoom."""
    n = 2**zoom

    def latitude(row: int) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return [x / n * 360 - 180, latitude(y + 1), (x + 1) / n * 360 - 180, latitude(y)]


def tiles_covering(bounds=TILE_BOUNDS, zoom: int = OSM_ZOOM) -> list[tuple[int, int]]:
    """(x, y) of the Web Mercator tiles that cover a lon/lat box at a zoom."""
    west, south, east, north = bounds
    n = 2**zoom

    def column(lon: float) -> int:
        return int((lon + 180) / 360 * n)

    def row(lat: float) -> int:
        phi = math.radians(lat)
        return int((1 - math.asinh(math.tan(phi)) / math.pi) / 2 * n)

    return [(x, y) for x in range(column(west), column(east) + 1) for y in range(row(north), row(south) + 1)]


def osm_tile_layers(zoom: int = OSM_ZOOM, bounds=TILE_BOUNDS) -> list[pdk.Layer]:
    """One BitmapLayer per OpenStreetMap tile over Belgium (online only)."""
    return [
        pdk.Layer(
            "BitmapLayer",
            id=f"osm-tile-{zoom}-{x}-{y}",
            image=OSM_TILE_URL.format(z=zoom, x=x, y=y),
            bounds=tile_bounds(x, y, zoom),
            opacity=0.85,
        )
        for x, y in tiles_covering(bounds, zoom)
    ]


def _features(boundaries: dict, kind: str) -> list[dict]:
    return [f for f in boundaries["features"] if f["properties"]["kind"] == kind]


def boundary_layers(boundaries: dict, translucent: bool = False) -> list[pdk.Layer]:
    """Provinces filled lightly (Wallonia and Brussels distinct), Wallonia's and Belgium's outlines."""
    alpha = TRANSLUCENT_ALPHA if translucent else 255
    provinces = []
    for feature in _features(boundaries, "province"):
        fill = FILLS.get(feature["properties"]["region"], FILLS["Flemish"])[:3] + [alpha]
        provinces.append({**feature, "properties": {**feature["properties"], "fill": fill}})
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id="provinces",
            data={"type": "FeatureCollection", "features": provinces},
            get_fill_color="properties.fill",
            get_line_color=PROVINCE_LINE_COLOUR,
            line_width_min_pixels=1,
            stroked=True,
            filled=True,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="country",
            data={"type": "FeatureCollection", "features": _features(boundaries, "country")},
            get_line_color=OUTLINE_COLOUR,
            line_width_min_pixels=2,
            stroked=True,
            filled=False,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="wallonia",
            data={"type": "FeatureCollection", "features": _features(boundaries, "region")},
            get_line_color=WALLONIA_LINE_COLOUR,
            line_width_min_pixels=3,
            stroked=True,
            filled=False,
            pickable=False,
        ),
    ]


def _discs(
    layer_id: str,
    data: list[dict],
    fill: list[int] | None,
    radius_px: float,
    line: list[int] | None = None,
    line_width: float = 1,
) -> pdk.Layer:
    """Outlined circles of a fixed size on screen: filled and pickable (places, dense towns), or a
    ring only (`fill=None`, not pickable: the portfolio mark around a place)."""
    colours = {} if fill is None else {"get_fill_color": fill}
    return pdk.Layer(
        "ScatterplotLayer",
        id=layer_id,
        data=data,
        get_position="position",
        **colours,
        get_line_color=line or [30, 30, 30, 255],
        get_radius=radius_px,
        radius_units='"pixels"',
        line_width_units='"pixels"',
        get_line_width=line_width,
        stroked=True,
        filled=fill is not None,
        pickable=fill is not None,
    )


def place_layers(records: list[dict]) -> list[pdk.Layer]:
    """One ScatterplotLayer per kind present, then black rings around portfolio companies."""
    layers = []
    for kind in KINDS:
        data = [r for r in records if r["kind"] == kind]
        if not data:
            continue
        layers.append(_discs(f"places-{kind}", data, hex_to_rgba(KIND_COLOURS[kind]), POINT_RADIUS_PX))
    portfolio = [r for r in records if r["portfolio_label"]]
    if portfolio:
        layers.append(
            _discs("portfolio-companies", portfolio, None, RING_RADIUS_PX, hex_to_rgba(PORTFOLIO_COLOUR), 2.5)
        )
    return layers


TOWN_MARKER_RADIUS_PX = 18
TOWN_MARKER_COLOUR = [120, 120, 120, 200]


def town_marker_layer(records: list[dict]) -> pdk.Layer | None:
    """One large grey disc per town with too many places to draw (its count is drawn on top)."""
    if not records:
        return None
    return _discs("dense-towns", records, TOWN_MARKER_COLOUR, TOWN_MARKER_RADIUS_PX)


def town_count_layer(town_counts: pd.DataFrame) -> pdk.Layer | None:
    """The number of places at the centre of each town that has several (the ring's middle)."""
    data = [
        {"text": str(int(row.place_count)), "position": [float(row.longitude), float(row.latitude)]}
        for row in town_counts.itertuples(index=False)
        if int(row.place_count) > 1
    ]
    if not data:
        return None
    return pdk.Layer(
        "TextLayer",
        id="town-counts",
        data=data,
        get_position="position",
        get_text="text",
        get_size=14,
        get_color=[20, 20, 20, 255],
        font_weight='"bold"',
        background=True,
        get_background_color=[255, 255, 255, 220],
        background_padding=[3, 1],
        pickable=False,
    )


def tooltip_spec(lang: str) -> dict:
    """Deck tooltip: name, kind, town, what the source says, the source and the precision."""
    source, where = translate("map.tooltip_source", lang), translate("map.tooltip_position", lang)
    html = (
        "<b>{name}</b><br/>{details}<br/>"
        "<i>{description}</i><br/>" + f"{source} {{source_label}}<br/>{where} {{precision_label}}"
    )
    return {
        "html": html,
        "style": {"backgroundColor": "#ffffff", "color": "#111111", "maxWidth": "360px", "fontSize": "13px"},
    }


def build_places_deck(
    records: list[dict],
    town_counts: pd.DataFrame,
    boundaries: dict,
    lang: str,
    online_tiles: bool = False,
    town_markers: list[dict] | None = None,
) -> pdk.Deck:
    """The map: optional OSM tiles, the offline outline, one layer per kind, rings, town counts."""
    layers = osm_tile_layers() if online_tiles else []
    layers += boundary_layers(boundaries, translucent=online_tiles)
    layers += place_layers(records)
    markers = town_marker_layer(town_markers or [])
    if markers is not None:
        layers.append(markers)
    counts = town_count_layer(town_counts)
    if counts is not None:
        layers.append(counts)
    return pdk.Deck(
        map_provider=None,
        layers=layers,
        initial_view_state=pdk.ViewState(**INITIAL_VIEW),
        tooltip=tooltip_spec(lang),
    )


def legend_lines(kinds_shown: list[str], has_portfolio: bool, lang: str) -> list[str]:
    """Markdown legend entries (Streamlit's coloured text, no HTML): one per kind, then the ring."""
    lines = [f':color[⬤]{{foreground="{KIND_COLOURS[kind]}"}} {label_of(kind, lang)}' for kind in kinds_shown]
    if has_portfolio:
        lines.append(f':color[◯]{{foreground="{PORTFOLIO_COLOUR}"}} {translate("map.legend_portfolio", lang)}')
    return lines
