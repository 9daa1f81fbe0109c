"""Exceptions whose message is one sentence for a person: the problem and the fix."""


class SeedError(Exception):
    """A seed file is missing, malformed or inconsistent; the database was left untouched."""


class ReconciliationError(SeedError):
    """A printed total or subtotal does not match its rows and is not a recorded discrepancy."""


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
