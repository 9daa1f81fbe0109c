"""Investment vs. Walloon spend: filters, ratios, shares and value quality (pure, no Streamlit).

The page "Investment vs. Walloon spend" reads its filters from the URL, turns them into bound
query parameters here, and derives ratios and shares from the integer sums the SQL returns
(SQLite's integer division would truncate them in SQL). Display names and translated texts are
added in dashboard/components/investment_labels.py; the URL parameters are declared with the
page's components (dashboard/components/investment_cards.py).
"""

from __future__ import annotations

import pandas as pd

from dashboard.metrics import change, is_missing, ratio_pct, share_pct

SECTORS = ("live_action", "animation", "tv_format")
WORK_TYPES = ("feature", "series", "documentary", "format")
ORIGINS = ("belgium", "france", "elsewhere")
ROLES = ("majority", "minority")
PEER_FUNDS = ("screen.brussels", "Screen Flanders")
OWN_FUND = "Wallimage"
SCOPES = ("single_year", "multi_year")

# URL parameter -> (allowed codes, SQL parameter). Empty selection means "all".
FILTERS = {
    "sector": (SECTORS, "sectors"),
    "type": (WORK_TYPES, "work_types"),
    "origin": (ORIGINS, "origins"),
    "role": (ROLES, "roles"),
}
# The report's splits shown on the page: dimension -> named query.
BREAKDOWNS = {
    "sector": "investment/totals_by_sector",
    "work_type": "investment/totals_by_work_type",
    "origin": "investment/totals_by_origin",
    "role": "investment/totals_by_role",
}
SEARCH_PARAM = "q"
# The page's tabs, by URL name (the first is the default).
TABS = ("years", "detail", "posts", "works", "peers", "gaming")


def query_params(values: dict) -> dict:
    """Bound SQL parameters from the page's filter values (an empty or missing filter selects all)."""
    params = {}
    for name, (choices, sql_name) in FILTERS.items():
        chosen = [code for code in (values.get(name) or []) if code in choices]
        params[sql_name] = chosen or list(choices)
    return params


def active_filters(values: dict) -> dict[str, list[str]]:
    """The filters that narrow the selection (neither empty nor every option)."""
    active = {}
    for name, (choices, _) in FILTERS.items():
        chosen = [code for code in (values.get(name) or []) if code in choices]
        if chosen and set(chosen) != set(choices):
            active[name] = chosen
    return active


def with_ratio(frame: pd.DataFrame, spend="walloon_spend_cents", invested="investment_cents") -> pd.DataFrame:
    """The frame with `ratio_pct` = spend ÷ invested × 100, computed from the integer sums."""
    out = frame.copy()
    out["ratio_pct"] = [_round_ratio(ratio_pct(s, i)) for s, i in zip(out[spend], out[invested])]
    return out


def _round_ratio(value):
    return None if value is None else round(float(value), 2)


def with_shares(frame: pd.DataFrame) -> pd.DataFrame:
    """Add each row's share of the selection's works, investment and spend (percent)."""
    out = frame.copy()
    for column, share in (("works", "works_share_pct"), ("investment_cents", "investment_share_pct")):
        total = int(out[column].sum())
        out[share] = [share_pct(int(v), total) for v in out[column]]
    total_spend = int(out["walloon_spend_cents"].sum())
    out["spend_share_pct"] = [share_pct(int(v), total_spend) for v in out["walloon_spend_cents"]]
    return out


def value_quality(value, lower, upper, row_quality: str, derived: bool = False) -> str | None:
    """Quality of one value: exact printed values are reported (or derived), ranges approximate.

    A row flagged approximate often mixes exact and rounded figures (one year of the history has an exact amount
    invested but '> 29 M€' spend), so each value is judged by its own bounds.
    """
    if is_missing(value):
        return None
    if row_quality == "estimated":
        return "estimated"
    if is_missing(lower) or is_missing(upper) or lower != value or upper != value:
        return "approximate"
    return "derived" if derived or row_quality == "derived" else "reported"


def history_values(frame: pd.DataFrame) -> pd.DataFrame:
    """History rows with the quality of each value (invested, spend, ratio)."""
    out = frame.copy()
    for measure in ("invested", "spend"):
        out[f"{measure}_quality"] = [
            value_quality(v, lo, up, q)
            for v, lo, up, q in zip(
                out[f"{measure}_cents"], out[f"{measure}_lower_cents"], out[f"{measure}_upper_cents"], out["quality"]
            )
        ]
    out["ratio_value_quality"] = [
        value_quality(v, lo, up, q, derived=rq == "derived")
        for v, lo, up, q, rq in zip(
            out["ratio_bp"], out["ratio_lower_bp"], out["ratio_upper_bp"], out["quality"], out["ratio_quality"]
        )
    ]
    return out


