"""Real Chromium: a filter from the URL, another chosen on screen, the works table downloaded as XLSX."""

import io

import openpyxl
import pytest
from conftest import visible_text, wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def filter_pills(page, label: str):
    """The Streamlit pills (multi-select) with this label."""
    return page.locator('[data-testid="stButtonGroup"]').filter(has_text=label)


def choose(page, label: str, option: str) -> None:
    """Click an option of the filter pills with this label."""
    filter_pills(page, label).get_by_role("button", name=option, exact=True).click()
    wait_for_app(page)


def test_filter_from_url_then_on_screen_then_xlsx_download(page, app_server):
    page.goto(app_server + "/investment?sector=live_action")
    wait_for_app(page)
    page.get_by_text("Investi et dépenses wallonnes par année").wait_for()  # the by-year chart card
    chosen = filter_pills(page, "Secteur").locator('button[aria-pressed="true"]')
    expect(chosen).to_have_text("Prises de vues réelles", timeout=90_000)  # preset from the URL
    page.get_by_role("tab", name="2024 en détail").click()
    page.get_by_text("2024 par secteur").wait_for()
    page.get_by_text("30.557.289,12").first.wait_for()  # the cards render a moment after the titles
    text = visible_text(page)
    assert "35" in text and "4.784.800,00 €" in text and "30.557.289,12 €" in text

    choose(page, "Origine du projet", "Initié en France")
    page.wait_for_function("() => window.location.search.includes('origin=france')")
    assert "sector=live_action" in page.url
    page.get_by_text("13.489.364,37").first.wait_for()
    text = visible_text(page)
    assert "2.020.000,00 €" in text and "13.489.364,37 €" in text  # §2.2.2.3.4: 12 works initiated in France

    page.get_by_role("tab", name="Les œuvres").click()
    page.get_by_text("Les œuvres coproduites en 2024 (12)").wait_for()
    panel = page.locator('[role="tabpanel"]:visible')
    with page.expect_download() as download:
        panel.locator('[data-testid="stDownloadButton"]').filter(has_text="Excel").first.click()
    assert download.value.suggested_filename == "investment_works_2024.xlsx"
    with open(download.value.path(), "rb") as handle:  # the temporary file has no extension
        workbook = openpyxl.load_workbook(io.BytesIO(handle.read()))
    assert workbook.sheetnames == ["données", "contexte"]
    rows = list(workbook["données"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 12
    column = {name: index for index, name in enumerate(header)}
    assert {row[column["Origine"]] for row in body} == {"Initié en France"}
    assert {row[column["Secteur"]] for row in body} == {"Prises de vues réelles"}
    assert sum(row[column["Investissement (€)"]] for row in body) == pytest.approx(2_020_000)
    context = {row[0]: row[1] for row in workbook["contexte"].iter_rows(min_row=2, values_only=True)}
    assert context["Secteur"] == "Prises de vues réelles"
    assert context["Origine du projet"] == "Initié en France"
    assert context["Type d’œuvre"] == "Tous"
    assert "Bilan 2024 §7.1" in context["sources"]

    assert page.outside_requests == []
    assert page.page_errors == []


def test_language_switch_keeps_the_open_tab(page, app_server):
    page.goto(app_server + "/investment")
    wait_for_app(page)
    page.get_by_role("tab", name="Les œuvres").click()
    page.get_by_text("Les œuvres coproduites en 2024 (49)").wait_for()
    page.locator('[data-testid="stSidebar"] [data-testid="stButtonGroup"]').get_by_text("English").click()
    wait_for_app(page)
    page.get_by_text("Works co-produced in 2024 (49)").wait_for()
    expect(page.get_by_role("tab", name="The works")).to_have_attribute("aria-selected", "true")
    assert "lang=en" in page.url


def test_a_copied_address_reopens_the_same_tab_filters_and_work(page, app_server):
    page.goto(app_server + "/investment?sector=animation&tab=detail")
    wait_for_app(page)
    expect(page.get_by_role("tab", name="2024 en détail")).to_have_attribute("aria-selected", "true")
    page.get_by_text("2.180.000,00").first.wait_for()  # §7.1: the 13 animation works
    page.get_by_role("tab", name="Les œuvres").click()
    page.get_by_text("Les œuvres coproduites en 2024 (13)").wait_for()
    page.wait_for_function("() => /[?&]work=\\d+/.test(window.location.search)")
    assert "tab=works" in page.url and "sector=animation" in page.url
    chosen = page.locator('[data-testid="stSelectbox"]').inner_text()

    copy = page.context.new_page()
    copy.goto(page.url)
    wait_for_app(copy)
    expect(copy.get_by_role("tab", name="Les œuvres")).to_have_attribute("aria-selected", "true")
    copy.get_by_text("Les œuvres coproduites en 2024 (13)").wait_for()
    assert copy.locator('[data-testid="stSelectbox"]').inner_text() == chosen
    copy.close()
