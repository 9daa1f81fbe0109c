"""The build command: validation, reconciliation, atomic write, and the printed figures it checks."""

from __future__ import annotations

import csv
import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.data import build as build_module
from dashboard.data.build import build
from dashboard.data.database import SEEDS_DIR
from dashboard.data.errors import ReconciliationError, SeedError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A private copy of the seed folder that a test may break."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


def seed_file(seeds: Path, name: str) -> Path:
    """A seed file of the copied seeds: shared, else the 2024 report's."""
    shared = seeds / "shared" / name
    return shared if shared.exists() else seeds / "reports" / "2024" / name


@pytest.fixture
def built(tmp_path, seeds) -> Path:
    """A database built from the intact seeds: the one a failed build must leave untouched."""
    path = tmp_path / "out" / "wallimage.sqlite"
    build(seeds, output=path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit_cell(path: Path, match: dict, column: str, value: str) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    header = list(rows[0].keys())
    hit = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert len(hit) == 1, f"{match} should select exactly one row"
    hit[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_build_writes_every_table_with_the_report_counts(built):
    con = sqlite3.connect(built)
    counts = {
        table: con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in (
            "works",
            "work_directors",
            "gaming_agreements",
            "portfolio_companies",
            "portfolio_memberships",
            "places",
            "discrepancies",
            "shooting_activity",
            "carbon_shoots",
            "history",
            "sources",
        )
    }
    # Counts the report states: 49 works (§7.1), 62 directors (§7.1.4), 35 agreements put into effect (§4.2.6),
    # 46 portfolio companies (§7.2) listed 23 + 18 + 9 + 13 times in the sector chapters, 5 measured shoots (§2.2.6).
    assert counts["works"] == 49
    assert counts["work_directors"] == 62
    assert counts["gaming_agreements"] == 35
    assert counts["portfolio_companies"] == 46
    assert counts["portfolio_memberships"] == 23 + 18 + 9 + 13
    assert counts["carbon_shoots"] == 5
    assert counts["shooting_activity"] == 8
    assert counts["discrepancies"] >= 4
    assert counts["places"] >= 25
    meta = dict(con.execute("SELECT meta_key, meta_value FROM metadata"))
    assert meta["schema_version"] == "4" and meta["data_version"].startswith("2024.1+")


def test_every_row_has_a_known_source_and_quality(built):
    con = sqlite3.connect(built)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    sources = {r[0] for r in con.execute("SELECT source_id FROM sources")}
    checked = 0
    for table in tables:
        columns = [c[1] for c in con.execute(f"PRAGMA table_info({table})")]
        if "source_id" in columns and table != "sources":
            used = {r[0] for r in con.execute(f"SELECT source_id FROM {table}")}
            assert used <= sources, table
            assert None not in used, table
            checked += 1
        if "quality" in columns:
            flags = {r[0] for r in con.execute(f"SELECT quality FROM {table}")}
            assert flags <= {"reported", "derived", "approximate", "estimated"}, table
    assert checked >= 30


def test_build_is_fast_and_reports_its_checks(tmp_path, capsys):
    assert build_module.main(["--output", str(tmp_path / "x.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "reconciliation checks" in out and " s." in out
    # The build prints its time; the 2-second goal is measured by `make bench`, not asserted here.


def test_cli_failure_prints_one_sentence_and_exits_1(tmp_path, seeds):
    edit_cell(seed_file(seeds, "works.csv"), {"work_id": "3"}, "investment_eur", "70.000,00")
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.data.build", "--seeds", str(seeds), "--output", str(tmp_path / "y.sqlite")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "works.csv, row 4, column investment_eur" in result.stderr
    assert not (tmp_path / "y.sqlite").exists()


@pytest.mark.parametrize(
    ("file", "match", "column", "value", "expected"),
    [
        ("works.csv", {"work_id": "3"}, "investment_eur", "abc", "column investment_eur: expected an amount in euros"),
        ("works.csv", {"work_id": "3"}, "sector", "cartoon", "column sector: expected one of animation, live_action"),
        ("works.csv", {"work_id": "3"}, "source_id", "B24-9.9", "expected a source_id listed in sources.csv"),
        ("towns.csv", {"town": "Namur"}, "latitude", "48.85", "expected a coordinate inside Belgium"),
        ("works.csv", {"work_id": "4"}, "work_id", "3", "expected a unique key, found (3,) again"),
        (
            "works.csv",
            {"work_id": "1"},
            "investment_eur",
            "325000.01",
            "[check report_aggregates:B24-2.2.2.1:features_belgium:investment]",
        ),
        (
            "scenario_published.csv",
            {"share_pct": "50", "project_type": "feature_fiction"},
            "total_eur",
            "2919137.87",
            "scenario",
        ),
        (
            "spend_by_post.csv",
            {"sector": "live_action", "post": "vfx"},
            "amount_eur",
            "6769999",
            "spend_by_post:live_action:sum",
        ),
    ],
)
def test_bad_seed_row_names_the_problem_and_leaves_the_database_byte_identical(
    seeds, built, file, match, column, value, expected
):
    before = digest(built)
    edit_cell(seed_file(seeds, file), match, column, value)
    with pytest.raises(SeedError) as problem:
        build(seeds, output=built)
    message = str(problem.value)
    assert expected in message
    assert "\n" not in message and message.rstrip().endswith(".")
    assert digest(built) == before
    assert not list(built.parent.glob(".*.tmp"))


def test_missing_column_is_named(seeds, built):
    path = seed_file(seeds, "places.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace(",status,", ",state,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = digest(built)
    with pytest.raises(SeedError, match=r"places.csv, header: .*missing: status.*unexpected: state"):
        build(seeds, output=built)
    assert digest(built) == before


def test_missing_seed_file_is_named(seeds, built):
    (seed_file(seeds, "facts.csv")).unlink()
    with pytest.raises(SeedError, match="facts.csv is missing"):
        build(seeds, output=built)


def test_total_mismatch_is_refused_unless_recorded(seeds, built):
    # Removing the record of a known inconsistency makes the build fail on it.
    path = seed_file(seeds, "discrepancies.csv")
    rows = [
        r for r in csv.DictReader(path.open(encoding="utf-8")) if r["discrepancy_id"] != "animation_headline_investment"
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ReconciliationError) as problem:
        build(seeds, output=built)
    assert "B24-3.2.2 row headline, invested: printed 2,180,800.00 €, rows give 2,180,000.00 €" in str(problem.value)


def test_a_crash_while_writing_leaves_no_half_written_database(seeds, built, monkeypatch):
    before = digest(built)

    def explode(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(build_module.os, "replace", explode)
    with pytest.raises(OSError):
        build(seeds, output=built)
    assert digest(built) == before
    assert not list(built.parent.glob(".*.tmp"))


def test_build_into_postgresql_is_transactional(pg_url, seeds):
    from sqlalchemy import create_engine, text

    edit_cell(seed_file(seeds, "works.csv"), {"work_id": "2"}, "walloon_spend_eur", "1.5")
    with pytest.raises(SeedError):
        build(seeds, url=pg_url)
    engine = create_engine(pg_url)
    with engine.connect() as con:
        assert con.execute(text("SELECT COUNT(*) FROM works")).scalar() == 49
        total = con.execute(text("SELECT SUM(walloon_spend_cents) FROM works")).scalar()
    engine.dispose()
    assert total == 4623196951


def test_an_untranslated_note_is_refused(seeds, built):
    before = digest(built)
    edit_cell(seed_file(seeds, "works.csv"), {"work_id": "5"}, "note", "A brand-new English note.")
    with pytest.raises(SeedError, match="column note: expected a French translation in text_translations.csv"):
        build(seeds, output=built)
    assert digest(built) == before


# --- Reconciliation rules (sql/checks/*.sql, run by dashboard/data/checks.py) -------------------


def append_check_pattern(seeds: Path, discrepancy_id: str, pattern: str, year: str = "2024") -> None:
    """Record one more check pattern on a discrepancy row of a report."""
    path = seeds / "reports" / year / "discrepancies.csv"
    row = next(r for r in csv.DictReader(path.open(encoding="utf-8")) if r["discrepancy_id"] == discrepancy_id)
    keys = ";".join(p for p in (row["check_keys"], pattern) if p)
    edit_cell(path, {"discrepancy_id": discrepancy_id}, "check_keys", keys)


@pytest.mark.parametrize(
    ("file", "match", "column", "value", "key", "values"),
    [
        # row formula: printed ratio = spend / investment
        ("works.csv", {"work_id": "5"}, "ratio_printed_pct", "700.00", "works:5:ratio", "printed 700.00 %"),
        # row formula across columns: D = A - B - C
        (
            "enterprise_returns.csv",
            {"instrument": "loan"},
            "repaid_or_sold_eur",
            "10925504.19",
            "enterprise_returns:loan:D",
            "printed 4,725,338.25 €, rows give 4,725,337.25 €",
        ),
        # group sum: a printed total against the sum of its rows
        (
            "catalogue_totals.csv",
            {"kind": "works"},
            "item_count",
            "776",
            "catalogue_totals:works:sum",
            "printed 776, rows give 775",
        ),
        # group sum across two tables: posts of a sector against the Walloon spend of its works
        (
            "spend_by_post.csv",
            {"sector": "animation", "post": "casting"},
            "amount_eur",
            "22600",
            "spend_by_post:animation:sum",
            "rows give 15,412,330.39 €",
        ),
        # share = part / whole
        (
            "portfolio_outstanding.csv",
            {"scope": "digital", "row_key": "musictech"},
            "outstanding_share_printed_pct",
            "19",
            "portfolio_outstanding:digital:musictech:share",
            "printed 19.00 %",
        ),
        # equality across tables joined on keys
        (
            "gaming_call.csv",
            {"ordinal": "2"},
            "investment_eur",
            "92000.01",
            "gaming_call:2:investment",
            "printed 92,000.01 €, rows give 92,000.00 €",
        ),
        # filtered aggregate of report_aggregates over works
        (
            "report_aggregates.csv",
            {"table_id": "B24-7.1.3", "row_key": "france"},
            "works_count",
            "19",
            "report_aggregates:B24-7.1.3:france:count",
            "printed 19, rows give 18",
        ),
        # consolidation: the 'all' scope against the sum of the sector scopes
        (
            "directors_summary.csv",
            {"scope": "all", "group_kind": "total", "group_key": "all"},
            "projects",
            "50",
            "directors_summary:all:total:all:sectors_projects",
            "printed 50, rows give 49",
        ),
        # bounds of a stated value
        (
            "facts.csv",
            {"fact_id": "shooting_days_cumulative"},
            "lower_value",
            "10900",
            "facts:shooting_days_cumulative:2024:bounds",
            "printed 10800, rows give 10900",
        ),
    ],
)
def test_a_mismatch_of_each_rule_kind_fails_with_one_sentence(seeds, built, file, match, column, value, key, values):
    before = digest(built)
    edit_cell(seed_file(seeds, file), match, column, value)
    with pytest.raises(ReconciliationError) as problem:
        build(seeds, output=built)
    message = str(problem.value)
    assert message.startswith("Reconciliation failed — the 2024 report, ")
    assert f"[check {key}]" in message and values in message and file in message
    assert "\n" not in message and message.count(". ") == 0 and message.endswith(".")
    assert digest(built) == before


def test_a_mismatch_of_the_shared_history_names_the_shared_seeds(seeds):
    edit_cell(seed_file(seeds, "history.csv"), {"row_id": "w2024"}, "invested_lower_eur", "7100000.00")
    with pytest.raises(ReconciliationError, match=r"the shared seeds, history.csv, w2024, invested bounds") as problem:
        build(seeds, output=seeds.parent / "x.sqlite")
    assert "[check history:w2024:invested_bounds]" in str(problem.value) and "fix the shared seed" in str(problem.value)


def test_a_recorded_inconsistency_lets_the_build_pass(seeds, tmp_path):
    edit_cell(seed_file(seeds, "works.csv"), {"work_id": "5"}, "ratio_printed_pct", "700.00")
    append_check_pattern(seeds, "work_20_title", "works:5:ratio")
    result = build(seeds, output=tmp_path / "recorded.sqlite")
    assert result.recorded_mismatches == 19  # the 18 of the shipped seeds and this one


def test_a_stale_record_fails_with_one_sentence(seeds, built):
    before = digest(built)
    append_check_pattern(seeds, "work_20_title", "works:7:ratio")
    with pytest.raises(ReconciliationError) as problem:
        build(seeds, output=built)
    message = str(problem.value)
    assert message.startswith("Reconciliation failed — the 2024 report's discrepancies.csv, discrepancy work_20_title")
    assert "'works:7:ratio' but no check of that report mismatches it" in message
    assert "\n" not in message and message.endswith(".")
    assert digest(built) == before


def add_fictitious_report(seeds: Path, year: str = "2031") -> Path:
    """Test fixture, never shipped: a second report folder made from the 2024 one.

    Transformation: every source id and table id `B24-…` becomes `B31-…` (source ids are unique
    across folders), and the facts of the report's own year are moved to that year. Every other
    cell is the 2024 report's, so every rule must hold and the same inconsistencies are recorded.
    """
    folder = seeds / "reports" / year
    shutil.copytree(seeds / "reports" / "2024", folder)
    for path in folder.glob("*.csv"):
        path.write_text(path.read_text(encoding="utf-8").replace("B24-", "B31-"), encoding="utf-8")
    facts = folder / "facts.csv"
    rows = list(csv.DictReader(facts.open(encoding="utf-8")))
    for row in rows:
        row["period_year"] = year if row["period_year"] == "2024" else row["period_year"]
    with facts.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def test_rules_run_for_every_report_with_no_code_change(seeds, tmp_path):
    alone = build(seeds, output=tmp_path / "alone.sqlite")
    folder = add_fictitious_report(seeds)
    both = build(seeds, output=tmp_path / "both.sqlite")
    assert both.recorded_mismatches == 2 * alone.recorded_mismatches
    assert both.checks > 1.9 * alone.checks  # every report's checks (the shared history once)
    edit_cell(
        folder / "report_aggregates.csv", {"table_id": "B31-7.1", "row_key": "total"}, "investment_eur", "7094801.00"
    )
    with pytest.raises(ReconciliationError) as problem:
        build(seeds, output=tmp_path / "both.sqlite")
    message = str(problem.value)
    assert message.startswith("Reconciliation failed — the 2031 report, report_aggregates.csv, B31-7.1 row total")
    assert "[check report_aggregates:B31-7.1:total:investment]" in message and "2024" not in message
    shutil.rmtree(folder)
    assert build(seeds, output=tmp_path / "alone.sqlite").checks == alone.checks  # the 2024 report still passes
