"""The carbon page's per-shoot view (each production's calculator result) and the published benchmarks.

No query here: the page passes the rows it fetched (carbon/shoots, carbon/shoot_categories,
carbon/benchmarks, carbon/tools); the figures come from dashboard/components/charts_shoots.py and the
arithmetic from dashboard/carbon_shoots.py.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import carbon, carbon_shoots
from dashboard.carbon import Interval, round_outward
from dashboard.components.carbon_texts import card_row, cited, meta
from dashboard.components.cards import chart_card, table_card
from dashboard.components.charts_carbon import format_bounds
from dashboard.components.charts_shoots import (
    build_benchmark_figure,
    build_category_figure,
    build_forecast_final_figure,
    build_group_figure,
    build_shoot_points_figure,
    shoot_name,
)
from dashboard.components.formatting import format_number, format_range
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.permalink import Param
from dashboard.components.quality import quality_label
from dashboard.data.seeds_io import ENUMS

KINDS = tuple(sorted(ENUMS[("carbon_shoots", "kind")]))
BENCHMARK_SCOPES = ("per_shooting_day", "per_production", "per_hour")


def shoot_params(tools: tuple[str, ...]) -> list[Param]:
    """The per-shoot filters' URL parameters: work types, calculators (the tools' codes) and stage."""
    return [
        Param("type", KINDS, multi=True, default=[]),
        Param("tool", tools, multi=True, default=[]),
        Param("stage", carbon_shoots.STAGES, default="final"),
    ]


def shoot_filters(params: dict, tools: pd.DataFrame) -> dict:
    """Work type, tool and stage pickers, starting from the URL once; returns the chosen values."""
    for key, value in (
        ("carbon_type", params["type"]),
        ("carbon_tool", params["tool"]),
        ("carbon_stage", params["stage"]),
    ):
        st.session_state.setdefault(key, value)
    names = dict(zip(tools["tool"], tools["name"]))
    columns = st.columns(2)
    kinds = columns[0].pills(
        t("carbon.filter_type"), KINDS, selection_mode="multi", format_func=label_of, key="carbon_type", wrap=True
    )
    chosen = columns[1].pills(
        t("carbon.filter_tool"),
        list(names),
        selection_mode="multi",
        format_func=names.get,
        key="carbon_tool",
        wrap=True,
    )
    stage = st.segmented_control(
        t("carbon.filter_stage"), carbon_shoots.STAGES, format_func=label_of, key="carbon_stage"
    )
    return {"type": list(kinds), "tool": list(chosen), "stage": stage or "final"}


def shown_range(bounds: Interval | None, decimals: int, unit: str = "") -> str:
    """An exact value rounded to the nearest ('4,99 tCO2e'), a range rounded outwards ('4,90–5,10 tCO2e')."""
    if bounds is None:
        return "–"
    if bounds.low == bounds.high:
        return format_range(bounds.low, bounds.low, unit, decimals)
    return format_bounds(bounds, unit, decimals)


def shoots_view(
    shoots: pd.DataFrame,
    categories: pd.DataFrame,
    benchmarks: pd.DataFrame,
    tools: pd.DataFrame,
    year: int,
    chosen: dict,
):
    """Cards, each shoot as a point with its bounds, categories, forecast against final, trend and split."""
    lang = current_language()
    filtered = carbon_shoots.select(shoots, chosen["type"], chosen["tool"], chosen["stage"])
    this_year = filtered[filtered["report_year"] == year]
    summary = carbon_shoots.pooled(this_year)
    sources = cited(*this_year["source_id"]) or cited(*shoots["source_id"])
    st.header(t("carbon.shoots_heading", year=year))
    if not summary["shoots"]:
        st.info(t("carbon.no_shoot_selected"), icon="ℹ️")
        return
    # Intensities are computed from the rows: derived, or approximate when a footprint has bounds.
    quality = "approximate" if this_year["lower_tco2e"].notna().any() else "derived"
    linked = {"linked": format_number(summary["linked"]), "shoots": format_number(summary["shoots"])}
    card_row(
        [
            (t("carbon.shoots_metric"), format_number(summary["shoots"]), sources, "derived"),
            (
                t("carbon.pooled_per_day_metric"),
                shown_range(summary["per_day"], 2, "tCO2e"),
                sources,
                quality,
                t("carbon.pooled_help"),
            ),
            (
                t("carbon.pooled_per_crew_day_metric"),
                shown_range(summary["per_crew_day_kg"], 1, "kgCO2e"),
                sources,
                quality,
            ),
            (
                t("carbon.pooled_per_keur_metric"),
                shown_range(summary["per_keur_kg"], 1, "kgCO2e"),
                sources,
                "derived",
                t("carbon.per_keur_help", **linked),
            ),
        ]
    )
    rows = carbon_shoots.per_shoot(this_year)
    per_day_benchmarks = benchmarks[benchmarks["scope"] == "per_shooting_day"]
    chart_card(
        build_shoot_points_figure(rows, per_day_benchmarks, lang),
        meta("points", cited(*sources, *per_day_benchmarks["source_id"])),
        _shoot_table(rows, lang),
        "carbon_shoot_points",
    )
    tool_warning(carbon_shoots.tool_categories(categories, this_year), this_year)
    tools_table(tools, this_year)
    shares = carbon_shoots.category_shares(categories, this_year)
    if not shares.empty:
        chart_card(
            build_category_figure(shares, lang),
            meta("categories", sources),
            shares.assign(category=shares["category"].map(label_of)).rename(columns={"tco2e": "total_tco2e"}),
            "carbon_categories",
        )
    both = carbon_shoots.forecast_against_final(shoots[shoots["report_year"] == year])
    if not both.empty:
        mean_change = format_number(both["change_pct"].mean(), 1)
        chart_card(
            build_forecast_final_figure(both, lang),
            meta("forecast", sources, shoots=format_number(len(both)), change=mean_change),
            both.assign(kind=both["kind"].map(label_of)),
            "carbon_forecast_final",
        )
    # One chart per row: side by side, their labels would meet at 1024 px.
    for name, groups in (("trend", carbon_shoots.trend_by_year(filtered)), ("kinds", carbon_shoots.by_kind(this_year))):
        key = "report_year" if name == "trend" else "kind"
        table = _rounded(groups)
        table[key] = table[key].astype(str) if key == "report_year" else table[key].map(label_of)
        chart_card(build_group_figure(groups, key, lang), meta(name, sources), table, f"carbon_{name}")


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """Ranges rounded outwards as the cards show them (2 decimals per day, 1 per crew-day), so that a table
    and a card never print the same figure two ways."""
    out = frame.copy()
    for low, high, decimals in (
        ("per_day_low", "per_day_high", 2),
        ("per_crew_day_low_kg", "per_crew_day_high_kg", 1),
        ("per_keur_low_kg", "per_keur_high_kg", 1),
        ("per_person_day_low_kg", "per_person_day_high_kg", 1),
    ):
        if low in out:
            shown = [_shown(a, b, decimals) for a, b in zip(out[low], out[high])]
            out[low] = [s.low if s else None for s in shown]
            out[high] = [s.high if s else None for s in shown]
    return out


def _shown(low, high, decimals: int) -> Interval | None:
    """A range rounded outwards, an exact value to the nearest (as shown_range prints them)."""
    if pd.isna(low):
        return None
    if low == high:
        return Interval(round(float(low), decimals), round(float(low), decimals))
    return round_outward(Interval(low, high), decimals)


def _shoot_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One line per result, the columns a reader needs, missing values blank (never 'None')."""
    out = pd.DataFrame(
        {
            "report_year": rows["report_year"].astype(str),
            "shoot": [shoot_name(r, lang) for r in rows.itertuples(index=False)],
            "kind": rows["kind"].map(label_of),
            "tool": [
                f"{n} {v}" if isinstance(v, str) and v else n for n, v in zip(rows["tool_name"], rows["tool_version"])
            ],
            "stage": rows["stage"].map(label_of),
            "certification": rows["certification"].fillna(""),
            "crew": rows["crew"],
            "shooting_days": rows["shooting_days"],
            "shooting_days_wallonia": rows["shooting_days_wallonia"].astype("Float64"),
            "footprint_shown": [shown_range(Interval(a, b), 1) for a, b in zip(rows["low_t"], rows["high_t"])],
            "per_day_low": rows["per_day_low"],
            "per_day_high": rows["per_day_high"],
            "per_crew_day_low_kg": rows["per_crew_day_low_kg"],
            "per_crew_day_high_kg": rows["per_crew_day_high_kg"],
            "quality": rows["quality"].map(quality_label),
        }
    )
    return _rounded(out)


