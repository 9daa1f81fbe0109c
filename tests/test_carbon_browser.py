"""Real Chromium renders the carbon page offline: ranges and derived bounds visible, charts drawn, and at
1024 px the two-panel chart's titles do not run into each other nor are its axis labels cut."""

import pytest
from conftest import visible_text, wait_for_app

pytestmark = pytest.mark.browser

# The two statements' charts and the three benchmark charts (per shooting day, per production, per hour).
CHARTS = 5


def test_carbon_page_in_chromium(page, app_server):
    page.goto(app_server + "/carbon?lang=en")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetricValue"]')
    page.wait_for_selector(".js-plotly-plot")
    text = visible_text(page)
    for figure in ("437.5–662.5", "1,197.5–1,202.5", "167.65–168.35 tCO2e", "6.50–6.54 tCO2e", "only 5 projects"):
        assert figure in text
    assert "not a norm" in text and "green manager" in text
    assert page.locator(".js-plotly-plot").count() == CHARTS
    assert page.outside_requests == []
    assert page.page_errors == []


def test_narrow_screen_titles_and_labels_fit(page, app_server):
    page.set_viewport_size({"width": 1024, "height": 900})
    page.goto(app_server + "/carbon?lang=fr")
    wait_for_app(page)
    page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot').length >= {CHARTS}")
    page.wait_for_timeout(1500)
    # The spend-and-carbon chart: the one with two subplot titles.
    boxes = page.evaluate(
        """() => {
            const plots = [...document.querySelectorAll('.js-plotly-plot')];
            const plot = plots.find(p => p.querySelectorAll('.annotation-text').length === 2);
            const rect = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
            return {
                svg: rect(plot.querySelector('.main-svg').getBoundingClientRect()),
                titles: [...plot.querySelectorAll('.annotation-text')].map(t => rect(t.getBoundingClientRect())),
                ticks: [...plot.querySelectorAll('.xtick text')].map(t => rect(t.getBoundingClientRect())),
            };
        }"""
    )
    first, second = boxes["titles"]
    assert first["right"] <= second["left"], boxes["titles"]  # the titles do not meet
    svg = boxes["svg"]
    for tick in boxes["ticks"]:  # every axis label inside the chart, none cut
        assert svg["left"] - 1 <= tick["left"] and tick["right"] <= svg["right"] + 1, tick
        assert tick["bottom"] <= svg["bottom"] + 1, tick
    assert page.page_errors == []
