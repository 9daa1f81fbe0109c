"""Real Chromium, every page in French and English at 1024×768 and 1440×900: what a viewer reads.

- no "None", "nan" or "NaT" anywhere in a page's text (a missing value reads "–");
- no server path, database URL or repository file name (`HISTORY.md`, `*.csv`, …);
- `<html lang>` is the page's language (Streamlit declares "en" whatever the language);
- on English pages, no Belgian-formatted number ("2.180.000,00 €", "99,95 %", "500 €") outside a
  quotation of the report. A quotation is marked in the text by French guillemets « … »: the app
  writes every direct quotation of the (French) report between them, so the check skips what they
  enclose, and nothing else.

The page's text is its rendered text (`innerText`) plus the texts of its SVG charts (axis ticks,
legends). Tables are drawn on a canvas: their cells are checked with AppTest (tests/test_finish_texts.py).
"""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from conftest import visible_text, wait_for_app

from dashboard.components.export import DATA_SHEET
from dashboard.components.i18n import label_of

pytestmark = pytest.mark.browser

PAGES = ["/", "/investment", "/scenarios", "/carbon", "/map", "/sources", "/presentation"]
# The other tabs and slides, at one size: their text is the same at both sizes.
MORE_VIEWS = [f"/investment?tab={tab}" for tab in ("detail", "posts", "works", "peers", "gaming")]
MORE_VIEWS += [f"/sources?tab={tab}" for tab in ("datasets", "documents", "definitions", "methods")]
MORE_VIEWS += [f"/presentation?slide={number}" for number in (2, 3, 4)]
SIZES = [(1024, 768), (1440, 900)]

MISSING = re.compile(r"\b(?:None|nan|NaN|NaT)\b")
INTERNALS = re.compile(
    r"/work/|/home/|/tmp/|/var/|[A-Za-z]:\\|sqlite:|postgres(?:ql)?(?:\+\w+)?://|"
    r"\b[\w.-]+\.(?:py|md|csv|sqlite|db|toml|sql|txt|json|geojson)\b",
)
BELGIAN = re.compile(
    r"(?<![\d.,€])[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?(?!\d)"  # 2.180.000 / 2.180.000,00 (not €0.005)
    r"|(?<![\d.,])\d+,\d{1,2}(?![\d])"  # 99,95 (a decimal comma)
    r"|\d %"  # 99 % (a space before the sign)
    r"|\d ?M?€"  # 500 € / 46,2 M€ (the euro after the number; texts of separate elements are on separate lines)
)
QUOTATION = re.compile(r"«[^»]*»")

TEXT_JS = """() => [document.body.innerText,
  ...[...document.querySelectorAll('svg text')].map(e => e.textContent)].join('\\n')"""


def page_text(tab) -> str:
    return tab.evaluate(TEXT_JS).replace("\u00a0", " ").replace("\u202f", " ")


def english_outside_quotations(text: str) -> list[str]:
    """Belgian-formatted numbers of an English text, quotations « … » left out, with their context."""
    unquoted = QUOTATION.sub("«»", text)
    return [unquoted[max(0, m.start() - 40) : m.end() + 20].replace("\n", " ") for m in BELGIAN.finditer(unquoted)]


def test_the_checks_catch_what_they_should():
    assert MISSING.search("Total: None") and MISSING.search("nan") and not MISSING.search("Nancy, nano")
    assert INTERNALS.search("sources of HISTORY.md") and INTERNALS.search("/work/main/dashboard/data/x")
    assert INTERNALS.search("sqlite:///x") and not INTERNALS.search("wallimage.be 08.05.2014, screen.brussels")
    assert len(english_outside_quotations("a flat 500 € and 99,95 % of 2.180.000,00 €")) == 3
    assert english_outside_quotations("Text: « près de 8.600.000 € »; €8,593,941.49, 99.95%, 08.05.2014") == []
    assert english_outside_quotations("version 2024.1+abc, 1,500 places, 2002, 2003, €0.005, 0.005") == []


