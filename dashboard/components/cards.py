"""Thin Streamlit components: KPI cards, chart and table cards with source and downloads.

Every chart and table on screen shows its title, source (document + section) and note, and
offers the data behind it as CSV and XLSX (the XLSX carries a context sheet).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from dashboard.components.export import export_frame, to_csv_bytes, to_xlsx_bytes
from dashboard.components.formatting import (
    format_by_column,
    format_change,
    format_money_cents,
    format_number,
    format_percent,
)
from dashboard.components.i18n import current_language, label_of, t
from dashboard.components.quality import quality_label
from dashboard.components.report import current_report
from dashboard.components.sources import data_version, source_labels
from dashboard.metrics import change, is_missing, ratio_pct

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


@dataclass
class Meta:
    """What a chart or table says about itself (Our World in Data style)."""

    title: str
    source_ids: list[str]
    note: str = ""
    page: str = ""
    context: dict[str, str] = field(default_factory=dict)


def footer(meta: Meta) -> None:
    """Source, note and quality hints under a chart or table."""
    labels = "; ".join(source_labels(meta.source_ids))
    prefix = t("common.source_prefix")
    st.caption(f"{prefix} {labels}" + (f" — {meta.note}" if meta.note else ""))


def downloads(frame: pd.DataFrame, meta: Meta, key: str) -> None:
    """CSV and XLSX buttons for the data behind a chart or table.

    The files are made when a button is pressed (deferred), not on every run of the page: the
    XLSX context sheet then also carries the moment of the export.
    """
    lang = current_language()
    report = current_report()
    context = {
        t("export.page"): meta.page,
        t("export.title"): meta.title,
        **({t("export.report"): f"{report.title} ({report.year})"} if report else {}),
        t("export.language"): lang,
        **meta.context,
        t("export.sources"): "; ".join(source_labels(meta.source_ids)),
        t("export.data_version"): data_version(),
    }
    left, right, _ = st.columns([1, 1, 2])
    # The report's year is in the file name: exports of two reports never overwrite each other.
    stem = key.replace(":", "_") + (f"_{report.year}" if report else "")
    left.download_button(
        t("export.csv"),
        functools.partial(to_csv_bytes, frame),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{key}:csv",
        on_click="ignore",
        width="stretch",
    )
    right.download_button(
        t("export.xlsx"),
        functools.partial(to_xlsx_bytes, frame, context, lang),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}:xlsx",
        on_click="ignore",
        width="stretch",
    )


def chart_card(figure, meta: Meta, frame: pd.DataFrame, key: str) -> None:
    """A plotly chart with its footer and downloads (the table is the text alternative).

    The table behind the chart is computed only when its expander is opened.
    """
    with st.container(border=True, key=f"card_{key}"):  # "card_…": kept whole in print (printing.py)
        st.markdown(f"**{meta.title}**")
        st.plotly_chart(figure, config=PLOTLY_CONFIG, width="stretch", key=f"{key}:chart")
        footer(meta)
        behind = st.expander(t("common.data_behind"), key=f"{key}:data", on_change="rerun")
        if behind.open:
            with behind:
                st.dataframe(display_frame(frame), hide_index=True, width="stretch")
        downloads(export_frame(frame), meta, key)


FORMATTED_SUFFIXES = ("_cents", "_eur", "_pct", "_bp", "_tco2e", "_days")


# Above this many rows a table is sent as the same texts, formatted here, without pandas' Styler: its
# per-cell work took ~1 s of a map run for the 3.100 places of the ×100 database (bench/README.md).
# Such a table's numbers then sort as text (its downloads keep the numbers). No report table comes near.
LARGE_TABLE_ROWS = 1_000


def display_frame(frame: pd.DataFrame):
    """Labelled columns with Belgian/British number formats, values kept numeric for sorting."""
    labelled = frame.rename(columns=label_of)
    lang = current_language()
    formats = {
        label_of(c): (lambda value, c=c: format_by_column(c, value, lang))
        for c in frame.columns
        if c.endswith(FORMATTED_SUFFIXES) or pd.api.types.is_numeric_dtype(frame[c])
    }
    if len(frame) > LARGE_TABLE_ROWS:
        return formatted_texts(labelled, formats)
    # Every missing cell reads "–", text columns too (pandas' Styler would print "None" or "nan").
    others = [column for column in labelled.columns if column not in formats]
    return labelled.style.format(formats, na_rep="–").format(None, na_rep="–", subset=others)


def formatted_texts(labelled: pd.DataFrame, formats: dict) -> pd.DataFrame:
    """Every cell as the text the Styler would show: formatted numbers, '–' for a missing value."""
    texts = {}
    for column in labelled.columns:
        format_value = formats.get(column, str)
        texts[column] = ["–" if is_missing(value) else format_value(value) for value in labelled[column]]
    return pd.DataFrame(texts, index=labelled.index)


def table_card(
    frame: pd.DataFrame,
    meta: Meta,
    key: str,
    column_config: dict | None = None,
    height=None,
    column_help: dict[str, str] | None = None,
) -> None:
    """A table (columns named with suffixes) with its footer and downloads.

    Its first column (what a row is: a work, a sector, a post) is pinned, so that it stays in view
    while a wide table scrolls sideways. `column_help` (column name -> text) puts a "?" tooltip on
    a column's header.
    """
    config = {label_of(column): st.column_config.Column(help=text) for column, text in (column_help or {}).items()}
    if len(frame.columns):
        first = label_of(frame.columns[0])
        config[first] = st.column_config.Column(help=(column_help or {}).get(frame.columns[0]), pinned=True)
    config.update(column_config or {})
    with st.container(border=True, key=f"card_{key}"):  # "card_…": kept whole in print (printing.py)
        st.markdown(f"**{meta.title}**")
        st.dataframe(
            display_frame(frame), hide_index=True, width="stretch", column_config=config, height=height or "auto"
        )
        footer(meta)
        downloads(export_frame(frame), meta, key)


def change_delta(current, previous, unit: str, previous_year: int | None) -> str | None:
    """The change from the previous report as a metric's delta ('+7.094.800,00 € (+100,00 %) vs the
    <previous year> report'); None when there is no previous report or no value to compare."""
    if previous_year is None:
        return None
    difference, percent = change(current, previous)
    if difference is None:
        return None
    lang = current_language()
    text = format_change(difference, unit, lang)
    if percent is None or unit == "points":
        return t("common.change_since_short", change=text, year=previous_year)
    return t("common.change_since", change=text, percent=format_change(percent, "percent", lang), year=previous_year)


