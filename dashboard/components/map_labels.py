"""The map page's texts in a language: tooltips, the table under the map, the counts tables and
the GeoJSON export, from the rows the page queried and the pure helpers of dashboard/places.py."""

from __future__ import annotations

import pandas as pd

from dashboard.components.i18n import label_of, translate
from dashboard.places import KINDS


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


def regions_phrase(regions, lang: str) -> str:
    """Where the places are, from the regions of their towns, most places first: « en Wallonie »,
    « en Wallonie et à Bruxelles » / "in Wallonia and Brussels" (never « en Wallonie » alone when a
    place, such as a Brussels festival, is elsewhere)."""
    names = [translate(f"presentation.in_region_{region}", lang) for region in dict.fromkeys(regions)]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {translate('presentation.and', lang)} {names[-1]}"
