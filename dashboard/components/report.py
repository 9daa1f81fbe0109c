"""The report a session is looking at: its year, the previous report's year and its document.

The frame reads `?year=` (default: the latest report in the database), keeps it in the session
and in the URL, and every named query that uses `:year` / `:previous_year` gets them from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportContext:
    """One report as the pages see it: year, the previous detailed report (or None), title."""

    year: int
    previous_year: int | None
    title: str
    published: str
    document_id: str
    years: tuple[int, ...]
    short_names: tuple[tuple[str, str], ...] = ()

    def short_name(self, lang: str) -> str:
        """The report's short name in `lang` (its report.csv), as citations print it; the title if none."""
        return dict(self.short_names).get(lang) or self.title

    @property
    def params(self) -> dict:
        """The report parameters offered to every named query (each binds those it uses)."""
        return {"year": self.year, "previous_year": self.previous_year}

    @property
    def is_latest(self) -> bool:
        """Whether this is the most recent report in the database."""
        return self.year == self.years[-1]


def report_context(reports, year: int | None) -> ReportContext:
    """The context of `year` (or of the latest report) from the rows of reports/reports."""
    rows = {int(r["report_year"]): r for r in reports.to_dict("records")}
    years = tuple(sorted(rows))
    chosen = year if year in rows else years[-1]
    earlier = [y for y in years if y < chosen]
    row = rows[chosen]
    return ReportContext(
        year=chosen,
        previous_year=earlier[-1] if earlier else None,
        title=str(row["title"]),
        published=str(row["published"]),
        document_id=str(row["document_id"]),
        years=years,
        short_names=tuple(
            (lang, str(row[f"short_name_{lang}"])) for lang in ("fr", "en") if row.get(f"short_name_{lang}")
        ),
    )


def current_report() -> ReportContext | None:
    """The session's report context (None outside a Streamlit session or before the frame ran)."""
    try:
        import streamlit as st

        return st.session_state.get("report_context")
    except Exception:  # no Streamlit session: scripts and pure-function tests
        return None