def not_published(what: str) -> None:
    """One plain sentence in place of a card or section whose rows this report does not publish
    (`what`: the end of the catalogue key common.absent_<what>)."""
    st.info(t("common.not_published", what=t(f"common.absent_{what}")), icon="ℹ️")


def headline_sentence(label: str, value: str, quality: str, source_ids: list[str]) -> str:
    """One sentence to quote a headline figure: the figure, what kind of figure it is and its sources
    (their full labels), in the session language."""
    return t(
        "common.copy_sentence",
        label=label.strip(),
        value=value,
        quality=t(f"common.copy_quality_{quality}"),
        sources="; ".join(source_labels(source_ids)),
    )


def kpi_card(
    label: str,
    value: str,
    source_ids: list[str],
    quality: str = "reported",
    help_text: str = "",
    page=None,
    delta: str | None = None,
    sentence: str | None = None,
) -> None:
    """A headline figure with its source and quality, optionally its change from the previous report
    and a link to the page explaining it; a "copy" control gives one sentence to quote it (`sentence`,
    else headline_sentence)."""
    with st.container(border=True):
        # No change (±0) has no direction: no arrow and no colour.
        unchanged = bool(delta) and delta.startswith("±")
        st.metric(
            label,
            value,
            delta=delta,
            delta_color="off" if unchanged else "normal",
            delta_arrow="off" if unchanged else "auto",
            help=help_text or None,
        )
        st.caption(
            f"{quality_label(quality)} · {t('common.source_prefix')} {'; '.join(source_labels(source_ids, short=True))}"
        )
        with st.container(horizontal=True, vertical_alignment="center"):  # side by side, wrapping when narrow
            with st.popover(t("common.copy"), icon="📋", help=t("common.copy_help")):
                # st.code brings its own copy-to-clipboard button, and works offline.
                st.code(
                    sentence or headline_sentence(label, value, quality, source_ids), language=None, wrap_lines=True
                )
            if page is not None:
                st.page_link(page, label=t("common.explain"), icon="➡️", width="content")


def totals_cards(
    totals,
    source_ids: list[str],
    texts: str,
    quality: str = "reported",
    before=None,
    previous_year: int | None = None,
    widths: tuple = (0.8, 1.4, 1.4, 1.1),
    per_row: int = 4,
    page=None,
) -> None:
    """Works, invested, Walloon spend and ratio of a selection of works (`texts`: the catalogue area
    naming them, e.g. 'overview'), each with its change from the previous report's same selection
    (`before`) when there is one. Exact amounts need the room: `widths` of the cards, `per_row`."""
    ratio = ratio_pct(totals["walloon_spend_cents"], totals["investment_cents"])
    ratio_before = None if before is None else ratio_pct(before["walloon_spend_cents"], before["investment_cents"])

    def since(column: str, unit: str) -> str | None:
        return None if before is None else change_delta(totals[column], before[column], unit, previous_year)

    cards = [
        (t(f"{texts}.works"), format_number(int(totals["works"])), quality, "", since("works", "count")),
        (
            t(f"{texts}.invested"),
            format_money_cents(int(totals["investment_cents"])),
            quality,
            "",
            since("investment_cents", "cents"),
        ),
        (
            t(f"{texts}.spend"),
            format_money_cents(int(totals["walloon_spend_cents"])),
            quality,
            "",
            since("walloon_spend_cents", "cents"),
        ),
        (
            t(f"{texts}.ratio"),
            format_percent(ratio),
            "derived",
            t(f"{texts}.ratio_help"),
            None if before is None else change_delta(ratio, ratio_before, "points", previous_year),
        ),
    ]
    columns = [column for _ in range(0, len(cards), per_row) for column in st.columns(widths[:per_row])]
    for column, (label, value, card_quality, help_text, delta) in zip(columns, cards):
        with column:
            kpi_card(label, value, source_ids, card_quality, help_text, page, delta)
