"""Ragbot's own exceptions. Each message is one line that says what was expected and what to do.

Library code raises these; only the edges (cli.py, app.py) turn them into printed messages.
"""


class RagbotError(Exception):
    """Base class: a problem the user can fix, described in one line."""


class SkipFile(RagbotError):
    """A file that cannot be ingested; the message is the reason shown in the summary."""


class NothingToIngest(RagbotError):
    """Not a single speech could be read from the given paths; `reports` says why for each file."""

    def __init__(self, message: str, reports: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.reports = reports


class ConfigError(RagbotError):
    """A setting has a value ragbot cannot use."""


class IndexInvalid(RagbotError):
    """The index on disk cannot be used as it is (corrupt, old format, other model); says what to run."""


class IndexMissing(IndexInvalid):
    """There is no index where one was expected."""


class IndexWriteError(RagbotError):
    """Writing a new index failed (disk full, permissions); the previous index is left as it was."""


class QueryError(RagbotError):
    """A query that cannot be searched (empty, only punctuation)."""
