"""Real Chromium on a 1024×768 projector and a 1440×900 laptop, every page in French and English:
no text cut, spilled out of its box or lying on another text; chart titles, ticks, labels and
legends whole and inside their chart, legends under the plot; the tables' key columns in view;
presentation slides that fit the projector with their controls and move with the keyboard.
The print style sheet is tested in tests/test_print_browser.py.

One Streamlit server and one browser tab for the module: every page is visited in the same tab.
"""

from __future__ import annotations

from contextlib import suppress
from urllib.parse import urlparse

import pytest
from conftest import ARTIFACTS, streamlit_server, wait_for_app
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from dashboard.components.formatting import format_money_cents

pytestmark = pytest.mark.browser

SIZES = [(1024, 768), (1440, 900)]
# Every page, and the investment page's tabs with charts or wide tables.
PAGES = [
    "/",
    "/investment",
    "/investment?tab=detail",
    "/investment?tab=posts",
    "/investment?tab=works",
    "/scenarios",
    "/carbon",
    "/map",
    "/sources",
    "/presentation",
    "/presentation?slide=2",
    "/presentation?slide=3",
    "/presentation?slide=4",
]

# Every text of the main area that is wider than its box (CSS cuts it with "…": metric values and
# labels, buttons, links, widget labels, Streamlit's one-line markdown), every row of pills that
# hides options behind a horizontal scroll, and every button whose text spills out of it (above or
# below: a wrapped label in a fixed-height pill). A text cut inside its box is measured with a Range.
CUT_JS = """() => {
  const textBox = e => { const range = document.createRange(); range.selectNodeContents(e);
    return range.getBoundingClientRect(); };
  const wider = e => {
    const style = getComputedStyle(e);
    if (style.overflowX === 'visible') return e.scrollWidth > e.clientWidth + 8;  // spills out visibly
    if (e.scrollWidth > e.clientWidth + 1) return true;  // clipped
    if (style.textOverflow !== 'ellipsis' || style.display.startsWith('inline')) return false;
    return textBox(e).width > e.clientWidth + 1;  // a one-line text cut with "…" inside its own box
  };
  const cut = [...document.querySelectorAll(
    '[data-testid="stMetricValue"] div, [data-testid="stMetricLabel"] p, [data-testid="stMain"] button p,'
    + ' [data-testid="stPageLink"] p, [data-testid="stMain"] label p, [data-testid="stMain"] label span,'
    + ' [data-testid="stMain"] .stMarkdownEllipsis,'
    + ' [data-testid="stMain"] [data-testid="stButtonGroup"] [role="toolbar"]')]
  .filter(e => e.innerText.trim() && e.getBoundingClientRect().width > 0 && wider(e))
  .map(e => 'cut: ' + (e.getAttribute('aria-label') || e.innerText));
  const spilled = [...document.querySelectorAll('[data-testid="stMain"] button')]
  .filter(b => b.innerText.trim() && b.getBoundingClientRect().height > 0)
  .filter(b => { const r = b.getBoundingClientRect(), t = textBox(b);
    return t.height > 0 && (t.top < r.top - 1 || t.bottom > r.bottom + 1); })
  .map(b => 'spills out of its button: ' + b.innerText.trim());
  return [...cut, ...spilled];
}"""

