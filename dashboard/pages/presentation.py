"""Presentation mode for festival stands: four slides in large type, sidebar and toolbar hidden,
Previous/Next buttons, an optional auto-advance timer, the slide number in the URL (`?slide=2`).

Queries: overview/coproduction_totals, investment/total_source, overview/totals_by_sector, overview/scenario_range,
presentation/scenario_totals, overview/place_count, presentation/places_by_kind, presentation/places_by_region,
presentation/place_sources.
"""

import functools
import time

import pandas as pd
import streamlit as st

from dashboard import slides
from dashboard.components import presentation as show
from dashboard.components.cards import PLOTLY_CONFIG, Meta, downloads, not_published
from dashboard.components.charts_presentation import build_sector_slide_figure
from dashboard.components.export import export_frame
from dashboard.components.formatting import format_compact_money, format_money, format_number, format_percent
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.map_labels import regions_phrase
from dashboard.components.permalink import Param
from dashboard.components.report import current_report
from dashboard.components.shell import page_object, read_page_params, write_page_params
from dashboard.data.queries import run_query
from dashboard.metrics import ratio_pct

TOTAL = slides.slide_count()
SPEC = [
    Param("slide", choices=tuple(str(n) for n in range(1, TOTAL + 1)), default="1"),
    Param("auto", number_range=slides.SECONDS_RANGE, integer=True, default=None),
]
values = read_page_params(SPEC)
lang = current_language()
# Every query of this page reads the chosen report (year, previous_year) in the session's language.
query = functools.partial(run_query, lang=lang, **current_report().params)
year = current_report().year
show.projector_style()
if "presentation_auto" not in st.session_state:
    st.session_state["presentation_auto"] = values["auto"] is not None
    st.session_state["presentation_seconds"] = values["auto"] or slides.DEFAULT_SECONDS
current = slides.clamp_slide(values["slide"], TOTAL)


def move(step: int) -> None:
    """Button callback: go to the previous/next slide (runs before the page reruns)."""
    st.query_params["slide"] = str(slides.step_slide(slides.clamp_slide(st.query_params.get("slide", 1)), step))


def switch_language() -> None:
    """Button callback: the sidebar is hidden here, so the language switch is on the slide."""
    st.session_state["lang_choice"] = "en" if lang == "fr" else "fr"


name = slides.SLIDES[current - 1]
if name == "headline":
    totals = query("overview/coproduction_totals").iloc[0]
    ratio = ratio_pct(totals["walloon_spend_cents"], totals["investment_cents"])
    show.slide_title(t("presentation.headline_title", per_euro=format_money(ratio / 100), year=year))
    left, right = st.columns(2)
    with left:
        show.big_figure(t("presentation.works", year=year), format_number(totals["works"]))
        show.big_figure(t("presentation.spend"), show.money_text(totals["walloon_spend_cents"], lang))
    with right:
        show.big_figure(t("presentation.invested"), show.money_text(totals["investment_cents"], lang))
        show.big_figure(t("presentation.ratio"), format_percent(ratio))
    data = totals.to_frame().T[["works", "investment_cents", "walloon_spend_cents"]]
    source_ids = list(query("investment/total_source")["source_id"])
    show.slide_footer(source_ids, "reported", t("presentation.headline_note"))
elif name == "sectors":
    sectors = query("overview/totals_by_sector")
    show.slide_title(t("presentation.sectors_title", year=year))
    st.plotly_chart(build_sector_slide_figure(sectors, lang), config=PLOTLY_CONFIG, width="stretch", key="slide_chart")
    data = sectors.assign(sector=[label_of(code) for code in sectors["sector"]])
    data, source_ids = data[["sector", "works", "investment_cents", "walloon_spend_cents"]], list(sectors["source_id"])
    show.slide_footer(source_ids, "reported", t("presentation.sectors_note"))
elif name == "scenarios" and query("presentation/scenario_totals").empty:  # a report without scenarios
    show.slide_title(t("nav.scenarios"))
    not_published("scenarios")
    data, source_ids = pd.DataFrame(), []
