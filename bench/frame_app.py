"""The dashboard's frame around an empty page: the benchmark's second baseline.

The same page configuration, language switch, navigation (every page listed), database check and
sidebar as dashboard/app.py, but the selected page is not run: only its title is shown. Its warm
render, set against the hello-world's, tells how much of a page's time is the frame every page
shares, and how much is the page's own content.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard.components.shell import (  # noqa: E402
    configure_page,
    frame_style,
    navigation_pages,
    render_sidebar,
    resolve_language,
    resolve_report,
)
from dashboard.components.sources import provide_sources  # noqa: E402
from dashboard.data.queries import get_database, run_query  # noqa: E402

configure_page()
frame_style()
lang = resolve_language()
navigation = st.navigation(navigation_pages())
database = get_database()
render_sidebar(database, resolve_report(run_query("reports/reports", lang=lang)))
provide_sources(run_query("sources/all_sources", lang=lang), database.metadata, lang)
st.title(navigation.title)
