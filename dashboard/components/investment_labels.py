"""The investment page's results as labelled tables and texts in a language.

The pure computations (filters, ratios, shares, value quality) live in dashboard/investment.py and
dashboard/explorer.py; here their results get display names, translated texts and formatted
figures from the text catalogue.
"""

from __future__ import annotations

import pandas as pd

from dashboard.components.formatting import format_money_cents, format_percent
from dashboard.components.i18n import label_of, translate
from dashboard.explorer import work_note
from dashboard.investment import (
    CHANGE_COLUMNS,
    FILTERS,
    SEARCH_PARAM,
    active_filters,
    with_changes,
    with_ratio,
    with_shares,
)
from dashboard.metrics import share_pct


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


def breakdown_table(
    frame: pd.DataFrame, dimension: str, lang: str, previous: pd.DataFrame | None = None
) -> pd.DataFrame:
    """A totals-by-dimension query result as a labelled table with ratio and shares, and the change
    from the previous report's same rows when `previous` (the same query on that report) is given."""
    out = with_shares(with_ratio(frame))
    if previous is not None:
        out = with_changes(out, with_ratio(previous), "code")
    out.insert(0, dimension, [label_of(code, lang) for code in out["code"]])
    changes = [c for c in CHANGE_COLUMNS.values() if c in out.columns]
    return out.drop(columns=["code"])[
        [dimension, "works", "investment_cents", "walloon_spend_cents", "ratio_pct", "investment_share_pct"]
        + ["spend_share_pct", *changes]
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


def history_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """History rows for download: printed text next to the stored values, bounds and source."""
    out = frame.assign(quality=[translate(f"quality.{q}", lang) for q in frame["quality"]])
    basis = "basis" in out.columns
    if basis:
        out["basis"] = [translate(f"investment.basis_{b}", lang) for b in out["basis"]]
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
        *(["basis"] if basis else []),
        "source_id",
        "note",
    ]
    return out[columns].rename(columns={"period_label": "period", "works_printed": "works_text", "source_id": "source"})


# The works table's columns, the ones a reader compares first right after the pinned title: the
# amounts and both ratios are in view without scrolling, even on a 1024 px screen.
WORKS_COLUMNS = [
    "title",
    "investment_cents",
    "walloon_spend_cents",
    "ratio_printed_bp",
    "ratio_pct",
    "sector",
    "work_type",
    "origin",
    "coproduction_role",
    "coproduction_printed",
    "depositary_company",
    "directors",
    "work_id",
    "source_id",
]


def works_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The works list with labelled codes, the title first, then amounts and both ratios (printed and derived)."""
    out = with_ratio(frame)
    for column in ("sector", "work_type", "origin", "coproduction_role"):
        out[column] = [label_of(code, lang) for code in out[column]]
    return (
        out[WORKS_COLUMNS]
        .assign(note=[work_note(n) for n in out["note"]])
        .rename(columns={"work_id": "work_no", "ratio_pct": "ratio_derived_pct"})
    )


def works_column_help(lang: str) -> dict[str, str]:
    """Header tooltips of the works table: what each of the two ratios is."""
    return {
        "ratio_printed_bp": translate("investment.help_ratio_printed", lang),
        "ratio_derived_pct": translate("investment.help_ratio_derived", lang),
    }


def country_label(country: str, lang: str) -> str:
    """Display name of a country as printed in the report (French), translated when known."""
    label = label_of(f"country_{country}", lang)
    return country if label == f"country_{country}" else label


def gaming_total_note(total, lang: str) -> str:
    """Printed totals of the report's gaming call, formatted for the note under its table."""
    return translate(
        "investment.gaming_call_note",
        lang,
        projects=int(total["projects"]),
        invested=format_money_cents(int(total["investment_cents"]), lang=lang),
        spend=format_money_cents(int(total["walloon_spend_cents"]), lang=lang),
        ratio=format_percent(int(total["ratio_printed_bp"]) / 100, lang=lang),
    )


def gaming_phase_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Gaming agreements by phase with labelled phases and the derived ratio next to the printed one."""
    out = with_ratio(frame, spend="validated_spend_cents", invested="committed_cents")
    out["phase"] = [label_of(f"phase_{code}", lang) for code in out["phase"]]
    columns = ["phase", "agreements", "committed_cents", "validated_spend_cents", "ratio_printed_bp", "ratio_pct"]
    return out[columns].rename(columns={"ratio_pct": "ratio_derived_pct"})
