"""Exceptions whose message is one sentence for a person: the problem and the fix.

A SeedError may also carry where it happened (`origin`: the seed file and its line, `column`: the CSV
header) and what it is (`kind`, `params`), so that a tool such as the intake can say it again in the
reader's language at the spreadsheet cell it came from. `collecting()` makes the build's checks
append every problem to a list instead of stopping at the first (`make db` still stops at the first).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path


class SeedError(Exception):
    """A seed file is missing, malformed or inconsistent; the database was left untouched."""

    def __init__(
        self,
        message: str = "",
        *,
        kind: str | None = None,
        origin: tuple[Path, int] | None = None,
        column: str | None = None,
        params: dict | None = None,
    ):
        super().__init__(message)
        self.kind = kind
        self.origin = origin
        self.column = column
        self.params = params or {}


class ReconciliationError(SeedError):
    """A printed total or subtotal does not match its rows and is not a recorded discrepancy."""


_COLLECTED: ContextVar[list[SeedError] | None] = ContextVar("collected_seed_problems", default=None)


def fail(error: SeedError) -> None:
    """Raise the error, or append it to the list of the enclosing `collecting()` and go on."""
    problems = _COLLECTED.get()
    if problems is None:
        raise error
    problems.append(error)


def is_collecting() -> bool:
    """Whether problems are being collected rather than raised."""
    return _COLLECTED.get() is not None


@contextmanager
def collecting() -> Iterator[list[SeedError]]:
    """Within this block the seed checks collect every problem into the yielded list."""
    problems: list[SeedError] = []
    token = _COLLECTED.set(problems)
    try:
        yield problems
    finally:
        _COLLECTED.reset(token)


# Why the app cannot use its database; each reason has a generic sentence for viewers
# (dashboard/locales/errors.toml, `database_<reason>`), while the message keeps the details
# (path, URL without password, driver message) for the server log and the maintainers.
DATABASE_REASONS = (
    "missing",
    "empty",
    "corrupt",
    "no_metadata",
    "old_schema",
    "missing_table",
    "unreachable",
    "bad_url",
    "secrets",
    "read_only",
    "timeout",
    "failed",
)


class DatabaseError(Exception):
    """The database cannot be used by the app (missing, corrupt, old schema, unreachable, bad URL)."""

    def __init__(self, message: str, reason: str = "failed"):
        if reason not in DATABASE_REASONS:
            raise ValueError(f"unknown database problem {reason!r}")
        super().__init__(message)
        self.reason = reason