elif name == "scenarios":
    span = query("overview/scenario_range").iloc[0]
    scenarios = query("presentation/scenario_totals")
    low, high = (
        format_compact_money(span["low_total_cents"] / 100),
        format_compact_money(span["high_total_cents"] / 100),
    )
    show.slide_title(t("presentation.scenarios_title", low=low, high=high))
    for column, row in zip(st.columns(len(scenarios)), scenarios.itertuples()):
        with column:
            show.big_figure(
                t("presentation.scenario_label", share=slides.share_text(row.share_bp, lang)),
                format_compact_money(row.total_cents / 100),
                t("presentation.exact", value=show.money_text(row.total_cents, lang)),
            )
    st.markdown(t("presentation.scenario_days", days=format_number(int(scenarios["days"].max()))))
    data = scenarios.rename(
        columns={"share_bp": "slide_share_bp", "days": "slide_days", "total_cents": "slide_total_cents"}
    )[["slide_share_bp", "slide_days", "slide_total_cents"]]
    source_ids = list(dict.fromkeys(scenarios["source_id"]))
    show.slide_footer(source_ids, "estimated", t("presentation.scenarios_note", count=format_number(len(scenarios))))
else:
    places = query("overview/place_count").iloc[0]
    kinds = query("presentation/places_by_kind")
    regions = query("presentation/places_by_region")["region"]  # where the places are, from the data
    show.slide_title(t("presentation.places_title", regions=regions_phrase(regions, lang)))
    left, right = st.columns(2)
    with left:
        show.big_figure(t("presentation.places"), format_number(places["places"]))
    with right:
        show.big_figure(t("presentation.towns"), format_number(places["towns"]))
    with st.container(key="slide_list"):
        st.markdown(
            "\n".join(f"- **{format_number(r.places)}** {t('presentation.kind_' + r.kind)}" for r in kinds.itertuples())
        )
    st.page_link(page_object("map.py"), label=t("presentation.open_map"), icon="🗺️")
    data = kinds.assign(kind=[t("presentation.kind_" + k) for k in kinds["kind"]]).rename(
        columns={"kind": "slide_place_kind", "places": "slide_places", "towns": "slide_towns"}
    )
    source_ids = list(query("presentation/place_sources")["source_id"])
    show.slide_footer(source_ids, "reported", t("presentation.places_note"))

# One row fixed to the bottom of the screen (it wraps rather than cut a control on a 1024 px projector).
with st.container(horizontal=True, vertical_alignment="center", key="slide_controls"):
    keys = t("presentation.keys_help")
    st.button(t("presentation.previous"), on_click=move, args=(-1,), key="slide_previous", help=keys)
    st.markdown(t("presentation.position", current=current, total=TOTAL), width="content")
    st.button(t("presentation.next"), on_click=move, args=(1,), key="slide_next", help=keys)
    st.toggle(t("presentation.auto"), key="presentation_auto")
    st.number_input(
        t("presentation.seconds"),
        *slides.SECONDS_RANGE,
        step=5,
        key="presentation_seconds",
        label_visibility="collapsed",
        icon="⏱️",
        width=110,
    )
    st.button(t("presentation.switch_language"), on_click=switch_language, key="slide_language")
    with st.popover(t("presentation.data_button"), icon="📥", help=t("presentation.slide_data")):
        meta = Meta(t("presentation.slide_data_title", number=current), source_ids, page=t("nav.presentation"))
        downloads(export_frame(data), meta, f"presentation_slide_{current}")
    st.page_link(page_object("overview.py"), label=t("presentation.exit"), icon="↩️")
show.keyboard_control()

auto, seconds = st.session_state["presentation_auto"], int(st.session_state["presentation_seconds"])
write_page_params({"slide": str(current), "auto": seconds if auto else None}, SPEC)


@st.fragment(run_every=seconds if auto else None)
def advance_when_due(slide: int) -> None:
    """Timer: once the slide has been shown for its duration, go to the next one."""
    now = time.monotonic()
    shown_slide, since = st.session_state.get("presentation_shown", (None, now))
    if shown_slide != slide:
        st.session_state["presentation_shown"] = (slide, now)
    elif auto and slides.should_advance(since, now, seconds):
        st.session_state["presentation_shown"] = (None, now)
        st.query_params["slide"] = str(slides.step_slide(slide, 1, TOTAL))
        st.rerun()


advance_when_due(current)
