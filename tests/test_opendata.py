"""The open-data package (dashboard/opendata.py): built from the fixture database, validated by the
`frictionless` library (0 errors, every table, every foreign key resolving), read back for the report's
headline figures, the same bytes from `make datapackage` and from the Sources & methods page's button
(AppTest, French and English), and a description for every table and column of the schema."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, run_app

from dashboard import opendata
from dashboard.data.tables import read_tables, table_specs, undescribed

PAGE = "dashboard/pages/sources.py"
BOUNDARIES = "belgium-boundaries"
SPECS = table_specs()
TABLES = [spec.name for spec in SPECS]


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory, fixture_db_url) -> Path:
    """`python -m dashboard.opendata` (what `make datapackage` runs) on the fixture database."""
    out = tmp_path_factory.mktemp("datapackage")
    done = subprocess.run(
        [sys.executable, "-m", "dashboard.opendata", "--url", fixture_db_url, "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def descriptor(package_dir) -> dict:
    return json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))


def frictionless_validate(folder: Path) -> dict:
    """The `frictionless validate` command's JSON report on a package folder."""
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout)


# --- descriptions and licences, from the schema and opendata.toml ---------------------------------


def test_every_table_and_column_of_the_schema_is_described():
    missing = undescribed(SPECS)
    assert not missing, (
        "describe these in sql/schema.sql, in plain words for a journalist (a comment at the end of the column's "
        f"line, or above CREATE TABLE for a table): {missing}"
    )


def test_every_table_has_its_licence():
    assert not opendata.unassigned_tables(SPECS), (
        "give these tables their licences in dashboard/data/opendata.toml [tables]: "
        f"{opendata.unassigned_tables(SPECS)}"
    )


def test_field_descriptions_give_units_in_plain_words(descriptor):
    fields = {
        (r["name"], f["name"]): f["description"]
        for r in descriptor["resources"]
        for f in r.get("schema", {}).get("fields", [])
    }
    assert "euros" in fields[("works", "investment_eur")] and "exact to the cent" in fields[("works", "investment_eur")]
    assert "per cent" in fields[("works", "ratio_printed_pct")]
    assert "tCO2e" in fields[("carbon_footprints", "lower_tco2e")]
    assert "thousandth" in fields[("scenario_published", "per_day_printed_eur")]
    for (table, name), text in fields.items():
        if name.endswith("_eur"):
            assert "euro" in text, f"{table}.{name}: {text}"
        if name.endswith("_pct"):
            assert "per cent" in text, f"{table}.{name}: {text}"
        if name.endswith("_tco2e"):
            assert "tCO2e" in text, f"{table}.{name}: {text}"


# --- the package validates --------------------------------------------------------------------------


def test_package_validates_with_frictionless_every_table_and_key(package_dir, descriptor):
    report = frictionless_validate(package_dir)
    errors = [(t["name"], e["type"], e["note"]) for t in report["tasks"] for e in t["errors"]] + report["errors"]
    assert report["valid"] and not errors, errors
    validated = {task["name"] for task in report["tasks"] if task["valid"]}
    assert validated == {*TABLES, BOUNDARIES}
    resources = {r["name"]: r for r in descriptor["resources"]}
    # Foreign keys are declared from the schema and were checked: works' directors, countries, sources…
    keys = {
        (name, tuple(key["fields"]), key["reference"]["resource"])
        for name, r in resources.items()
        for key in r.get("schema", {}).get("foreignKeys", [])
    }
    assert ("work_directors", ("report_year", "work_id"), "works") in keys
    assert ("places", ("town",), "towns") in keys
    assert ("discrepancies", ("source_b",), "sources") in keys
    assert len(keys) >= 70
    assert resources["works"]["schema"]["primaryKey"] == ["report_year", "work_id"]
    assert resources["scenario_published"]["schema"]["primaryKey"] == ["report_year", "share_pct", "project_type"]


def test_a_broken_foreign_key_is_reported(package_dir, tmp_path):
    """The validation really checks the keys: one director pointing at no work is an error."""
    broken = tmp_path / "broken"
    subprocess.run(["cp", "-r", str(package_dir), str(broken)], check=True)
    path = broken / "data" / "work_directors.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[1].split(",")
    cells[1] = "9999"
    lines[1] = ",".join(cells)
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    report = frictionless_validate(broken)
    found = [(t["name"], e["type"]) for t in report["tasks"] for e in t["errors"]]
    assert not report["valid"] and ("work_directors", "foreign-key") in found


