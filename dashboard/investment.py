"""Investment vs. Walloon spend: filters, ratios, shares and value quality (pure, no Streamlit).

The page "Investment vs. Walloon spend" reads its filters from the URL, turns them into bound
query parameters here, and derives ratios and shares from the integer sums the SQL returns
(SQLite's integer division would truncate them in SQL).
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.components.i18n import label_of, translate
from dashboard.components.permalink import Param
from dashboard.data.queries import query_header
from dashboard.metrics import ratio_pct, share_pct

YEAR = 2024
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
# The 2024 splits shown on the page: dimension -> named query.
BREAKDOWNS = {
    "sector": "investment/totals_by_sector",
    "work_type": "investment/totals_by_work_type",
    "origin": "investment/totals_by_origin",
    "role": "investment/totals_by_role",
}
SEARCH_PARAM = "q"
# The page's tabs, by URL name (the first is the default); `work` is the work whose card is open.
TABS = ("years", "2024", "posts", "works", "peers", "gaming")
PARAM_SPEC = [Param(name, choices, multi=True, default=[]) for name, (choices, _) in FILTERS.items()] + [
    Param(SEARCH_PARAM, None, default=""),
    Param("tab", TABS, default=TABS[0]),
    # A work id: a whole number, opened only when it is among the works listed (the page checks it).
    Param("work", None, default=None, integer=True),
]


def query_params(values: dict, year: int = YEAR) -> dict:
    """Bound SQL parameters from the page's filter values (an empty or missing filter selects all)."""
    params = {"year": year}
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


def filters_context(values: dict, lang: str) -> dict[str, str]:
    """Filter lines for the XLSX context sheet: one line per filter, in the session language."""
    context, active = {}, active_filters(values)
    for name in FILTERS:
        chosen = active.get(name)
        shown = ", ".join(label_of(code, lang) for code in chosen) if chosen else translate("common.all", lang)
        context[translate(f"investment.filter_{name}", lang)] = shown
    search = (values.get(SEARCH_PARAM) or "").strip()
    if search:
        context[translate("investment.search", lang)] = search
    return context


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


def breakdown_table(frame: pd.DataFrame, dimension: str, lang: str) -> pd.DataFrame:
    """A totals-by-dimension query result as a labelled table with ratio and shares."""
    out = with_shares(with_ratio(frame))
    out.insert(0, dimension, [label_of(code, lang) for code in out["code"]])
    return out.drop(columns=["code"])[
        [dimension, "works", "investment_cents", "walloon_spend_cents", "ratio_pct", "investment_share_pct"]
        + ["spend_share_pct"]
    ]


def post_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Spend by post of one sector, biggest first, with the printed share and the computed one."""
    out = frame.sort_values(["amount_cents", "post"], ascending=[False, True]).reset_index(drop=True)
    total = int(out["amount_cents"].sum())
    return pd.DataFrame(
        {
            "post": [label_of(f"post_{code}", lang) for code in out["post"]],
            "amount_cents": out["amount_cents"].astype("int64"),
            "share_printed_bp": out["share_printed_bp"],
            "share_computed_pct": [round(share_pct(int(v), total), 2) for v in out["amount_cents"]],
            "post_code": out["post"],
        }
    )


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def value_quality(value, lower, upper, row_quality: str, derived: bool = False) -> str | None:
    """Quality of one value: exact printed values are reported (or derived), ranges approximate.

    A row flagged approximate often mixes exact and rounded figures (2017: 5.864.000 € invested
    but '> 29 M€' spend), so each value is judged by its own bounds.
    """
    if _missing(value):
        return None
    if row_quality == "estimated":
        return "estimated"
    if _missing(lower) or _missing(upper) or lower != value or upper != value:
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


def year_gaps(frame: pd.DataFrame, first: int | None = None, last: int | None = None) -> list[int]:
    """Years of the range with no single-year row at all (left as gaps, never interpolated)."""
    years = set(frame["period_start"].astype(int))
    first = first if first is not None else min(years)
    last = last if last is not None else max(years)
    return [year for year in range(first, last + 1) if year not in years]


def history_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """History rows for download: printed text next to the stored values, bounds and source."""
    out = frame.assign(quality=[translate(f"quality.{q}", lang) for q in frame["quality"]])
    if "source_label" in out.columns:
        out["source_id"] = out["source_label"]
    columns = [
        "fund",
        "period_label",
        "works_printed",
        "invested_printed",
        "invested_cents",
        "invested_lower_cents",
        "invested_upper_cents",
        "spend_printed",
        "spend_cents",
        "spend_lower_cents",
        "spend_upper_cents",
        "ratio_printed",
        "ratio_bp",
        "ratio_lower_bp",
        "ratio_upper_bp",
        "quality",
        "source_id",
        "note",
    ]
    return out[columns].rename(columns={"period_label": "period", "works_printed": "works_text", "source_id": "source"})


def query_sources(name: str) -> list[str]:
    """Source ids of a named query, from its `-- source:` header."""
    return [part.strip() for part in query_header(name).get("source", "").split(";") if part.strip()]


def source_map(source_ids, labels: list[str]) -> dict[str, str]:
    """{source_id: label} from the unique ids and the labels computed for them, in order."""
    return dict(zip(dict.fromkeys(source_ids), labels))


def peer_rows(history: pd.DataFrame) -> pd.DataFrame:
    """Rows of the peer comparison: every peer-fund row, and Wallimage's single years (its periods have their own chart)."""
    own_years = (history["fund"] == OWN_FUND) & (history["scope"] == "single_year")
    return history[history["fund"].isin(PEER_FUNDS) | own_years]
