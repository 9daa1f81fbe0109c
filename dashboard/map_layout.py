"""Where each place is drawn on the map: rings around its town's centre (pure functions, numpy).

Places are located at town level, so the places of one town would sit on one point. They are laid
on rings around the town's centre, turned so that every point stays inside the town's region and
clear of other towns' points.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

KM_PER_DEGREE_LATITUDE = 111.32
# Ring geometry: about 14 px between neighbouring points at the opening zoom (~630 m per pixel).
POINT_SPACING_KM = 8.0
RING_STEP_KM = 7.0


def ring_offsets(count: int, spacing_km: float = POINT_SPACING_KM, step_km: float = RING_STEP_KM):
    """(north_km, east_km) for `count` points: none at the centre, then rings of growing radius.

    Ring r (1, 2, …) has radius r × step and holds as many points as fit with `spacing` between
    neighbours; the first point of each ring is due north, the others follow clockwise, and the
    last ring is spaced evenly. One point alone stays on the town centre; when one ring is enough
    it is only as wide as `spacing` between neighbours needs (two points: `spacing` apart).
    """
    if count <= 1:
        return [(0.0, 0.0)] * count
    offsets: list[tuple[float, float]] = []
    ring = 1
    while len(offsets) < count:
        radius = ring * step_km
        capacity = max(1, int(2 * math.pi * radius / spacing_km))
        on_ring = min(capacity, count - len(offsets))
        if ring == 1 and on_ring == count:
            # A single small ring is drawn just wide enough: small towns stay compact.
            radius = min(radius, spacing_km / (2 * math.sin(math.pi / count)))
        # Turn odd rings by half a step so points of neighbouring rings do not line up.
        start = 0.0 if ring % 2 else math.pi / on_ring
        for index in range(on_ring):
            angle = start + 2 * math.pi * index / on_ring
            offsets.append((radius * math.cos(angle), radius * math.sin(angle)))
        ring += 1
    return offsets


def _ring_contains(ring, lon: float, lat: float) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def geometry_contains(geometry: dict, lon: float, lat: float) -> bool:
    """Whether a GeoJSON Polygon/MultiPolygon contains a point (ray casting; holes respected)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return any(
        _ring_contains(polygon[0], lon, lat) and not any(_ring_contains(hole, lon, lat) for hole in polygon[1:])
        for polygon in polygons
    )


def region_geometries(boundaries: dict) -> dict[str, dict]:
    """Region name as in `towns.region` → geometry: Wallonia's union, and each other province's."""
    geometries = {}
    for feature in boundaries["features"]:
        properties = feature["properties"]
        if properties["kind"] == "region" or (properties["kind"] == "province" and properties["region"] != "Walloon"):
            geometries.setdefault(properties["region"], feature["geometry"])
    return geometries


ROTATIONS = tuple(range(0, 360, 15))


def _rings_arrays(geometry: dict) -> list[tuple[np.ndarray, list[np.ndarray]]]:
    """(outer ring, holes) of each polygon as N×2 arrays of (lon, lat)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [(np.asarray(p[0], dtype=float), [np.asarray(h, dtype=float) for h in p[1:]]) for p in polygons]


def _rings_contain(ring: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Ray casting for many points at once (same rule as `_ring_contains`)."""
    x1, y1 = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    lat_, lon_ = lat[:, None], lon[:, None]
    straddles = (y1 > lat_) != (y2 > lat_)
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = lon_ < x1 + (lat_ - y1) * (x2 - x1) / (y2 - y1)
    return ((straddles & crossing).sum(axis=1) % 2).astype(bool)


def _all_inside(polygons, lon: np.ndarray, lat: np.ndarray) -> bool:
    inside = np.zeros(len(lon), dtype=bool)
    for outer, holes in polygons:
        here = _rings_contain(outer, lon, lat)
        for hole in holes:
            here &= ~_rings_contain(hole, lon, lat)
        inside |= here
    return bool(inside.all())


def _distances_km(points: np.ndarray, placed: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) between rows of `points` and rows of `placed` (lat, lon)."""
    p, q = np.radians(points)[:, None, :], np.radians(placed)[None, :, :]
    d_phi, d_lambda = q[..., 0] - p[..., 0], q[..., 1] - p[..., 1]
    a = np.sin(d_phi / 2) ** 2 + np.cos(p[..., 0]) * np.cos(q[..., 0]) * np.sin(d_lambda / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(a))


def _min_distance_km(points: np.ndarray, placed: np.ndarray) -> float:
    """Smallest great-circle distance between any of `points` and any of `placed`."""
    if not len(points) or not len(placed):
        return math.inf
    return float(_distances_km(points, placed).min())


def spread_positions(
    frame: pd.DataFrame,
    regions: dict[str, dict] | None = None,
    spacing_km: float = POINT_SPACING_KM,
    step_km: float = RING_STEP_KM,
) -> pd.DataFrame:
    """Add map_latitude/map_longitude: places of one town on rings around its centre (by place_id).

    A place alone in its town stays on the centre. For a town with several, the rings are turned
    (in 15° steps, first fit wins) so that every point stays inside the town's region, when
    `regions` is given, and at least `spacing_km` from the points of other towns. Vectorised
    (numpy): thousands of places are spread in well under a second.
    """
    out = frame.copy()
    out["map_latitude"] = out["latitude"].astype(float)
    out["map_longitude"] = out["longitude"].astype(float)
    groups = [group.sort_values("place_id") for _, group in out.groupby("town", sort=True)]
    singles = [(float(g["latitude"].iloc[0]), float(g["longitude"].iloc[0])) for g in groups if len(g) == 1]
    placed = np.asarray(singles, dtype=float).reshape(-1, 2)
    shapes = {name: _rings_arrays(geometry) for name, geometry in (regions or {}).items()}
    turns = [(math.cos(math.radians(d)), math.sin(math.radians(d))) for d in ROTATIONS]
    for group in sorted((g for g in groups if len(g) > 1), key=lambda g: (-len(g), g["town"].iloc[0])):
        latitude, longitude = float(group["latitude"].iloc[0]), float(group["longitude"].iloc[0])
        region = shapes.get(group["region"].iloc[0]) if regions and "region" in group else None
        base = np.asarray(ring_offsets(len(group), spacing_km, step_km), dtype=float)
        km_per_degree_longitude = KM_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude))
        # Clearance only counts up to `spacing_km`: points of other towns farther than the rings'
        # radius + spacing from this centre can never be the nearest within that cap.
        reach = float(np.hypot(base[:, 0], base[:, 1]).max()) + spacing_km
        centre = np.asarray([[latitude, longitude]])
        near = placed[_distances_km(centre, placed)[0] <= reach * 1.01] if len(placed) else placed
        best, best_score = None, None
        for cos, sin in turns:
            north = base[:, 0] * cos - base[:, 1] * sin
            east = base[:, 0] * sin + base[:, 1] * cos
            points = np.column_stack(
                (latitude + north / KM_PER_DEGREE_LATITUDE, longitude + east / km_per_degree_longitude)
            )
            inside = region is None or _all_inside(region, points[:, 1], points[:, 0])
            clearance = _min_distance_km(points, near)
            score = (inside, min(clearance, spacing_km))
            if best_score is None or score > best_score:
                best, best_score = points, score
            if inside and clearance >= spacing_km:
                break
        out.loc[group.index, "map_latitude"] = best[:, 0]
        out.loc[group.index, "map_longitude"] = best[:, 1]
        placed = np.vstack((placed, best))
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
