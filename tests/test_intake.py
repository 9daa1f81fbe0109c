"""The intake (issue 15): workbook template and export, check with every problem at its sheet and
cell in French and English, import all or nothing, Belgian Excel input. Everything runs against
temporary copies of the seeds; the project's seeds are hashed before and after."""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard.data import database
from dashboard.intake import sheets as intake_sheets
from dashboard.intake import texts
from dashboard.intake.__main__ import main
from dashboard.intake.check import import_files
from dashboard.intake.workbook import FIRST_DATA_ROW

SEEDS = database.SEEDS_DIR
YEAR = 2024


def seeds_hash(folder: Path = SEEDS) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("intake") / "report.xlsx"
    assert main(["export", "--year", str(YEAR), "--out", str(path)]) == 0
    return path.read_bytes()


def _row_of(ws, column: int, value) -> int:
    return next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if str(ws.cell(r, column).value) == str(value))


def _csv_of(ws, change=None) -> bytes:
    """A sheet as Belgian Excel saves it: semicolons, decimal commas, per cent signs, a byte-order mark, CRLF."""
    lines = []
    for row in ws.iter_rows():
        values = []
        for cell in row:
            value = cell.value
            if isinstance(value, (int, float)) and "%" in cell.number_format:
                value = f"{value * 100:.2f}".replace(".", ",") + " %"
            elif isinstance(value, float):
                value = f"{value:.2f}".replace(".", ",")
            values.append("" if value is None else str(value))
        lines.append(";".join(values))
    if change:
        lines = change(lines)
    return ("\ufeff" + "\r\n".join(lines) + "\r\n;;;;;\r\n\r\n").encode("utf-8")


@pytest.fixture(scope="module")
def mistakes(exported):
    """The exported report with ten typical mistakes; returns the files and where each mistake is."""
    wb = load_workbook(io.BytesIO(exported))
    where = {}
    works = wb["Œuvres"]
    row = _row_of(works, 1, 3)
    works.insert_rows(row)  # a blank row: the next rows keep their Excel numbers in the messages
    works.cell(row + 1, 10).value = "beaucoup"  # text in a number cell
    where["text"] = f"Œuvres!J{row + 1}"
    works.cell(_row_of(works, 1, 1), 10).value = "325.000,00 €"  # an amount typed as text: accepted
    works.cell(works.max_row + 30, 40).value = None  # trailing blank rows and columns
    directors = wb["Réalisateurs"]
    directors.cell(FIRST_DATA_ROW + 1, 3).value = None  # an empty required cell
    where["empty"] = f"Réalisateurs!C{FIRST_DATA_ROW + 1}"
    totals = wb["Jeu vidéo (totaux appel)"]
    totals.cell(FIRST_DATA_ROW, 2).value = 500001  # a total off by 1 €
    where["total"] = f"Jeu vidéo (totaux appel)!B{FIRST_DATA_ROW}"
    posts = wb["Carbone (postes)"]
    last = posts.max_row
    for column in range(1, posts.max_column + 1):  # a duplicated row
        posts.cell(last + 1, column).value = posts.cell(last, column).value
    where["duplicate"] = f"Carbone (postes)!A{last + 1}"
    footprints = wb["Carbone (bilans)"]
    footprints.cell(FIRST_DATA_ROW, 3).value = "environ"  # an unknown code
    where["code"] = f"Carbone (bilans)!C{FIRST_DATA_ROW}"
    wb["Formats TV"].title = "Formats télé"  # a renamed sheet
    countries = wb["Pays coproducteurs"]
    # Shares of work 1 not summing to 100 %, in a semicolon CSV with decimal commas and a byte-order mark.
    csv_bytes = _csv_of(countries, lambda lines: [line.replace("33,11 %", "34,11 %") for line in lines])
    where["shares"] = f"Pays coproducteurs.csv!D{FIRST_DATA_ROW}"
    del wb["Pays coproducteurs"]
    out = io.BytesIO()
    wb.save(out)
    return [("classeur.xlsx", out.getvalue()), ("Pays coproducteurs.csv", csv_bytes)], where


