"""Places on the map: kinds, name search, spreading points that share a town, GeoJSON export.

Pure functions (no Streamlit). Coordinates in the database are the town centre (GeoNames), so
every place is approximate at town level; points that share a town are spread on small rings
around the centre so that none hides another, deterministically (same input, same picture).
"""

from __future__ import annotations

import json
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.components.i18n import label_of, translate

GEOJSON_PATH = Path(__file__).resolve().parent / "data" / "geo" / "belgium.geojson"

# Display order of the kinds (also the filter's choices and the legend order).
KINDS = (
    "animation_studio",
    "postproduction_technical",
    "studio_for_hire",
    "production_company",
    "shooting_location",
    "wallimage_office",
    "festival_event",
)
# One Okabe–Ito colour per kind (colour-blind safe); black is kept for the portfolio ring.
KIND_COLOURS = {
    "animation_studio": "#0072B2",
    "postproduction_technical": "#E69F00",
    "studio_for_hire": "#009E73",
    "production_company": "#D55E00",
    "shooting_location": "#CC79A7",
    "wallimage_office": "#56B4E9",
    "festival_event": "#F0E442",
}
PORTFOLIO_COLOUR = "#000000"
STATUSES_ACTIVE = ["active"]
STATUSES_ALL = ["active", "closed"]

KM_PER_DEGREE_LATITUDE = 111.32
# Ring geometry: about 14 px between neighbouring points at the opening zoom (~630 m per pixel).
POINT_SPACING_KM = 8.0
RING_STEP_KM = 7.0
# Above this many places in one town, rings would spread them tens of kilometres from where they
# are: the town is drawn as one marker with its count (every place stays in the table).
MAX_POINTS_PER_TOWN = 24


def sql_list(values) -> list[str]:
    """A list for an expanding `IN :param`; never empty.

    SQLAlchemy renders an empty expanding list as a subquery typed INTEGER, which PostgreSQL
    refuses to compare with text columns; the empty string matches no kind or place id.
    """
    return [str(value) for value in values] or [""]


