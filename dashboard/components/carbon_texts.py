"""The carbon page's sentences filled from the data: the sample's size, the statements' labels (their
counts, wording and stated values from the footprint rows), the printed mean and the bounds derived from
it, the shares of the breakdown chart, each formatted in the session's language.

No query here: the page passes what it fetched and what dashboard/carbon.py computed.
"""

from __future__ import annotations

import math

import streamlit as st

from dashboard.carbon import Interval
from dashboard.components.cards import Meta, kpi_card
from dashboard.components.formatting import format_number, format_percent
from dashboard.components.i18n import current_language, label_of, t, translate


def card_row(cards: list[tuple]) -> None:
    """One row of KPI cards (arguments of kpi_card)."""
    for column, arguments in zip(st.columns(len(cards)), cards):
        with column:
            kpi_card(*arguments)


def meta(name: str, sources: list[str], context: dict | None = None, note: str | None = None, **values) -> Meta:
    """Title, sources and note of one chart or table of the page (catalogue keys carbon.<name>_*, or the
    key `note`), the note's placeholders filled from `values`."""
    note_text = t(note or f"carbon.{name}_note", **values)
    return Meta(t(f"carbon.{name}_title", **values), sources, note_text, t("nav.carbon"), context or {})


def cited(*ids) -> list[str]:
    """Source ids in order, each once."""
    return list(dict.fromkeys(ids))


def tonnes(value: float) -> str:
    """A bound in tCO2e as the texts print it: whole when whole, else one decimal; '∞' when open."""
    if math.isinf(value):
        return "∞"
    return format_number(value, 0 if float(value).is_integer() else 1)


def sample_values(stated_mean: float, mean: Interval, total: Interval, size: int) -> dict[str, str]:
    """{projects, mean, mean_low, mean_high, total_low, total_high} for the sample's sentences."""
    return {
        "projects": format_number(size),
        "mean": format_number(stated_mean),
        "mean_low": tonnes(mean.low),
        "mean_high": tonnes(mean.high),
        "total_low": tonnes(total.low),
        "total_high": tonnes(total.high),
    }


def bound_values(stated: Interval, derived: Interval) -> dict[str, str]:
    """{stated_low, stated_high, low, high}: a statement's bounds as printed and as derived."""
    return {
        "stated_low": tonnes(stated.low),
        "stated_high": tonnes(stated.high),
        "low": tonnes(derived.low),
        "high": tonnes(derived.high),
    }


def share_values(phase, top4, top4_total: Interval) -> dict[str, str]:
    """The shares of the breakdown chart (facts rows) and the share of all emissions derived from them."""
    return {
        "top4": format_percent(top4["fact_value"], 0),
        "phase": format_percent(phase["fact_value"], 0),
        "top4_low": format_percent(top4["lower_value"], 0),
        "top4_high": format_percent(top4["upper_value"], 0),
        "low": format_percent(top4_total.low, 1),
        "high": format_percent(top4_total.high, 0 if float(top4_total.high).is_integer() else 1),
    }


def projects_phrase(count: int, lang: str | None = None) -> str:
    """'1 projet' / '3 projets' ('1 project' / '3 projects')."""
    key = "carbon.projects_one" if count == 1 else "carbon.projects_many"
    return translate(key, lang or current_language(), count=format_number(count, lang=lang))


def statement_label(relation: str, count: int, stated: float, lang: str | None = None, short: bool = False) -> str:
    """A footprint statement as the report words it, from its row: '3 projets « environ 200 » (tCO2e chacun)'
    ('short': without the unit, for chart axes); the mean reads 'Moyenne des 5'."""
    lang = lang or current_language()
    if relation == "mean":
        return translate("carbon.statement_mean", lang, count=format_number(count, lang=lang))
    value = format_number(stated, 0 if float(stated).is_integer() else 1, lang=lang)
    key = f"carbon.{'short' if short else 'statement'}_{relation}"
    return translate(key, lang, projects=projects_phrase(count, lang), value=value)


def kinds_of_projects(projects) -> str:
    """Which measured shoot is of which kind, from the carbon/projects rows: 'Long métrage n° 1, 2, 4 · …'."""
    numbers = projects.groupby("kind", sort=False)["project_no"].apply(lambda n: ", ".join(str(int(x)) for x in n))
    return " · ".join(t("carbon.kind_projects", kind=label_of(kind), numbers=text) for kind, text in numbers.items())
