"""The hostile corpus (tests/hostile.py, over 300 values) against every parameter of every page.

Two layers, so that the whole corpus × every parameter is checked and `make test` stays short:

1. pure: every value × every parameter of every page through the URL parser and the notice
   builder, in French and English (thousands of cases, a second);
2. AppTest: every page runs with hostile values in *all* its parameters at once, plus `lang`, three
   unknown parameters whose names and values are hostile and a repeated parameter; the values
   rotate so that every corpus value is sent to every page once (about 250 page runs). Each run is
   checked for: no exception element, no error box, a notice of at most 200 characters that is
   fixed text around plain inline code, no sent value and no outside address in any text on the
   page (the Chromium pass, tests/test_hostile_browser.py, checks the DOM). Every failing case is
   reported with its page, parameter and value.
"""

from __future__ import annotations

import math

import pytest
from conftest import run_app
from hostile import CORPUS, URL_IN_TEXT, case_id, is_notice, notice_problems, page_texts

from dashboard import carbon, scenarios, slides
from dashboard.components.carbon_shoots import shoot_params as carbon_shoot_params
from dashboard.components.i18n import translate
from dashboard.components.investment_cards import PARAM_SPEC as INVESTMENT_SPEC
from dashboard.components.permalink import Param, parse_params
from dashboard.places import KINDS, SEARCH_MAX_CHARS
from dashboard.safety import dropped_item, dropped_notice

# Each page's parameters (the pages declare them; the AppTest layer runs the real pages).
PAGE_SPECS: dict[str, list[Param]] = {
    "overview": [],
    "investment": INVESTMENT_SPEC,
    "scenarios": [Param("share", number_range=scenarios.SHARE_RANGE, integer=True, default=50)],
    # The calculators are the shipped seeds' (seeds/shared/carbon_tools.csv).
    "carbon": [
        Param("reduction", number_range=carbon.REDUCTION_RANGE, integer=True, default=30),
        *carbon_shoot_params(("albert", "carbonclap", "thegreenshot")),
    ],
    "map": [
        Param("kinds", KINDS, multi=True, default=list(KINDS)),
        Param("q", None, default="", max_length=SEARCH_MAX_CHARS),
        Param("closed", ("1",)),
    ],
    "sources": [Param("tab", ("discrepancies", "datasets", "documents", "definitions", "methods"))],
    "presentation": [
        Param("slide", tuple(str(n) for n in range(1, slides.slide_count() + 1)), default="1"),
        Param("auto", number_range=slides.SECONDS_RANGE, integer=True),
    ],
}
UNKNOWN_PAIRS = {"overview": 5}  # more unknown parameters on the pages with few of their own
DEFAULT_PAIRS = 3


def notice_for(dropped, lang):
    template, more = translate("common.dropped_params", lang), translate("common.dropped_more", lang)
    return dropped_notice(template, more, [dropped_item(name, value) for name, value in dropped])


@pytest.mark.parametrize("page", list(PAGE_SPECS))
def test_pure_every_value_in_every_parameter(page):
    failures = []
    spec = PAGE_SPECS[page]
    for value in CORPUS:
        for param in [*spec, Param("unknown")]:
            raw = {param.name: value, value: value} if param.name == "unknown" else {param.name: value}
            parsed = parse_params(raw, spec if param.name != "unknown" else [])
            kept = parsed.values.get(param.name)
            if param.is_number and kept is not None and kept != param.default:
                low, high = param.number_range or (0, math.inf)
                if not (isinstance(kept, int) and low <= kept <= high):
                    failures.append(f"{page}: {param.name}={case_id(value)} kept {kept!r}")
            if param.choices and kept not in (None, param.default):
                chosen = kept if param.multi else [kept]
                if not set(chosen) <= set(param.choices):
                    failures.append(f"{page}: {param.name}={case_id(value)} kept {kept!r}")
            for lang in ("fr", "en"):
                dropped = [("lang", value), *parsed.dropped]
                failures += [
                    f"{page}: {param.name}={case_id(value)} ({lang}): {p}"
                    for p in notice_problems(notice_for(dropped, lang), lang)
                ]
    assert not failures, f"{len(failures)} failing cases:\n" + "\n".join(failures[:50])


# --- AppTest: the real pages ---------------------------------------------------------------------


