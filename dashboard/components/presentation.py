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
</style>
"""


def projector_style() -> None:
    """Hide the app chrome and enlarge the type (static CSS only)."""
    st.html(PROJECTOR_CSS)


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
