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


class ReadOnlyError(StorageError):
    """The file is open read-only (by choice, or because another user has it open)."""


class FileLockedError(StorageError):
    """Someone else has the file open for writing; `holder` says who, where and since when.

    `can_take_over` is True only when their lock looks abandoned (no heartbeat for minutes):
    the user may then take it over after confirming. Otherwise only read-only is offered."""

    def __init__(self, message: str, holder: object, *, can_take_over: bool) -> None:
        super().__init__(message)
        self.holder = holder
        self.can_take_over = can_take_over


class EditConflictError(StorageError):
    """Someone else saved changes to the file since this window last read or saved it."""


class LockLostError(EditConflictError):
    """Another user took over the lock of a file this window had open for writing."""


class FileReplacedError(StorageError):
    """The open file was replaced, moved or deleted by another program (e.g. a sync client)."""


class UnexpectedSchemaError(NotAFinsamFileError):
    """The file holds tables, views, triggers or indexes FINSAM Desktop did not create."""


class PassphraseNeededError(NotAFinsamFileError):
    """The file does not start like an SQLite file: it is either encrypted (opening it needs
    its passphrase) or not a FINSAM file at all. The desktop app asks for the passphrase."""


class WrongPassphraseError(PassphraseNeededError):
    """A passphrase was given, but it does not open the file (or the file is not ours)."""
