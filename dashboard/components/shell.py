"""Pieces of the app frame: language from the URL, the page list, the shared sidebar."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from dashboard.components.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from dashboard.components.permalink import parse_params
from dashboard.components.report import ReportContext, report_context
from dashboard.safety import dropped_item, dropped_notice

LOGGER = logging.getLogger("wallimage")

PAGES_DIR = Path(__file__).resolve().parents[1] / "pages"

# (file, url path, catalogue key, emoji icon) in navigation order. Emoji, not material icons:
# material icons fetch a web font, and the app must work offline.
PAGES = [
    ("overview.py", "overview", "nav.overview", "🏠"),
    ("investment.py", "investment", "nav.investment", "💶"),
    ("scenarios.py", "scenarios", "nav.scenarios", "🎬"),
    ("carbon.py", "carbon", "nav.carbon", "🌱"),
    ("map.py", "map", "nav.map", "🗺️"),
    ("sources.py", "sources", "nav.sources", "📚"),
    ("presentation.py", "presentation", "nav.presentation", "📽️"),
]
SHARED_PARAMS = ("lang", "year")
FAVICON = PAGES_DIR.parent / "static" / "favicon.png"


# Static CSS (no data is ever interpolated): KPI figures are sized to their card (container query
# units), their labels and button texts wrap, so that nothing is cut with "…" on a narrow screen
# or a 1024 px projector; Streamlit's default cuts "8.593.941,49 €" to "8.593.9…". A pill whose
# label wraps grows with it (Streamlit fixes its height, so "Prises de vues réelles" spilled out).
# Below 1200 px the main column's 80 px side margins shrink: a table of five columns (sector, works,
# invested, spend, ratio) then fits beside the sidebar on a 1024 px projector, and the columns of a
# container keyed "stack_…" (side-by-side charts) go one under the other, those of a container keyed
# "pairs_…" (a row of four cards) two by two.
FRAME_CSS = """
<style>
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"] div, [data-testid="stMetricValue"] p {
  font-size: clamp(1.25rem, 14cqi, 2.25rem); white-space: normal; overflow: visible; text-overflow: clip; }
[data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] div, [data-testid="stMain"] button p,
[data-testid="stMetricDelta"] div, [data-testid="stMetricDelta"] p,
[data-testid="stPageLink"] p, [data-testid="stMain"] label .stMarkdownEllipsis {
  white-space: normal; overflow: visible; text-overflow: clip; }
/* Contrast (WCAG AA, checked with Lighthouse): Streamlit greys captions with opacity 0.6, 4.4:1 on
   the sidebar's background; a chosen pill's blue text on its light-blue fill is 4.1:1. */
