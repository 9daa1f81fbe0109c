"""The whole database as an open-data package: a Frictionless Data Package (v2) with a DCAT-AP
description, as files (`make datapackage` writes dist/datapackage/) or as one zip (the *Download all
data* button of Sources & methods). Both are made by `package_files`, so they hold the same bytes.

What the package holds:
- `data/<table>.csv`: one CSV per table of the database (UTF-8 with a byte-order mark, CRLF rows),
  read generically from the schema, so a table added to `sql/schema.sql` is in the package unchanged.
  Money is written as exact decimal euros (`amount_cents` 123456 → `amount_eur` 1234.56),
  thousandths of a euro likewise, basis points as per cent (`share_bp` 6516 → `share_pct` 65.16);
  every other value as stored. Text cells get the dashboard's formula guard (dashboard/safety.py).
- `geo/belgium.geojson`: the map's outline (Natural Earth, public domain).
- `datapackage.json`: name, id, title, description, version (the data version), created (the
  build's time), contributors, sources (every document the data cites), licences, and per resource a
  Table Schema (types, a description of every field with its unit, primary and foreign keys,
  missing values, allowed codes).
- `dcat-ap.jsonld`: the DCAT-AP catalogue, dataset and distribution, for open-data portals.
- `README.md`: what the package holds, its licences and how to cite it.

Descriptions come from `sql/schema.sql` (dashboard/data/tables.py); licences, contributors and the
catalogue's texts from `dashboard/data/opendata.toml`. Only the standard library is needed (the
`frictionless` library validates the package in the tests, not here).

Usage: python -m dashboard.opendata [--out dist/datapackage] [--url DATABASE_URL]
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import sys
import tomllib
import uuid
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from dashboard.data import database
from dashboard.data.errors import DatabaseError
from dashboard.data.tables import TableSpec, read_tables, table_specs
from dashboard.safety import spreadsheet_text

CONFIG_PATH = database.ROOT / "dashboard" / "data" / "opendata.toml"
DEFAULT_OUT = database.ROOT / "dist" / "datapackage"
DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
MISSING = ""
# Database suffix → (package suffix, decimal places, key of the unit sentence in opendata.toml).
SCALED = {"_cents": ("_eur", 2, "cents"), "_millieur": ("_eur", 3, "millieur"), "_bp": ("_pct", 2, "bp")}
TYPES = {"INTEGER": "integer", "BIGINT": "integer", "DOUBLE PRECISION": "number"}


@functools.lru_cache(maxsize=1)
def config() -> dict:
    """The package's metadata, licences and catalogue texts (dashboard/data/opendata.toml)."""
    return tomllib.loads(CONFIG_PATH.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Field:
    """How one database column is written in the package."""

    column: str
    name: str
    type: str
    places: int | None  # decimal places of a scaled value (euros, per cent), None when written as stored


def package_field(column: str, sql_type: str) -> Field:
    """The package's name, type and scale for a database column (`*_cents` → `*_eur` in euros…)."""
    for suffix, (new_suffix, places, _) in SCALED.items():
        if column.endswith(suffix):
            return Field(column, column.removesuffix(suffix) + new_suffix, "number", places)
    return Field(column, column, TYPES.get(sql_type, "string"), None)


def unit_sentence(column: str) -> str:
    """The sentence that gives a column's unit in the package, or '' when its name carries none."""
    units = config()["units"]
    for suffix, (_, _, key) in SCALED.items():
        if column.endswith(suffix):
            return units[key]
    return units["tco2e"] if column.endswith("_tco2e") else ""


def cell(value, field: Field) -> str:
    """One value as the CSV writes it: exact decimals for scaled integers, text guarded against formulas."""
    if value is None:
        return MISSING
    if field.places is not None:
        return str(Decimal(int(value)).scaleb(-field.places))
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return spreadsheet_text(str(value))


def csv_bytes(fields: list[Field], rows: list[tuple]) -> bytes:
    """A table as UTF-8 CSV with a byte-order mark (spreadsheets then read accents right) and CRLF rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in fields])
    writer.writerows([cell(value, f) for value, f in zip(row, fields)] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def licences_of(spec: TableSpec) -> list[str]:
    """The keys of the licences a table takes (opendata.toml [tables]); [] when none is assigned."""
    listed = config()["tables"].get(spec.name)
    if listed is not None:
        return list(listed)
    return ["report"] if spec.is_report_table else []


def unassigned_tables(specs: list[TableSpec]) -> list[str]:
    """Tables without a licence: neither from a report nor listed in opendata.toml [tables]."""
    return [spec.name for spec in specs if not licences_of(spec)]


def licence_object(key: str) -> dict:
    """A Data Package licence object (name and/or path, title) from opendata.toml."""
    entry = config()["licences"][key]
    return {k: entry[k] for k in ("name", "path", "title") if entry.get(k)}


def table_schema(spec: TableSpec) -> dict:
    """The Table Schema of a table: every field typed and described, keys and missing values."""
    renamed = {c.name: package_field(c.name, c.sql_type).name for c in spec.columns}
    fields = []
    for column in spec.columns:
        field = package_field(column.name, column.sql_type)
        description = " ".join(part for part in (column.description, unit_sentence(column.name)) if part)
        entry = {"name": field.name, "type": field.type, "description": description}
        constraints = {}
        if column.required:
            constraints["required"] = True
        if column.codes:
            constraints["enum"] = list(column.codes)
        if constraints:
            entry["constraints"] = constraints
        fields.append(entry)
    schema = {"fields": fields, "missingValues": [MISSING]}
    if spec.primary_key:
        schema["primaryKey"] = [renamed[c] for c in spec.primary_key]
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [renamed[c] for c in key.columns],
                "reference": {"resource": key.table, "fields": list(key.target_columns)},
            }
            for key in spec.foreign_keys
        ]
    return schema


def document_sources(rows: dict[str, list[tuple]], specs: dict[str, TableSpec]) -> list[dict]:
    """Every document the data cites (the sources table, one entry per document), title and address."""
    columns = [c.name for c in specs["sources"].columns]
    seen, out = set(), []
    for row in rows["sources"]:
        source = dict(zip(columns, row))
        details = ", ".join(str(source[k]) for k in ("publisher", "published") if source.get(k) not in (None, "", "—"))
        title = f"{source['document_title']} ({details})" if details else source["document_title"]
        entry = {"title": title, **({"path": source["url"]} if source.get("url") else {})}
        key = (entry["title"], entry.get("path"))
        if key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def report_citations(rows: dict[str, list[tuple]], specs: dict[str, TableSpec]) -> list[str]:
    """'<publisher>, <title> (<published>)' for every report the database holds (the publisher once
    when the title already names it)."""
    columns = [c.name for c in specs["reports"].columns]
    reports = [dict(zip(columns, row)) for row in rows["reports"]]
    return [
        f"{'' if r['title'].startswith(r['publisher']) else r['publisher'] + ', '}{r['title']} ({r['published']})"
        for r in reports
    ]


def descriptor(specs: list[TableSpec], rows: dict[str, list[tuple]], metadata: dict[str, str]) -> dict:
    """datapackage.json (Data Package v2) for these tables and rows."""
    settings = config()
    package = settings["package"]
    by_name = {spec.name: spec for spec in specs}
    version = metadata.get("data_version", "")
    used = list(dict.fromkeys([k for spec in specs for k in licences_of(spec)] + settings["boundaries"]["licences"]))
    resources = []
    for spec in specs:
        resources.append(
            {
                "name": spec.name,
                "type": "table",
                "path": f"data/{spec.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": spec.name.replace("_", " ").capitalize(),
                "description": f"{spec.description} {len(rows[spec.name])} rows. {settings['text']['formula_guard']}",
                "licenses": [licence_object(k) for k in licences_of(spec)],
                "schema": table_schema(spec),
            }
        )
    boundaries = settings["boundaries"]
    resources.append(
        {
            "name": boundaries["name"],
            "path": "geo/" + Path(boundaries["file"]).name,
            "format": "geojson",
            "mediatype": "application/geo+json",
            "encoding": "utf-8",
            "title": boundaries["title"],
            "description": boundaries["description"],
            "licenses": [licence_object(k) for k in boundaries["licences"]],
            "sources": [{"title": boundaries["source_title"], "path": boundaries["source_path"]}],
        }
    )
    publishers = sorted({r[[c.name for c in by_name["reports"].columns].index("publisher")] for r in rows["reports"]})
    return {
        "$schema": DATA_PACKAGE_PROFILE,
        "name": package["name"],
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, package['name'] + '/' + version)}",
        "title": package["title"],
        "description": package["description"],
        "version": version,
        "created": metadata.get("built_at", ""),
        "keywords": package["keywords"],
        "contributors": [{"title": p, "roles": ["creator"]} for p in publishers]
        + [{"title": package["compiler"], "roles": ["contributor"]}],
        "sources": document_sources(rows, by_name),
        "licenses": [licence_object(k) for k in used],
        "resources": resources,
    }


def dcat(package: dict) -> dict:
    """The DCAT-AP description (JSON-LD): catalogue, dataset and distribution with their mandatory properties."""
    texts = config()["dcat"]

    def both(key: str) -> list[dict]:
        return [{"@value": texts[f"{key}_{lang}"], "@language": lang} for lang in ("fr", "en")]

    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@graph": [
            {
                "@id": "#catalogue",
                "@type": "dcat:Catalog",
                "dct:title": both("catalogue_title"),
                "dct:description": both("catalogue_description"),
                "dct:publisher": {"@id": "#publisher"},
                "dcat:dataset": {"@id": "#dataset"},
            },
            {"@id": "#publisher", "@type": "foaf:Agent", "foaf:name": texts["publisher"]},
            {
                "@id": "#dataset",
                "@type": "dcat:Dataset",
                "dct:title": both("dataset_title"),
                "dct:description": both("dataset_description"),
                "dct:identifier": package["id"],
                "dcat:version": package["version"],
                "dcat:keyword": package["keywords"],
                "dct:publisher": {"@id": "#publisher"},
                "dcat:distribution": {"@id": "#distribution"},
            },
            {
                "@id": "#distribution",
                "@type": "dcat:Distribution",
                "dct:title": package["title"],
                "dcat:accessURL": {"@id": texts["access_url"] or "datapackage.json"},
                "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/application/json"},
                "dct:conformsTo": {"@id": DATA_PACKAGE_PROFILE},
                "dct:rights": {
                    "@type": "dct:RightsStatement",
                    "dct:description": " ".join(entry["attribution"] for entry in config()["licences"].values()),
                },
            },
        ],
    }


def readme(package: dict, specs: list[TableSpec], counts: dict[str, int], citations: list[str]) -> str:
    """README.md of the package: what it holds, its licences and how to cite it."""
    settings = config()
    lines = [f"# {package['title']}", "", package["description"], ""]
    lines += [f"Data version: {package['version']}, built {package['created']}.", ""]
    lines += ["## Files", "", "| file | rows | what |", "| --- | --- | --- |"]
    lines += [f"| `data/{spec.name}.csv` | {counts[spec.name]} | {spec.description} |" for spec in specs]
    boundaries = settings["boundaries"]
    lines.append(f"| `geo/{Path(boundaries['file']).name}` | – | {boundaries['title']} |")
    lines += [
        "",
        "`datapackage.json` describes every field (type, unit, allowed codes), the keys and the links between "
        "tables (Frictionless Data Package v2, https://datapackage.org/standard/data-package/); "
        "`dcat-ap.jsonld` is the DCAT-AP description for open-data portals.",
        "",
        "Money is in euros (`*_eur`, exact to the cent), percentages in per cent (`*_pct`), carbon footprints "
        "in tCO2e. An empty cell is a missing value. " + settings["text"]["formula_guard"],
        "",
        "## Licences",
        "",
    ]
    for key, entry in settings["licences"].items():
        tables = [r["name"] for r in package["resources"] if licence_object(key) in r.get("licenses", [])]
        lines += [f"### {entry['title']}", "", entry["attribution"], ""]
        if entry.get("name") or entry["path"].startswith("http"):
            lines += [f"Licence: {entry.get('name', entry['title'])}, {entry['path']}", ""]
        if entry.get("verified"):
            lines += [f"Checked on: {entry['verified']}", ""]
        lines += [f"Applies to: {', '.join(f'`{t}`' for t in tables) or 'nothing in this version'}.", ""]
    lines += [
        "## How to cite",
        "",
        settings["citation"]["text"].format(reports="; ".join(citations), version=package["version"]),
        "",
        "A single figure: its report and section (the row's `source_id`, listed in `data/sources.csv`).",
        "",
    ]
    return "\n".join(lines)


def package_files(specs: list[TableSpec], rows: dict[str, list[tuple]]) -> dict[str, bytes]:
    """Every file of the package, by its path inside the package (the folder and the zip hold these),
    from the schema's tables and all their rows (dashboard.data.tables)."""
    metadata = {key: value for key, value in rows["metadata"]}
    package = descriptor(specs, rows, metadata)
    files = {}
    for spec in specs:
        fields = [package_field(c.name, c.sql_type) for c in spec.columns]
        files[f"data/{spec.name}.csv"] = csv_bytes(fields, rows[spec.name])
    boundaries = config()["boundaries"]
    files["geo/" + Path(boundaries["file"]).name] = (database.ROOT / boundaries["file"]).read_bytes()
    files["datapackage.json"] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files["dcat-ap.jsonld"] = (json.dumps(dcat(package), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    citations = report_citations(rows, {s.name: s for s in specs})
    files["README.md"] = readme(package, specs, {n: len(r) for n, r in rows.items()}, citations).encode("utf-8")
    return files


def zip_bytes(files: dict[str, bytes], created: str = "") -> bytes:
    """The files in one zip, in a fixed order with a fixed date (the build's), so equal data give equal bytes."""
    earliest = zipfile.ZipInfo().date_time  # the first date a zip can hold
    stamp = (int(created[:4]), int(created[5:7]), int(created[8:10]), 0, 0, 0) if len(created) >= 10 else earliest
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def package_zip(specs: list[TableSpec], rows: dict[str, list[tuple]]) -> bytes:
    """The whole package as one zip (what the Sources & methods page offers)."""
    files = package_files(specs, rows)
    return zip_bytes(files, json.loads(files["datapackage.json"])["created"])


class NotAPackageFolder(ValueError):
    """The output folder holds files but no earlier package: nothing is deleted there."""


def write_package(files: dict[str, bytes], out: Path) -> list[Path]:
    """Write the package's files under `out`, replacing an earlier package there (a table dropped
    from the schema leaves no stale CSV). A folder holding other files is refused, never emptied."""
    if out.exists() and any(out.iterdir()) and not (out / "datapackage.json").is_file():
        raise NotAPackageFolder(f"{out} holds files but no datapackage.json: choose an empty or new folder.")
    for folder in {Path(name).parts[0] for name in files if len(Path(name).parts) > 1}:
        for old in sorted((out / folder).rglob("*"), reverse=True) if (out / folder).is_dir() else []:
            old.unlink() if old.is_file() else old.rmdir()
    written = []
    for name, content in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (`make datapackage`)."""
    parser = argparse.ArgumentParser(description="Write the database as an open-data package.")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="folder to write (an earlier package there is replaced)"
    )
    parser.add_argument("--url", default=None, help="database URL (default: the app's database)")
    args = parser.parse_args(argv)
    try:
        db = database.Database(args.url)
        try:
            specs = table_specs()
            rows = read_tables(db, specs)
        finally:
            db.dispose()
        written = write_package(package_files(specs, rows), args.out)
    except (DatabaseError, NotAPackageFolder) as problem:
        print(f"No data package written: {problem}", file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