def green_shoot_cards(shoots: pd.DataFrame, year: int, chosen: dict, reduction: int, reduction_source: str) -> None:
    """The selected results' pooled tCO2e per shooting day after the chosen cut (a what-if)."""
    this_year = carbon_shoots.select(
        shoots[shoots["report_year"] == year], chosen["type"], chosen["tool"], chosen["stage"]
    )
    summary = carbon_shoots.pooled(this_year)
    if not summary["shoots"]:
        return
    after = carbon.apply_reduction(summary["per_day"], reduction / 100)
    card_row(
        [
            (
                t("carbon.green_per_day_metric", reduction=reduction),
                shown_range(after, 2, "tCO2e"),
                cited(*this_year["source_id"], reduction_source),
                "scenario",
                t("carbon.green_shoots_help"),
            )
        ]
    )


def tools_table(tools: pd.DataFrame, shoots: pd.DataFrame) -> None:
    """The calculators that produced the footprints shown, each with the page that describes it."""
    used = tools[tools["tool"].isin(shoots["tool"])]
    table = pd.DataFrame(
        {
            "tool": used["name"],
            "tool_version": used["version"].fillna(""),
            "publisher": used["publisher"],
            "shoots": [int((shoots["tool"] == code).sum()) for code in used["tool"]],
            "url": used["url"],
        }
    )
    table_card(table, meta("tools", cited(*used["source_id"])), "carbon_tools")


