"""Places: SQL on both engines, geography against the shipped polygons, spreading, GeoJSON, the deck.

No Streamlit here: the queries run on the fixture databases, the rest are pure functions.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, shape

from dashboard.components.i18n import LOCALES_DIR, label_of
from dashboard.components.map_labels import (
    kind_counts_table,
    points_feature_collection,
    province_counts_table,
    table_frame,
    tooltip_records,
)
from dashboard.components.maps import (
    INITIAL_VIEW,
    OSM_TILE_URL,
    TRANSLUCENT_ALPHA,
    build_places_deck,
    legend_lines,
    osm_tile_layers,
    tile_bounds,
    tiles_covering,
)
from dashboard.data.queries import execute, query_header
from dashboard.map_layout import (
    POINT_SPACING_KM,
    RING_STEP_KM,
    distance_km,
    geometry_contains,
    region_geometries,
    ring_offsets,
    spread_positions,
)
from dashboard.places import (
    GEOJSON_PATH,
    KIND_COLOURS,
    KINDS,
    STATUSES_ACTIVE,
    STATUSES_ALL,
    feature_collection_bytes,
    fold_text,
    load_boundaries,
    province_codes,
    search_places,
    sql_list,
)

ROOT = Path(__file__).resolve().parents[1]
SQL_FILES = sorted((ROOT / "sql" / "places").glob("*.sql"))
SOURCES = {"B24-3.3": "Bilan 2024 §3.3", "B24-2.2.4": "Bilan 2024 §2.2.4"}


@pytest.fixture(scope="module")
def boundaries() -> dict:
    return load_boundaries()


def areas(boundaries: dict, kind: str) -> dict:
    return {
        f["properties"]["name"]: shape(f["geometry"]) for f in boundaries["features"] if f["properties"]["kind"] == kind
    }


def all_places(database, statuses=STATUSES_ALL):
    return execute(database, "places/places_shown", {"year": 2024, "kinds": list(KINDS), "statuses": list(statuses)})


# --- SQL files, on SQLite and PostgreSQL -------------------------------------------------------


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: p.name)
def test_sql_files_have_a_header_and_no_bind_names_in_comments(path):
    header = query_header(f"places/{path.stem}")
    assert {"title", "params"} <= set(header) and "source" not in header  # rows carry their source_id
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("--"):
            assert not re.search(r":\w", line.replace("-- title:", "").replace("-- source:", "")), line


def test_places_shown_all_and_active(any_db):
    everything = all_places(any_db)
    assert len(everything) == 31
    active = all_places(any_db, STATUSES_ACTIVE)
    assert len(active) == 30
    assert set(everything["place_id"]) - set(active["place_id"]) == {"neuroplanet"}
    assert set(everything["coordinate_precision"]) == {"town"}
    liege = everything.set_index("place_id").loc["movida"]
    assert (liege["town"], liege["province"], liege["region"]) == ("Liège", "Liege", "Walloon")
    assert liege["portfolio_company"] == "MOVIDA WALLONIE SA"
    assert (float(liege["latitude"]), float(liege["longitude"])) == (50.6337, 5.5675)


def test_places_shown_filters_by_kind_and_empty_lists(any_db):
    festivals = execute(
        any_db, "places/places_shown", {"year": 2024, "kinds": ["festival_event"], "statuses": STATUSES_ACTIVE}
    )
    assert sorted(festivals["name"].str.split(" ").str[0]) == ["BIFFF", "FIFCL", "FIFF", "KIKK", "LIFF", "Ramdam"]
    # An empty selection is sent as [""] (see sql_list): it matches nothing on both engines.
    assert sql_list([]) == [""] and sql_list(("a",)) == ["a"]
    nothing = execute(any_db, "places/places_shown", {"year": 2024, "kinds": sql_list([]), "statuses": STATUSES_ACTIVE})
    assert nothing.empty
    assert execute(any_db, "places/counts_by_town", {"year": 2024, "place_ids": sql_list([])}).empty
    assert execute(any_db, "places/counts_by_kind", {"year": 2024, "place_ids": sql_list([])}).empty


def test_counts_by_kind_province_and_town(any_db):
    ids = all_places(any_db, STATUSES_ACTIVE)["place_id"].tolist()
    by_kind = execute(any_db, "places/counts_by_kind", {"year": 2024, "place_ids": ids}).set_index("kind")
    assert by_kind["place_count"].astype(int).to_dict() == {
        "animation_studio": 11,
        "festival_event": 6,
        "postproduction_technical": 2,
        "production_company": 6,
        "shooting_location": 3,
        "studio_for_hire": 1,
        "wallimage_office": 1,
    }
    assert int(by_kind.loc["animation_studio", "town_count"]) == 5  # Enghien, Mons, Marcinelle, La Hulpe, Liège
    by_province = execute(any_db, "places/counts_by_province", {"year": 2024, "place_ids": ids}).set_index("province")
    assert by_province["place_count"].astype(int).to_dict() == {
        "Brussels": 1,
        "Hainaut": 7,
        "Liege": 15,
        "Namur": 4,
        "Walloon Brabant": 3,
    }
    assert int(by_province.loc["Hainaut", "town_count"]) == 4
    by_town = execute(any_db, "places/counts_by_town", {"year": 2024, "place_ids": ids}).set_index("town")
    assert int(by_town.loc["Liège", "place_count"]) == 15 and int(by_town["place_count"].sum()) == 30
    assert len(by_town) == 9


# --- Geography against the shipped boundary file --------------------------------------------


def test_every_place_lies_in_belgium_and_the_walloon_ones_in_wallonia(db, boundaries):
    belgium = areas(boundaries, "country")["Belgique"]
    wallonia = areas(boundaries, "region")["Wallonie"]
    brussels = areas(boundaries, "province")["Brussels"]
    places = all_places(db)
    for row in places.itertuples():
        point = Point(row.longitude, row.latitude)
        assert belgium.contains(point), row.name
        if row.place_id == "bifff":  # the only place the sources put in Brussels
            assert brussels.contains(point) and not wallonia.contains(point)
        else:
            assert wallonia.contains(point), row.name
            assert row.region == "Walloon"


def test_each_kind_has_at_least_one_place(db):
    kinds = all_places(db)["kind"]
    assert set(kinds) == set(KINDS)
    assert all((kinds == kind).sum() >= 1 for kind in KINDS)


def test_boundary_file_origin_and_licence_are_recorded(boundaries):
    text = (GEOJSON_PATH.parent / "SOURCE.md").read_text(encoding="utf-8")
    assert "Natural Earth" in text and "public domain" in text and "MIT" in text
    assert "Natural Earth" in boundaries["attribution"]
    assert province_codes(boundaries)["Liege"] == "BE-WLG"


# --- Spreading points that share a town -----------------------------------------------------


def test_spread_points_stay_near_their_town_are_distinct_and_stay_in_their_region(db, boundaries):
    spread = spread_positions(all_places(db), region_geometries(boundaries))
    wallonia = areas(boundaries, "region")["Wallonie"]
    for row in spread.itertuples():
        away = distance_km(row.latitude, row.longitude, row.map_latitude, row.map_longitude)
        assert away <= 3 * RING_STEP_KM + 0.01, row.name  # Liège (16 places with the closed one) needs three rings
        if row.region == "Walloon":
            assert wallonia.contains(Point(row.map_longitude, row.map_latitude)), row.name
    rows = list(spread.itertuples())
    for a, b in itertools.combinations(rows, 2):
        apart = distance_km(a.map_latitude, a.map_longitude, b.map_latitude, b.map_longitude)
        # Same town: never closer than a ring's spacing. Different towns: La Hulpe and Waterloo
        # are 6 km apart, so their points can only be kept a few kilometres apart.
        assert apart >= (0.95 * RING_STEP_KM if a.town == b.town else 3.0), (a.name, b.name)
    # A place alone in its town stays on the town centre.
    ramdam = spread.set_index("place_id").loc["ramdam"]
    assert (ramdam["map_latitude"], ramdam["map_longitude"]) == (50.6071, 3.3893)
    # Liège's places are on rings around the centre, none on it.
    liege = spread[spread["town"] == "Liège"]
    assert len(liege) == 16
    assert all(
        distance_km(50.6337, 5.5675, lat, lon) >= RING_STEP_KM - 0.01
        for lat, lon in zip(liege["map_latitude"], liege["map_longitude"])
    )


BOUNDARY_SHAPES = [(f["geometry"], shape(f["geometry"])) for f in load_boundaries()["features"]]


@settings(max_examples=100, deadline=None)
@given(lon=st.floats(min_value=2.4, max_value=6.5), lat=st.floats(min_value=49.4, max_value=51.6))
def test_point_in_polygon_agrees_with_shapely(lon, lat):
    point = Point(lon, lat)
    for geometry, polygon in BOUNDARY_SHAPES:
        if polygon.boundary.distance(point) > 1e-6:  # points on an edge may fall either way
            assert geometry_contains(geometry, lon, lat) == polygon.contains(point)


def test_region_geometries_cover_the_towns_regions(boundaries):
    regions = region_geometries(boundaries)
    assert set(regions) == {"Walloon", "Brussels", "Flemish"}
    assert geometry_contains(regions["Walloon"], 5.5675, 50.6337)  # Liège
    assert geometry_contains(regions["Brussels"], 4.3488, 50.8505)
    assert not geometry_contains(regions["Walloon"], 4.3488, 50.8505)


def test_spreading_is_deterministic_whatever_the_row_order(db, boundaries):
    places, regions = all_places(db), region_geometries(boundaries)
    once = spread_positions(places, regions).set_index("place_id")[["map_latitude", "map_longitude"]]
    shuffled = spread_positions(places.sample(frac=1, random_state=7), regions).set_index("place_id")
    assert once.equals(shuffled.loc[once.index, ["map_latitude", "map_longitude"]])


@settings(max_examples=60, deadline=None)
@given(count=st.integers(min_value=0, max_value=60))
def test_ring_offsets_are_distinct_and_bounded(count):
    offsets = ring_offsets(count)
    assert len(offsets) == count
    if count == 1:
        assert offsets == [(0.0, 0.0)]
    if count < 2:
        return
    closest = min(math.dist(a, b) for a, b in itertools.combinations(offsets, 2))
    assert closest >= min(POINT_SPACING_KM, RING_STEP_KM) * 0.99
    radii = [math.hypot(*o) for o in offsets]
    assert min(radii) >= POINT_SPACING_KM / 2 - 1e-9
    assert max(radii) <= RING_STEP_KM * math.ceil(math.sqrt(count)) + 1e-9


# --- Search, tables, GeoJSON ------------------------------------------------------------------


def test_search_ignores_case_and_accents(db):
    places = all_places(db)
    assert fold_text("  Le Pôle Image de LIÈGE ") == "le pole image de liege"
    assert search_places(places, "dream")["name"].tolist() == ["DreamWall"]
    assert search_places(places, "POLE")["name"].tolist() == ["Le Pôle Image de Liège"]
    assert set(search_places(places, "liege")["name"]) == {
        "FIFCL (Festival du Film de Comédie de Liège)",
        "Stim Liège",
        "Le Pôle Image de Liège",
        "Région liégeoise (programmes de flux)",
    }
    assert search_places(places, "dreamwall sa")["name"].tolist() == ["DreamWall"]  # portfolio company
    assert len(search_places(places, "")) == 31 and search_places(places, "zzz").empty


def test_table_marks_coordinates_approximate_in_both_languages(db, boundaries):
    places = all_places(db, STATUSES_ACTIVE)
    codes = province_codes(boundaries)
    french = table_frame(places, "fr", SOURCES, codes).set_index("place_name")
    assert set(french["coordinate_precision"]) == {"≈ approximatif (centre de la commune)"}
    assert french.loc["Movida Wallonie", "place_province"] == "Liège"
    assert french.loc["Iota Production", "place_province"] == "Brabant wallon"
    assert french.loc["DreamWall", "place_source"] == "Bilan 2024 §3.3"
    english = table_frame(places, "en", SOURCES, codes).set_index("place_name")
    assert set(english["coordinate_precision"]) == {"≈ approximate (town level)"}
    assert english.loc["BIFFF (Brussels International Fantastic Film Festival)", "place_province"] == "Brussels-Capital"
    assert english.loc["DreamWall", "place_description"].startswith("2D/3D animation")
    assert english.loc["DreamWall", "place_portfolio_company"] == "DREAMWALL SA"


def test_count_tables_have_display_names(db, boundaries):
    kinds = kind_counts_table(
        execute(db, "places/counts_by_kind", {"year": 2024, "place_ids": all_places(db)["place_id"].tolist()}), "fr"
    )
    assert kinds["place_kind"].tolist()[0] == "Studio d’animation" and kinds["place_count"].tolist()[0] == 12
    provinces = province_counts_table(
        execute(db, "places/counts_by_province", {"year": 2024, "place_ids": ["bifff", "iota"]}),
        "fr",
        province_codes(boundaries),
    )
    assert provinces.to_dict("records") == [
        {"place_province": "Bruxelles-Capitale", "place_region": "Bruxelles", "place_count": 1, "town_count": 1},
        {"place_province": "Brabant wallon", "place_region": "Wallonie", "place_count": 1, "town_count": 1},
    ]


def test_points_feature_collection_uses_town_coordinates(db):
    places = spread_positions(all_places(db, STATUSES_ACTIVE))
    collection = json.loads(feature_collection_bytes(points_feature_collection(places, "en", SOURCES)))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 30
    assert "Natural Earth" not in collection["attribution"] and "GeoNames" in collection["attribution"]
    movida = next(f for f in collection["features"] if f["id"] == "movida")
    assert movida["geometry"] == {"type": "Point", "coordinates": [5.5675, 50.6337]}  # not the spread position
    assert movida["properties"]["approximate"] is True
    assert movida["properties"]["coordinate_precision"] == "town"
    assert movida["properties"]["kind_label"] == "Animation studio"
    assert movida["properties"]["portfolio_company"] == "MOVIDA WALLONIE SA"
    assert movida["properties"]["source"] == "Bilan 2024 §3.3"


# --- The deck ---------------------------------------------------------------------------------


def deck_spec(db, boundaries, kinds=KINDS, lang="fr", online=False) -> dict:
    regions = region_geometries(boundaries)
    places = spread_positions(all_places(db, STATUSES_ACTIVE).query("kind in @kinds"), regions)
    records = tooltip_records(places, lang, SOURCES)
    towns = execute(db, "places/counts_by_town", {"year": 2024, "place_ids": places["place_id"].tolist()})
    return json.loads(build_places_deck(records, towns, boundaries, lang, online).to_json())


def point_counts(spec: dict) -> dict[str, int]:
    return {layer["id"]: len(layer["data"]) for layer in spec["layers"] if layer["@@type"] == "ScatterplotLayer"}


def test_deck_has_no_basemap_and_opens_on_wallonia(db, boundaries):
    spec = deck_spec(db, boundaries)
    assert "mapProvider" not in spec and spec["mapStyle"] == "__MAP_STYLE__"  # pydeck's "no style" sentinel
    assert spec["initialViewState"] == {**INITIAL_VIEW}
    assert "openstreetmap" not in json.dumps(spec) and "http" not in json.dumps(spec["layers"])
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids[:3] == ["provinces", "country", "wallonia"]
    provinces = spec["layers"][0]["data"]["features"]
    assert len(provinces) == 11
    fills = {f["properties"]["name"]: tuple(f["properties"]["fill"]) for f in provinces}
    assert fills["Brussels"] != fills["Namur"] != fills["Antwerp"]
    assert point_counts(spec)["places-animation_studio"] == 11
    assert point_counts(spec)["portfolio-companies"] == 7
    counts = {d["text"] for d in spec["layers"][-1]["data"]}
    assert spec["layers"][-1]["@@type"] == "TextLayer" and {"15", "4", "3", "2"} <= counts


def test_kind_filter_changes_the_points_in_the_layers(db, boundaries):
    everything = point_counts(deck_spec(db, boundaries))
    assert sum(v for k, v in everything.items() if k.startswith("places-")) == 30
    festivals = point_counts(deck_spec(db, boundaries, kinds=["festival_event"]))
    assert festivals == {"places-festival_event": 6}
    nothing = deck_spec(db, boundaries, kinds=[])
    assert point_counts(nothing) == {} and [layer["id"] for layer in nothing["layers"]] == [
        "provinces",
        "country",
        "wallonia",
    ]


def test_tooltip_fields_in_the_session_language(db, boundaries):
    spec = deck_spec(db, boundaries, lang="en")
    record = next(r for r in spec["layers"][3]["data"] if r["place_id"] == "movida")
    assert record["precision_label"] == "≈ approximate (town level)"
    assert record["details"] == "Animation studio · Liège · portfolio: MOVIDA WALLONIE SA"
    assert record["description"].startswith("2D/3D animation; Walloon branch of the nWave studio")
    empty = execute(db, "places/counts_by_town", {"year": 2024, "place_ids": [""]})
    tooltip = build_places_deck([], empty, boundaries, "fr")._tooltip["html"]
    for field in ("{name}", "{details}", "{description}", "{source_label}", "{precision_label}"):
        assert field in tooltip
    assert "Source :" in tooltip and "Position :" in tooltip


def test_online_tiles_are_drawn_under_the_offline_outline(db, boundaries):
    spec = deck_spec(db, boundaries, online=True)
    kinds = [layer["@@type"] for layer in spec["layers"]]
    first_outline = kinds.index("GeoJsonLayer")
    assert set(kinds[:first_outline]) == {"BitmapLayer"} and first_outline == len(tiles_covering())
    assert all(
        layer["image"].startswith("https://tile.openstreetmap.org/8/") for layer in spec["layers"][:first_outline]
    )
    assert {f["properties"]["fill"][3] for f in spec["layers"][first_outline]["data"]["features"]} == {
        TRANSLUCENT_ALPHA
    }
    assert [layer["id"] for layer in spec["layers"][first_outline : first_outline + 3]] == [
        "provinces",
        "country",
        "wallonia",
    ]


def test_tiles_cover_belgium():
    assert tile_bounds(0, 0, 0) == pytest.approx([-180, -85.0511, 180, 85.0511], abs=1e-4)
    west, south, east, north = tile_bounds(130, 85, 8)
    assert west == pytest.approx(2.8125) and east == pytest.approx(4.21875) and south < 51 < north
    tiles = [tile_bounds(x, y, 8) for x, y in tiles_covering()]
    assert min(b[0] for b in tiles) <= 2.5 and max(b[2] for b in tiles) >= 6.4
    assert min(b[1] for b in tiles) <= 49.4 and max(b[3] for b in tiles) >= 51.6
    assert osm_tile_layers()[0].image == OSM_TILE_URL.format(z=8, x=129, y=84)


def test_legend_has_one_colour_per_kind_and_the_ring():
    lines = legend_lines(list(KINDS), True, "fr")
    assert len(lines) == len(KINDS) + 1
    assert lines[0] == ':color[⬤]{foreground="#0072B2"} Studio d’animation'
    assert len(set(KIND_COLOURS.values())) == len(KINDS)
    assert "portefeuille" in lines[-1] and "<" not in "".join(lines)


def test_map_locale_entries_have_french_and_english():
    for name in ("map.toml", "labels_map.toml"):
        for key, entry in tomllib.loads((LOCALES_DIR / name).read_text(encoding="utf-8")).items():
            assert entry.get("fr") and entry.get("en"), f"{name}: {key}"
    codes = province_codes(load_boundaries()).values()
    for code in [*KINDS, *codes, "status_active", "status_closed", "region_Walloon", "region_Brussels"]:
        assert label_of(code, "fr") != code and label_of(code, "en") != code, code


def test_towns_with_too_many_places_become_one_marker_with_their_count():
    """Above MAX_POINTS_PER_TOWN a town is one marker (count, tooltip); below, places are drawn one by one."""
    import pandas as pd

    from dashboard.components.map_labels import town_marker_records
    from dashboard.components.maps import town_marker_layer
    from dashboard.places import MAX_POINTS_PER_TOWN, dense_towns

    counts = pd.DataFrame(
        {
            "town": ["Liège", "Mons", "Namur"],
            "latitude": [50.63, 50.45, 50.47],
            "longitude": [5.57, 3.95, 4.87],
            "place_count": [MAX_POINTS_PER_TOWN + 1, MAX_POINTS_PER_TOWN, 3],
        }
    )
    assert dense_towns(counts) == {"Liège"}
    (record,) = town_marker_records(counts, {"Liège"}, "fr")
    assert record["name"] == "Liège" and record["details"] == f"{MAX_POINTS_PER_TOWN + 1} lieux dans cette commune"
    assert record["position"] == [5.57, 50.63] and "tableau" in record["description"]
    assert town_marker_records(counts, {"Liège"}, "en")[0]["details"].endswith("places in this town")
    assert town_marker_layer([record]).id == "dense-towns" and town_marker_layer([]) is None


def test_real_database_draws_every_place_one_by_one(db):
    """No town of the report's data is dense: the marker is only for data far larger (e.g. ×100)."""
    from dashboard.places import dense_towns

    shown = execute(db, "places/places_shown", {"year": 2024, "kinds": list(KINDS), "statuses": list(STATUSES_ALL)})
    counts = execute(db, "places/counts_by_town", {"year": 2024, "place_ids": list(shown["place_id"])})
    assert dense_towns(counts) == set() and counts["place_count"].sum() == len(shown)
