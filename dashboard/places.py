"""Places on the map: kinds, colours, name search, dense towns, boundaries, GeoJSON bytes.

Pure functions (no Streamlit). Coordinates in the database are the town centre (GeoNames), so
every place is approximate at town level; dashboard/map_layout.py spreads the points that share a
town, and dashboard/components/map_labels.py gives tooltips, tables and the GeoJSON their texts.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

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


def feature_collection_bytes(collection: dict) -> bytes:
    """UTF-8 JSON text of a FeatureCollection (accents kept readable)."""
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")