def check_view(tab, base: str, path: str, lang: str) -> None:
    separator = "&" if "?" in path else "?"
    tab.goto(base + path + (f"{separator}lang=en" if lang == "en" else ""))
    wait_for_app(tab)
    tab.locator('[data-testid="stMain"] h1, [data-testid="stMain"] h2').first.wait_for()
    tab.wait_for_timeout(500)  # charts drawn
    text = page_text(tab)
    assert not MISSING.findall(text), f"{path} ({lang}): missing values shown as text"
    assert not INTERNALS.findall(text), f"{path} ({lang}): {INTERNALS.findall(text)}"
    tab.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=10_000)
    if lang == "en":
        found = english_outside_quotations(text)
        assert found == [], f"{path}: Belgian formats in English: {found}"
    else:
        assert "Wallimage" in visible_text(tab)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width,height", SIZES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_reads_clean_in_its_language(page, app_server, path, width, height, lang):
    page.set_viewport_size({"width": width, "height": height})
    check_view(page, app_server, path, lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", MORE_VIEWS)
def test_every_tab_and_slide_reads_clean_in_its_language(page, app_server, path, lang):
    page.set_viewport_size({"width": 1440, "height": 900})
    check_view(page, app_server, path, lang)


def test_the_page_language_follows_the_language_switch(page, app_server):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(app_server + "/scenarios")
    wait_for_app(page)
    page.wait_for_function("() => document.documentElement.lang === 'fr'", timeout=10_000)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    wait_for_app(page)
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    page.locator('[data-testid="stSidebar"]').get_by_text("Français", exact=True).click()
    wait_for_app(page)
    page.wait_for_function("() => document.documentElement.lang === 'fr'")


FOCUS_JS = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  return [e.tagName, (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40), s.outlineStyle,
          parseFloat(s.outlineWidth), s.outlineColor]; }"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_keyboard_focus_is_visible_on_every_control(page, app_server, lang):
    """Tab walks the sidebar, the page links and the cards' controls; each shows a solid outline."""
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(app_server + ("/?lang=en" if lang == "en" else "/"))
    wait_for_app(page)
    page.locator('[data-testid="stMetricValue"]').first.wait_for()
    seen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        tag, name, style, width, colour = page.evaluate(FOCUS_JS)
        if tag in ("MAIN", "BODY", "IFRAME"):
            continue
        seen.append(name)
        assert style == "solid" and width >= 2 and colour == "rgb(0, 82, 130)", (tag, name, style, width, colour)
    quote = "Quote" if lang == "en" else "Citer"
    assert any(quote in name for name in seen) and len(seen) >= 15


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_downloaded_xlsx_has_numbers_in_euros_and_percent(page, app_server, lang):
    """The overview's sector table as downloaded: amounts are numbers in a € format, ratios fractions in %."""
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(app_server + ("/?lang=en" if lang == "en" else "/"))
    wait_for_app(page)
    card = page.locator('[data-testid="stVerticalBlock"]').filter(has=page.locator('[data-testid="stDataFrame"]')).last
    with page.expect_download() as download:
        card.locator('[data-testid="stDownloadButton"]').filter(has_text="Excel").first.click()
    assert download.value.suggested_filename == "overview_sectors_2024.xlsx"
    with open(download.value.path(), "rb") as handle:
        workbook = openpyxl.load_workbook(io.BytesIO(handle.read()))
    rows = list(workbook[DATA_SHEET[lang]].iter_rows())
    header, body = [cell.value for cell in rows[0]], rows[1:]
    column = {name: index for index, name in enumerate(header)}
    invested = label_of("investment_cents", lang)
    spend, ratio = label_of("walloon_spend_cents", lang), label_of("ratio_pct", lang)
    assert sum(row[column[invested]].value for row in body) == pytest.approx(7_094_800)
    assert sum(row[column[spend]].value for row in body) == pytest.approx(46_231_969.51)
    for row in body:
        assert isinstance(row[column[invested]].value, (int, float)) and "€" in row[column[invested]].number_format
        assert isinstance(row[column[ratio]].value, float) and row[column[ratio]].number_format == "0.00%"
        assert 1 < row[column[ratio]].value < 20  # a fraction: 6,5 is shown as 650 %