def hex_to_rgba(colour: str, alpha: int = 255) -> list[int]:
    """'#0072B2' → [0, 114, 178, alpha] (deck.gl colour)."""
    value = colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def fold_text(text: str) -> str:
    """Lower case without accents, so that 'liege' finds 'Liège' and 'pole' finds 'Pôle'."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def search_places(frame: pd.DataFrame, query: str | None) -> pd.DataFrame:
    """Places whose name (or portfolio company) contains the query, ignoring case and accents."""
    needle = fold_text(query or "")
    if not needle:
        return frame
    haystack = frame["name"].map(fold_text) + " " + frame["portfolio_company"].fillna("").map(fold_text)
    return frame[haystack.str.contains(needle, regex=False)]


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


def _rotate(offsets, degrees: float):
    turn = math.radians(degrees)
    cos, sin = math.cos(turn), math.sin(turn)
    return [(north * cos - east * sin, north * sin + east * cos) for north, east in offsets]


def _shift(latitude: float, longitude: float, north_km: float, east_km: float) -> tuple[float, float]:
    km_per_degree_longitude = KM_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude))
    return latitude + north_km / KM_PER_DEGREE_LATITUDE, longitude + east_km / km_per_degree_longitude


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


def dense_towns(town_counts: pd.DataFrame, limit: int = MAX_POINTS_PER_TOWN) -> set[str]:
    """Towns with more places than can be drawn one by one around their centre."""
    return set(town_counts.loc[town_counts["place_count"] > limit, "town"])


def town_marker_records(town_counts: pd.DataFrame, towns: set[str], lang: str) -> list[dict]:
    """One JSON-ready record per dense town: its centre, its count and a tooltip saying why."""
    records = []
    for row in town_counts[town_counts["town"].isin(towns)].itertuples(index=False):
        records.append(
            {
                "name": row.town,
                "details": translate("map.town_marker", lang, count=int(row.place_count)),
                "description": translate("map.town_marker_note", lang),
                "source_label": translate("map.town_marker_source", lang),
                "precision_label": precision_label("town", lang),
                "position": [round(float(row.longitude), 6), round(float(row.latitude), 6)],
            }
        )
    return records


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


@lru_cache(maxsize=2)
def _boundaries_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_boundaries(path: Path = GEOJSON_PATH) -> dict:
    """The shipped boundary file (Natural Earth provinces, Wallonia, Belgium) as a dict."""
    return json.loads(_boundaries_text(str(path)))


def province_codes(boundaries: dict) -> dict[str, str]:
    """Province name as in the boundary file ('Liege') → ISO code ('BE-WLG')."""
    return {
        f["properties"]["name"]: f["properties"]["code"]
        for f in boundaries["features"]
        if f["properties"]["kind"] == "province"
    }


def province_label(name: str, codes: dict[str, str], lang: str) -> str:
    """French or English name of a province named as in the file ('Liege' → 'Liège')."""
    code = codes.get(name)
    return label_of(code, lang) if code else name


def precision_label(precision: str, lang: str) -> str:
    """'≈ approximate (town level)' for town-level coordinates."""
    return translate(f"labels.precision_{precision}", lang)


def tooltip_records(frame: pd.DataFrame, lang: str, sources: dict[str, str]) -> list[dict]:
    """One JSON-ready record per point, with the tooltip fields in the session language."""
    records = []
    for row in frame.itertuples(index=False):
        portfolio = row.portfolio_company if isinstance(row.portfolio_company, str) else ""
        portfolio_label = translate("map.portfolio_tooltip", lang, company=portfolio) if portfolio else ""
        status_label = label_of(f"status_{row.status}", lang) if row.status != "active" else ""
        records.append(
            {
                "place_id": row.place_id,
                "name": row.name,
                "kind": row.kind,
                "kind_label": label_of(row.kind, lang),
                "town": row.town,
                "details": " · ".join(
                    p for p in (label_of(row.kind, lang), row.town, status_label, portfolio_label) if p
                ),
                "description": getattr(row, f"description_{lang}"),
                "source_label": sources.get(row.source_id, row.source_id),
                "precision_label": precision_label(row.coordinate_precision, lang),
                "portfolio_label": portfolio_label,
                "position": [round(float(row.map_longitude), 6), round(float(row.map_latitude), 6)],
            }
        )
    return records


def table_frame(frame: pd.DataFrame, lang: str, sources: dict[str, str], codes: dict[str, str]) -> pd.DataFrame:
    """The table under the map: one row per place shown, coordinates marked approximate."""
    return pd.DataFrame(
        {
            "place_name": frame["name"],
            "place_kind": frame["kind"].map(lambda kind: label_of(kind, lang)),
            "place_town": frame["town"],
            "place_province": frame["province"].map(lambda name: province_label(name, codes, lang)),
            "place_status": frame["status"].map(lambda status: label_of(f"status_{status}", lang)),
            "place_portfolio_company": frame["portfolio_company"].fillna(""),
            "place_description": frame[f"description_{lang}"],
            "place_source": frame["source_id"].map(lambda source: sources.get(source, source)),
            "place_latitude": frame["latitude"].astype(float),
            "place_longitude": frame["longitude"].astype(float),
            "coordinate_precision": frame["coordinate_precision"].map(lambda p: precision_label(p, lang)),
        }
    ).reset_index(drop=True)


def points_feature_collection(frame: pd.DataFrame, lang: str, sources: dict[str, str]) -> dict:
    """GeoJSON FeatureCollection of the places shown, at their town-centre coordinates (not spread)."""
    features = []
    for row in frame.itertuples(index=False):
        portfolio = row.portfolio_company if isinstance(row.portfolio_company, str) else None
        features.append(
            {
                "type": "Feature",
                "id": row.place_id,
                "geometry": {"type": "Point", "coordinates": [float(row.longitude), float(row.latitude)]},
                "properties": {
                    "place_id": row.place_id,
                    "name": row.name,
                    "kind": row.kind,
                    "kind_label": label_of(row.kind, lang),
                    "town": row.town,
                    "status": row.status,
                    "portfolio_company": portfolio,
                    "description": getattr(row, f"description_{lang}"),
                    "source_id": row.source_id,
                    "source": sources.get(row.source_id, row.source_id),
                    "coordinate_precision": row.coordinate_precision,
                    "approximate": row.coordinate_precision != "exact",
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "attribution": translate("map.geojson_attribution", lang),
        "features": features,
    }


def feature_collection_bytes(collection: dict) -> bytes:
    """UTF-8 JSON text of a FeatureCollection (accents kept readable)."""
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")


def kind_counts_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Counts by kind (from SQL) with the kinds' display names, in legend order."""
    order = {kind: index for index, kind in enumerate(KINDS)}
    ordered = counts.assign(_order=counts["kind"].map(order)).sort_values("_order")
    return pd.DataFrame(
        {
            "place_kind": ordered["kind"].map(lambda kind: label_of(kind, lang)),
            "place_count": ordered["place_count"].astype(int),
            "town_count": ordered["town_count"].astype(int),
        }
    ).reset_index(drop=True)


def province_counts_table(counts: pd.DataFrame, lang: str, codes: dict[str, str]) -> pd.DataFrame:
    """Counts by province (from SQL) with French/English province and region names."""
    return pd.DataFrame(
        {
            "place_province": counts["province"].map(lambda name: province_label(name, codes, lang)),
            "place_region": counts["region"].map(lambda region: label_of(f"region_{region}", lang)),
            "place_count": counts["place_count"].astype(int),
            "town_count": counts["town_count"].astype(int),
        }
    ).reset_index(drop=True)
