"""The carbon page's view of a report that states its footprints only for groups of shoots (« 3 ont un
bilan équivalent à environ 200 TCO2e »…): the shoots in one plain sentence, the
statements and what follows from them as ranges, the green-manager what-if, intensities as ranges and
spend against carbon per day. Nothing here gives a footprint to one shoot.

No query here: the page passes the rows it fetched (carbon/footprints, carbon/projects,
carbon/sample_totals, carbon/spend_per_day, carbon/facts).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import carbon
from dashboard.components.carbon_shoots import _rounded
from dashboard.components.carbon_texts import (
    bound_values,
    card_row,
    cited,
    kinds_of_projects,
    meta,
    sample_values,
    statement_label,
    tonnes,
)
from dashboard.components.cards import chart_card, table_card
from dashboard.components.charts_carbon import build_footprint_ranges_figure, build_spend_carbon_figure, format_bounds
from dashboard.components.formatting import format_figure, format_number
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.quality import quality_label
from dashboard.components.sources import source_labels


def projects_statement(projects: pd.DataFrame, any_project: carbon.Interval) -> str:
    """One plain sentence for the shoots whose footprint is not given one by one: their profiles and the
    range any of them may have."""
    profiles = "; ".join(
        t("carbon.profile", number=r.project_no, kind=label_of(r.kind), crew=r.crew, days=r.shooting_days)
        for r in projects.itertuples(index=False)
    )
    return t(
        "carbon.projects_statement",
        projects=format_number(len(projects)),
        profiles=profiles,
        low=tonnes(any_project.low),
        high=tonnes(any_project.high),
    )


def sample_view(footprints: pd.DataFrame, project_rows: pd.DataFrame, sizes: pd.DataFrame, spend: pd.DataFrame):
    """Everything the statements allow, each value a range; returns (statements, mean, total, size, sources)."""
    statements, mean, size = carbon.statements_from_frame(footprints)
    source = cited(*footprints["source_id"])
    projects_count = format_number(size)
    st.warning(t("carbon.sample_warning", projects=projects_count), icon="⚠️")
    mean_row = footprints[footprints["relation"] == "mean"].iloc[0]
    total = carbon.sample_total(mean, size)
    derived = carbon.derived_bounds(statements, total)
    bounds = sample_values(mean_row["stated_tco2e"], mean, total, size)

    st.header(t("carbon.projects_heading", projects=projects_count))
    st.markdown(projects_statement(project_rows, carbon.any_project_bounds(statements, total)))
    st.caption(
        f"{t('common.source_prefix')} {'; '.join(source_labels(cited(*source, *project_rows['source_id']), short=True))}"
    )

    st.header(t("carbon.footprints_heading"))
    mean_label = t("carbon.mean_metric", projects=projects_count)
    # One figure, one face: written from its row (value, quality, bounds) as on the overview.
    mean_value = format_figure(
        mean_row["stated_tco2e"], mean_row["quality"], mean_row["lower_tco2e"], mean_row["upper_tco2e"]
    )  # the card's label names the unit
    cards = [(mean_label, mean_value, [mean_row["source_id"]], mean_row["quality"], t("carbon.mean_help", **bounds))]
    total_help = t("carbon.total_help", **bounds)
    more = [
        (t("carbon.total_metric", projects=projects_count), format_bounds(total, "", 1), source, "derived", total_help)
    ]
    notes = footprints.set_index("statement_id")["note"].fillna("")
    for statement in statements:
        tight = derived[statement.statement_id]
        label = statement_label(statement.relation, statement.count, statement.stated)
        help_text = t(f"carbon.statement_help_{statement.relation}", **bound_values(statement.bounds, tight))
        help_text = f"{help_text} {notes[statement.statement_id]}".strip()
        cards.append((label, format_bounds(statement.bounds, ""), source, "approximate", help_text))
        if tight != statement.bounds:
            more.insert(
                0,
                (
                    t("carbon.derived_metric", statement=label),
                    format_bounds(tight, "", 1),
                    source,
                    "derived",
                    help_text,
                ),
            )
    card_row(cards)
    card_row(more)
    return statements, mean, total, size, source


def green_cards(statements, mean, total, size, source, reduction: int, reduction_source: str) -> None:
    """The mean and total after the chosen cut, and the statements' ranges before and after it."""
    lang = current_language()
    projects_count = format_number(size)
    after = {
        "mean": carbon.apply_reduction(mean, reduction / 100),
        "total": carbon.apply_reduction(total, reduction / 100),
    }
    green_label = {k: t(f"carbon.green_{k}_metric", reduction=reduction, projects=projects_count) for k in after}
    green_sources = cited(*source, reduction_source)
    card_row([(green_label[k], format_bounds(r, "tCO2e", 2), green_sources, "scenario") for k, r in after.items()])
    ranges = carbon.statement_ranges(statements, mean, total, reduction / 100)
    table = ranges.assign(
        statement=[statement_label(r.relation, r.projects_count, r.stated_t) for r in ranges.itertuples()]
    ).drop(columns=["statement_id", "relation", "tightened", "stated_t"])
    chart_card(
        build_footprint_ranges_figure(ranges, reduction, lang),
        meta("ranges", green_sources, context={t("carbon.green_slider"): f"{reduction} %"}),
        table[["statement", *[c for c in table.columns if c != "statement"]]],
        "carbon_ranges",
    )


def intensity_view(statements, total, size, source, project_rows, sizes, spend) -> None:
    """tCO2e per shooting day and per person-day as ranges, and spend against carbon per day."""
    lang = current_language()
    projects_count = format_number(size)
    st.header(t("carbon.intensity_heading"))
    intensity = carbon.intensity_frame(statements, total, sizes)
    sample = intensity[intensity["kind"] == carbon.WHOLE_SAMPLE].iloc[0]
    sample_sources = cited(*source, *project_rows["source_id"])
    bounds = {"total_low": tonnes(total.low), "total_high": tonnes(total.high)}
    sample_size = {
        **bounds,
        "days": format_number(sample["shooting_days"]),
        "person_days": format_number(sample["person_days"]),
    }
    per_day = format_bounds(carbon.Interval(*sample[["per_day_low", "per_day_high"]]), "tCO2e", 2)
    per_person = carbon.Interval(*sample[["per_person_day_low_kg", "per_person_day_high_kg"]])
    card_row(
        [
            (
                t("carbon.per_day_metric"),
                per_day,
                sample_sources,
                "approximate",
                t("carbon.per_day_help", **sample_size),
            ),
            (
                t("carbon.per_person_day_metric"),
                format_bounds(per_person, "kgCO2e", 1),
                sample_sources,
                "approximate",
                t("carbon.per_person_day_help", **sample_size),
            ),
        ]
    )
    side = carbon.spend_and_carbon_per_day(intensity, spend)
    spend_label = "; ".join(source_labels(cited(*spend["source_id"]), short=True))
    chart_card(
        build_spend_carbon_figure(side, lang),
        meta(
            "side",
            cited(*sample_sources, *spend["source_id"]),
            projects=projects_count,
            spend=spend_label,
            kinds=kinds_of_projects(project_rows),
        ),
        _rounded(side).assign(
            kind=side["kind"].map(label_of),
            quality=side["quality"].map(quality_label),
            spend_per_day_cents=side["spend_per_day_cents"].astype("Float64"),
        ),
        "carbon_spend_per_day",
    )
    table_card(
        _rounded(intensity).assign(
            kind=intensity["kind"].map(label_of), quality=intensity["quality"].map(quality_label)
        ),
        meta("intensity", sample_sources, projects=projects_count),
        "carbon_intensity",
    )
