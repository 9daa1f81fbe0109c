"""Real Chromium prints every page to A4 (the print style sheet, dashboard/components/printing.py).

Each page, in French and English, is printed as Chromium's "Save as PDF" does (`page.pdf`, A4) from
a 1440 px window. The PDF is read back with poppler's pdfinfo and pdftotext: A4 pages, a sensible
number of them, the page's title and its source lines, and none of the screen's furniture (sidebar,
download buttons, slide controls). In the print layout, every chart is sized to the printed column.
The pages are also rendered as PNG (pdftoppm) in artifacts/print/ for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import ARTIFACTS, skip_or_fail, wait_for_app

pytestmark = pytest.mark.browser

# (path, most A4 pages expected): a long page may take several sheets, a slide exactly one.
PAGES = [
    ("/", 3),
    ("/investment", 4),
    ("/scenarios", 5),
    ("/carbon", 8),
    ("/map", 5),
    ("/sources", 12),
    ("/presentation?slide=2", 1),
]
FURNITURE = {
    "fr": [
        "À propos des données",
        "⬇ CSV",
        "⬇ Excel",
        "Diapositive 2 / 4",
        "Défilement auto",
        "Voir les données de ce",
    ],
    "en": ["About the data", "⬇ CSV", "⬇ Excel", "Slide 2 / 4", "Auto-advance", "See the data behind"],
}

# In the print layout (after the page's `beforeprint` handler ran): each chart's drawing within the
# printed column and within its own box.
CHARTS_FIT_JS = """() => {
  const column = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  return [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stPlotlyChart"]')]
    .filter(chart => chart.getBoundingClientRect().width > 0)
    .map(chart => [chart.getBoundingClientRect(), chart.querySelector('svg.main-svg').getBoundingClientRect()])
    .filter(([box, svg]) => svg.right > Math.min(box.right, column.right) + 1 || svg.left < column.left - 1)
    .map(([box, svg]) => `chart ${Math.round(svg.width)} px wide in a ${Math.round(box.width)} px box`);
}"""


@pytest.fixture(scope="module")
def poppler():
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        skip_or_fail("poppler-utils (pdftotext, pdfinfo) is not installed (make test installs it)")


def flat(text: str) -> str:
    """Text with every run of white space (line ends of the PDF included) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_prints_to_clean_a4_pages(browser, app_server, poppler, tmp_path, lang):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-BE")
    context.set_default_timeout(90_000)
    tab = context.new_page()
    out = ARTIFACTS / "print"
    out.mkdir(parents=True, exist_ok=True)
    problems = []
    try:
        for path, most in PAGES:
            separator = "&" if "?" in path else "?"
            tab.goto(app_server + path + (f"{separator}lang=en" if lang == "en" else ""))
            wait_for_app(tab)
            tab.wait_for_function(
                "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
                ".every(c => c.querySelector('svg.main-svg'))"
            )
            title = flat(tab.locator("h1, h2").first.inner_text())
            # The first source line of the page (not the sidebar's, which is not printed).
            captions = tab.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]')
            source = flat(captions.filter(has_text=re.compile(r"Source ?:")).first.inner_text())
            name = (path.strip("/").replace("?", "_").replace("=", "-") or "overview") + f"_{lang}"
            pdf = tmp_path / f"{name}.pdf"
            pdf.write_bytes(tab.pdf(format="A4", print_background=True))
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
            pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
            text = flat(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(out / name)], check=False)
            if "(A4)" not in info:
                problems.append(f"{path}: not A4: {info}")
            blank = [
                number
                for number in range(1, pages + 1)
                if not subprocess.run(
                    ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"], capture_output=True, text=True
                ).stdout.strip()
            ]
            if blank:
                problems.append(f"{path}: blank sheets {blank} of {pages}")
            if not 1 <= pages <= most:
                problems.append(f"{path}: {pages} pages (expected 1 to {most})")
            if title not in text:
                problems.append(f"{path}: title {title!r} not printed")
            if source[:60] not in text:
                problems.append(f"{path}: source line {source[:60]!r} not printed")
            problems += [f"{path}: {word!r} printed" for word in FURNITURE[lang] if word in text]
            # The print layout as the PDF had it: every chart sized to the printed column.
            tab.emulate_media(media="print")
            tab.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
            tab.wait_for_timeout(300)
            problems += [f"{path}: {problem}" for problem in tab.evaluate(CHARTS_FIT_JS)]
            tab.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
            tab.emulate_media(media="null")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
