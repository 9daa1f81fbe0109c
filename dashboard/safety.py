"""Text from outside (URL parameters, searches) made harmless before it is shown or exported (pure).

Two rules, both applied by the callers to every piece of user-supplied text:

- On screen, a name or value from the address is echoed only when it is short plain ASCII
  (letters, digits, `_ . , + -`, inner spaces), always inside an inline code span, so that no
  markdown, HTML, LaTeX, link, image, emoji shortcode or colour directive can be drawn from it;
  anything else is shown as "…". The "parameters ignored" notice is at most NOTICE_LIMIT
  characters whatever the input: what does not fit is counted ("+ 3 more"), never echoed.
- In CSV and XLSX exports, every text cell that starts with `=`, `+`, `-`, `@`, a tab or a
  carriage return gets an apostrophe in front (the OWASP rule against formula injection), and
  the control characters that XLSX cannot hold are replaced.
"""

from __future__ import annotations

import re

NOTICE_LIMIT = 200
ECHO_LIMIT = 24
HIDDEN = "…"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Short plain ASCII words separated by single spaces: nothing that markdown, HTML or LaTeX reads.
_PLAIN = re.compile(r"[0-9A-Za-z_.,+\-]+(?: [0-9A-Za-z_.,+\-]+)*")
# Characters an XLSX cell cannot contain (XML 1.0): C0 controls except tab, newline, carriage return.
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
REPLACEMENT = "\ufffd"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~$])")


def echo(text) -> str:
    """A name or value from the address as it may be shown: plain short ASCII as is, else "…"."""
    text = "" if text is None else str(text)
    if not _PLAIN.fullmatch(text):
        return HIDDEN
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + HIDDEN


def inline_code(text: str) -> str:
    """Markdown inline code showing `text` literally (the fence is longer than any backtick run inside)."""
    text = str(text).replace("\r", " ").replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def escape_markdown(text) -> str:
    """Text from the data, made safe to place inside Streamlit markdown (no formatting, no LaTeX)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def dropped_item(name: str, value: str | None) -> str:
    """How one dropped parameter is named in the notice: `name` (unknown) or `name=value` (invalid value)."""
    return echo(name) if value is None else f"{echo(name)}={echo(value)}"


def dropped_notice(template: str, more: str, items: list[str], limit: int = NOTICE_LIMIT) -> str:
    """The notice for dropped parameters, at most `limit` characters.

    `template` holds `{params}` and `more` holds `{count}` (the dropped items not listed); items
    are already echoed (dropped_item) and are shown as inline code, as many as fit.
    """
    codes = [inline_code(item) for item in items]
    for shown in range(len(codes), -1, -1):
        rest = len(codes) - shown
        listed = ", ".join(codes[:shown])
        if rest:
            listed = (listed + " " if listed else "") + more.format(count=rest)
        text = template.format(params=listed)
        if len(text) <= limit:
            return text
    raise ValueError("the notice template alone is longer than the limit")


def neutralise_cell(value):
    """A cell value that a spreadsheet will not run as a formula (OWASP: apostrophe before = + - @ tab CR)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_text(value):
    """A neutralised cell value without the control characters that XLSX cannot hold (nor CSV readers expect)."""
    value = neutralise_cell(value)
    if isinstance(value, str):
        return _XLSX_ILLEGAL.sub(REPLACEMENT, value)
    return value