# Every visible text of the main area as line boxes (a text that wraps has one box per line): no
# two texts lie on each other (more than 2 px wide and half a line high).
OVERLAP_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const boxes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, canvas, script, style, [aria-hidden="true"]')) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects())
      if (r.width >= 1 && r.height >= 1) boxes.push({node, r, text: node.textContent.trim().slice(0, 40)});
  }
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.node === b.node) continue;
    const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
    const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    if (w > 2 && h > 0.5 * Math.min(a.r.height, b.r.height)) hits.push(`text on text: "${a.text}" / "${b.text}"`);
  }
  return hits;
}"""

# Every plotly chart: each drawn text (title, axis titles, ticks, legend, bar labels) whole inside
# the chart and on no other text; the legend inside the chart and under the plot area.
CHARTS_JS = """() => {
  const problems = [];
  const box = e => e.getBoundingClientRect();
  const inside = (r, o) => r.left >= o.left - 1 && r.right <= o.right + 1 && r.top >= o.top - 1 && r.bottom <= o.bottom + 1;
  document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot').forEach((chart, index) => {
    const svg = chart.querySelector('svg.main-svg');
    if (!svg || box(svg).width === 0) return;
    const outer = box(svg);
    const card = chart.closest('[data-testid="stVerticalBlock"]');
    const name = `chart ${index + 1} (${(card && card.innerText.split('\\n')[0] || '').slice(0, 40)})`;
    const texts = [...chart.querySelectorAll('svg text')].filter(t => t.textContent.trim() && !t.closest('.hoverlayer')
      && box(t).width > 0 && getComputedStyle(t).display !== 'none' && getComputedStyle(t).opacity !== '0');
    for (const t of texts)
      if (!inside(box(t), outer)) problems.push(`${name}: "${t.textContent.trim().slice(0, 30)}" outside the chart`);
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      if (texts[i].contains(texts[j]) || texts[j].contains(texts[i])) continue;
      const a = box(texts[i]), b = box(texts[j]);
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 3)
        problems.push(`${name}: "${texts[i].textContent.trim().slice(0, 30)}" on "${texts[j].textContent.trim().slice(0, 30)}"`);
    }
    const legend = chart.querySelector('g.legend');
    if (legend && box(legend).height > 0) {
      if (!inside(box(legend), outer)) problems.push(`${name}: legend outside the chart`);
      const plots = [...chart.querySelectorAll('.draglayer .nsewdrag')].map(box);
      if (plots.length && box(legend).top < Math.max(...plots.map(p => p.bottom)) - 1)
        problems.push(`${name}: legend beside or above the plot, not under it`);
    }
  });
  return problems;
}"""

# The presentation: the main column does not scroll, the control bar is on screen, and no slide
# content lies under it.
SLIDE_FITS_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const bar = document.querySelector('.st-key-slide_controls');
  const problems = [];
  if (main.scrollHeight > main.clientHeight + 1) problems.push(`scrolls: ${main.scrollHeight} > ${main.clientHeight}`);
  if (!bar) return [...problems, 'no controls'];
  const controls = bar.getBoundingClientRect();
  if (controls.top < 0 || controls.bottom > innerHeight + 1) problems.push(`controls off screen: ${controls.top}–${controls.bottom}`);
  for (const element of main.querySelectorAll('[data-testid="stElementContainer"]')) {
    if (bar.contains(element)) continue;
    const r = element.getBoundingClientRect();
    if (r.height > 0 && r.bottom > controls.top + 1) problems.push(`under the controls: ${element.innerText.slice(0, 40)}`);
  }
  return problems;
}"""

HEADERS_JS = """e => [...e.querySelectorAll('[role="columnheader"], th')].map(h => h.innerText.trim())"""


@pytest.fixture(scope="module")
def layout_server(fixture_db_url):
    """A Streamlit server of this module's own (its sessions see nothing of the other tests')."""
    with streamlit_server(fixture_db_url) as base:
        yield base


@pytest.fixture(scope="module")
def tab(browser):
    """One browser tab for every visit of the module; requests leaving 127.0.0.1 are blocked."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="fr-BE")
    context.set_default_timeout(90_000)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("data:", "blob:"))
            or urlparse(route.request.url).hostname in ("127.0.0.1", "localhost")
            else route.abort()
        ),
    )
    page = context.new_page()
    yield page
    context.close()


def visit(tab, base: str, path: str, lang: str, size: tuple[int, int]) -> None:
    """Open a page at a viewport size and wait until Streamlit and the charts have drawn."""
    tab.set_viewport_size({"width": size[0], "height": size[1]})
    separator = "&" if "?" in path else "?"
    tab.goto(base + path + (f"{separator}lang=en" if lang == "en" else ""))
    wait_for_app(tab)
    tab.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".every(c => c.querySelector('svg.main-svg'))"
    )
    tab.wait_for_timeout(200)  # fonts, container sizes and plotly's relayout settled


def snapshot(tab, name: str) -> None:
    """A screenshot of what a test found wrong, for a person to look at (artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    with suppress(Exception):
        tab.screenshot(path=str(ARTIFACTS / f"layout_{name}.png"))


def headline_figures(path: str, lang: str) -> list[str]:
    """The report's headline totals that a page shows in its cards (each must appear whole)."""
    spend, scenario = format_money_cents(4_623_196_951, 2, lang), format_money_cents(859_394_149, 2, lang)
    return {"/": [spend], "/scenarios": [scenario], "/investment?tab=detail": [spend], "/presentation": [spend]}.get(
        path, []
    )


def in_view(locator) -> bool:
    """Whether an element lies whole inside the viewport."""
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.left >= 0"
        " && r.bottom <= innerHeight && r.right <= innerWidth; }"
    )


