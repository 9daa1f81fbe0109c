"""Real Chromium: presentation mode shows big figures, steps through every slide, keeps the slide
in the URL, opens an English permalink, and fetches nothing from outside 127.0.0.1."""

import pytest
from conftest import visible_text, wait_for_app

pytestmark = pytest.mark.browser


def test_presentation_steps_through_every_slide_and_back(page, app_server):
    page.goto(app_server + "/presentation")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetricValue"]')
    text = visible_text(page)
    for figure in ("49", "7.094.800 €", "46.231.969,51 €", "651,63 %", "Bilan 2024 §7.1"):
        assert figure in text
    assert not page.locator('[data-testid="stSidebar"]').is_visible(), "the sidebar is hidden on a projector"
    # Size of the innermost element that holds the number's text.
    size = page.locator('[data-testid="stMetricValue"]').first.evaluate(
        "e => { while (e.firstElementChild) e = e.firstElementChild; return parseFloat(getComputedStyle(e).fontSize); }"
    )
    assert size >= 56, f"big numbers are about 4rem, got {size}px"
    expected = {
        2: "Investissement et dépenses wallonnes par secteur, 2024",
        3: "entre 6,2 M€ et 8,6 M€ de retombées",
        4: "Studios, sociétés, lieux de tournage et festivals en Wallonie et à Bruxelles",
    }
    for number in (2, 3, 4):
        page.get_by_role("button", name="Suivant ▶").click()
        page.wait_for_url(f"**slide={number}**")
        wait_for_app(page)
        assert expected[number] in visible_text(page)
        assert f"Diapositive {number} / 4" in visible_text(page)
    assert "8.593.941,49 €" not in visible_text(page)
    for number in (3, 2):
        page.get_by_role("button", name="◀ Précédent").click()
        page.wait_for_url(f"**slide={number}**")
        wait_for_app(page)
        assert expected[number] in visible_text(page)
    page.wait_for_selector(".js-plotly-plot")
    page.get_by_role("button", name="◀ Précédent").click()
    page.wait_for_function("() => !location.search.includes('slide=')")
    wait_for_app(page)
    assert "46.231.969,51 €" in visible_text(page)
    assert page.page_errors == []
    assert page.outside_requests == []


def test_english_permalink_opens_slide_2(page, app_server):
    page.goto(app_server + "/presentation?lang=en&slide=2")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot")
    text = visible_text(page)
    assert "Investment and Walloon spend by sector, 2024" in text
    assert "Slide 2 / 4" in text and "Next ▶" in text
    assert "Invested by Wallimage" in text and "Live action" in text
    assert "slide=2" in page.url and "lang=en" in page.url
    assert page.page_errors == []
    assert page.outside_requests == []
