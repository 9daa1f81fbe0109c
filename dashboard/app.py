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

from dashboard.components.printing import print_style  # noqa: E402
from dashboard.components.shell import (  # noqa: E402
    configure_page,
    frame_style,
    navigation_pages,
    render_sidebar,
    resolve_language,
    resolve_report,
    show_problem,
)
from dashboard.components.sources import provide_sources  # noqa: E402
from dashboard.data.queries import get_database, run_query  # noqa: E402

configure_page()
lang = resolve_language()
frame_style(lang)
print_style()
pages = navigation_pages()
navigation = st.navigation(pages)

# No exception reaches Streamlit's error box (which would show its type, and outside help links
# on some hosts): a database problem or any other error becomes one generic sentence in the
# viewer's language, and the details go to the server log (show_problem). Streamlit's own
# control flow (st.rerun, st.stop, st.switch_page) derives from BaseException and passes through.
try:
    database = get_database()
    report = resolve_report(run_query("reports/reports", lang=lang))
    render_sidebar(database, report)
    # Fetched once per run, here, for every card footer of the page (components run no query).
    provide_sources(run_query("sources/all_sources", lang=lang), database.metadata, lang)
except Exception as problem:
    show_problem(problem)
    st.stop()

try:
    navigation.run()
except Exception as problem:
    show_problem(problem)