def test_descriptor_has_the_data_package_metadata(descriptor, db):
    meta = dict(db.query_rows("SELECT meta_key, meta_value FROM metadata")[1])
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["name"] == "wallimage-impact-dashboard" and descriptor["id"].startswith("urn:uuid:")
    assert descriptor["version"] == meta["data_version"] and descriptor["created"] == meta["built_at"]
    assert descriptor["title"] and descriptor["description"]
    assert {"title": "Wallimage SA", "roles": ["creator"]} in descriptor["contributors"]
    titles = [s["title"] for s in descriptor["sources"]]
    assert any(t.startswith("Wallimage SA — Bilan") for t in titles)  # the report
    assert any("GeoNames" in t for t in titles) and any("Natural Earth" in t for t in titles)
    assert len(descriptor["sources"]) == len({(t, s.get("path")) for t, s in zip(titles, descriptor["sources"])})
    licences = {r["name"]: r["licenses"] for r in descriptor["resources"]}
    assert licences["towns"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International (GeoNames)",
        }
    ]
    assert licences[BOUNDARIES][0]["path"] == "https://www.naturalearthdata.com/about/terms-of-use/"
    assert "no open licence" in licences["works"][0]["title"] and "name" not in licences["works"][0]
    assert [x["title"] for x in licences["places"]] == [licences["works"][0]["title"], licences["towns"][0]["title"]]


def test_dcat_ap_has_its_mandatory_properties(package_dir, descriptor):
    graph = {node["@id"]: node for node in json.loads((package_dir / "dcat-ap.jsonld").read_text())["@graph"]}
    catalogue, dataset, distribution = graph["#catalogue"], graph["#dataset"], graph["#distribution"]
    assert catalogue["@type"] == "dcat:Catalog" and dataset["@type"] == "dcat:Dataset"
    for node in (catalogue, dataset):
        for key in ("dct:title", "dct:description"):
            assert {v["@language"] for v in node[key]} == {"fr", "en"} and all(v["@value"] for v in node[key])
    assert graph[catalogue["dct:publisher"]["@id"]]["foaf:name"]
    assert catalogue["dcat:dataset"] == {"@id": "#dataset"} and dataset["dcat:distribution"] == {"@id": "#distribution"}
    assert distribution["@type"] == "dcat:Distribution" and distribution["dcat:accessURL"]["@id"]
    assert dataset["dct:identifier"] == descriptor["id"] and dataset["dcat:version"] == descriptor["version"]


def test_readme_says_what_the_package_holds_its_licences_and_how_to_cite(package_dir):
    text = (package_dir / "README.md").read_text(encoding="utf-8")
    assert "| `data/works.csv` | 49 |" in text
    assert "## Licences" in text and "CC BY 4.0" in text and "public domain" in text
    assert "no licence and no reuse notice" in text
    assert (
        "## How to cite" in text
        and "Wallimage SA — Bilan 2024 (2025). Wallimage impact dashboard, open data, data version 2024.1+" in text
    )


# --- the figures read back --------------------------------------------------------------------------


def test_headline_figures_read_back_with_pandas(package_dir):
    works = pd.read_csv(package_dir / "data" / "works.csv", dtype=str, keep_default_na=False)
    works = works[works["report_year"] == "2024"]
    assert len(works) == 49
    assert sum(map(Decimal, works["investment_eur"])) == Decimal("7094800.00")
    assert sum(map(Decimal, works["walloon_spend_eur"])) == Decimal("46231969.51")


def test_headline_figures_read_back_with_frictionless(package_dir):
    from frictionless import Package

    rows = Package(str(package_dir / "datapackage.json")).get_resource("works").read_rows()
    rows = [row for row in rows if row["report_year"] == 2024]
    assert len(rows) == 49
    assert sum(row["investment_eur"] for row in rows) == Decimal("7094800.00")
    assert sum(row["walloon_spend_eur"] for row in rows) == Decimal("46231969.51")