def tool_warning(by_tool: dict[str, list[str]], shoots: pd.DataFrame) -> None:
    """Which tool produced the footprints shown and, when several did, where their categories differ."""
    names = dict(zip(shoots["tool"], shoots["tool_name"]))
    if len(by_tool) < 2:
        return
    every = set().union(*by_tool.values())
    gaps = [
        t(
            "carbon.tool_gap",
            tool=names.get(tool, tool),
            categories=", ".join(label_of(c) for c in sorted(every - set(cats))),
        )
        for tool, cats in sorted(by_tool.items())
        if every - set(cats)
    ]
    st.warning(
        t("carbon.tools_differ", tools=", ".join(sorted(names.get(x, x) for x in by_tool)), gaps=" ".join(gaps)),
        icon="⚠️",
    )


def benchmarks_section(benchmarks: pd.DataFrame) -> None:
    """The published benchmarks, one range chart per scope, the scope warning and the sourced table."""
    lang = current_language()
    st.header(t("carbon.benchmarks_heading"))
    st.markdown(t("carbon.benchmarks_intro"))
    share = benchmarks[benchmarks["scope"] == "share"]
    for row in share.itertuples(index=False):
        value = format_bounds(Interval(row.lower_value, row.upper_value), "%", 0)
        card_row(
            [
                (
                    getattr(row, f"label_{lang}"),
                    f"≈ {format_range(row.benchmark_value, row.benchmark_value, '%')} ({value})",
                    [row.source_id],
                    row.quality,
                )
            ]
        )
    for scope in BENCHMARK_SCOPES:  # one chart per row and per scope: never one axis for two scopes
        rows = benchmarks[benchmarks["scope"] == scope]
        if rows.empty:
            continue
        chart_card(
            build_benchmark_figure(rows, lang),
            meta("benchmark", cited(*rows["source_id"]), note=f"carbon.benchmark_note_{scope}", scope=label_of(scope)),
            _benchmark_table(rows, lang),
            f"carbon_benchmarks_{scope}",
        )


def _benchmark_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "benchmark": rows[f"label_{lang}"],
            "study": rows["study"],
            "scope": rows["scope"].map(label_of),
            "benchmark_range": [
                format_bounds(Interval(a, b), "", 2 if b < 100 else 0)
                for a, b in zip(rows["lower_value"], rows["upper_value"])
            ],
            "sample_size": [format_number(n) if pd.notna(n) else t("carbon.not_stated") for n in rows["sample_size"]],
            "data_period": rows["data_period"],
            "published_year": [str(int(y)) if pd.notna(y) else t("carbon.not_stated") for y in rows["published_year"]],
            "url": rows["url"],
        }
    )
