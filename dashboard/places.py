"""Places on the map: kinds, name search, spreading points that share a town, GeoJSON export.

Pure functions (no Streamlit). Coordinates in the database are the town centre (GeoNames), so
every place is approximate at town level; points that share a town are spread on small rings
around the centre so that none hides another, deterministically (same input, same picture).
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dashboard.components.i18n import label_of, translate
from dashboard.map_layout import (  # noqa: F401  (re-exported: the map's layout used to live here)
    KM_PER_DEGREE_LATITUDE,
    POINT_SPACING_KM,
    RING_STEP_KM,
    ROTATIONS,
    distance_km,
    geometry_contains,
    region_geometries,
    ring_offsets,
    spread_positions,
)

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

# Above this many places in one town, rings would spread them tens of kilometres from where they
# are: the town is drawn as one marker with its count (every place stays in the table).
MAX_POINTS_PER_TOWN = 24
# The name search box and its URL parameter `q` accept the same length.
SEARCH_MAX_CHARS = 60


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