DETAILED, SINGLE_FIGURE = "detailed_report", "single_figure"


def yearly_series(singles: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Wallimage's single years with the basis of each: a detailed report (its works' totals) or a
    sourced single figure of an earlier year.

    A detailed report's year takes its works' totals. Where the history also has a single figure for
    that year, the build has already proved it equal to the works' totals, so that row is kept (with
    its printed text and quality) and only marked; otherwise a row is made from the works (ratio
    derived). `singles` are history rows with their values' quality (history_values); `reports` the
    rows of investment/report_totals.
    """
    out = singles.assign(basis=SINGLE_FIGURE)
    made = []
    for report in reports.to_dict("records"):
        year = int(report["report_year"])
        same_year = out["period_start"].astype(int) == year
        if same_year.any():
            out.loc[same_year, "basis"] = DETAILED
            continue
        invested, spend = int(report["investment_cents"]), int(report["walloon_spend_cents"])
        ratio = _round_ratio(ratio_pct(spend, invested))
        ratio_bp = None if ratio is None else round(ratio * 100)
        made.append(
            {
                "row_id": f"report_{year}",
                "fund": OWN_FUND,
                "period_start": year,
                "period_end": year,
                "period_label": str(year),
                "scope": "single_year",
                "works": int(report["works"]),
                "invested_cents": invested,
                "invested_lower_cents": invested,
                "invested_upper_cents": invested,
                "spend_cents": spend,
                "spend_lower_cents": spend,
                "spend_upper_cents": spend,
                "ratio_bp": ratio_bp,
                "ratio_lower_bp": ratio_bp,
                "ratio_upper_bp": ratio_bp,
                "ratio_quality": "derived",
                "quality": "reported",
                "source_id": report["source_id"],
                "invested_quality": "reported",
                "spend_quality": "reported",
                "ratio_value_quality": "derived",
                "basis": DETAILED,
                **({"source_label": report["source_label"]} if "source_label" in report else {}),
            }
        )
    if made:
        out = pd.concat([out, pd.DataFrame(made)], ignore_index=True)
    return out.sort_values("period_start", kind="stable").reset_index(drop=True)


def year_gaps(frame: pd.DataFrame, first: int | None = None, last: int | None = None) -> list[int]:
    """Years of the range with no single-year row at all (left as gaps, never interpolated)."""
    years = set(frame["period_start"].astype(int))
    first = first if first is not None else min(years)
    last = last if last is not None else max(years)
    return [year for year in range(first, last + 1) if year not in years]


def repeated_counts(periods: pd.DataFrame) -> list[tuple[int, int]]:
    """(projects count, rows) for each count that several period rows quote with different amounts
    (e.g. two sources quoting the same number of projects for overlapping periods)."""
    quoted = periods.dropna(subset=["works"]).groupby("works")["invested_cents"].agg(["count", "nunique"])
    repeated = quoted[(quoted["count"] > 1) & (quoted["nunique"] > 1)]
    return [(int(works), int(rows)) for works, rows in repeated["count"].items()]


def source_map(source_ids, labels: list[str]) -> dict[str, str]:
    """{source_id: label} from the unique ids and the labels computed for them, in order."""
    return dict(zip(dict.fromkeys(source_ids), labels))


def peer_rows(history: pd.DataFrame) -> pd.DataFrame:
    """Rows of the peer comparison: every peer-fund row, and Wallimage's single years (its periods have their own chart)."""
    own_years = (history["fund"] == OWN_FUND) & (history["scope"] == "single_year")
    return history[history["fund"].isin(PEER_FUNDS) | own_years]


# The measures compared with the previous report, and the column that holds each change.
CHANGE_COLUMNS = {
    "works": "works_change",
    "investment_cents": "investment_change_cents",
    "walloon_spend_cents": "walloon_spend_change_cents",
    "ratio_pct": "ratio_change_pts",
}


def with_changes(current: pd.DataFrame, previous: pd.DataFrame | None, key: str) -> pd.DataFrame:
    """Rows of the chosen report with their change from the previous report's row of the same `key`
    (works, invested, spend, ratio in points); unchanged when there is no previous report."""
    if previous is None:
        return current
    before = previous.set_index(key)
    out = current.copy()
    for column, name in CHANGE_COLUMNS.items():
        if column in out.columns and column in before.columns:
            out[name] = [change(value, before[column].get(code))[0] for code, value in zip(out[key], out[column])]
    return out
