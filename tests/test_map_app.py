"""AppTest of the map page in French and English: layers, filters, URL parameters, tables."""

from __future__ import annotations

import json

from conftest import APP

MAP_PAGE = "dashboard/pages/map.py"


def open_map(lang: str = "fr", params: dict | None = None):
    """The app opened directly on the map page with these URL parameters (as a shared link does)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page(MAP_PAGE)
    if lang != "fr":
        at.query_params["lang"] = lang
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def deck(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def points(at) -> dict[str, int]:
    """Number of points in each place layer of the deck (rings excluded)."""
    return {
        layer["id"].removeprefix("places-"): len(layer["data"])
        for layer in deck(at)["layers"]
        if layer["id"].startswith("places-")
    }


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_french_map_page(app_env):
    at = open_map()
    assert not at.error
    assert at.title[0].value == "Carte des studios et des lieux"
    assert points(at) == {
        "animation_studio": 11,
        "postproduction_technical": 2,
        "studio_for_hire": 1,
        "production_company": 6,
        "shooting_location": 3,
        "wallimage_office": 1,
        "festival_event": 6,
    }
    spec = deck(at)
    assert "mapProvider" not in spec and "openstreetmap" not in json.dumps(spec)
    assert "Natural Earth" in captions(at) and "30 lieux affichés dans 9 communes." in captions(at)
    table = at.dataframe[0].value.set_index("Nom")
    assert len(table) == 30 and "NeuroPlanet" not in table.index
    assert table.loc["Movida Wallonie", "Province"] == "Liège"
    assert table.loc["Movida Wallonie", "Précision des coordonnées"] == "≈ approximatif (centre de la commune)"
    assert table.loc["Movida Wallonie", "Latitude (centre de la commune)"] == 50.6337
    by_kind = at.dataframe[1].value.set_index("Type de lieu")
    assert by_kind.loc["Studio d’animation", "Lieux"] == 11 and by_kind.loc["Festival ou événement", "Communes"] == 5
    by_province = at.dataframe[2].value.set_index("Province")
    assert by_province["Lieux"].to_dict() == {
        "Bruxelles-Capitale": 1,
        "Hainaut": 7,
        "Liège": 15,
        "Namur": 4,
        "Brabant wallon": 3,
    }
    legend = [m.value for m in at.markdown if m.value.startswith(":color[")]
    assert len(legend) == 8 and legend[0].endswith("Studio d’animation")
    assert at.get("download_button")  # CSV, XLSX (three tables) and the GeoJSON button
    assert "GeoJSON des points" in [b.proto.label for b in at.get("download_button")]


def test_english_map_page(app_env):
    at = open_map("en")
    assert not at.error
    assert at.title[0].value == "Map of studios and places"
    assert "30 places shown in 9 towns." in captions(at)
    table = at.dataframe[0].value.set_index("Name")
    assert table.loc["BIFFF (Brussels International Fantastic Film Festival)", "Province"] == "Brussels-Capital"
    assert table.loc["DreamWall", "Coordinate precision"] == "≈ approximate (town level)"
    assert table.loc["DreamWall", "What the source says"].startswith("2D/3D animation")
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert "Source: {source_label}" in tooltip["html"] and "{precision_label}" in tooltip["html"]
    record = next(r for r in deck(at)["layers"][3]["data"] if r["place_id"] == "dreamwall")
    assert record["precision_label"] == "≈ approximate (town level)"
    assert record["source_label"] == "2024 report §3.3"


def test_kind_filter_changes_the_points_and_the_url(app_env):
    at = open_map()
    at.button_group(key="map_kinds").set_value(["festival_event", "wallimage_office"]).run()
    assert points(at) == {"wallimage_office": 1, "festival_event": 6}
    assert at.query_params["kinds"] == "festival_event,wallimage_office"  # shareable link
    at.button_group(key="map_kinds").set_value([]).run()
    assert points(at) == {} and any("Aucun lieu" in i.value for i in at.info)
    assert [layer["id"] for layer in deck(at)["layers"]] == ["provinces", "country", "wallonia"]  # outline stays


def test_url_reproduces_the_filter_and_search(app_env):
    at = open_map(params={"kinds": "animation_studio,festival_event", "q": "dream"})
    assert at.button_group(key="map_kinds").value == ["animation_studio", "festival_event"]
    assert at.text_input[0].value == "dream"
    assert points(at) == {"animation_studio": 1}
    assert at.dataframe[0].value["Nom"].tolist() == ["DreamWall"]
    assert not at.info  # nothing was dropped


def test_invalid_kind_in_the_url_gives_a_notice_and_keeps_the_valid_ones(app_env):
    at = open_map(params={"kinds": "festival_event,volcano"})
    assert any("kinds=volcano" in i.value for i in at.info)
    assert points(at) == {"festival_event": 6}


def test_closed_places_are_hidden_by_default_and_shown_on_request(app_env):
    at = open_map()
    assert "neuroplanet" not in json.dumps(deck(at))
    at.toggle[0].set_value(True).run()
    assert points(at)["animation_studio"] == 12
    neuro = next(r for r in deck(at)["layers"][3]["data"] if r["place_id"] == "neuroplanet")
    assert "Fermé" in neuro["details"]
    assert at.query_params["closed"] == "1"
    reopened = open_map(params={"closed": "1"})
    assert reopened.toggle[0].value is True and points(reopened)["animation_studio"] == 12


def test_online_tiles_are_off_by_default_and_announced_when_on(app_env):
    at = open_map()
    assert at.checkbox[0].value is False and not at.info
    at.checkbox[0].set_value(True).run()
    layers = deck(at)["layers"]
    tiles = [layer for layer in layers if layer["@@type"] == "BitmapLayer"]
    assert len(tiles) == 16 and all("tile.openstreetmap.org" in layer["image"] for layer in tiles)
    assert [layer["id"] for layer in layers[16:19]] == ["provinces", "country", "wallonia"]
    assert any("connexion internet" in i.value for i in at.info)
    assert "OpenStreetMap" in captions(at)
    assert "tiles" not in at.query_params  # a shared link never turns tiles on
