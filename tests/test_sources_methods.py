"""Sources & methods: the named queries on both engines and the pure helpers (real report values)."""

import pandas as pd

from dashboard import methods
from dashboard.data.localise import localise_frame
from dashboard.data.queries import execute
from dashboard.safety import escape_markdown


def test_dataset_quality_counts_every_row_by_flag(any_db):
    frame = execute(any_db, "sources/dataset_quality", {"year": 2024}).set_index("dataset")
    assert len(frame) == 36
    flags = frame[list(methods.QUALITY_COLUMNS)].sum(axis=1)
    assert (flags == frame["rows_total"]).all(), "every row has one of the four quality flags"
    assert frame.loc["works", "rows_total"] == 49 and frame.loc["works", "rows_reported"] == 49
    assert (
        frame.loc["carbon_footprints", "rows_approximate"] == 3
    )  # the three « environ / plus de / inférieur à » statements; the mean is printed
    assert frame.loc["history", ["rows_reported", "rows_approximate", "rows_estimated"]].tolist() == [8, 17, 1]
    assert frame.loc["shooting_spend_per_day_posts", "rows_derived"] == 10
    assert frame.loc["towns", "rows_total"] == 10


def test_dataset_sources_and_discrepancies(any_db):
    sections = methods.sections_by_dataset(execute(any_db, "sources/dataset_sources", {"year": 2024}))
    assert sections["works"] == ["B24-1.2.3", "B24-2.2.2.1", "B24-3.2.2.1"]
    assert sections["towns"] == ["GEONAMES"]
    discrepancies = execute(any_db, "sources/discrepancies", {"year": 2024})
    assert len(discrepancies) == 23
    assert discrepancies["topic"].iloc[0] == "works", "the topic with most inconsistencies comes first"
    totals = execute(any_db, "sources/discrepancy_totals", {"year": 2024}).iloc[0]
    assert (int(totals["discrepancies"]), int(totals["checked_by_build"])) == (23, 10)
    by_topic = execute(any_db, "sources/discrepancy_counts", {"year": 2024}).set_index("topic")["discrepancies"]
    assert by_topic.to_dict() == {
        "works": 12, "enterprises": 3, "gaming": 3, "scenarios": 2, "places": 1, "shooting": 1, "tv_format": 1
    }  # fmt: skip
    meta = methods.metadata_values(execute(any_db, "sources/data_version", {"year": 2024}))
    assert meta["reports"] == "2024"
    assert meta["data_version"].startswith("2024.1+") and int(meta["seed_rows"]) > 800


def test_discrepancy_table_in_both_languages(db):
    raw = execute(db, "sources/discrepancies", {"year": 2024})
    translations = execute(db, "sources/text_translations")
    in_french = localise_frame(raw, dict(zip(translations["text_en"], translations["text_fr"])), "fr")
    french = methods.discrepancy_table(in_french, "fr", lambda s: f"<{s}>", lambda t: t.upper())
    row = french.set_index("discrepancy_id").loc["animation_headline_investment"]
    assert (row["value_a"], row["source_a_label"]) == ("2.180.800 €", "<B24-3.2.2>")
    assert (row["value_b"], row["source_b_label"]) == ("2.180.000,00 €", "<B24-3.2.2.1>")
    assert row["shown_in_app"] == "2.180.000,00 € (somme des lignes)."
    assert row["checked_by_build"] == "oui" and row["discrepancy_topic"] == "WORKS"
    english = methods.discrepancy_table(raw, "en", str, str).set_index("discrepancy_id")
    # In English, the app's own figures follow English formats; the report's printed values are quoted « … ».
    headline = english.loc["animation_headline_investment"]
    assert (headline["value_a"], headline["value_b"]) == ("« 2.180.800 € »", "« 2.180.000,00 € »")
    assert headline["shown_in_app"] == "€2,180,000.00 (sum of the rows)."
    assert "€2,180,000.00" in headline["discrepancy_description"]
    assert english.loc["work_20_title", "shown_in_app"].startswith("« Siempre es invierno », with")
    assert english.loc["work_20_title", "checked_by_build"] == "no"


