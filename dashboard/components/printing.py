"""The print style sheet: a page printed from the browser (or saved as PDF) is a clean A4 document.

Printed: the page's title, texts, figures, charts and tables with their source lines. Not printed:
the sidebar, Streamlit's header and toolbar, buttons, downloads, inputs and other controls, the
"data behind" expanders (the filters' pills stay: they say what the printed figures cover). Streamlit scrolls its main column inside a box the height of the screen;
in print that box grows with its content, so that every part of the page reaches the paper.

Charts and tables are drawn for the screen's width, wider than an A4 page. Just before printing,
a static script (no data is interpolated) sizes each plotly chart to the printed column and scales
the rest (the tables' canvas, the map) to it; after printing, the screen layout comes back.
Everything is static: nothing from the data or the user reaches this HTML.
"""

from __future__ import annotations

import streamlit as st

# 210 mm − 2 × 12 mm of margins: the printed column.
PRINT_CSS = """
<style>
/* The element holding a static script takes no room on screen. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script) { display: none; }
@page { size: A4; margin: 12mm; }
/* The printed layout's widths, applied for an instant before printing to measure them (PRINT_JS). */
html.wallimage-measure [data-testid="stSidebar"] { display: none !important; }
html.wallimage-measure body [data-testid="stMainBlockContainer"] {
  width: 186mm !important; max-width: 186mm !important; min-width: 0 !important; padding: 0 !important;
  margin: 0 !important; }
@media print {
  html, body, #root, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"], [data-testid="stAppScrollToBottomContainer"] {
    height: auto !important; min-height: 0 !important; max-height: none !important;
    overflow: visible !important; position: static !important; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stBottom"], [data-testid="stElementToolbar"],
  [data-testid="stMain"] [data-testid="stButton"], [data-testid="stMain"] [data-testid="stDownloadButton"],
  [data-testid="stMain"] [data-testid="stPopover"], [data-testid="stMain"] [data-testid="stExpander"],
  [data-testid="stMain"] [data-testid="stPageLink"],
  [data-testid="stMain"] [data-testid="stSlider"], [data-testid="stMain"] [data-testid="stTextInput"],
  [data-testid="stMain"] [data-testid="stNumberInput"], [data-testid="stMain"] [data-testid="stSelectbox"],
  [data-testid="stMain"] [data-testid="stCheckbox"], [data-testid="stMain"] .stCheckbox,
  [data-testid="stMain"] [data-testid="stTooltipIcon"], [data-testid="stMain"] [role="tablist"],
  [data-testid="stMain"] [data-baseweb="tab-border"], .modebar-container, .st-key-slide_controls {
    display: none !important; }
  html body [data-testid="stMainBlockContainer"] {
    max-width: 100% !important; min-width: 0 !important; width: 100% !important; padding: 0 !important;
    margin: 0 !important; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; background: #FFFFFF !important; }
  [data-testid="stMetric"], [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stDeckGlJsonChart"],
  [data-testid="stAlert"], [data-testid="stCaptionContainer"], li { break-inside: avoid; }
  /* A chart or table card (cards.py keys them "card_…") starts on a new sheet rather than being cut,
     unless it is taller than a sheet; a cut card keeps its border on both sheets. */
  [class*="st-key-card_"] { break-inside: avoid; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
  [data-testid="stHeading"], h1, h2, h3 { break-after: avoid; break-inside: avoid; }
}
</style>
"""

PRINT_JS = """
<script>
(() => {
  if (window.wallimagePrint) return;
  window.wallimagePrint = true;
  const root = document.documentElement;
  const restore = [];
  window.addEventListener("beforeprint", () => {
    // Lay the page out as it will be printed (html.wallimage-measure), read each chart's and table's
    // room there, then go back to the screen layout: the print layout itself is made after this handler.
    const items = [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stPlotlyChart'],"
      + " [data-testid='stMain'] [data-testid='stDataFrame'], [data-testid='stMain'] [data-testid='stDeckGlJsonChart']")];
    const before = items.map((element) => element.getBoundingClientRect().width);
    root.classList.add("wallimage-measure");
    const room = items.map((element) => element.getBoundingClientRect().width);
    root.classList.remove("wallimage-measure");
    items.forEach((element, index) => {
      const width = Math.floor(room[index]);
      if (!width || width >= before[index]) return;
      const chart = element.querySelector(".js-plotly-plot");
      if (chart && window.Plotly && chart.layout) {
        const previous = chart.layout.width;
        restore.push(() => window.Plotly.relayout(chart, { width: previous === undefined ? null : previous }));
        window.Plotly.relayout(chart, { width: width });
      } else {  // scaled with its box (Streamlit sets its height): no blank under a table
        const box = element.closest("[data-testid='stElementContainer']") || element;
        const zoom = box.style.zoom;
        restore.push(() => { box.style.zoom = zoom; });
        box.style.zoom = String(width / before[index]);
      }
    });
  });
  window.addEventListener("afterprint", () => { restore.splice(0).forEach((undo) => undo()); });
})();
</script>
"""


def print_style() -> None:
    """The print style sheet and its static script (charts sized to the A4 column before printing)."""
    st.html(PRINT_CSS + PRINT_JS, unsafe_allow_javascript=True)
