"""Per-shoot carbon footprints: filters, intensities with their bounds, category shares, forecast against
final, trend by report year and split by work type (pure pandas, no Streamlit).

A result is exact (a total) or approximate (a total with bounds); a shoot whose footprint the source does
not give per shoot (a report that states footprints only for groups of shoots) has no total and counts in no figure here. Every
intensity is carried as a [low, high] range: exact results give low = high.

Intensities pool the selected results (sum of footprints ÷ sum of shooting days, or of crew-days, or of
Walloon spend), so that a long shoot weighs as much as its days, as the benchmarks per shooting day do.
"""

from __future__ import annotations

import pandas as pd

from dashboard.carbon import Interval

STAGES = ("final", "forecast")
# A result that does not say whether it is a forecast counts with the final ones (it is what was measured).
STAGE_ROWS = {"final": ("final", "unstated"), "forecast": ("forecast",)}


def with_bounds(shoots: pd.DataFrame) -> pd.DataFrame:
    """The carbon/shoots rows with low_t and high_t (the bounds, or the exact total twice) and crew_days."""
    out = shoots.copy()
    out["low_t"] = out["lower_tco2e"].fillna(out["total_tco2e"])
    out["high_t"] = out["upper_tco2e"].fillna(out["total_tco2e"])
    out["crew_days"] = out["crew"] * out["shooting_days"]
    return out


def measured(shoots: pd.DataFrame) -> pd.DataFrame:
    """The results that give a footprint for their shoot."""
    return shoots[shoots["total_tco2e"].notna()]


def select(shoots: pd.DataFrame, kinds=(), tools=(), stage: str = "final") -> pd.DataFrame:
    """The results of one stage, of the chosen work types and tools (an empty choice keeps all)."""
    keep = shoots["stage"].isin(STAGE_ROWS[stage])
    if kinds:
        keep &= shoots["kind"].isin(list(kinds))
    if tools:
        keep &= shoots["tool"].isin(list(tools))
    return shoots[keep]


def per_shoot(shoots: pd.DataFrame) -> pd.DataFrame:
    """Each measured result with its intensities as ranges: tCO2e per shooting day, kgCO2e per crew-day and
    kgCO2e per 1.000 € of Walloon spend (only where the shoot is linked to a work with its spend)."""
    out = with_bounds(measured(shoots))
    out["per_day_low"] = out["low_t"] / out["shooting_days"]
    out["per_day_high"] = out["high_t"] / out["shooting_days"]
    out["per_crew_day_low_kg"] = out["low_t"] * 1000 / out["crew_days"]
    out["per_crew_day_high_kg"] = out["high_t"] * 1000 / out["crew_days"]
    spend_keur = out["walloon_spend_cents"].where(out["walloon_spend_cents"] > 0) / 100_000
    out["per_keur_low_kg"] = out["low_t"] * 1000 / spend_keur
    out["per_keur_high_kg"] = out["high_t"] * 1000 / spend_keur
    return out


def pooled(shoots: pd.DataFrame) -> dict:
    """The selected measured results together: how many, their days, crew-days and footprint, and the pooled
    intensities as Intervals (None when nothing is measured or no shoot is linked to its spend)."""
    rows = with_bounds(measured(shoots))
    if rows.empty:
        return {"shoots": 0, "linked": 0, "total": None, "per_day": None, "per_crew_day_kg": None, "per_keur_kg": None}
    total = Interval(float(rows["low_t"].sum()), float(rows["high_t"].sum()))
    linked = rows[rows["walloon_spend_cents"].fillna(0) > 0]
    per_keur = None
    if not linked.empty:
        spend_keur = float(linked["walloon_spend_cents"].sum()) / 100_000
        per_keur = Interval(
            float(linked["low_t"].sum()) * 1000 / spend_keur, float(linked["high_t"].sum()) * 1000 / spend_keur
        )
    return {
        "shoots": int(rows[["report_year", "project_no"]].drop_duplicates().shape[0]),
        "linked": int(len(linked)),
        "days": int(rows["shooting_days"].sum()),
        "crew_days": int(rows["crew_days"].sum()),
        "total": total,
        "per_day": total.per(float(rows["shooting_days"].sum())),
        "per_crew_day_kg": total.scale(1000).per(float(rows["crew_days"].sum())),
        "per_keur_kg": per_keur,
    }


def category_shares(categories: pd.DataFrame, shoots: pd.DataFrame) -> pd.DataFrame:
    """The footprint of the selected results by category (tCO2e) and each category's share of their sum (%),
    largest first; the categories of results that were not selected are left out."""
    keys = ["report_year", "project_no", "stage"]
    chosen = categories.merge(measured(shoots)[keys], on=keys)
    sums = chosen.groupby("category", as_index=False)["tco2e"].sum()
    total = sums["tco2e"].sum()
    sums["category_share_pct"] = sums["tco2e"] * 100 / total if total else 0.0
    return sums.sort_values(["tco2e", "category"], ascending=[False, True]).reset_index(drop=True)


def tool_categories(categories: pd.DataFrame, shoots: pd.DataFrame) -> dict[str, list[str]]:
    """{tool: the categories its selected results report}, to warn where the tools' categories differ."""
    keys = ["report_year", "project_no", "stage"]
    chosen = categories.merge(measured(shoots)[[*keys, "tool"]], on=keys)
    chosen = chosen[chosen["tco2e"] > 0]
    return {tool: sorted(set(group["category"])) for tool, group in chosen.groupby("tool")}


def forecast_against_final(shoots: pd.DataFrame) -> pd.DataFrame:
    """Shoots with both a forecast and a final footprint: both totals and the change (% of the forecast)."""
    rows = measured(shoots)
    keys = ["report_year", "project_no"]
    forecast = rows[rows["stage"] == "forecast"][[*keys, "total_tco2e"]].rename(columns={"total_tco2e": "forecast_t"})
    final = rows[rows["stage"] == "final"][[*keys, "kind", "tool", "total_tco2e"]]
    both = forecast.merge(final.rename(columns={"total_tco2e": "final_t"}), on=keys)
    both["change_pct"] = (both["final_t"] - both["forecast_t"]) * 100 / both["forecast_t"]
    return both[[*keys, "kind", "tool", "forecast_t", "final_t", "change_pct"]].reset_index(drop=True)


def _groups(shoots: pd.DataFrame, column: str) -> pd.DataFrame:
    rows = []
    for value, group in with_bounds(measured(shoots)).groupby(column, sort=True):
        summary = pooled(group)
        rows.append(
            {
                column: value,
                "shoots": summary["shoots"],
                "shooting_days": summary["days"],
                "per_day_low": summary["per_day"].low,
                "per_day_high": summary["per_day"].high,
                "per_crew_day_low_kg": summary["per_crew_day_kg"].low,
                "per_crew_day_high_kg": summary["per_crew_day_kg"].high,
            }
        )
    columns = [column, "shoots", "shooting_days", "per_day_low", "per_day_high", "per_crew_day_low_kg"]
    return pd.DataFrame(rows, columns=[*columns, "per_crew_day_high_kg"])


def trend_by_year(shoots: pd.DataFrame) -> pd.DataFrame:
    """Pooled intensities of the measured results of each report year (rows of every report)."""
    return _groups(shoots, "report_year")


def by_kind(shoots: pd.DataFrame) -> pd.DataFrame:
    """Pooled intensities of the measured results of each work type."""
    return _groups(shoots, "kind")