[data-testid="stCaptionContainer"] { opacity: 0.78; }
[data-testid="stButtonGroup"] button:is([aria-pressed="true"], [aria-checked="true"]) { color: #005282 !important; }
/* Section headings are h2 (st.header) under the page title h1, for a heading order without gaps; they
   keep the size of Streamlit's subheader. The presentation's own sizes (!important) still win. */
[data-testid="stMain"] [data-testid="stHeading"] h2 {
  font-size: 1.75rem; font-weight: 600; line-height: 1.2; padding: 0.75rem 0 1rem; }
/* Keyboard focus: Streamlit's links show none, its buttons a pale ring (2:1); one solid outline everywhere. */
a:focus-visible, button:focus-visible, input:focus-visible, [role="tab"]:focus-visible, [tabindex]:focus-visible {
  outline: 2px solid #005282 !important; outline-offset: 2px; }
.st-key-page_language, [data-testid="stLayoutWrapper"]:has(> .st-key-page_language) { display: none; }
[data-testid="stButtonGroup"] button { height: auto; min-height: 2rem; }
@media (max-width: 1200px) {
  [data-testid="stMainBlockContainer"] { padding-left: 1.5rem; padding-right: 1.5rem; padding-top: 3.5rem; }
  [class*="st-key-stack_"] [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  [class*="st-key-stack_"] [data-testid="stColumn"] { min-width: 100%; }
  [class*="st-key-pairs_"] [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  [class*="st-key-pairs_"] [data-testid="stColumn"] { min-width: calc(50% - 1rem); }
}
</style>
"""


# Streamlit's page declares <html lang="en"> whatever the viewer's language; screen readers and
# hyphenation need the page's language. A two-line script (no data interpolated but a language code
# of LANGUAGES) sets it on every run; it is sent with the page, so it works offline and in the
# presentation mode alike. A MutationObserver puts it back if the frontend ever resets it.
LANG_SCRIPT = """<script>
(() => {{
  const root = window.parent && window.parent.document ? window.parent.document.documentElement : document.documentElement;
  const wanted = "{lang}";
  root.lang = wanted;
  if (root.__langObserver) root.__langObserver.disconnect();
  root.__langObserver = new MutationObserver(() => {{ if (root.lang !== wanted) root.lang = wanted; }});
  root.__langObserver.observe(root, {{ attributes: true, attributeFilter: ["lang"] }});
}})();
</script>"""


def frame_style(lang: str = DEFAULT_LANGUAGE) -> None:
    """The app-wide style sheet (static) and the page's language on <html lang>."""
    st.html(FRAME_CSS)
    code = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    with st.container(key="page_language"):  # hidden by FRAME_CSS: it takes no room on the page
        st.html(LANG_SCRIPT.format(lang=code), unsafe_allow_javascript=True)


def configure_page() -> None:
    """Browser tab title and icon (a local file: nothing is fetched), wide layout."""
    st.set_page_config(
        page_title="Wallimage — impact",
        page_icon=str(FAVICON),
        layout="wide",
        menu_items={"About": "Wallimage impact dashboard"},
    )


def resolve_language() -> str:
    """Language from the widget, else from `?lang=`; kept in the URL when it is English."""
    if "lang_choice" not in st.session_state:
        requested = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state["lang_choice"] = requested if requested in LANGUAGES else DEFAULT_LANGUAGE
        if requested not in LANGUAGES:
            st.session_state["dropped_params"] = [("lang", requested)]
    if st.session_state["lang_choice"] not in LANGUAGES:
        # The language pills were clicked off: the language in force stays (a language is always chosen).
        st.session_state["lang_choice"] = st.session_state.get("lang", DEFAULT_LANGUAGE)
    lang = st.session_state["lang_choice"]
    st.session_state["lang"] = lang
    if lang == DEFAULT_LANGUAGE:
        if "lang" in st.query_params:
            del st.query_params["lang"]
    elif st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    return lang


def resolve_report(reports) -> ReportContext:
    """The report shown: the sidebar's choice, else `?year=` (default: the latest report).

    The year stays in the URL unless it is the latest report, so a link keeps its report even
    after next year's report is added. `reports` are the rows of the reports/reports query.
    """
    years = [str(int(y)) for y in reports["report_year"]]
    if st.session_state.get("report_choice") not in years:
        requested = st.query_params.get("year")
        if requested is not None and requested not in years:
            st.session_state.setdefault("dropped_params", []).append(("year", requested))
        remembered = st.session_state.get("report_year")
        st.session_state["report_choice"] = (
            requested if requested in years else remembered if remembered in years else years[-1]
        )
    year = st.session_state["report_choice"]
    st.session_state["report_year"] = year
    if year == years[-1]:
        if "year" in st.query_params:
            del st.query_params["year"]
    elif st.query_params.get("year") != year:
        st.query_params["year"] = year
    context = report_context(reports, int(year))
    st.session_state["report_context"] = context
    return context


def page_object(file: str):
    """The st.Page of one page file (for st.page_link and st.switch_page)."""
    for name, url_path, key, icon in PAGES:
        if name == file:
            return st.Page(
                str(PAGES_DIR / name), title=t(key), icon=icon, url_path=url_path, default=name == "overview.py"
            )
    raise KeyError(file)


def navigation_pages() -> list:
    """Every page, in order, titled in the session language."""
    return [page_object(name) for name, *_ in PAGES]


def render_sidebar(database, report: ReportContext) -> None:
    """Language and report switches and the data version (always visible: every figure on screen comes from it).

    Pills and a caption rather than a radio and an expander: each of those costs a visitor ~50–70 ms
    on every page load (bench/README.md), for the same information.
    """
    with st.sidebar:
        st.pills(
            t("common.language"),
            LANGUAGES,
            format_func=lambda code: {"fr": "Français", "en": "English"}[code],
            key="lang_choice",
        )
        if len(report.years) > 1:
            st.pills(t("common.report"), [str(y) for y in report.years], key="report_choice")
        meta = database.metadata
        # Where the data lives is said in words, never as a path or a URL (those go to the server log).
        kind = "common.about_db_embedded" if database.is_sqlite else "common.about_db_server"
        with st.container(key="about_data"):
            st.caption(
                f"**{t('common.about')}** — "
                + t(
                    "common.about_text",
                    title=report.title,
                    version=meta.get("data_version", "?"),
                    built=meta.get("built_at", "?"),
                )
                + "  \n"
                + t(kind)
            )


def show_dropped(dropped: list[tuple[str, str | None]]) -> None:
    """The one notice for dropped URL parameters: escaped, at most 200 characters (dashboard/safety.py)."""
    items = [dropped_item(name, value) for name, value in dropped]
    st.info(dropped_notice(t("common.dropped_params"), t("common.dropped_more"), items), icon="ℹ️")


def read_page_params(spec) -> dict:
    """Validate this page's URL parameters; show one notice for anything dropped."""
    parsed = parse_params(dict(st.query_params), spec, shared=SHARED_PARAMS)
    dropped = st.session_state.pop("dropped_params", []) + parsed.dropped
    if dropped:
        show_dropped(dropped)
        for name in {name for name, _ in parsed.dropped}:
            if name in st.query_params:
                del st.query_params[name]
    return parsed.values


def show_problem(problem: Exception) -> None:
    """One generic sentence in the viewer's language; the details (path, URL, type) go to the server log."""
    reason = getattr(problem, "reason", None)
    if reason is None:
        LOGGER.error("unexpected error while running a page", exc_info=problem)
        st.error(t("errors.unexpected"))
    else:
        LOGGER.error("database problem (%s): %s", reason, problem)
        st.error(t(f"errors.database_{reason}"))


def write_page_params(values: dict, spec) -> None:
    """Put the page's current filter values in the URL (shareable link)."""
    from dashboard.components.permalink import to_query

    wanted = to_query(values, spec)
    for param in spec:
        if param.name in wanted:
            if st.query_params.get(param.name) != wanted[param.name]:
                st.query_params[param.name] = wanted[param.name]
        elif param.name in st.query_params:
            del st.query_params[param.name]


def page_header(title_key: str, intro_key: str | None = None, **values) -> None:
    """Page title and a one-paragraph introduction (their placeholders filled from `values`)."""
    st.title(t(title_key, **values))
    if intro_key:
        st.markdown(t(intro_key, **values))


def lazy_tabs(labels: dict[str, str], key: str, default: str | None = None):
    """Tabs whose hidden panels do not run: (the open tab's container, its name).

    Only the chosen tab's content is computed and sent (switching tabs reruns the page), so a page
    with six tabs costs one. The widget keeps the open tab's label under `key`; its name is kept
    under `key:name`, so that a language switch (new labels) keeps the same tab open. `default`
    (a name, e.g. from the URL) is the tab opened when the session has none open yet.
    """
    remembered = st.session_state.get(f"{key}:name")
    if st.session_state.get(key) not in (None, *labels.values()) and remembered in labels:
        st.session_state[key] = labels[remembered]
    if key not in st.session_state and default in labels:
        st.session_state[key] = labels[default]
    tabs = st.tabs(list(labels.values()), key=key, on_change="rerun")
    name, tab = next(((name, tab) for name, tab in zip(labels, tabs) if tab.open), (next(iter(labels)), tabs[0]))
    st.session_state[f"{key}:name"] = name
    return tab, name
