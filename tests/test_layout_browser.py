"""Real Chromium at projector sizes: no KPI figure or label, and no presentation control, is cut."""

import pytest
from conftest import wait_for_app

pytestmark = pytest.mark.browser

# Every metric value and label, button, link and toggle label whose text is wider than its box
# (CSS cuts it with "…"), and every row of pills that hides options behind a horizontal scroll.
CUT_JS = """() => [...document.querySelectorAll(
    '[data-testid="stMetricValue"] div, [data-testid="stMetricLabel"] p, [data-testid="stMain"] button p,'
    + ' [data-testid="stPageLink"] p, [data-testid="stMain"] label p, [data-testid="stMain"] label span,'
    + ' [data-testid="stMain"] [data-testid="stButtonGroup"] [role="toolbar"]')]
  .filter(e => e.innerText.trim() && e.getBoundingClientRect().width > 0 && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.getAttribute('aria-label') || e.innerText)"""

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
