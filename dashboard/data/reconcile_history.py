"""Reconciliation of co-production receipts, fact bounds and the yearly history."""

from __future__ import annotations

from dashboard.data.reconcile import Reconciler, half_unit
from dashboard.data.seeds_io import Table


def check_receipts_and_history(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Co-production receipts, history bounds and the 2024 history row."""
    facts = {f["fact_id"]: f for f in tables["facts"].rows}
    receipts = tables["coproduction_receipts"]
    top = receipts.where(row_key="total_top")[0]
    parts = [r for r in receipts.rows if r["row_key"] != "total_top"]
    rec.compare(
        "receipts:top:sum",
        "coproduction_receipts.csv, top projects",
        top["receipts_cents"],
        sum(r["receipts_cents"] for r in parts),
        0,
        "cents",
    )
    rec.compare(
        "receipts:top:projects",
        "coproduction_receipts.csv, projects",
        top["projects"],
        sum(r["projects"] for r in parts),
        0,
        "n",
    )
    total_cents = facts["receipts_2024"]["fact_value"] * 100
    for r, w in zip(receipts.rows, receipts.raw):
        rec.compare(
            f"receipts:{r['row_key']}:share_total",
            f"coproduction_receipts.csv, {r['row_key']} share of all receipts",
            r["share_of_total_printed_bp"],
            r["receipts_cents"] / total_cents * 10000,
            half_unit(w["share_of_total_printed_pct"], 100),
            "bp",
        )
        rec.compare(
            f"receipts:{r['row_key']}:share_top",
            f"coproduction_receipts.csv, {r['row_key']} share of the top",
            r["share_of_top_printed_bp"],
            r["receipts_cents"] / top["receipts_cents"] * 10000,
            half_unit(w["share_of_top_printed_pct"], 100),
            "bp",
        )
    for f in tables["facts"].rows:
        low = f["lower_value"] if f["lower_value"] is not None else f["fact_value"]
        high = f["upper_value"] if f["upper_value"] is not None else f["fact_value"]
        rec.compare(
            f"facts:{f['fact_id']}:bounds",
            f"facts.csv, {f['fact_id']}, lower <= value <= upper",
            int(low <= f["fact_value"] <= high),
            1,
            0,
            "n",
        )
    for h in tables["history"].rows:
        for measure in ("invested", "spend", "ratio"):
            unit = "bp" if measure == "ratio" else "cents"
            value, low, high = (h[f"{measure}_{unit}"], h[f"{measure}_lower_{unit}"], h[f"{measure}_upper_{unit}"])
            if value is not None:
                ok = (low is None or low <= value) and (high is None or value <= high)
                rec.compare(
                    f"history:{h['row_id']}:{measure}_bounds",
                    f"history.csv, {h['row_id']}, {measure} bounds",
                    int(ok),
                    1,
                    0,
                    "n",
                )
        if h["ratio_quality"] == "derived" and h["invested_cents"] and h["spend_cents"]:
            rec.compare(
                f"history:{h['row_id']}:ratio",
                f"history.csv, {h['row_id']}, derived ratio",
                h["ratio_bp"],
                h["spend_cents"] / h["invested_cents"] * 10000,
                50,
                "bp",
            )
    row_2024 = tables["history"].where(row_id="w2024")[0]
    works = tables["works"].rows
    rec.compare(
        "history:w2024:invested",
        "history.csv, 2024 invested vs works.csv",
        row_2024["invested_cents"],
        sum(w["investment_cents"] for w in works),
        0,
        "cents",
    )
    rec.compare(
        "history:w2024:spend",
        "history.csv, 2024 spend vs works.csv",
        row_2024["spend_cents"],
        sum(w["walloon_spend_cents"] for w in works),
        0,
        "cents",
    )
