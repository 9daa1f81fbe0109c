"""Real Chromium at projector sizes: no KPI figure, label, control or filter option is cut or hidden."""

import pytest
from conftest import wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Every text of the main area that is wider than its box (CSS cuts it with "…": metric values and
# labels, buttons, links, widget labels, Streamlit's one-line markdown), and every row of pills
# that hides options behind a horizontal scroll. A text cut inside its box is measured with a Range.
CUT_JS = """() => {
  const wider = e => {
    const style = getComputedStyle(e);
    if (style.overflowX === 'visible') return e.scrollWidth > e.clientWidth + 8;  // spills out visibly
    if (e.scrollWidth > e.clientWidth + 1) return true;  // clipped
    if (style.textOverflow !== 'ellipsis' || style.display.startsWith('inline')) return false;
    const range = document.createRange();  // a one-line text cut with "…" inside its own box
    range.selectNodeContents(e);
    return range.getBoundingClientRect().width > e.clientWidth + 1;
  };
  return [...document.querySelectorAll(
    '[data-testid="stMetricValue"] div, [data-testid="stMetricLabel"] p, [data-testid="stMain"] button p,'
    + ' [data-testid="stPageLink"] p, [data-testid="stMain"] label p, [data-testid="stMain"] label span,'
    + ' [data-testid="stMain"] .stMarkdownEllipsis,'
    + ' [data-testid="stMain"] [data-testid="stButtonGroup"] [role="toolbar"]')]
  .filter(e => e.innerText.trim() && e.getBoundingClientRect().width > 0 && wider(e))
  .map(e => e.getAttribute('aria-label') || e.innerText);
}"""

VALUES_JS = """() => [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(e => e.innerText)"""


@pytest.mark.parametrize("width,height", [(1024, 768), (1280, 720)])
@pytest.mark.parametrize("path", ["/", "/scenarios", "/carbon", "/investment", "/presentation"])
def test_kpi_cards_are_never_cut_at_projector_sizes(page, app_server, path, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_server + path)
    wait_for_app(page)
    if path == "/investment":
        page.get_by_role("tab", name="2024 en détail").click()
        wait_for_app(page)
    page.locator('[data-testid="stMetricValue"]').first.wait_for()
    page.wait_for_timeout(300)  # fonts and container sizes settled
    assert page.evaluate(CUT_JS) == []
    values = " ".join(page.evaluate(VALUES_JS)).replace("\u00a0", " ")
    expected = {
        "/": "46.231.969,51 €",
        "/scenarios": "8.593.941,49 €",
        "/carbon": "tCO2e",
        "/investment": "46.231.969,51 €",
        "/presentation": "46.231.969,51 €",
    }[path]
    assert expected in values


@pytest.mark.parametrize("width,height", [(1024, 768), (1280, 720)])
def test_every_place_type_of_the_map_filter_is_in_view(page, app_server, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_server + "/map")
    wait_for_app(page)
    kinds = page.locator('[data-testid="stButtonGroup"]').filter(has_text="Types de lieux").get_by_role("button")
    expect(kinds).to_have_count(7)  # the seven place types, all chosen by default
    for index in range(7):
        expect(kinds.nth(index)).to_be_in_viewport()
        expect(kinds.nth(index)).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(CUT_JS) == []
