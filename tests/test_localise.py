"""Free-text values are shown in the session language."""

import pandas as pd

from dashboard.data.localise import localise_frame
from dashboard.data.queries import execute


def test_localise_frame_swaps_only_the_free_text_columns():
    frame = pd.DataFrame({"title": ["Town-level position."], "note": ["Town-level position."], "n": [1]})
    french = localise_frame(frame, {"Town-level position.": "Position au niveau de la commune."}, "fr")
    assert french["note"][0] == "Position au niveau de la commune."
    assert french["title"][0] == "Town-level position."
    assert localise_frame(frame, {}, "en") is frame


def test_every_translated_value_has_french_text(db):
    table = execute(db, "sources/text_translations", {"year": 2024})
    assert len(table) >= 100
    assert (table["text_fr"].str.len() > 0).all()
