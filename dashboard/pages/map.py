"""Map of studios and places: every place the sources locate, by kind, drawn without internet.

Shows a pydeck map (offline outline of Belgium, Wallonia and the provinces from the shipped
Natural Earth file; optional online OpenStreetMap tiles), a legend, the table of the places
shown with a GeoJSON download, and counts by kind and by province.
Queries: places/places_shown, places/counts_by_town, places/counts_by_kind, places/counts_by_province.
URL parameters: kinds (comma list), q (name search), closed=1 (show closed places).
"""

import functools

import streamlit as st

from dashboard.components.cards import Meta, table_card
from dashboard.components.formatting import format_count
from dashboard.components.i18n import current_language, label_of, t, translate_count
from dashboard.components.map_labels import (
    kind_counts_table,
    points_feature_collection,
    province_counts_table,
    table_frame,
    tooltip_records,
    town_marker_records,
)
from dashboard.components.maps import build_places_deck, legend_lines, spread_on_map
from dashboard.components.permalink import Param
from dashboard.components.report import current_report
from dashboard.components.shell import page_header, read_page_params, write_page_params
from dashboard.components.sources import source_labels
from dashboard.data.queries import run_query
from dashboard.places import (
    KINDS,
    MAX_POINTS_PER_TOWN,
    SEARCH_MAX_CHARS,
    STATUSES_ACTIVE,
    STATUSES_ALL,
    dense_towns,
    feature_collection_bytes,
    load_boundaries,
    province_codes,
    search_places,
    sql_list,
)

SPEC = [
    Param("kinds", KINDS, multi=True, default=list(KINDS)),
    Param("q", None, default="", max_length=SEARCH_MAX_CHARS),
    Param("closed", ("1",), default=None),
]
params = read_page_params(SPEC)
page_header("map.title", "map.intro")
lang = current_language()
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
query = functools.partial(run_query, lang=lang, **current_report().params)

# Widgets start from the URL once; afterwards their own state rules (an empty selection stays empty).
for key, value in (("map_kinds", params["kinds"]), ("map_q", params["q"]), ("map_closed", params["closed"] == "1")):
    st.session_state.setdefault(key, value)
filters = st.columns([3, 2])
kinds = filters[0].pills(
    t("map.kinds"), KINDS, selection_mode="multi", format_func=label_of, key="map_kinds", wrap=True
)
search = filters[1].text_input(t("map.search"), help=t("map.search_help"), key="map_q", max_chars=SEARCH_MAX_CHARS)
switches = st.columns(2)
show_closed = switches[0].toggle(t("map.show_closed"), help=t("map.show_closed_help"), key="map_closed")
online_tiles = switches[1].checkbox(
    t("map.online_tiles"), value=False, help=t("map.online_tiles_help"), key="map_tiles"
)
write_page_params({"kinds": kinds, "q": search.strip(), "closed": "1" if show_closed else None}, SPEC)

located = query("places/places_shown", kinds=sql_list(kinds), statuses=STATUSES_ALL if show_closed else STATUSES_ACTIVE)
boundaries = load_boundaries()
shown = search_places(located, search)
place_ids = sql_list(shown["place_id"])
town_counts = query("places/counts_by_town", place_ids=place_ids)
dense = dense_towns(town_counts)  # drawn as one marker per town; every place stays in the table
drawn = spread_on_map(shown[~shown["town"].isin(dense)])
source_ids = list(dict.fromkeys(shown["source_id"]))
sources = dict(zip(source_ids, source_labels(source_ids, short=True)))
records = tooltip_records(drawn, lang, sources)
codes = province_codes(boundaries)

if online_tiles:
    st.info(t("map.tiles_notice"), icon="🌐")
st.pydeck_chart(
    build_places_deck(
        records, town_counts, boundaries, lang, online_tiles, town_marker_records(town_counts, dense, lang)
    ),
    height=600,
    alt=t(
        "map.map_alt",
        places=format_count("common.places", len(shown)),
        towns=format_count("common.towns", len(town_counts)),
    ),
    key="places_map",
)
st.caption(t("map.credit") + (" " + t("map.tiles_credit") if online_tiles else ""))
kinds_shown = [kind for kind in KINDS if kind in set(shown["kind"])]
legend = st.columns(4)
for index, line in enumerate(legend_lines(kinds_shown, bool(shown["portfolio_company"].notna().any()), lang)):
    legend[index % 4].markdown(line)
if dense:
    st.caption(t("map.legend_town_marker", limit=MAX_POINTS_PER_TOWN))
st.caption(f"{t('map.legend')} — {t('map.legend_outline')}")

if shown.empty:
    st.info(t("map.no_places"), icon="ℹ️")
else:
    places, towns = format_count("common.places", len(shown)), format_count("common.towns", len(town_counts))
    st.caption(translate_count("map.summary", len(shown), lang, places=places, towns=towns))

filters_context = {
    t("map.kinds"): ", ".join(label_of(kind) for kind in kinds),
    t("map.search"): search,
    t("map.show_closed"): "✓" if show_closed else "✗",
}
table_card(
    table_frame(shown, lang, sources, codes),
    Meta(t("map.table_title"), source_ids, t("map.table_note"), t("nav.map"), filters_context),
    "map_places",
)
st.download_button(
    t("map.download_geojson"),
    lambda: feature_collection_bytes(points_feature_collection(shown, lang, sources)),  # made when pressed
    file_name="map_places.geojson",
    mime="application/geo+json",
    key="map_places:geojson",
    on_click="ignore",
)

by_kind, by_province = st.columns(2)
with by_kind:
    table_card(
        kind_counts_table(query("places/counts_by_kind", place_ids=place_ids), lang),
        Meta(t("map.by_kind_title"), source_ids, page=t("nav.map"), context=filters_context),
        "map_by_kind",
    )
with by_province:
    table_card(
        province_counts_table(query("places/counts_by_province", place_ids=place_ids), lang, codes),
        Meta(t("map.by_province_title"), source_ids, t("map.province_note"), t("nav.map")),
        "map_by_province",
    )