def page_checks(tab, path: str, lang: str, size: tuple[int, int]) -> list[str]:
    """What is wrong on the page on screen: cut, spilled or overlapping texts, charts' texts and
    legends, and the checks of this page (headline figures, tables' columns, slides, map filter)."""
    expected = [figure.replace("\u00a0", " ") for figure in headline_figures(path, lang)]
    if expected:  # the cards' figures (drawn last on a cold server): waited for, then whole
        with suppress(PlaywrightTimeout):
            tab.wait_for_function(
                "figures => { const shown = [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
                ".map(e => e.innerText.replaceAll('\\u00a0', ' ')); return figures.every(f => shown.includes(f)); }",
                arg=expected,
                timeout=20_000,
            )
    found = tab.evaluate(CUT_JS) + tab.evaluate(OVERLAP_JS) + tab.evaluate(CHARTS_JS)
    values = [v.replace("\u00a0", " ") for v in tab.locator('[data-testid="stMetricValue"]').all_inner_texts()]
    found += [f"headline {figure} not shown whole" for figure in expected if figure not in values]
    if path.startswith("/presentation") and size == (1024, 768):
        found += tab.evaluate(SLIDE_FITS_JS)
        found += [
            f"{key} not visible"
            for key in ("slide_previous", "slide_next", "slide_language")
            if not tab.locator(f".st-key-{key} button").first.is_visible()
        ]
    if path == "/" and size == (1024, 768):  # the sector table: all five columns, no sideways scroll
        table = tab.locator('[data-testid="stDataFrame"]').first
        table.scroll_into_view_if_needed()
        with suppress(PlaywrightTimeout):  # the grid draws its header once in view
            table.locator('[role="columnheader"]').nth(4).wait_for(state="attached", timeout=20_000)
        if len(table.evaluate(HEADERS_JS)) < 5 or not table.locator(".dvn-scroller").evaluate(
            "e => e.scrollWidth <= e.clientWidth + 1"
        ):
            found.append(f"sector table cut: {table.evaluate(HEADERS_JS)}")
    if path == "/map":  # the seven place types, all chosen by default, all in view
        kinds = tab.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').first.get_by_role("button")
        pressed = [kinds.nth(index).get_attribute("aria-pressed") for index in range(kinds.count())]
        if pressed != ["true"] * 7:
            found.append(f"place types: {pressed}")
        found += [
            f"place type {index + 1} out of view" for index in range(kinds.count()) if not in_view(kinds.nth(index))
        ]
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_page_shows_whole_texts_charts_tables_and_slides(tab, layout_server, size, lang):
    problems = []
    for path in PAGES:
        visit(tab, layout_server, path, lang, size)
        found = page_checks(tab, path, lang, size)
        if found:
            snapshot(tab, f"{size[0]}_{lang}_{path.strip('/').replace('?', '_').replace('=', '-') or 'overview'}")
        problems += [f"{path}: {problem}" for problem in found]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_works_table_keeps_title_and_ratios_in_view(tab, layout_server, size):
    visit(tab, layout_server, "/investment?tab=works", "fr", size)
    table = tab.locator('[data-testid="stDataFrame"]').first
    table.scroll_into_view_if_needed()
    headers = table.evaluate(HEADERS_JS)
    assert headers[:4] == ["Titre", "Investissement (€)", "Dépenses wallonnes (€)", "Ratio imprimé (%)"]
    if size[0] >= 1440:
        assert headers[4] == "Ratio calculé (%)"
    # Scrolled sideways to the last columns, the title stays (pinned).
    table.locator(".dvn-scroller").evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    tab.wait_for_timeout(300)
    headers = table.evaluate(HEADERS_JS)
    assert headers[0] == "Titre" and "Source" in headers
    # What the two ratios are: said under the table.
    note = tab.locator('[data-testid="stCaptionContainer"]').filter(has_text="Ratio calculé").first
    expect(note).to_contain_text("tel que le rapport l’imprime")


def test_arrow_keys_space_and_page_keys_move_between_slides(tab, layout_server):
    visit(tab, layout_server, "/presentation", "fr", (1024, 768))
    tab.wait_for_function("() => window.wallimageSlideKeys === true")

    def slide() -> str:
        return tab.locator(".st-key-slide_controls").inner_text()

    for key, number in [
        ("ArrowRight", 2),
        ("Space", 3),
        ("PageDown", 4),
        ("ArrowRight", 1),  # loops, as on a stand
        ("ArrowLeft", 4),
        ("PageUp", 3),
        ("Shift+Space", 2),
    ]:
        tab.keyboard.press(key)
        expect(tab.locator(".st-key-slide_controls")).to_contain_text(f"Diapositive {number} / 4")
        wait_for_app(tab)
    assert "slide=2" in tab.url
    # Typing in the seconds field is typing, not moving.
    field = tab.locator(".st-key-presentation_seconds input")
    field.click()
    field.press("ArrowRight")
    tab.wait_for_timeout(800)
    assert "Diapositive 2 / 4" in slide()
