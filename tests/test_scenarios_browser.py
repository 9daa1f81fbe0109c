"""Real Chromium: the share slider moves with the keyboard and the total follows; the Excel download
of the calculation carries the chosen share; nothing is fetched from outside."""

import io

import pandas as pd
import pytest
from conftest import visible_text, wait_for_app

pytestmark = pytest.mark.browser


def wait_for_text(page, text: str, timeout: float = 90_000) -> None:
    page.wait_for_function(
        "t => document.body.innerText.replace(/\\u00a0|\\u202f/g, ' ').includes(t)", arg=text, timeout=timeout
    )


def test_slider_moves_the_total_in_chromium(page, app_server):
    page.goto(app_server + "/scenarios?share=50")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetricValue"]')
    text = visible_text(page)
    assert "Total à 50 %" in text and "7.020.515,28 €" in text
    assert "8.593.941,49 €" in text and "6.233.802,18 €" in text  # the three published scenarios

    slider = page.get_by_role("slider").first
    slider.focus()
    page.keyboard.press("End")
    wait_for_text(page, "Total à 100 %")
    wait_for_app(page)
    assert "4.426.311,49 €" in visible_text(page)
    assert "share=100" in page.url

    page.keyboard.press("Home")
    wait_for_text(page, "Total à 0 %")
    wait_for_app(page)
    assert "5.447.088,77 €" in visible_text(page)

    for _ in range(25):
        page.keyboard.press("ArrowRight")
    wait_for_text(page, "Total à 25 %")
    wait_for_app(page)
    assert "6.233.802,18 €" in visible_text(page)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="⬇ Excel").nth(1).click()  # the calculation table
    workbook = pd.read_excel(io.BytesIO(download_info.value.path().read_bytes()), sheet_name=None)
    context = dict(zip(workbook["contexte"].iloc[:, 0], workbook["contexte"].iloc[:, 1]))
    assert context["part du scénario"] == "25 %"
    assert context["données modifiées par l’utilisateur"] == "non (valeurs du rapport)"
    data = workbook["données"]
    assert data["Total (€)"].sum() == pytest.approx(6233801.92, abs=0.01)  # the model, within 1 € of 6.233.802,18

    assert page.outside_requests == []
    assert page.page_errors == []
