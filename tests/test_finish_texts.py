"""Finish for the three audiences (issue 17): texts, figures and files a viewer reads or copies.

Missing cells, English source titles, English formats in the app's own sentences; the browser side
is tests/test_finish_browser.py.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from dashboard.components import cards
from dashboard.components.sources import label_table
from dashboard.data.queries import execute


def display_values(styler) -> list[list[str]]:
    """The texts a Styler gives its cells (what st.dataframe draws)."""
    styler._compute()
    translated = styler._translate(True, True)
    return [[cell["display_value"] for cell in row[1:]] for row in translated["body"]]


def test_missing_cells_read_as_a_dash_in_every_column(monkeypatch):
    monkeypatch.setattr(cards, "current_language", lambda: "en")
    frame = pd.DataFrame(
        {"project_type": ["Fiction series", None], "basis": [None, "flat rate"], "amount_cents": [1234, None]}
    )
    cells = display_values(cards.display_frame(frame))
    assert cells == [["Fiction series", "–", "€12.34"], ["–", "flat rate", "–"]]
    assert not {"None", "nan", "NaT", "<NA>"} & {c for row in cells for c in row}


def display_cells(at) -> list[str]:
    """Every cell text of every table of an AppTest run, as st.dataframe draws it."""
    texts = []
    for table in at.dataframe:
        arrow = table.proto.arrow_data
        if arrow.HasField("styler") and arrow.styler.display_values:
            values = pa.ipc.open_stream(arrow.styler.display_values).read_all().to_pandas()
        else:
            values = table.value
        texts += [str(v) for column in values.columns for v in values[column]]
    return texts


def test_source_titles_are_english_in_english(db):
    sources = execute(db, "sources/all_sources", {"year": 2024})
    english, french = label_table(sources, "en"), label_table(sources, "fr")
    assert english["B24-2.2.7.2"] == (
        "2024 report §2.2.7.2 (2.2.7.2 Impact of shooting in Wallonia)",
        "2024 report §2.2.7.2",
    )
    assert french["B24-2.2.7.2"] == (
        "Bilan 2024 §2.2.7.2 (2.2.7.2 Impact des tournages wallons)",
        "Bilan 2024 §2.2.7.2",
    )
    # Every report section has its English title; no section names a repository file.
    reports = sources[sources["document_kind"] == "report"]
    assert reports["section_en"].notna().all() and (reports["section_en"] != reports["section"]).sum() >= 55
    assert not sources["section"].str.contains(r"\.md|\.csv|\.txt", regex=True).any()
    assert not sources["section_en"].str.contains(r"\.md|\.csv|\.txt", regex=True).any()