def test_template_has_guide_typed_headers_and_lists(tmp_path):
    path = tmp_path / "template.xlsx"
    assert main(["template", "--year", "2031", "--out", str(path)]) == 0
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Mode d’emploi" and "Codes" in wb.sheetnames
    guide = " ".join(str(c.value) for row in wb.worksheets[0].iter_rows() for c in row if c.value)
    assert "environ 200" in guide and "Incohérences" in guide and "Inconsistencies" in guide
    for sheet in intake_sheets.sheets():
        ws = wb[sheet.name("fr")]
        assert [ws.cell(3, i + 1).value for i in range(len(sheet.columns))] == [c.csv for c in sheet.columns]
        listed = {
            str(rng).split(":")[0].rstrip("0123456789")
            for dv in ws.data_validations.dataValidation
            for rng in dv.sqref.ranges
        }
        for index, column in enumerate(sheet.columns, start=1):
            if column.codes:
                assert ws.cell(1, index).column_letter in listed, f"{sheet.table}.{column.csv} has no drop-down"
    works = wb["Œuvres"]
    assert works.column_dimensions["J"].number_format == "#,##0.00"
    assert wb["Rapport"].cell(FIRST_DATA_ROW, 1).value == 2031


def test_every_column_has_a_french_and_english_label():
    """No header falls back to its code: each column is labelled in intake.toml or the dashboard's labels."""
    missing = [
        f"{sheet.table}.{column.csv} ({lang})"
        for sheet in intake_sheets.sheets()
        for column in sheet.columns
        for lang in texts.LANGUAGES
        if not texts.defined_column_label(sheet.table, column.csv, column.column.name, lang)
    ]
    assert not missing, f"columns without a label (add [col_<column>] to intake.toml): {missing}"


def test_round_trip_leaves_every_table_identical(exported, tmp_path, fixture_db_path):
    before = seeds_hash()
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    outcome, result = import_files([("report.xlsx", exported)], copy, tmp_path / "new.sqlite")
    assert outcome.problems == [] and result is not None
    old, new = sqlite3.connect(fixture_db_path), sqlite3.connect(tmp_path / "new.sqlite")
    names = [n for (n,) in old.execute("SELECT name FROM sqlite_master WHERE type='table' AND name <> 'metadata'")]
    assert len(names) > 30
    for name in names:
        query = f"SELECT * FROM {name}"
        assert sorted(old.execute(query), key=repr) == sorted(new.execute(query), key=repr), name
    assert seeds_hash(copy) == before and seeds_hash() == before


def test_ten_mistakes_each_at_its_cell_in_french_and_english(mistakes, tmp_path):
    files, where = mistakes
    before = seeds_hash()
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    outcome, result = import_files(files, copy, tmp_path / "db.sqlite")
    assert result is None and not (tmp_path / "db.sqlite").exists()
    assert seeds_hash(copy) == before and seeds_hash() == before
    fr = "\n".join(p.line("fr") for p in outcome.problems)
    en = "\n".join(p.line("en") for p in outcome.problems)
    expected = {
        "text": ("un montant en euros est attendu", "an amount in euros is expected"),
        "empty": ("la cellule est vide", "the cell is empty"),
        "total": ("écart 1,00 €", "difference 1.00 €"),
        "duplicate": ("ligne en double", "duplicated row"),
        "code": ("un des codes about, above, below, mean est attendu", "one of the codes about, above, below, mean"),
        "shares": ("imprimé 101,00 %", "printed 101.00 %"),
    }
    for mistake, (french, english) in expected.items():
        assert f"{where[mistake]}: " in fr and french in fr.split(f"{where[mistake]}: ", 1)[1].split("\n")[0], mistake
        assert english in en.split(f"{where[mistake]}: ", 1)[1].split("\n")[0], mistake
    assert "Formats télé: feuille inconnue" in fr and "Formats télé: unknown sheet" in en
    assert "Formats TV: la feuille « Formats TV » manque" in fr and "the “TV formats” sheet is missing" in en
    # The semicolon CSV with decimal commas, a byte-order mark and blank rows is read without any
    # other problem: only the changed share is reported in it. Blank rows keep the Excel numbering.
    assert [p.where for p in outcome.problems if p.sheet == "Pays coproducteurs.csv"] == [where["shares"]]
    assert "classeur.xlsx" not in fr and "Traceback" not in fr
    assert len(outcome.problems) <= 12, fr  # no avalanche of consequences


