"""Reconciliation of the shooting-day tables, the scenarios, carbon, directors and catalogue."""

from __future__ import annotations

from dashboard.data.reconcile import Reconciler, half_unit
from dashboard.data.seeds_io import Table


def _sum_check(rec: Reconciler, key: str, what: str, rows: list[dict], column: str, total, tolerance=0):
    rec.compare(
        key, what, total, sum(r[column] for r in rows), tolerance, "cents" if column.endswith("_cents") else "n"
    )


def check_shooting(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Shooting activity sums, days split, spend per day split and its chart."""
    activity = tables["shooting_activity"]
    totals = {r["measure"]: r["total_value"] for r in tables["shooting_activity_totals"].rows}
    for measure in ("dossiers", "dossiers_shot_2024", "shooting_days", "days_cofinanced", "days_attributable"):
        _sum_check(
            rec,
            f"shooting:total:{measure}",
            f"shooting_activity.csv, total {measure}",
            activity.rows,
            measure,
            totals[measure],
        )
    for row, raw in zip(activity.rows, activity.raw):
        kind = row["project_type"]
        rec.compare(
            f"shooting:days:{kind}",
            f"shooting_activity.csv, {kind}, days = co-financed + attributable",
            row["shooting_days"],
            row["days_cofinanced"] + row["days_attributable"],
            0,
            "n",
        )
        rec.compare(
            f"shooting:share:{kind}",
            f"shooting_activity.csv, {kind}, share of dossiers",
            row["dossiers_share_printed_bp"],
            row["dossiers"] / totals["dossiers"] * 10000,
            half_unit(raw["dossiers_share_printed_pct"], 100),
            "bp",
        )
    posts = tables["shooting_spend_per_day_posts"]
    for row, raw in zip(tables["shooting_spend_per_day"].rows, tables["shooting_spend_per_day"].raw):
        kind = row["work_type"]
        total = row["total_per_day_cents"]
        rec.compare(
            f"per_day:{kind}:split",
            f"shooting_spend_per_day.csv, {kind}, eligible + non-AV",
            total,
            row["av_eligible_cents"] + row["non_av_cents"],
            1,
            "cents",
        )
        for part, column in (("av", "av_share_printed_pct"), ("non_av", "non_av_share_printed_pct")):
            amount = row["av_eligible_cents" if part == "av" else "non_av_cents"]
            rec.compare(
                f"per_day:{kind}:{part}_share",
                f"shooting_spend_per_day.csv, {kind}, {part} share",
                row[column.replace("_pct", "_bp")],
                amount / total * 10000,
                half_unit(raw[column], 100),
                "bp",
            )
        rec.compare(
            f"per_day:{kind}:chart",
            f"shooting_spend_per_day.csv, {kind}, chart total",
            row["chart_total_cents"],
            total,
            50,
            "cents",
        )
        parts = posts.where(work_type=kind)
        rec.compare(
            f"per_day:{kind}:posts",
            f"shooting_spend_per_day_posts.csv, {kind}, sum of posts",
            sum(p["amount_cents"] for p in parts),
            row["chart_total_cents"],
            50 * (len(parts) + 1),
            "cents",
        )


def check_scenarios(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Published scenario rows against their inputs and totals."""
    inputs = {r["project_type"]: r for r in tables["scenario_inputs"].rows}
    per_day = {r["work_type"]: r for r in tables["shooting_spend_per_day"].rows}
    activity = {r["project_type"]: r for r in tables["shooting_activity"].rows}
    for kind, row in inputs.items():
        rec.compare(
            f"scenario:inputs:{kind}:days",
            f"scenario_inputs.csv, {kind}, attributable days",
            row["attributable_days"],
            activity[kind]["days_attributable"],
            0,
            "n",
        )
    published = tables["scenario_published"]
    for row, raw in zip(published.rows, published.raw):
        share, kind = row["share_bp"] / 10000, row["project_type"]
        key, where = f"scenario:{row['share_bp'] // 100}:{kind}", f"scenario_published.csv, {raw['share_pct']} % {kind}"
        source = inputs[kind]
        if source["rate_basis"] == "flat":
            expected_day = source["flat_rate_cents"] * 10
        else:
            base = per_day[source["measured_work_type"]]
            expected_day = (base["av_eligible_cents"] * share + base["non_av_cents"]) * 10
        rec.compare(
            f"{key}:per_day",
            f"{where}, spend per day",
            row["per_day_printed_millieur"],
            expected_day,
            10 + half_unit(raw["per_day_printed_eur"], 1000),
            "n",
        )
        rec.compare(f"{key}:days", f"{where}, days", row["days"], source["attributable_days"], 0, "n")
        day_tolerance = row["days"] * half_unit(raw["per_day_printed_eur"], 100) + 1
        rec.compare(
            f"{key}:days_spend",
            f"{where}, days × spend per day",
            row["days_spend_cents"],
            row["days"] * row["per_day_printed_millieur"] / 10,
            day_tolerance,
            "cents",
        )
        rec.compare(
            f"{key}:complement",
            f"{where}, complement",
            row["complement_cents"],
            source["complement_non_av_cents"],
            0,
            "cents",
        )
        rec.compare(
            f"{key}:total",
            f"{where}, total",
            row["total_cents"],
            row["days_spend_cents"] + row["complement_cents"],
            0,
            "cents",
        )
    for total in tables["scenario_published_totals"].rows:
        rows = published.where(share_bp=total["share_bp"])
        key = f"scenario:{total['share_bp'] // 100}:totals"
        for column in ("days", "days_spend_cents", "complement_cents", "total_cents"):
            _sum_check(
                rec,
                f"{key}:{column}",
                f"scenario_published_totals.csv, {total['share_bp'] // 100} %, {column}",
                rows,
                column,
                total[column],
                len(rows) if column != "days" else 0,
            )


def check_carbon(rec: Reconciler, tables: dict[str, Table]) -> None:
    """The footprint statements cover the five projects and can hold together with the mean."""
    projects = tables["carbon_projects"].rows
    statements = tables["carbon_footprints"].rows
    parts = [s for s in statements if s["relation"] != "mean"]
    mean = next(s for s in statements if s["relation"] == "mean")
    rec.compare(
        "carbon:projects",
        "carbon_footprints.csv, projects covered by the statements",
        sum(s["projects_count"] for s in parts),
        len(projects),
        0,
        "n",
    )
    rec.compare(
        "carbon:mean_count",
        "carbon_footprints.csv, projects in the mean",
        mean["projects_count"],
        len(projects),
        0,
        "n",
    )
    low = sum(s["projects_count"] * s["lower_tco2e"] for s in parts)
    rec.checks_run += 1
    if low > mean["upper_tco2e"] * mean["projects_count"]:
        rec.compare(
            "carbon:mean_feasible",
            "carbon_footprints.csv, lower bounds vs mean",
            low,
            mean["upper_tco2e"] * mean["projects_count"],
            0,
            "n",
        )


def check_directors(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Director tables: groups sum to totals; persons match the works' director list."""
    summary = tables["directors_summary"]
    counted = {"live_action": 0, "animation": 0, "all": 0}
    sectors = {w["work_id"]: w["sector"] for w in tables["works"].rows}
    for d in tables["work_directors"].rows:
        counted["all"] += 1
        counted[sectors[d["work_id"]]] = counted.get(sectors[d["work_id"]], 0) + 1
    for scope in ("live_action", "animation", "all"):
        total = summary.where(scope=scope, group_kind="total")[0]
        rec.compare(
            f"directors:{scope}:persons",
            f"directors_summary.csv, {scope}, persons vs work_directors.csv",
            total["persons"],
            counted[scope],
            0,
            "n",
        )
        nationality = summary.where(scope=scope, group_kind="nationality")
        gender = summary.where(scope=scope, group_kind="gender")
        _sum_check(
            rec,
            f"directors:{scope}:nationality_persons",
            f"directors_summary.csv, {scope}, persons by nationality",
            nationality,
            "persons",
            total["persons"],
        )
        _sum_check(
            rec,
            f"directors:{scope}:nationality_amount",
            f"directors_summary.csv, {scope}, amounts by nationality",
            nationality,
            "amount_cents",
            total["amount_cents"],
        )
        _sum_check(
            rec,
            f"directors:{scope}:gender_persons",
            f"directors_summary.csv, {scope}, persons by gender",
            gender,
            "persons",
            total["persons"],
        )
        for row in gender:
            if row["projects"]:
                rec.compare(
                    f"directors:{scope}:{row['group_key']}:average",
                    f"directors_summary.csv, {scope} {row['group_key']}, average",
                    row["average_per_project_cents"],
                    row["amount_cents"] / row["projects"],
                    0.5,
                    "cents",
                )
    for group_kind, key in (
        ("nationality", "belgian"),
        ("nationality", "french"),
        ("nationality", "other"),
        ("gender", "women"),
        ("gender", "men"),
    ):
        parts = [
            r for r in summary.rows if r["scope"] != "all" and r["group_kind"] == group_kind and r["group_key"] == key
        ]
        whole = summary.where(scope="all", group_kind=group_kind, group_key=key)[0]
        flux = [w for w in tables["works"].rows if w["sector"] == "tv_format"]
        flux_amount = sum(w["investment_cents"] for w in flux)
        # The flux format's director is a Belgian man (B24-1.2.3: « réalisateur·rice wallon·ne »).
        extra = flux_amount if key in ("belgian", "men") else 0
        rec.compare(
            f"directors:all:{key}:consolidation",
            f"directors_summary.csv, all {key} vs live action + animation + flux",
            whole["amount_cents"],
            sum(p["amount_cents"] for p in parts) + extra,
            0,
            "cents",
        )


def check_catalogue(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Works and companies since creation sum to the headline counts."""
    for total in tables["catalogue_totals"].rows:
        rows = tables["catalogue_counts"].where(kind=total["kind"])
        _sum_check(
            rec,
            f"catalogue:{total['kind']}",
            f"catalogue_counts.csv, {total['kind']}",
            rows,
            "item_count",
            total["item_count"],
        )