def test_source_table_orders_report_sections_naturally_and_localises_lines(db):
    table = methods.source_table(execute(db, "sources/all_sources", {"year": 2024}), "fr", str)
    kinds = table["source_kind"].tolist()
    assert kinds == sorted(kinds, key=methods.DOCUMENT_KINDS.index)
    report = table[table["source_kind"] == "report"]["source_reference"].tolist()
    assert report.index("B24-2.2.2.4") < report.index("B24-2.2.3") < report.index("B24-2.2.7.1")
    first = table.iloc[0]
    assert (first["source_reference"], first["source_locator"]) == ("B24-0.1", "lignes 1–120")
    history = table[table["source_kind"] == "history"]
    assert len(history) == 14 and history["source_url"].str.startswith("http").all()
    assert set(table[table["source_kind"] == "news"]["source_reference"]) == {"MS24", "WIMP21", "ABOUT17", "BELU19"}
    assert set(table[table["source_kind"] == "geodata"]["source_reference"]) == {"GEONAMES", "NATURAL_EARTH"}


def test_small_helpers():
    assert methods.locator_text("lines 3160-3200;3421-3445", "en") == "lines 3160–3200; 3421–3445"
    assert methods.locator_text(None, "fr") == ""
    assert methods.section_number("B24-7.1", "B24") == "7.1"  # the id without its document's prefix
    assert methods.section_number("R25-2.2.10", "R25") == "2.2.10"
    assert escape_markdown("a*b_c $5 [x]") == r"a\*b\_c \$5 \[x\]"
    assert methods.format_built_at("2026-11-23T18:36:54Z", "fr") == "23/11/2026 18:36 UTC"
    assert methods.format_built_at("2026-11-23T18:36:54Z", "en") == "23 Nov 2026 18:36 UTC"
    assert methods.format_built_at("garbage", "en") == "garbage"
    assert sorted(["B24-2.2.10", "B24-2.2.9", "MS24", "B24-10"], key=methods.source_sort_key) == [
        "B24-2.2.9",
        "B24-2.2.10",
        "B24-10",
        "MS24",
    ]
    # Any report's numbered sections sort naturally, document by document, before other ids.
    assert sorted(["R25-2.10", "MS24", "R25-2.9", "B24-3"], key=methods.source_sort_key) == [
        "B24-3",
        "R25-2.9",
        "R25-2.10",
        "MS24",
    ]


def test_dataset_table_joins_sections():
    quality = pd.DataFrame(
        {"dataset": ["works"], "rows_total": [49], "rows_reported": [49], "rows_derived": [0]}
        | {"rows_approximate": [0], "rows_estimated": [0]}
    )
    short = {"B24-2.2.2.1": "Bilan 2024 §2.2.2.1", "B24-1.2.3": "Bilan 2024 §1.2.3"}
    table = methods.dataset_table(quality, {"works": ["B24-2.2.2.1", "B24-1.2.3"]}, lambda k: k, short.get)
    assert table.iloc[0]["dataset_label"] == "table_works"
    assert table.iloc[0]["source_sections"] == "Bilan 2024 §2.2.2.1, Bilan 2024 §1.2.3"


def test_citations_name_a_report_by_its_short_name_from_the_data(db):
    from dashboard.components.sources import label_table

    sources = execute(db, "sources/all_sources", {})
    assert label_table(sources, "fr")["B24-7.1"][1] == "Bilan 2024 §7.1"
    assert label_table(sources, "en")["B24-7.1"][1] == "2024 report §7.1"
    # The name is the report row's short name (report.csv), not a constant keyed on the document id.
    renamed = sources.assign(short_name_fr=sources["short_name_fr"].where(sources["short_name_fr"].isna(), "Rapport X"))
    assert label_table(renamed, "fr")["B24-7.1"][1] == "Rapport X §7.1"
    # Documents that are not reports are named by their title, quoted « … » (an outside title keeps its own
    # language and number formats); their kind comes from sources.document_kind.
    assert (
        label_table(sources, "fr")["MS24"][1] == f"« {sources.set_index('source_id').loc['MS24', 'document_title']} »"
    )
    assert set(sources["document_kind"]) == set(methods.DOCUMENT_KINDS)
