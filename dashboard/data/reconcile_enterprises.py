"""Reconciliation of the company portfolio, 2024 investments, returns, receipts and history."""

from __future__ import annotations

from dashboard.data.reconcile import Reconciler, half_unit
from dashboard.data.seeds_io import Table

MONEY = ("outstanding_cents", "capital_cents", "loan_cents")


def check_portfolio(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Outstanding amounts: rows, totals, shares, the four sector views and the company lists."""
    outstanding = tables["portfolio_outstanding"]
    for scope in sorted({r["scope"] for r in outstanding.rows}):
        pairs = [(r, w) for r, w in zip(outstanding.rows, outstanding.raw) if r["scope"] == scope]
        total = next(r for r, _ in pairs if r["row_key"] == "total")
        parts = [(r, w) for r, w in pairs if r["row_key"] != "total"]
        for r, w in pairs:
            key = f"portfolio:{scope}:{r['row_key']}"
            rec.compare(
                f"{key}:split",
                f"portfolio_outstanding.csv, {scope} {r['row_key']}, capital + loan",
                r["outstanding_cents"],
                r["capital_cents"] + r["loan_cents"],
                0,
                "cents",
            )
            rec.compare(
                f"{key}:share",
                f"portfolio_outstanding.csv, {scope} {r['row_key']}, share",
                r["outstanding_share_printed_bp"],
                r["outstanding_cents"] / total["outstanding_cents"] * 10000,
                half_unit(w["outstanding_share_printed_pct"], 100),
                "bp",
            )
            rec.compare(
                f"{key}:companies_share",
                f"portfolio_outstanding.csv, {scope} {r['row_key']}, companies share",
                r["companies_share_printed_bp"],
                r["companies"] / total["companies"] * 10000,
                half_unit(w["companies_share_printed_pct"], 100),
                "bp",
            )
        for column in (*MONEY, "companies"):
            rec.compare(
                f"portfolio:{scope}:total:{column}",
                f"portfolio_outstanding.csv, {scope} total {column}",
                total[column],
                sum(r[column] for r, _ in parts),
                0,
                "cents" if column != "companies" else "n",
            )
    whole = {r["row_key"]: r for r in outstanding.where(scope="all")}
    views = {
        "live_action": ("live_action", "live_action_animation", "live_action_animation_gaming"),
        "animation": ("live_action_animation", "live_action_animation_gaming", "animation", "gaming_animation"),
        "gaming": ("gaming", "gaming_animation", "live_action_animation_gaming"),
        "digital": ("digital",),
    }
    for scope, groups in views.items():
        total = outstanding.where(scope=scope, row_key="total")[0]
        for column in (*MONEY, "companies"):
            rec.compare(
                f"portfolio:{scope}:view:{column}",
                f"portfolio_outstanding.csv, {scope} total vs the B24-7.2 groups",
                total[column],
                sum(whole[g][column] for g in groups),
                0,
                "cents" if column != "companies" else "n",
            )
        members = tables["portfolio_memberships"].where(sector_list=scope)
        rec.compare(
            f"portfolio:{scope}:members",
            f"portfolio_memberships.csv, {scope}, companies listed",
            len(members),
            total["companies"],
            0,
            "n",
        )
        for row in outstanding.where(scope=scope):
            if row["row_key"] != "total":
                listed = [m for m in members if m["category"] == row["row_key"]]
                rec.compare(
                    f"portfolio:{scope}:{row['row_key']}:members",
                    f"portfolio_memberships.csv, {scope} {row['row_key']}",
                    len(listed),
                    row["companies"],
                    0,
                    "n",
                )
    companies = tables["portfolio_companies"]
    names = {c["name"] for c in companies.rows}
    for m in tables["portfolio_memberships"].rows:
        rec.compare(
            f"portfolio:member:{m['company_name']}",
            f"portfolio_memberships.csv, {m['company_name']} not in portfolio_companies.csv",
            int(m["company_name"] in names),
            1,
            0,
            "n",
        )
    for group, row in whole.items():
        if group != "total":
            rec.compare(
                f"portfolio:all:{group}:companies_listed",
                f"portfolio_companies.csv, group {group}",
                len(companies.where(portfolio_group=group)),
                row["companies"],
                0,
                "n",
            )
    returns = {
        r["instrument"]: (r, w) for r, w in zip(tables["enterprise_returns"].rows, tables["enterprise_returns"].raw)
    }
    for instrument, (r, w) in returns.items():
        key, where = f"returns:{instrument}", f"enterprise_returns.csv, {instrument}"
        rec.compare(
            f"{key}:D",
            f"{where}, D = A - B - C",
            r["outstanding_cents"],
            r["lent_or_subscribed_cents"] - r["bankruptcy_losses_cents"] - r["repaid_or_sold_cents"],
            0,
            "cents",
        )
        rec.compare(
            f"{key}:E",
            f"{where}, E = B + C",
            r["exited_cents"],
            r["bankruptcy_losses_cents"] + r["repaid_or_sold_cents"],
            0,
            "cents",
        )
        rec.compare(
            f"{key}:H",
            f"{where}, H = F + G - B",
            r["net_return_cents"],
            r["interest_or_gains_cents"] + r["eif_cover_cents"] - r["bankruptcy_losses_cents"],
            0,
            "cents",
        )
        rec.compare(
            f"{key}:pct",
            f"{where}, H / E",
            r["net_return_printed_bp"],
            r["net_return_cents"] / r["exited_cents"] * 10000,
            half_unit(w["net_return_printed_pct"], 100),
            "bp",
        )
    total = returns["total"][0]
    for column in [c for c in total if c.endswith("_cents")]:
        rec.compare(
            f"returns:total:{column}",
            f"enterprise_returns.csv, total {column}",
            total[column],
            returns["loan"][0][column] + returns["capital"][0][column],
            0,
            "cents",
        )
    for column, mine in (
        ("capital_cents", returns["capital"][0]),
        ("loan_cents", returns["loan"][0]),
        ("outstanding_cents", total),
    ):
        rec.compare(
            "portfolio:returns_vs_outstanding",
            f"enterprise_returns.csv (B24-6.1) vs portfolio_outstanding.csv (B24-7.2), {column}",
            mine["outstanding_cents"],
            whole["total"][column],
            0,
            "cents",
        )


def check_investments(rec: Reconciler, tables: dict[str, Table]) -> None:
    """2024 enterprise investments: categories, groups, scopes and the financed companies."""
    inv = tables["enterprise_investments_2024"]
    for scope in ("live_action", "animation"):
        rows = inv.where(scope=scope)
        total = next(r for r in rows if r["row_key"] == "total")
        parts = [r for r in rows if r["row_key"] != "total"]
        for column in ("amount_cents", "capital_cents", "loan_cents", "companies"):
            rec.compare(
                f"investments:{scope}:{column}",
                f"enterprise_investments_2024.csv, {scope} total {column}",
                total[column],
                sum(r[column] for r in parts),
                0,
                "n",
            )
    whole = {r["row_key"]: (r, w) for r, w in zip(inv.rows, inv.raw) if r["scope"] == "all"}
    total = whole["total"][0]
    groups = [k for k in whole if ":" not in k and k != "total"]
    for column in ("amount_cents", "companies"):
        rec.compare(
            f"investments:all:{column}",
            f"enterprise_investments_2024.csv, all total {column}",
            total[column],
            sum(whole[g][0][column] for g in groups),
            0,
            "n",
        )
        for g in groups:
            subs = [whole[k][0] for k in whole if k.startswith(g + ":")]
            rec.compare(
                f"investments:all:{g}:{column}",
                f"enterprise_investments_2024.csv, all {g} {column}",
                whole[g][0][column],
                sum(s[column] for s in subs),
                0,
                "n",
            )
    for key, (r, w) in whole.items():
        if w["amount_share_printed_pct"]:
            rec.compare(
                f"investments:all:{key}:share",
                f"enterprise_investments_2024.csv, {key} share",
                r["amount_share_printed_bp"],
                r["amount_cents"] / total["amount_cents"] * 10000,
                half_unit(w["amount_share_printed_pct"], 100),
                "bp",
            )
        if w["companies_share_printed_pct"]:
            rec.compare(
                f"investments:all:{key}:companies_share",
                f"enterprise_investments_2024.csv, {key} companies share",
                r["companies_share_printed_bp"],
                r["companies"] / total["companies"] * 10000,
                half_unit(w["companies_share_printed_pct"], 100),
                "bp",
            )
    for scope, groups in (
        ("live_action", ("live_action", "live_action_animation")),
        ("animation", ("animation", "live_action_animation")),
    ):
        scope_total = inv.where(scope=scope, row_key="total")[0]
        rec.compare(
            f"investments:{scope}:view",
            f"enterprise_investments_2024.csv, {scope} total vs the B24-7.2 groups",
            scope_total["amount_cents"],
            sum(whole[g][0]["amount_cents"] for g in groups),
            0,
            "cents",
        )
    financed = len(tables["portfolio_companies"].where(financed_2024=1))
    rec.compare(
        "investments:financed_companies",
        "portfolio_companies.csv, companies flagged financed_2024",
        financed,
        total["companies"],
        0,
        "n",
    )
