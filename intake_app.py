"""The intake app for the fund's staff (`make intake`): upload a report's workbook, see its problems,
download the annotated copy, compare its key figures with the published ones, publish when clean.

A separate Streamlit app on 127.0.0.1 with its own port and upload limit (command-line flags in the
Makefile); the dashboard keeps `server.maxUploadSize = 0`. It writes only through
dashboard.intake.check.import_files (all or nothing). WALLIMAGE_SEEDS_DIR and WALLIMAGE_DB_URL point
it at other seeds and database (the tests use temporary copies).
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.data import database
from dashboard.data.errors import DatabaseError, SeedError
from dashboard.intake import texts
from dashboard.intake.__main__ import SEEDS_VARIABLE
from dashboard.intake.check import check_files, import_files
from dashboard.intake.problems import bounded
from dashboard.intake.workbook import annotated_copy
from dashboard.safety import escape_markdown

LOG = logging.getLogger("wallimage.intake")
MAX_FILES = 40


def seeds_dir() -> Path:
    return Path(os.environ.get(SEEDS_VARIABLE) or database.SEEDS_DIR)


def db_url() -> str:
    return database.configured_url()


def current_headlines(year: int) -> dict[str, float]:
    """The published headline figures of that report (else of the latest one), by fact id."""
    try:
        db = database.Database(db_url())
        try:
            frame = db.query_sql("SELECT report_year, fact_id, fact_value FROM facts WHERE topic = 'headline'").frame
        finally:
            db.dispose()
    except (DatabaseError, Exception):  # noqa: BLE001 - no published data yet: nothing to compare
        return {}
    if frame.empty:
        return {}
    years = set(frame["report_year"])
    shown = year if year in years else max(years)
    rows = frame[frame["report_year"] == shown]
    return dict(zip(rows["fact_id"], rows["fact_value"]))


def main() -> None:
    st.set_page_config(page_title="Wallimage — intake", layout="wide")
    lang = st.sidebar.radio("Langue / Language", texts.LANGUAGES, format_func=lambda code: code.upper(), key="lang")
    t = lambda key, **values: texts.text(key, lang, **values)  # noqa: E731
    st.title(t("app_title"))
    st.write(t("app_intro"))
    uploads = st.file_uploader(t("app_upload"), type=["xlsx", "csv"], accept_multiple_files=True, key="upload")
    if not uploads:
        return
    files = [(upload.name, upload.getvalue()) for upload in uploads[:MAX_FILES]]
    digest = hashlib.sha256(b"".join(name.encode() + data for name, data in files)).hexdigest()
    if st.session_state.get("digest") != digest:
        st.session_state.update(digest=digest, outcome=check_files(files, seeds_dir()), published=None)
    outcome = st.session_state["outcome"]
    if outcome.problems:
        st.error(t("app_problems", count=len(outcome.problems)))
        table = pd.DataFrame(
            {
                t("app_col_sheet"): [bounded(p.sheet, 40) for p in outcome.problems],
                t("app_col_cell"): [p.cell for p in outcome.problems],
                t("app_col_message"): [bounded(p.message(lang), 400) for p in outcome.problems],
            }
        )
        st.dataframe(table, hide_index=True, key="problems")
        st.download_button(
            t("app_download"),
            data=annotated_copy(outcome.book, outcome.problems, lang),
            file_name=f"{texts.text('sheet_problems', lang)}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="annotated",
        )
    else:
        st.success(t("app_clean", year=outcome.year))
    if outcome.headlines:
        st.subheader(t("app_preview"))
        current = current_headlines(outcome.year)
        st.dataframe(
            pd.DataFrame(
                {
                    t("app_col_figure"): [bounded(r["label_" + lang], 80) for r in outcome.headlines],
                    t("app_col_new"): [r["fact_value"] for r in outcome.headlines],
                    t("app_col_current"): [current.get(r["fact_id"]) for r in outcome.headlines],
                }
            ),
            hide_index=True,
            key="preview",
        )
    if st.button(t("app_publish"), type="primary", key="publish"):
        if not outcome.clean:
            st.error(t("app_refused"))
            return
        try:
            url = db_url()
            checked, result = import_files(files, seeds_dir(), url=url)
        except (SeedError, OSError) as problem:
            LOG.error("intake publish failed: %s", problem)
            st.error(t("app_failed"))
            return
        if result is None:
            st.error(t("app_refused"))
            return
        st.session_state["published"] = checked.year
    if st.session_state.get("published"):
        st.success(escape_markdown(t("app_published", year=st.session_state["published"])))


main()
