"""Errors the core raises; their messages are written for the user (translated)."""

from __future__ import annotations


class FinsamError(Exception):
    """Base class: `str(error)` is a complete sentence a user can act on."""


class ValidationError(FinsamError):
    """Input or a change breaks a rule; `problems` lists every broken rule."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class NotFoundError(FinsamError):
    """A record the user referred to does not exist (any more)."""


class IncompleteBoardError(ValidationError):
    """The change leaves a complete current or future board incomplete (needs confirming)."""


class StorageError(FinsamError):
    """A database file cannot be used as it is."""


class FileMissingError(StorageError):
    """The file does not exist."""


class NotAFinsamFileError(StorageError):
    """The file is not a FINSAM database (another program's file, or no database at all)."""


class NewerFileError(StorageError):
    """The file was written by a newer FINSAM Desktop and must not be changed by this one."""


class DamagedFileError(StorageError):
    """SQLite reports damage (integrity check failed)."""


class ExchangeFormatError(FinsamError):
    """A JSON exchange file is malformed or does not match the documented format."""
