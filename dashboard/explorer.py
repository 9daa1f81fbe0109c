"""The works explorer and the gaming programme of the investment page (pure, no Streamlit).

Search, one work's card (its recorded inconsistencies, its sector's ratio, its note) and the report's
gaming call; ratios come from dashboard/investment.py. Tables with display names (works, gaming
phases) are made in dashboard/components/investment_labels.py.
"""

from __future__ import annotations

import pandas as pd

from dashboard.investment import _round_ratio, with_ratio
from dashboard.metrics import is_missing, ratio_pct


def search_works(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """Works whose title, company, directors or co-production text contains the search text."""
    needle = (text or "").strip().casefold()
    if not needle:
        return frame
    haystack = (
        frame["title"]
        + " "
        + frame["depositary_company"]
        + " "
        + frame["directors"]
        + " "
        + frame["coproduction_printed"]
    ).str.casefold()
    return frame[haystack.str.contains(needle, regex=False)]


def work_option(row) -> str:
    """Selectbox label of a work: 'n° 20 — Siempre es invierno'."""
    return f"{int(row['work_id'])} — {row['title']}"


def discrepancies_for_work(frame: pd.DataFrame, work_id: int) -> pd.DataFrame:
    """Recorded report inconsistencies that concern one work (by id or check key)."""
    # Ids name the work ("work_20_title", "director_spelling_work_30"); check keys may too ("shares:work:22").
    token = f"work_{int(work_id)}_"
    by_id = (frame["discrepancy_id"] + "_").str.contains(token, regex=False)
    by_key = (
        frame["check_keys"]
        .fillna("")
        .str.split(";")
        .apply(lambda keys: f"shares:work:{int(work_id)}" in [key.strip() for key in keys])
    )
    return frame[by_id | by_key]


def sector_ratio(sector_totals: pd.DataFrame, sector: str) -> float | None:
    """Ratio of a whole sector (all its works of the report), from a totals-by-sector result."""
    row = sector_totals[sector_totals["code"] == sector]
    if row.empty:
        return None
    return _round_ratio(ratio_pct(int(row["walloon_spend_cents"].iloc[0]), int(row["investment_cents"].iloc[0])))


def work_note(note) -> str:
    """A work's note, or an empty text (run_query already gives it in the session language)."""
    return "" if is_missing(note) or not str(note).strip() else str(note)


def gaming_call_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The report's gaming call's projects with the derived ratio next to the printed one."""
    out = with_ratio(frame).rename(columns={"ratio_pct": "ratio_derived_pct"})
    columns = ["ordinal", "project", "company", "investment_cents", "walloon_spend_cents", "ratio_printed_bp"]
    return out[[*columns, "ratio_derived_pct"]]
