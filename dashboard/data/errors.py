"""Exceptions whose message is one sentence for a person: the problem and the fix."""


class SeedError(Exception):
    """A seed file is missing, malformed or inconsistent; the database was left untouched."""


class ReconciliationError(SeedError):
    """A printed total or subtotal does not match its rows and is not a recorded discrepancy."""


class DatabaseError(Exception):
    """The database cannot be used by the app (missing, corrupt, old schema, unreachable)."""
