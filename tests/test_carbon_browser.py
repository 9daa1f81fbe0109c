"""Real Chromium renders the carbon page offline: ranges and derived bounds visible, charts drawn."""

import pytest
from conftest import visible_text, wait_for_app

pytestmark = pytest.mark.browser


def test_carbon_page_in_chromium(page, app_server):
    page.goto(app_server + "/carbon?lang=en")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetricValue"]')
    page.wait_for_selector(".js-plotly-plot")
    text = visible_text(page)
    for figure in ("437.5–662.5", "1,197.5–1,202.5", "167.65–168.35 tCO2e", "6.50–6.54 tCO2e", "only 5 projects"):
        assert figure in text
    assert page.locator(".js-plotly-plot").count() == 2
    assert page.outside_requests == []
    assert page.page_errors == []
