"""Finish for the three audiences (issue 17): texts, figures and files a viewer reads or copies.

Missing cells, English source titles, English formats in the app's own sentences; the browser side
is tests/test_finish_browser.py.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pyarrow as pa
import pytest
from conftest import run_app

from dashboard.components import cards, export
from dashboard.components.export import DATA_SHEET, to_xlsx_bytes
from dashboard.components.i18n import translate
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


def read_xlsx(data: bytes, sheet: str):
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(workbook[sheet].iter_rows())
    header = [cell.value for cell in rows[0]]
    return header, rows[1:]


def test_xlsx_cells_are_numbers_with_money_and_percent_formats(monkeypatch):
    monkeypatch.setattr(export, "label_of", lambda column: {"sector": "Secteur"}.get(column, column))
    frame = pd.DataFrame(
        {
            "sector": ["animation", "live_action"],
            "works": [13, 35],
            "investment_cents": [218000000, 478480000],
            "ratio_pct": [535.75, 638.63],
            "share_bp": [2500, 10000],
            "ratio_change_pts": [1.5, -2.25],
            "mean_tco2e": [240.0, 200.0],
        }
    )
    exported = export.export_frame(frame)
    for lang in ("fr", "en"):
        header, body = read_xlsx(to_xlsx_bytes(exported, {"page": "Vue d’ensemble"}, lang), DATA_SHEET[lang])
        cell = {name: [row[index] for row in body] for index, name in enumerate(header)}
        assert [c.value for c in cell["Secteur"]] == ["animation", "live_action"]
        assert [c.value for c in cell["investment_cents"]] == [2_180_000, 4_784_800]  # euros, as numbers
        assert all("€" in c.number_format and "0.00" in c.number_format for c in cell["investment_cents"])
        assert [c.value for c in cell["ratio_pct"]] == pytest.approx([5.3575, 6.3863])  # fractions shown in %
        assert [c.value for c in cell["share_bp"]] == pytest.approx([0.25, 1.0])
        assert all(c.number_format == "0.00%" for c in cell["ratio_pct"] + cell["share_bp"])
        assert [c.number_format for c in cell["works"]] == ["#,##0", "#,##0"]
        assert all("pts" in c.number_format for c in cell["ratio_change_pts"])
        assert all("tCO2e" in c.number_format for c in cell["mean_tco2e"])
        assert all(isinstance(c.value, (int, float)) for name in header[1:] for c in cell[name])


# --- headline cards: one sentence to quote each, one face per figure (AppTest) -------------------


def walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def headline_cards(at) -> dict[str, dict]:
    """Every KPI card of a run, by its label: value, quality caption and the sentence of its "Quote" control."""
    found = {}
    for node in walk(at._tree):
        children = list(getattr(node, "children", {}).values())
        metrics = [child for child in children if getattr(child, "type", None) == "metric"]
        if not metrics:
            continue
        captions = [child.value for child in children if getattr(child, "type", None) == "caption"]
        sentences = [element.value for element in walk(node) if getattr(element, "type", None) == "code"]
        found[metrics[0].label] = {
            "value": metrics[0].value,
            "caption": captions[0] if captions else "",
            "sentences": sentences,
        }
    return found


SOURCE_WORDS = {"fr": "source : Bilan 2024 §", "en": "source: 2024 report §"}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "page,params",
    [("overview", {}), ("investment", {"tab": "detail"}), ("scenarios", {})],
)
def test_every_headline_card_offers_its_sentence(app_env, page, params, lang):
    at = run_app(f"dashboard/pages/{page}.py", lang, params=params)
    assert not at.exception
    found = headline_cards(at)
    assert len(found) >= 4
    for label, card in found.items():
        assert len(card["sentences"]) == 1, label
        sentence = card["sentences"][0]
        # The figure as the card shows it, its label and its source, in the page's language; one sentence.
        assert sentence.startswith(label.strip()) and card["value"] in sentence, sentence
        assert SOURCE_WORDS[lang] in sentence or "source" in sentence.lower(), sentence
        assert sentence.endswith(".") and "\n" not in sentence
        other = "en" if lang == "fr" else "fr"
        assert SOURCE_WORDS[other] not in sentence


def test_the_headline_sentences_in_both_languages(app_env):
    french = headline_cards(run_app("dashboard/pages/overview.py", "fr"))
    english = headline_cards(run_app("dashboard/pages/overview.py", "en"))
    assert french["Dépenses audiovisuelles wallonnes"]["sentences"] == [
        "Dépenses audiovisuelles wallonnes : 46.231.969,51\u00a0€, chiffre publié — source : Bilan 2024 §7.1"
        " (7.1 Département Coproductions (liste des 49 œuvres))."
    ]
    assert english["Walloon audiovisual spend"]["sentences"] == [
        "Walloon audiovisual spend: €46,231,969.51, published figure — source: 2024 report §7.1"
        " (7.1 Co-productions department (list of the 49 works))."
    ]
    assert english["Mean footprint of a shoot"]["sentences"][0].startswith(
        "Mean footprint of a shoot: 240\u00a0tCO2e, published figure — source: 2024 report §2.2.6 (2.2.6 Environmental"
    )


def figure_of(card: dict) -> tuple[str, str]:
    """(value without its unit, quality symbol): what must be the same wherever a figure is shown."""
    value = card["value"].replace("\u00a0", " ").replace("tCO2e", "").strip()
    return value, card["caption"].split(" ")[0]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_figure_one_face_across_pages(app_env, lang):
    """The same figure has the same rounding and the same quality label on every page that shows it
    (the report's printed mean footprint, 240 tCO2e, is « ● rapporté » on the overview and the carbon page)."""
    overview = headline_cards(run_app("dashboard/pages/overview.py", lang))
    detail = headline_cards(run_app("dashboard/pages/investment.py", lang, params={"tab": "detail"}))
    scenarios = headline_cards(run_app("dashboard/pages/scenarios.py", lang))

    def card(cards_of_page: dict, key: str, **values) -> dict:
        return cards_of_page[translate(key, lang, **values)]

    for overview_key, detail_key in [
        ("overview.works", "investment.works"),
        ("overview.invested", "investment.invested"),
        ("overview.spend", "investment.spend"),
        ("overview.ratio", "investment.ratio"),
    ]:
        assert figure_of(card(overview, overview_key)) == figure_of(card(detail, detail_key))
    # The scenarios' range on the overview is written with the published totals of the scenarios page.
    published = {figure_of(c) for label, c in scenarios.items() if "(publi" in label}
    low, high = figure_of(card(overview, "overview.scenario_range", count="3"))[0].split(" – ")
    quality = figure_of(card(overview, "overview.scenario_range", count="3"))[1]
    assert {(low, quality), (high, quality)} <= published
    # Nowhere does a card marked as reported show an approximate sign.
    for cards_of_page in (overview, detail, scenarios):
        for label, c in cards_of_page.items():
            value, symbol = figure_of(c)
            assert not (symbol == "●" and value.startswith(("≈", "~"))), (label, c)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_carbon_mean_has_one_face(app_env, lang):
    """The report's printed mean footprint (« la valeur moyenne à 240 TCO2e », a reported row) reads the
    same on the overview and the carbon page: same figure (format_figure), same quality (the row's).
    The carbon page is rebuilt under issue 16; it must use format_figure and the row's quality."""
    overview = headline_cards(run_app("dashboard/pages/overview.py", lang))
    carbon = headline_cards(run_app("dashboard/pages/carbon.py", lang))
    mean = figure_of(overview[translate("overview.carbon_mean", lang)])
    assert mean == ("240", "●")
    faces = [figure_of(c) for c in carbon.values() if "240" in c["value"]]
    assert faces and all(face == mean for face in faces), (mean, faces)
    for label, c in carbon.items():
        value, symbol = figure_of(c)
        assert not (symbol == "●" and value.startswith(("≈", "~"))), (label, c)


def test_the_frame_style_sheet_survives_streamlits_sanitiser():
    """st.html drops a <style> whose text holds anything like a tag (DOMPurify): the whole sheet
    (contrast, focus outlines, headings) would silently vanish."""
    from dashboard.components.shell import FRAME_CSS

    inner = FRAME_CSS.split("<style>", 1)[1].rsplit("</style>", 1)[0]
    assert "<" not in inner and ">" not in inner.replace("(> ", "(")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "page,params,state",
    [
        ("scenarios", {}, {}),  # the 50 % scenario's calculation table and the model inputs
        ("investment", {"tab": "years"}, {"investment_history:data": True, "investment_periods:data": True}),
        ("investment", {"tab": "peers"}, {"investment_peers:data": True}),
        ("overview", {}, {}),
        ("sources", {"tab": "documents"}, {}),
    ],
)
def test_no_table_cell_reads_none(app_env, page, params, state, lang):
    """Tables are drawn on a canvas: their cells are read from what Streamlit sends (the Styler's texts)."""
    at = run_app(f"dashboard/pages/{page}.py", lang, params=params, state=state)
    cells = display_cells(at)
    assert len(at.dataframe) >= 1 and cells
    assert not {"None", "nan", "NaN", "NaT", "<NA>"} & set(cells)
    assert not [cell for cell in cells if ".md" in cell or "/work/" in cell]


@pytest.mark.parametrize(
    "lang,title",
    [
        ("fr", "Studios, sociétés, lieux de tournage et festivals en Wallonie et à Bruxelles"),
        ("en", "Studios, companies, shooting locations and festivals in Wallonia and in Brussels"),
    ],
)
def test_the_places_slide_says_where_its_places_are(app_env, lang, title):
    """Slide 4 names the regions of its places from the data: the BIFFF is in Brussels."""
    at = run_app("dashboard/pages/presentation.py", lang, params={"slide": "4"})
    assert title in [header.value for header in at.header]


@pytest.mark.parametrize(
    "lang,words",
    [("fr", "Ces totaux ne s’additionnent pas entre eux"), ("en", "These totals do not add up to one figure")],
)
def test_the_overview_says_which_totals_add_up(app_env, lang, words):
    at = run_app("dashboard/pages/overview.py", lang)
    note = next(info.value for info in at.info if words in info.value)
    assert ("jeu vidéo" if lang == "fr" else "video-game") in note and "2024" in note