def plan(page: str) -> list[list[tuple[str, str, str]]]:
    """The runs of one page: each a list of (slot, parameter name, value); every corpus value once."""
    names = [p.name for p in PAGE_SPECS[page]]
    pairs = UNKNOWN_PAIRS.get(page, DEFAULT_PAIRS)
    slots = [
        *names,
        "lang",
        "year",  # the report shown (every page): only a report year in the database is kept
        *[f"unknown-name-{n}" for n in range(pairs)],
        *[f"unknown-value-{n}" for n in range(pairs)],
    ]
    slots.append("repeated")
    runs, position = [], 0
    while position < len(CORPUS):
        run = []
        for slot in slots:
            run.append((slot, CORPUS[position % len(CORPUS)]))
            position += 1
        runs.append(run)
    return [[(slot, slot, value) for slot, value in run] for run in runs]


def query_of(page: str, run, lang: str) -> tuple[dict, list[tuple[str, str]]]:
    """The query parameters of one run and the (parameter, value) cases it carries.

    In English runs `lang` is repeated: `?lang=<hostile>&lang=en` (the last one counts).
    """
    values = {slot: value for slot, _, value in run}
    params: dict[str, object] = {}
    cases = []
    for slot, _, value in run:
        if slot.startswith("unknown-value-"):
            continue
        if slot.startswith("unknown-name-"):
            index = slot.rsplit("-", 1)[1]
            name = value if value not in params else value + f"#{index}"
            params[name] = values[f"unknown-value-{index}"]
            cases += [(f"<unknown name>{index}", name), (f"<unknown value>{index}", params[name])]
        elif slot == "repeated":
            first = PAGE_SPECS[page][0].name if PAGE_SPECS[page] else "lang"
            params[first] = [str(params.get(first, "x")), value]  # ?first=…&first=value: the last one counts
            cases.append((f"{first} (repeated)", value))
        else:
            params[slot] = value
            cases.append((slot, value))
    if lang == "en":
        params["lang"] = [str(params.get("lang", "")), "en"]
    return params, cases


_BASELINE: dict[tuple[str, str], list[str]] = {}


def baseline(page: str, lang: str) -> list[str]:
    if (page, lang) not in _BASELINE:
        _BASELINE[(page, lang)] = page_texts(run_app(f"dashboard/pages/{page}.py", lang=lang))
    return _BASELINE[(page, lang)]


def drew_content(page: str, at) -> bool:
    """The page drew its own content, not only the notice (the presentation has no st.title)."""
    if page == "presentation":
        return bool(at.get("button")) and any(b.key == "slide_next" for b in at.button)
    return bool(at.title)


def run_problems(page: str, at, cases, lang: str) -> list[str]:
    """What went wrong in one hostile run (a list of sentences)."""
    problems = []
    if at.exception:
        problems.append(f"exception element: {[str(e.value)[:100] for e in at.exception]}")
    if at.error:
        problems.append(f"error box: {[str(e.value)[:100] for e in at.error]}")
    if not drew_content(page, at):
        problems.append("the page drew none of its content")
    texts = page_texts(at)
    notices = [text for text in texts if is_notice(text, lang)]
    if not notices:
        problems.append(f"no notice ({lang}) for the dropped parameters")
    for notice in notices:
        problems += notice_problems(notice, lang)
    others = [text for text in texts if not is_notice(text, lang)]
    known = baseline(page, lang)
    known_joined = "\n".join(known)
    for text in others:
        for address in set(URL_IN_TEXT.findall(text)) - set(URL_IN_TEXT.findall(known_joined)):
            problems.append(f"outside address {address!r} in {text[:80]!r}")
    for name, value in cases:
        probe = str(value).strip()
        if len(probe) >= 4 and probe not in known_joined and any(probe in text for text in others):
            problems.append(f"{name}={case_id(value)} echoed in the page's text")
    return problems


@pytest.mark.parametrize("page", list(PAGE_SPECS))
def test_apptest_every_value_on_every_page(app_env, page):
    failures = []
    runs = plan(page)
    sent = 0
    for number, run in enumerate(runs):
        lang = "en" if number % 2 else "fr"
        params, cases = query_of(page, run, lang)
        sent += len(cases)
        try:
            at = run_app(f"dashboard/pages/{page}.py", params=params)
        except Exception as problem:  # the run itself failed: every case of it is reported
            problems = [f"AppTest failed: {type(problem).__name__}: {str(problem)[:100]}"]
        else:
            problems = run_problems(page, at, cases, lang)
        if problems:
            listed = ", ".join(f"{name}={case_id(value)}" for name, value in cases)
            failures.append(f"{page} run {number} ({lang}) [{listed}]: " + "; ".join(problems))
    assert sent >= len(CORPUS), (page, sent)
    assert not failures, f"{len(failures)} of {len(runs)} runs failed:\n" + "\n".join(failures[:20])