def test_check_cli_exit_codes_and_annotated_copy(mistakes, exported, tmp_path, capsys):
    files, where = mistakes
    paths = []
    for name, data in files:
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    annotated = tmp_path / "annotated.xlsx"
    assert main(["check", *paths, "--lang", "en", "--annotated", str(annotated)]) == 1
    out = capsys.readouterr().out
    assert f"{where['text']}: an amount in euros" in out
    wb = load_workbook(annotated)
    assert wb.sheetnames[0] == "Problems"
    sheet, cell = where["empty"].split("!")
    assert wb[sheet][cell].comment is not None and "empty" in wb[sheet][cell].comment.text
    assert wb[sheet][cell].fill.fgColor.rgb.endswith("FFC7CE")
    clean = tmp_path / "clean.xlsx"
    clean.write_bytes(exported)
    assert main(["check", str(clean)]) == 0
    assert "Aucun problème" in capsys.readouterr().out


def test_unreadable_file_is_one_sentence(tmp_path, capsys):
    bad = tmp_path / "rapport.xlsx"
    bad.write_bytes(b"not a workbook")
    assert main(["check", str(bad), "--annotated", str(tmp_path / "a.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "rapport.xlsx: le fichier « rapport.xlsx » n’a pas pu être lu" in out and "Traceback" not in out


# --- the intake app -------------------------------------------------------------------------------


@pytest.fixture
def app_copies(tmp_path, fixture_db_path, monkeypatch):
    """Temporary copies of the seeds and the database, which the intake app is pointed at."""
    seeds, db = tmp_path / "seeds", tmp_path / "wallimage.sqlite"
    shutil.copytree(SEEDS, seeds)
    shutil.copy(fixture_db_path, db)
    monkeypatch.setenv("WALLIMAGE_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{db}")
    return seeds, db


def _intake_app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "intake_app.py"), default_timeout=180)
    return at.run()


def _upload(at, files):
    at.file_uploader[0].set_value([(name, data, "application/octet-stream") for name, data in files])
    return at.run()


def test_intake_app_lists_problems_and_refuses_to_publish(app_copies, mistakes):
    seeds, db = app_copies
    before, db_before = seeds_hash(seeds), db.read_bytes()
    at = _upload(_intake_app(), mistakes[0])
    assert not at.exception
    problems = at.dataframe[0].value
    assert list(problems.columns) == ["Feuille", "Cellule", "Problème"]
    assert ("Réalisateurs", f"C{FIRST_DATA_ROW + 1}") in set(zip(problems["Feuille"], problems["Cellule"]))
    assert at.get("download_button"), "the annotated copy can be downloaded"
    at.button(key="publish").click().run()
    assert any("Publication refusée" in e.value for e in at.error)
    assert seeds_hash(seeds) == before and db.read_bytes() == db_before


def test_intake_app_publishes_a_clean_workbook(app_copies, exported):
    seeds, db = app_copies
    before, db_before = seeds_hash(seeds), db.read_bytes()
    at = _upload(_intake_app(), [("rapport.xlsx", exported)])
    assert not at.exception and not at.error
    assert any("peut être publié" in s.value for s in at.success)
    preview = at.dataframe[0].value
    assert list(preview.columns) == ["Chiffre", "Nouveau", "Publié"] and len(preview) > 0
    assert (preview["Nouveau"] == preview["Publié"]).all()
    at.button(key="publish").click().run()
    assert not at.exception and not at.error
    assert any("publié ; la base de données a été reconstruite" in s.value for s in at.success)
    assert seeds_hash(seeds) == before  # the same report, written back identically
    assert db.read_bytes() != db_before  # rebuilt (its build time changed)
