"""Presentation mode: slide stepping, timing, the sector figure and every slide in AppTest."""

import pytest
from conftest import run_app
from hypothesis import given
from hypothesis import strategies as st

from dashboard import slides
from dashboard.components.charts_presentation import build_sector_slide_figure
from dashboard.components.i18n import catalogue
from dashboard.components.presentation import money_text
from dashboard.components.quality import INVESTED_COLOUR, SPEND_COLOUR
from dashboard.data.queries import execute

PAGE = "dashboard/pages/presentation.py"


@given(st.integers(min_value=1, max_value=4), st.sampled_from([-1, 1]))
def test_stepping_stays_in_range_and_is_reversible(current, step):
    moved = slides.step_slide(current, step, 4)
    assert 1 <= moved <= 4
    assert slides.step_slide(moved, -step, 4) == current


def test_stepping_wraps_and_bad_values_fall_back():
    assert slides.step_slide(4, 1, 4) == 1 and slides.step_slide(1, -1, 4) == 4
    assert slides.clamp_slide("x") == 1 and slides.clamp_slide("9", 4) == 4 and slides.clamp_slide("2.0") == 2
    assert slides.should_advance(100.0, 120.0, 20) and not slides.should_advance(100.0, 119.9, 20)
    assert not slides.should_advance(0.0, 1e9, 0)


def test_number_texts():
    assert money_text(709480000, "fr") == "7.094.800\u00a0€"
    assert money_text(4623196951, "fr") == "46.231.969,51\u00a0€"
    assert money_text(4623196951, "en") == "€46,231,969.51"
    assert slides.share_text(2500, "fr") == "25\u00a0%" and slides.share_text(10000, "en") == "100%"


def test_sector_figure(db):
    frame = execute(db, "overview/totals_by_sector", {"year": 2024})
    figure = build_sector_slide_figure(frame, "fr")
    invested, spend = figure.data
    assert (invested.name, spend.name) == ("Investi par Wallimage", "Dépenses audiovisuelles wallonnes")
    assert (invested.marker.color, spend.marker.color) == (INVESTED_COLOUR, SPEND_COLOUR)
    assert list(invested.x) == [4784800.0, 2180000.0, 130000.0]
    assert list(spend.x) == [30557289.12, 15412330.39, 262350.0]
    assert invested.orientation == "h" and invested.y[0] == "Prises de vues réelles<br>ratio 639\u00a0%"
    assert list(invested.text) == ["4,8\u00a0M€", "2,2\u00a0M€", "130.000\u00a0€"]
    assert spend.customdata[0] == "30.557.289,12\u00a0€"
    assert figure.layout.font.size >= 24 and figure.layout.barmode == "group"
    english = build_sector_slide_figure(frame, "en")
    assert english.data[0].y[1] == "Animation<br>ratio 707%" and english.data[1].name == "Walloon audiovisual spend"


def test_every_place_kind_has_a_label(db):
    kinds = execute(db, "presentation/places_by_kind", {"year": 2024})["kind"]
    assert all(f"presentation.kind_{kind}" in catalogue() for kind in kinds)


def show(slide: int, lang: str = "fr"):
    at = run_app(PAGE, lang=lang)
    if slide != 1:
        at.query_params["slide"] = str(slide)
        at.run()
    assert not at.exception and not at.error
    return at


def metrics(at) -> dict[str, str]:
    return {m.label.replace("\u00a0", " "): m.value.replace("\u00a0", " ") for m in at.metric}


def test_slide_1_headline(app_env):
    at = show(1)
    assert metrics(at) == {
        "Œuvres coproduites en 2024": "49",
        "Investi par Wallimage": "7.094.800 €",
        "Dépenses audiovisuelles wallonnes": "46.231.969,51 €",
        "Ratio dépenses / investissement": "651,63 %",
    }
    assert "6,52" in at.header[0].value
    assert "Bilan 2024 §7.1" in at.caption[0].value


def test_slide_3_scenarios_and_4_places(app_env):
    at = show(3)
    assert at.header[0].value.replace("\u00a0", " ") == (
        "Jours de tournage en Wallonie : entre 6,2 M€ et 8,6 M€ de retombées"
    )
    values = metrics(at)
    assert values == {"Scénario 25 %": "6,2 M€", "Scénario 50 %": "7,0 M€", "Scénario 100 %": "8,6 M€"}
    captions = " ".join(c.value.replace("\u00a0", " ") for c in at.caption)
    for exact in ("6.233.802,18 €", "7.020.515,28 €", "8.593.941,49 €", "Bilan 2024 §2.2.7.2"):
        assert exact in captions
    assert any("**212 jours de tournage « affectables »**" in m.value for m in at.markdown)
    at = show(4, "en")
    assert metrics(at) == {"Places named": "30", "Towns": "9"}
    assert any("**11** animation studios" in m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_buttons_move_through_slides_and_put_the_number_in_the_url(app_env, lang):
    at = show(1, lang)
    titles = [at.header[0].value]
    for expected in ("2", "3", "4"):
        at.button(key="slide_next").click().run()
        assert at.query_params["slide"] in (expected, [expected])
        assert len(at.get("plotly_chart")) == (1 if expected == "2" else 0)
        titles.append(at.header[0].value)
    assert len(set(titles)) == 4
    at.button(key="slide_next").click().run()
    assert at.header[0].value == titles[0] and "slide" not in at.query_params
    at.button(key="slide_previous").click().run()
    assert at.header[0].value == titles[3]
    at.button(key="slide_language").click().run()
    assert at.header[0].value != titles[3]


def test_auto_advance_setting_goes_in_the_url(app_env):
    at = show(2)
    at.toggle(key="presentation_auto").set_value(True).run()
    assert not at.exception
    assert at.query_params["auto"] in ("20", ["20"])
