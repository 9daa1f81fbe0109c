"""Real Chromium opens the app and sees the headline figures, with nothing fetched from outside."""

import pytest
from conftest import visible_text, wait_for_app

pytestmark = pytest.mark.browser


def test_overview_headline_figures_in_chromium(page, app_server):
    page.goto(app_server + "/")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetricValue"]')
    text = visible_text(page)
    for figure in ("49", "7.094.800,00 €", "46.231.969,51 €", "651,63 %"):
        assert figure in text
    assert page.outside_requests == []
    assert page.page_errors == []
