"""Per-shoot carbon footprints (issue 16): the build and the intake refuse a bad footprint row with one
sentence naming the file (or sheet), the row and the problem; the SYNTHETIC fixture of 32 shoots builds
and never reaches the shipped database; the shipped 2024 report keeps its five shoots without a
per-shoot figure; tools and benchmarks are sourced seed rows."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3

import pytest
from fixtures.synthetic_footprints import TITLE, YEARS, add_synthetic_footprints, synthetic_shoots

from dashboard.data import database
from dashboard.data.build import build
from dashboard.data.errors import SeedError
from dashboard.intake.__main__ import report_data
from dashboard.intake.check import check_files
from dashboard.intake.workbook import FIRST_DATA_ROW, write_workbook


@pytest.fixture(scope="module")
def synthetic_seeds(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("synthetic") / "seeds"
    shutil.copytree(database.SEEDS_DIR, seeds)
    add_synthetic_footprints(seeds)
    return seeds


def _edit(path, row_index: int, **cells) -> None:
    """Change cells of one data row (0-based) of a seed CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        header = list(rows[0])
    rows[row_index].update(cells)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _copy(synthetic_seeds, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(synthetic_seeds, seeds)
    return seeds


def test_the_fixture_has_32_shoots_over_two_years_and_three_tools(synthetic_seeds, tmp_path):
    rows = synthetic_shoots()
    shoots = {(r["report_year"], r["project_no"]) for r in rows}
    assert len(shoots) >= 30 and {r["report_year"] for r in rows} == set(YEARS)
    assert {r["tool"] for r in rows} == {"thegreenshot", "carbonclap", "albert"}
    assert {r["stage"] for r in rows} == {"forecast", "final"}
    result = build(synthetic_seeds, output=tmp_path / "synthetic.sqlite")
    with sqlite3.connect(tmp_path / "synthetic.sqlite") as con:
        assert con.execute("SELECT COUNT(*) FROM carbon_shoots").fetchone()[0] == len(rows)
        titles = {t for (t,) in con.execute("SELECT document_title FROM sources WHERE source_id LIKE 'SYN-%'")}
    assert titles == {TITLE} and result.checks > 0


def test_the_shipped_database_has_no_synthetic_footprint_and_the_2024_shoots_as_printed(fixture_db_path):
    with sqlite3.connect(fixture_db_path) as con:
        assert con.execute("SELECT COUNT(*) FROM sources WHERE source_id LIKE 'SYN-%'").fetchone()[0] == 0
        shoots = con.execute(
            "SELECT project_no, stage, tool, crew, shooting_days, total_tco2e, lower_tco2e, upper_tco2e, quality "
            "FROM carbon_shoots WHERE report_year = 2024 ORDER BY project_no"
        ).fetchall()
        categories = con.execute("SELECT COUNT(*) FROM carbon_shoot_categories").fetchone()[0]
    # « LM, 40 personnes, 45 jours » … (§2.2.6): profiles as printed, no footprint per shoot (the report
    # states them only for groups, in carbon_footprints), the stage not stated, measured with TheGreenShot.
    assert [(s[0], s[3], s[4]) for s in shoots] == [(1, 40, 45), (2, 30, 18), (3, 35, 72), (4, 50, 27), (5, 25, 22)]
    assert {(s[1], s[2], s[5], s[6], s[7]) for s in shoots} == {("unstated", "thegreenshot", None, None, None)}
    assert categories == 0


def test_tools_and_benchmarks_cite_outside_pages(fixture_db_path):
    with sqlite3.connect(fixture_db_path) as con:
        tools = con.execute(
            "SELECT t.tool, t.url, s.url FROM carbon_tools t JOIN sources s ON s.source_id = t.source_id ORDER BY 1"
        ).fetchall()
        benchmarks = con.execute(
            "SELECT b.benchmark_id, b.scope, b.benchmark_value, b.lower_value, b.upper_value, b.sample_size, s.url "
            "FROM carbon_benchmarks b JOIN sources s ON s.source_id = b.source_id ORDER BY 1"
        ).fetchall()
    assert [t[0] for t in tools] == ["albert", "carbonclap", "thegreenshot"]
    assert all(t[1].startswith("https://") and t[1] == t[2] for t in tools)
    by_id = {b[0]: b for b in benchmarks}
    assert by_id["spa_tentpole_per_day"][1:6] == ("per_shooting_day", 33, 29.7, 36.3, 161)
    assert by_id["telefilm_per_hour"][1:6] == ("per_hour", 28, 27.5, 28.5, 22)
    assert by_id["snd_tentpole"][2] == 2840 and by_id["snd_tentpole"][5] == 19
    assert all(b[3] <= b[2] <= b[4] and b[6].startswith("https://") for b in benchmarks)


# (file, 0-based data row, cells changed, words of the one sentence)
BAD_ROWS = {
    "categories": (
        "carbon_shoots.csv",
        0,
        {"total_tco2e": "999.9"},
        ("carbon_shoots.csv, shoot 1 (final), total vs the sum of its categories", "printed 999.9"),
    ),
    "negative": (
        "carbon_shoot_categories.csv",
        1,
        {"tco2e": "-2.5"},
        ("carbon_shoot_categories.csv, row 3, column tco2e", "at least 0", "found -2.5"),
    ),
    "zero_days": (
        "carbon_shoots.csv",
        2,
        {"shooting_days": "0"},
        ("carbon_shoots.csv, row 4, column shooting_days", "at least one shooting day", "found 0"),
    ),
    "unknown_tool": (
        "carbon_shoots.csv",
        3,
        {"tool": "greenbox"},
        ("carbon_shoots.csv, row 5, column tool", "albert, carbonclap, thegreenshot", "'greenbox'"),
    ),
}


@pytest.mark.parametrize("case", BAD_ROWS)
def test_the_build_refuses_a_bad_footprint_row_in_one_sentence(case, synthetic_seeds, tmp_path):
    name, index, cells, words = BAD_ROWS[case]
    seeds = _copy(synthetic_seeds, tmp_path)
    _edit(seeds / "reports" / "2031" / name, index, **cells)
    with pytest.raises(SeedError) as raised:
        build(seeds, output=tmp_path / "bad.sqlite")
    message = str(raised.value)
    assert all(word in message for word in words), message
    assert "2031" in message or "reports/2031" in message
    assert message.count("\n") == 0 and not (tmp_path / "bad.sqlite").exists()


def test_the_intake_check_puts_each_bad_footprint_at_its_sheet_and_cell(synthetic_seeds, tmp_path):
    data = report_data(synthetic_seeds, 2031)
    shoots, categories = data["carbon_shoots"], data["carbon_shoot_categories"]
    shoots[0]["total_tco2e"] = "999.9"
    categories[1]["tco2e"] = "-2.5"
    shoots[2]["shooting_days"] = "0"
    shoots[3]["tool"] = "greenbox"
    out = io.BytesIO()
    write_workbook(out, 2031, data)
    outcome = check_files([("classeur.xlsx", out.getvalue())], synthetic_seeds)
    fr = {p.where: p.message("fr") for p in outcome.problems}
    en = {p.where: p.message("en") for p in outcome.problems}
    first = FIRST_DATA_ROW
    total, days, tool = (f"Carbone (tournages)!{c}" for c in (f"L{first}", f"J{first + 2}", f"F{first + 3}"))
    negative = f"Carbone (catégories)!D{first + 1}"
    assert "imprimé 999,9" in fr[total] and "printed 999.9" in en[total], fr
    assert "au moins 0" in fr[negative] and "-2.5" in fr[negative] and "at least 0" in en[negative]
    assert "au moins 1" in fr[days] and "at least 1" in en[days]
    assert "greenbox" in fr[tool] and "albert, carbonclap, thegreenshot" in en[tool]
    assert len(outcome.problems) == 4, fr
