"""Pure escaping and neutralising (dashboard/safety.py) and the CSV/XLSX exports with formula-like values."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hostile import CORPUS, case_id, notice_problems
from openpyxl import load_workbook

from dashboard.components.export import to_csv_bytes, to_xlsx_bytes
from dashboard.components.i18n import translate
from dashboard.safety import HIDDEN, dropped_item, dropped_notice, echo, escape_markdown, inline_code, neutralise_cell

FORMULAS = [
    '=HYPERLINK("http://127.0.0.1:8629/phish","click")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    "-",
    "+",
    "=",
    "@",
]
PLAIN = ["animation", "Pôle Image de Liège", "1+1", "a=b", "' quoted", "", "x-y"]


def test_echo_keeps_short_plain_ascii_and_hides_the_rest():
    assert echo("sector") == "sector" and echo("20.5") == "20.5" and echo("-5") == "-5" and echo("a b") == "a b"
    assert echo("x" * 24) == "x" * 24 and echo("x" * 25) == "x" * 23 + "…"
    for value in ("<b>", "[a](http://x)", "$x$", "é", "a\nb", " a", "a ", "a  b", "", "`", ":red[x]", "a\u200bb"):
        assert echo(value) == HIDDEN, value


def test_inline_code_shows_any_text_literally():
    assert inline_code("lang=x") == "`lang=x`"
    assert inline_code("a`b") == "``a`b``" and inline_code("`") == "`` ` ``" and inline_code("a\r\nb") == "`a  b`"


def test_escape_markdown_escapes_every_markdown_character():
    assert escape_markdown("a*b_c $5 [x]") == r"a\*b\_c \$5 \[x\]"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_notice_never_exceeds_200_characters(lang):
    template, more = translate("common.dropped_params", lang), translate("common.dropped_more", lang)
    assert dropped_notice(template, more, ["lang=…"]) == template.format(params="`lang=…`")
    many = [dropped_item("p" * 20 + str(n), "v" * 30) for n in range(500)]
    notice = dropped_notice(template, more, many)
    assert len(notice) <= 200 and notice_problems(notice, lang) == []
    counted = more.format(count=500 - notice.count("`") // 2)
    assert notice.endswith(counted + template.split("{params}")[1])


@pytest.mark.parametrize("value", CORPUS, ids=case_id)
def test_every_corpus_value_and_name_gives_a_safe_notice(value):
    """The corpus as a value, as an unknown name and as lang, in both languages, alone and together."""
    items = [dropped_item("lang", value), dropped_item(value, None), dropped_item("share", value)]
    for lang in ("fr", "en"):
        template, more = translate("common.dropped_params", lang), translate("common.dropped_more", lang)
        for chosen in ([items[0]], [items[1]], items, items * 20):
            notice = dropped_notice(template, more, chosen)
            assert notice_problems(notice, lang) == [], case_id(value)


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_like_text_gets_an_apostrophe(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", [*PLAIN, 12, -3.5, None])
def test_other_values_are_left_alone(value):
    assert neutralise_cell(value) == value


def export_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Titre": FORMULAS + PLAIN,
            "Montant (€)": [float(-n) for n in range(len(FORMULAS + PLAIN))],
            "=Colonne": ["=2+2"] * len(FORMULAS + PLAIN),
        }
    )


def test_csv_export_neutralises_every_text_cell():
    import csv

    rows = list(csv.reader(io.StringIO(to_csv_bytes(export_frame()).decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Titre", "Montant (€)", "'=Colonne"]
    titles = [row[0] for row in rows[1:]]
    assert titles == ["'" + f for f in FORMULAS] + PLAIN
    assert [row[1] for row in rows[1:4]] == ["0.0", "-1.0", "-2.0"]  # numbers stay numbers, minus included
    assert {row[2] for row in rows[1:]} == {"'=2+2"}
    assert len(rows) == 1 + len(FORMULAS + PLAIN)  # a carriage return inside a cell does not start a row


def test_a_carriage_return_inside_a_csv_cell_cannot_start_a_formula_row():
    import csv

    frame = pd.DataFrame({"q": ['x\r=HYPERLINK("http://evil.example","click")', "y\n=1+1"]})
    payload = to_csv_bytes(frame).decode("utf-8-sig")
    assert payload.startswith('q\r\n"x\r=HYPERLINK(""http://evil.example"",""click"")"\r\n"y\n=1+1"\r\n')
    assert [row[0] for row in csv.reader(io.StringIO(payload, newline=""))][1:] == [
        'x\r=HYPERLINK("http://evil.example","click")',
        "y\n=1+1",
    ]


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_xlsx_export_has_no_formula_in_any_cell_of_either_sheet(lang):
    context = {
        "page": "Carte",
        "Recherche": '=HYPERLINK("http://127.0.0.1:8629/phish","click")',
        "-filtre": "@SUM(1)",
        "Secteurs": "+animation",
        "contrôle": "\x00=1+1\x07",
    }
    book = load_workbook(io.BytesIO(to_xlsx_bytes(export_frame(), context, lang)))
    assert len(book.sheetnames) == 2
    checked = 0
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                checked += 1
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                assert not is_formula_like(cell.value), (sheet.title, cell.coordinate, cell.value)
    assert checked == (1 + len(FORMULAS + PLAIN)) * 3 + (1 + len(context) + 1) * 2
    data, extra = book.worksheets
    assert data["A2"].value == '\'=HYPERLINK("http://127.0.0.1:8629/phish","click")' and data["B3"].value == -1
    assert data["C1"].value == "'=Colonne"
    values = {row[0]: row[1] for row in extra.iter_rows(min_row=2, values_only=True)}
    assert values["Recherche"] == '\'=HYPERLINK("http://127.0.0.1:8629/phish","click")'
    assert values["'-filtre"] == "'@SUM(1)" and values["Secteurs"] == "'+animation"
    assert values["contrôle"] == "\ufffd=1+1\ufffd"  # control characters XLSX cannot hold, replaced
