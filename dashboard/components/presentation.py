"""Rendering pieces of the presentation mode: projector styling, big figures, slide footers.

The style sheet is static (no data is ever interpolated into HTML): it hides the sidebar and
toolbar and enlarges the type so that figures read from three metres. Slide content comes in
as query results from the page; nothing here runs SQL.
"""

from __future__ import annotations

import streamlit as st

from dashboard.components.formatting import format_money
from dashboard.components.i18n import t
from dashboard.components.quality import quality_label
from dashboard.components.sources import source_labels

PROJECTOR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container { max-width: 100% !important; padding: 1.5rem 3rem 1rem 3rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div, [data-testid="stMetricValue"] p {
  font-size: 4rem !important; line-height: 1.15 !important; font-weight: 700; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] p { font-size: 1.6rem !important; }
[data-testid="stHeading"] h1 { font-size: 3.2rem !important; }
[data-testid="stHeading"] h2 { font-size: 2.6rem !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.6rem; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: 1.05rem !important; }
.stButton button p, [data-testid="stPageLink"] p { font-size: 1.3rem !important; }
/* The slide's places as two columns of a list, so that slide 4 fits a 1024 × 768 projector. */
.st-key-slide_list ul { columns: 2; column-gap: 3rem; }
.st-key-slide_list li { break-inside: avoid; margin-top: 0; }
/* The controls stay in view on every slide, whatever its height: a bar fixed to the bottom of the screen. */
[data-testid="stMainBlockContainer"] { padding-bottom: 5.5rem !important; }
.st-key-slide_controls { position: fixed; left: 0; right: 0; bottom: 0; z-index: 999990; margin: 0;
  padding: 0.5rem 1.5rem; background: #FFFFFF; border-top: 1px solid #D0D0D0; }
.st-key-slide_controls p, .st-key-slide_controls button p, .st-key-slide_controls [data-testid="stPageLink"] p,
.st-key-slide_controls label p { font-size: 1.1rem !important; }
</style>
"""

# Keyboard control in the page itself (no iframe, no network): → / Space / Page Down click the
# "Next" button, ← / Shift+Space / Page Up the "Previous" one, so that a clicker or a keyboard moves
# the slides like any presentation. Static (nothing interpolated); registered once per browser tab and
# inert on other pages (it acts only while both buttons are on screen). Typing in a field is left
# alone, and Space on a focused button keeps its own meaning (pressing that button).
SLIDE_KEYS_JS = """
<script>
(() => {
  if (window.wallimageSlideKeys) return;
  window.wallimageSlideKeys = true;
  const FORWARD = new Set(["ArrowRight", "PageDown", " "]);
  const BACKWARD = new Set(["ArrowLeft", "PageUp"]);
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const shown = (key) => [...document.querySelectorAll(`.st-key-${key} button`)].find((b) => b.offsetWidth > 0);
    const next = shown("slide_next");
    const previous = shown("slide_previous");
    if (!next || !previous) return;
    const target = event.target instanceof Element ? event.target : document.body;
    if (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='slider']")) return;
    if (event.key === " " && target.closest("button, a, [role='button'], [role='switch'], summary")) return;
    let button = null;
    if (FORWARD.has(event.key)) button = event.key === " " && event.shiftKey ? previous : next;
    else if (BACKWARD.has(event.key)) button = previous;
    if (!button || button.disabled) return;
    event.preventDefault();
    button.click();
  });
})();
</script>
"""


def projector_style() -> None:
    """Hide the app chrome and enlarge the type (static CSS only)."""
    st.html(PROJECTOR_CSS)


def keyboard_control() -> None:
    """Arrow keys, Space and Page Up/Down move between slides (static script, see SLIDE_KEYS_JS)."""
    st.html(SLIDE_KEYS_JS, unsafe_allow_javascript=True)


def slide_title(text: str) -> None:
    """The slide's heading, in large type."""
    st.header(text, anchor=False)


def big_figure(label: str, value: str, detail: str = "") -> None:
    """A figure readable from three metres, with an optional small exact value under it."""
    st.metric(label, value)
    if detail:
        st.caption(detail)


def slide_footer(source_ids: list[str], quality: str, note: str = "") -> None:
    """Small caption naming the slide's sources and the quality of its figures."""
    sources = "; ".join(source_labels(source_ids, short=True))
    text = f"{quality_label(quality)} · {t('common.source_prefix')} {sources}"
    st.caption(text + (f" — {note}" if note else ""))


def money_text(cents: int, lang: str) -> str:
    """Exact money: whole euros without decimals (7.094.800 €), otherwise to the cent."""
    cents = int(cents)
    return format_money(cents / 100, 0 if cents % 100 == 0 else 2, lang)
