"""Wallimage impact dashboard — the frame: page config, language, navigation, shared sidebar.

Run with `make run` (`streamlit run streamlit_app.py`, which runs this file). Pages live in dashboard/pages/ and
stay thin; this file only decides the language (French first, kept in the URL as `?lang=en`),
checks that the database can be opened, fetches the source labels every card footer shows, and
hands over to the selected page.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` puts dashboard/ first, not the root
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard.components.i18n import t  # noqa: E402
from dashboard.components.shell import (  # noqa: E402
    configure_page,
    frame_style,
    navigation_pages,
    render_sidebar,
    resolve_language,
    resolve_report,
)
from dashboard.components.sources import provide_sources  # noqa: E402
from dashboard.data.errors import DatabaseError  # noqa: E402
from dashboard.data.queries import get_database, run_query  # noqa: E402

configure_page()
frame_style()
lang = resolve_language()
pages = navigation_pages()
navigation = st.navigation(pages)

try:
    database = get_database()
except DatabaseError as problem:
    st.error(f"{t('errors.database')} {problem}")
    st.stop()

try:
    report = resolve_report(run_query("reports/reports", lang=lang))
except DatabaseError as problem:
    st.error(f"{t('errors.database')} {problem}")
    st.stop()
render_sidebar(database, report)
try:
    # Fetched once per run, here, for every card footer of the page (components run no query).
    provide_sources(run_query("sources/all_sources", lang=lang), database.metadata, lang)
    navigation.run()
except DatabaseError as problem:
    st.error(f"{t('errors.database')} {problem}")
