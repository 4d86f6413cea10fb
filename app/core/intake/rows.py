"""An imported CSV file as rows of named cells, and reading cells with every problem kept.

`Sheet` is what the file reader hands over: the file's name as the user gave
it, the header, and each data row with the physical line it starts on (the
header is line 1). `CellReader` reads one row's cells through the parsers of
`intake_fields`, turning each `FieldError` into a `Problem` at
`FILE:LINE: column` and carrying on, so one pass finds every bad cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from app.core.errors import Problem
from app.core.intake.fields import FieldError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: the physical line it starts on and its cells by header name."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The stripped text of a cell; empty when the column is absent."""
        return self.cells.get(column, "")


@dataclass(slots=True)
class Sheet:
    """A CSV file's header and data rows."""

    file: str
    header: list[str]
    rows: list[Row] = field(default_factory=list)

    def has(self, column: str) -> bool:
        """True when the header has this column."""
        return column in self.header


def cell_reader(
    sheet: Sheet, required: Iterable[str], problems: list[Problem]
) -> CellReader | None:
    """A reader of the sheet's rows, or None when the header lacks a required column: each
    missing column is a problem, and no row is worth reading without it."""
    missing = [
        Problem(sheet.file, 1, column, "required column is missing from the header")
        for column in required
        if not sheet.has(column)
    ]
    problems.extend(missing)
    return None if missing else CellReader(sheet.file, problems)


class CellReader:
    """Reads the cells of rows, adding a `Problem` for each bad one to `problems`."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def complain(self, row: Row | int, column: str, message: str) -> None:
        """Record a problem at the row (or line number) and column."""
        line = row if isinstance(row, int) else row.line
        self.problems.append(Problem(self.file, line, column, message))

    def text(self, row: Row, column: str, *, required: bool = False, most: int = 200) -> str:
        """A text cell of at most `most` characters; empty allowed unless `required`."""
        value = row.get(column)
        if not value:
            if required:
                self.complain(row, column, "empty (a value is required)")
            return ""
        if len(value) > most:
            self.complain(row, column, f"too long ({len(value)} characters, at most {most})")
            return value[:most]
        return value

    def value(
        self, row: Row, column: str, parse: Callable[[str], T], *, required: bool = False
    ) -> T | None:
        """A parsed cell; None when empty (a problem if `required`) or bad (always a problem)."""
        text = row.get(column)
        if not text:
            if required:
                self.complain(row, column, "empty (a value is required)")
            return None
        try:
            return parse(text)
        except FieldError as exc:
            self.complain(row, column, str(exc))
            return None
