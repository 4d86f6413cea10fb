"""The small error taxonomy every layer speaks.

`Refused` is the user's input or request being turned down (exit status 1);
`EnvironmentFailure` is the world failing us (database down, disk full,
printer offline). Anything else is a bug and reaches the excepthook.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class KenpinError(Exception):
    """Base of every error Kenpin raises on purpose."""


class Refused(KenpinError):
    """The input or the request was refused; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad spot in an input file: `FILE:LINE: column: problem`."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


class InputRejected(Refused):
    """An input file had problems; every one of them is listed."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class EnvironmentFailure(KenpinError):
    """Something outside Kenpin failed: database unreachable, disk full, printer off."""


class DatabaseUnavailable(EnvironmentFailure):
    """The database cannot be reached or opened."""


class ConcurrentChange(EnvironmentFailure):
    """Another station changed the same rows; the action can be retried."""
