"""Real Chromium: a representative part of the hostile corpus on every page, checked in the DOM.

Every page is opened twice with hostile values in all its parameters, `lang`, unknown and repeated
parameters (one French and one English visit). In the DOM there must be no image, no link to
anything but the app's own origin, no script beyond the app's own, no KaTeX drawn from input, no
exception box, no dialog (alert) and a notice of at most 200 characters; and no request may leave
127.0.0.1. Then the formula of the review goes through a real XLSX download on the map and on the
investment works tab.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import pytest
from conftest import wait_for_app
from hostile import CONTROL, HTML, LATEX, LONG, MARKDOWN, NUMBERS, OTHER, SCHEMES, UNICODE

pytestmark = pytest.mark.browser

PAGE_PARAMS = {
    "/": [],
    "/investment": ["sector", "type", "origin", "role", "q", "tab", "work"],
    "/scenarios": ["share"],
    "/carbon": ["reduction"],
    "/map": ["kinds", "q", "closed"],
    "/sources": ["tab"],
    "/presentation": ["slide", "auto"],
}
# One or more of every kind: the ones the review used first.
SUBSET = [
    *HTML[:6],
    *MARKDOWN[:6],
    MARKDOWN[20],
    *LATEX[:7],
    *SCHEMES[:5],
    LONG[0],
    LONG[2],
    *UNICODE[:4],
    UNICODE[6],
    UNICODE[8],
    *CONTROL[:4],
    *NUMBERS[:4],
    "95",
    "20.5",
    *OTHER[20:23],
]

DOM_CHECK_JS = """() => {
  const origin = location.origin;
  const outside = (url) => { try { return new URL(url, location.href).origin !== origin; } catch (e) { return true; } };
  const notices = [...document.querySelectorAll('[data-testid="stAlert"]')].map(a => a.innerText.trim());
  return {
    images: [...document.querySelectorAll('img')].map(i => i.getAttribute('src') || ''),
    outsideLinks: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(outside),
    outsideScripts: [...document.querySelectorAll('script[src]')].map(s => s.getAttribute('src')).filter(outside),
    inlineScripts: [...document.querySelectorAll('script:not([src])')].map(s => s.textContent).filter(t => /alert|evil|8629/.test(t)),
    katex: document.querySelectorAll('.katex, .katex-display, math').length,
    exceptions: document.querySelectorAll('[data-testid="stException"]').length,
    outsideFrames: [...document.querySelectorAll('iframe[src], embed[src], object[data], video[src], audio[src], source[src], link[href]')]
      .map(e => e.getAttribute('src') || e.getAttribute('data') || e.getAttribute('href')).filter(outside),
    inlineHandlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
    notices,
    body: document.body.innerText,
  };
}"""


def visits() -> list[tuple[str, str, dict]]:
    """(path, language, query) of each visit: the subset rotates through every slot of every page."""
    planned, position = [], 0
    for path, names in PAGE_PARAMS.items():
        for lang in ("fr", "en"):
            query: dict[str, object] = {}
            for name in names:
                query[name] = SUBSET[position % len(SUBSET)]
                position += 1
            for _pair in range(2):  # two unknown parameters, hostile name and value
                query[SUBSET[position % len(SUBSET)]] = SUBSET[(position + 1) % len(SUBSET)]
                position += 2
            hostile_lang = SUBSET[position % len(SUBSET)]
            position += 1
            query["lang"] = [hostile_lang, "en"] if lang == "en" else hostile_lang
            planned.append((path, lang, query))
    return planned


def read_dom(page) -> dict:
    return page.evaluate(DOM_CHECK_JS)


@pytest.mark.parametrize(("path", "lang", "query"), visits(), ids=lambda v: v if isinstance(v, str) else None)
def test_hostile_link_in_chromium(page, app_server, path, lang, query):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    prefix = {"fr": "Paramètres d’adresse ignorés", "en": "Address parameters ignored"}[lang]
    page.goto(app_server + path + "?" + urlencode(query, doseq=True))
    page.locator('[data-testid="stAlert"]', has_text=prefix).first.wait_for()
    wait_for_app(page)
    dom = read_dom(page)
    sent = ", ".join(f"{k[:30]!r}={str(v)[:30]!r}" for k, v in query.items())
    assert dom["exceptions"] == 0, sent
    assert dom["images"] == [], (sent, dom["images"])
    assert dom["outsideLinks"] == [], (sent, dom["outsideLinks"])
    assert dom["outsideScripts"] == [] and dom["inlineScripts"] == [], (sent, dom["outsideScripts"])
    assert dom["outsideFrames"] == [] and dom["inlineHandlers"] == 0, (sent, dom["outsideFrames"])
    assert dom["katex"] == 0, sent
    assert dialogs == [], sent
    notices = [text for text in dom["notices"] if prefix in text]
    assert len(notices) == 1 and len(notices[0]) <= 200, (sent, notices, dom["notices"])
    for address in ("evil.example", "127.0.0.1:8629", "javascript:"):
        assert address not in dom["body"], (sent, address)
    assert page.outside_requests == [], (sent, page.outside_requests)
    assert page.page_errors == [], (sent, page.page_errors)


FORMULA = '=HYPERLINK("http://127.0.0.1:8629/phish","click")'


@pytest.mark.parametrize(
    ("path", "button", "sheet"),
    [
        ("/map?" + urlencode({"q": FORMULA}), ".st-key-map_places-xlsx button", "contexte"),
        (
            "/investment?" + urlencode({"tab": "works", "q": FORMULA}),
            ".st-key-investment_works-xlsx button",
            "contexte",
        ),
    ],
    ids=["map", "investment-works"],
)
def test_a_formula_in_the_search_is_text_in_the_downloaded_xlsx(page, app_server, tmp_path, path, button, sheet):
    from openpyxl import load_workbook

    page.goto(app_server + path)
    wait_for_app(page)
    locator = page.locator(button)
    locator.wait_for()
    with page.expect_download() as download:
        locator.click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    book = load_workbook(io.BytesIO(target.read_bytes()))
    cells = [cell for ws in book for row in ws.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert not [c.value for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    context = {row[0]: row[1] for row in book[sheet].iter_rows(min_row=2, values_only=True)}
    assert "'" + FORMULA in context.values()
    assert page.outside_requests == []
