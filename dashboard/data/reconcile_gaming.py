"""Reconciliation of the video-game programme: agreements, phase totals and the 2024 call."""

from __future__ import annotations

from dashboard.data.reconcile import Reconciler, half_unit
from dashboard.data.seeds_io import Table


def _ratio(rec, key, what, printed_bp, raw_pct, spend, invest):
    if invest:
        rec.compare(key, what, printed_bp, spend / invest * 10000, half_unit(raw_pct, 100), "bp")


def check_gaming(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Agreements sum to their phase totals; the 2024 call matches its agreements."""
    agreements = tables["gaming_agreements"]
    for row, raw in zip(agreements.rows, agreements.raw):
        _ratio(
            rec,
            f"gaming:agreement:{row['agreement_no']}:ratio",
            f"gaming_agreements.csv, {row['project']}, ratio",
            row["ratio_printed_bp"],
            raw["ratio_printed_pct"],
            row["validated_spend_cents"],
            row["committed_cents"],
        )
    for total, raw in zip(tables["gaming_agreement_totals"].rows, tables["gaming_agreement_totals"].raw):
        rows = agreements.rows if total["phase"] == "all" else agreements.where(phase=total["phase"])
        key, where = f"gaming:total:{total['phase']}", f"gaming_agreement_totals.csv, {total['phase']}"
        rec.compare(f"{key}:count", f"{where}, agreements", total["agreements"], len(rows), 0, "n")
        for column in ("committed_cents", "validated_spend_cents"):
            # Rows printed to the cent are themselves rounded: allow half a cent per row.
            rec.compare(
                f"{key}:{column}",
                f"{where}, {column}",
                total[column],
                sum(r[column] for r in rows),
                len(rows) / 2,
                "cents",
            )
        _ratio(
            rec,
            f"{key}:ratio",
            f"{where}, ratio",
            total["ratio_printed_bp"],
            raw["ratio_printed_pct"],
            total["validated_spend_cents"],
            total["committed_cents"],
        )
    call = tables["gaming_call_2024"]
    in_call = {r["project"]: r for r in agreements.rows if r["in_call_2024"]}
    rec.compare(
        "gaming:call:count",
        "gaming_call_2024.csv, projects flagged in gaming_agreements.csv",
        len(call.rows),
        len(in_call),
        0,
        "n",
    )
    for row, raw in zip(call.rows, call.raw):
        match = in_call.get(row["project"])
        key = f"gaming:call:{row['ordinal']}"
        if match is None:
            rec.compare(
                f"{key}:listed",
                f"gaming_call_2024.csv, {row['project']} not flagged in gaming_agreements.csv",
                1,
                0,
                0,
                "n",
            )
            continue
        rec.compare(
            f"{key}:investment",
            f"gaming_call_2024.csv, {row['project']}, investment vs agreement",
            row["investment_cents"],
            match["committed_cents"],
            0,
            "cents",
        )
        rec.compare(
            f"{key}:spend",
            f"gaming_call_2024.csv, {row['project']}, spend vs agreement",
            row["walloon_spend_cents"],
            match["validated_spend_cents"],
            0,
            "cents",
        )
        _ratio(
            rec,
            f"{key}:ratio",
            f"gaming_call_2024.csv, {row['project']}, ratio",
            row["ratio_printed_bp"],
            raw["ratio_printed_pct"],
            row["walloon_spend_cents"],
            row["investment_cents"],
        )
    for total, raw in zip(tables["gaming_call_2024_totals"].rows, tables["gaming_call_2024_totals"].raw):
        for column in ("investment_cents", "walloon_spend_cents"):
            rec.compare(
                f"gaming:call:total:{column}",
                f"gaming_call_2024_totals.csv, {column}",
                total[column],
                sum(r[column] for r in call.rows),
                len(call.rows),
                "cents",
            )
        _ratio(
            rec,
            "gaming:call:total:ratio",
            "gaming_call_2024_totals.csv, ratio",
            total["ratio_printed_bp"],
            raw["ratio_printed_pct"],
            total["walloon_spend_cents"],
            total["investment_cents"],
        )
