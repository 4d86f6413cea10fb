"""What the three imports share: the file being imported, the result, the refusal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import ConcurrentChange, InputRejected, Problem
from app.core.times import local_time
from app.db import import_batches as batches
from app.db import intake as store
from app.db.database import Database
from app.services.intake.csvfile import (
    CsvFile,
    CsvStream,
    file_name,
    file_sha256,
    parse_csv,
    read_bytes,
    stream_csv,
)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did; `str()` is the summary the command prints."""

    kind: str
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    lines: int = 0
    units: int = 0
    barcodes: int = 0
    bins_created: int = 0
    cancelled: int = 0
    already_imported_at: dt.datetime | None = None

    def __str__(self) -> str:
        if self.already_imported_at is not None:
            when = local_time(self.already_imported_at)
            return f"{self.file}: already imported on {when}; nothing added"
        if self.kind == "orders":
            text = (
                f"{_count(self.added, 'order')} ({_count(self.lines, 'line')}) added, "
                f"{self.unchanged:,} unchanged"
            )
            if self.cancelled:
                text += f" ({self.cancelled} of them cancelled)"
        elif self.kind == "expected":
            text = (
                f"{_count(self.added, 'delivery')} expected ({_count(self.lines, 'line')}, "
                f"{_count(self.units, 'unit')})"
            ).replace("deliverys", "deliveries")
        elif self.kind == "products":
            text = (
                f"{_count(self.added, 'product')} added, {self.updated:,} updated, "
                f"{self.unchanged:,} unchanged; {_count(self.barcodes, 'barcode')} added"
            )
        else:
            text = (
                f"{_count(self.lines, 'row')} received, {_count(self.units, 'unit')} added to stock"
            )
        if self.bins_created:
            text += f"; {_count(self.bins_created, 'new bin')}"
        return f"{self.file}: {text}"


def _count(number: int, thing: str) -> str:
    return f"{number:,} {thing}" if number == 1 else f"{number:,} {thing}s"


def refuse_if_any(problems: list[Problem], header: Sequence[str] = ()) -> None:
    """Refuse the file with every problem when there are any, in the order of lines and columns."""
    if problems:
        place = {column: i for i, column in enumerate(header)}
        raise InputRejected(
            sorted(problems, key=lambda p: (p.line, place.get(p.column, len(place))))
        )


@dataclass(frozen=True, slots=True)
class Upload:
    """A file about to be imported as `kind`: its name, where it is and its content hash."""

    kind: str
    name: str
    path: Path
    sha256: str

    @classmethod
    def read(cls, kind: str, path: Path | str) -> Upload:
        """The file at `path`, its content hash read in pieces."""
        return cls(kind, file_name(path), Path(path), file_sha256(path))

    def parsed(self, columns: Collection[str], multiline: Collection[str] = ()) -> CsvFile:
        """The file's sheet, read whole (see `parse_csv`)."""
        return parse_csv(self.name, read_bytes(self.path), columns, multiline)

    def streamed(self, columns: Collection[str]) -> CsvStream:
        """The file as a stream of rows (see `CsvStream`)."""
        return stream_csv(self.name, self.path, columns)

    def earlier_import(self, db: Database) -> ImportResult | None:
        """The answer when this content was imported before, else None (checked read-only)."""
        with db.read() as session:
            return self.earlier_in(session)

    def earlier_in(self, session: Session) -> ImportResult | None:
        """The answer when this content was imported before, else None.

        Checked again inside the importing transaction: another station may
        have imported the same file since the read-only check.
        """
        found = store.batch_state(session, self.kind, self.sha256)
        if found is None:
            return None
        state, imported_at = found
        if state != batches.DONE:
            raise ConcurrentChange(
                f"{self.name}: the same file is being imported by another program; nothing "
                "added, run the import again once it has finished"
            )
        return ImportResult(self.kind, self.name, already_imported_at=imported_at)

    def record(
        self, session: Session, rows: int, result: ImportResult, state: str = batches.DONE
    ) -> int:
        """Remember this file as imported (`rows` data rows, `result` its summary), or as
        being imported when `state` is `staging`; its id."""
        batch = store.NewBatch(self.kind, self.name, self.sha256, rows, str(result), state)
        return store.add_batch(session, batch)
