"""One error family for the whole library; the CLI turns it into exit codes.

The library never prints or exits. Every message names the file (and line,
element or comment id where known) and says what was expected, so the CLI can
show it as a single line without a traceback.
"""

from __future__ import annotations


class DebateError(Exception):
    """Base of every error `debate` raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, where: str | None = None):
        self.message = message
        self.path = path
        self.where = where
        super().__init__(message)

    def __str__(self) -> str:
        return self.one_line()

    def one_line(self) -> str:
        """`path:where: message`, flattened to one line."""
        prefix = ""
        if self.path:
            prefix = f"{self.path}:"
            if self.where:
                prefix += f"{self.where}:"
            prefix += " "
        elif self.where:
            prefix = f"{self.where}: "
        return (prefix + self.message).replace("\n", " ").strip()


class InputError(DebateError):
    """The input is malformed or not of the expected format (exit 1)."""


class FormatError(InputError):
    """The format could not be detected, or a forced format does not fit the file."""


class TreeError(InputError):
    """The reply structure is broken beyond repair (duplicate ids and the like)."""


class ModelError(DebateError):
    """A model file cannot be loaded safely or does not fit the task."""


class UsageError(DebateError):
    """The options contradict each other (exit 2, like a Typer usage error)."""

    exit_code = 2