def test_money_and_percentages_are_exact_and_bounds_kept(package_dir, db):
    _, cents = db.query_rows("SELECT investment_cents, ratio_printed_bp FROM works ORDER BY report_year, work_id")
    works = pd.read_csv(package_dir / "data" / "works.csv", dtype=str)
    assert [int(Decimal(v) * 100) for v in works["investment_eur"]] == [c for c, _ in cents]
    assert [int(Decimal(v) * 100) for v in works["ratio_printed_pct"]] == [b for _, b in cents]
    footprints = pd.read_csv(package_dir / "data" / "carbon_footprints.csv", dtype=str, keep_default_na=False)
    about = footprints.set_index("statement_id").loc["about_200"]
    assert (about["lower_tco2e"], about["upper_tco2e"], about["quality"]) == ("180.0", "220.0", "approximate")
    assert footprints.set_index("statement_id").loc["above_400", "upper_tco2e"] == ""  # no bound stated: missing
    discrepancies = pd.read_csv(package_dir / "data" / "discrepancies.csv", dtype=str)
    assert len(discrepancies) == 23


def test_text_cells_are_guarded_against_formulas():
    text = opendata.package_field("note", "TEXT")
    money = opendata.package_field("net_return_cents", "BIGINT")
    assert opendata.cell("=HYPERLINK(1)", text) == "'=HYPERLINK(1)" and opendata.cell("-x", text) == "'-x"
    assert opendata.cell(-123456, money) == "-1234.56" and opendata.cell(5, money) == "0.05"
    assert (
        opendata.cell(None, money) == ""
        and opendata.cell(6516, opendata.package_field("share_bp", "INTEGER")) == "65.16"
    )
    rows = opendata.csv_bytes([text], [("@SUM(A1)",), ("Liège",)])
    assert rows == "\ufeffnote\r\n'@SUM(A1)\r\nLiège\r\n".encode()


# --- the same package from make and from the page ------------------------------------------------


def test_make_target_and_gitignore():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "datapackage: $(DB)\n\t$(PY) -m dashboard.opendata --out dist/datapackage" in makefile
    assert "dist/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def _deferred_downloads(monkeypatch) -> dict[str, object]:
    """Record the callables of deferred download buttons (file name → callable) during AppTest runs."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    found: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data, mimetype, coordinates, file_name=None, **kwargs):
        found[file_name] = data
        return original(self, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return found


@pytest.mark.parametrize(("lang", "label"), [("fr", "Télécharger toutes les données"), ("en", "Download all data")])
def test_download_button_gives_the_package_as_a_zip(app_env, monkeypatch, package_dir, db, lang, label):
    downloads = _deferred_downloads(monkeypatch)
    at = run_app(PAGE, lang=lang)
    assert not at.exception and not at.error
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    version = dict(db.query_rows("SELECT meta_key, meta_value FROM metadata")[1])["data_version"]
    name = f"wallimage-open-data-{version}.zip"
    assert button.proto.deferred_file_id and name in downloads  # made when pressed
    archive = zipfile.ZipFile(io.BytesIO(downloads[name]()))
    assert "datapackage.json" in archive.namelist()
    expected = sorted(p.relative_to(package_dir).as_posix() for p in package_dir.rglob("*") if p.is_file())
    assert sorted(archive.namelist()) == expected
    for member in expected:  # the same content as `make datapackage`
        assert archive.read(member) == (package_dir / member).read_bytes(), member


def test_zip_is_the_same_for_the_same_data(db):
    rows = read_tables(db, SPECS)
    assert opendata.package_zip(SPECS, rows) == opendata.package_zip(SPECS, rows)


def test_writing_replaces_an_earlier_package_and_never_empties_another_folder(tmp_path):
    files = {"datapackage.json": b"{}", "data/works.csv": b"a\r\n", "README.md": b"#"}
    out = tmp_path / "package"
    opendata.write_package({**files, "data/dropped_table.csv": b"x"}, out)
    opendata.write_package(files, out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == sorted(files)
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(opendata.NotAPackageFolder):
        opendata.write_package(files, other)
    assert [p.name for p in other.iterdir()] == ["notes.txt"]


@pytest.mark.postgres
def test_postgresql_gives_the_same_tables(db, pg_db):
    """The package reads any database the app reads: the same rows from PostgreSQL as from SQLite
    (the build's metadata aside; rows compared as sets, text keys sort differently on the two engines)."""
    on_sqlite = opendata.package_files(SPECS, read_tables(db, SPECS))
    on_postgres = opendata.package_files(SPECS, read_tables(pg_db, SPECS))
    for name in TABLES:
        if name == "metadata":
            continue
        path = f"data/{name}.csv"
        assert sorted(on_sqlite[path].splitlines()) == sorted(on_postgres[path].splitlines()), path
