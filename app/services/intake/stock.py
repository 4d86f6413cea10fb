"""Importing a stock file: each row a receipt of units into a bin, posted to the ledger.

A stock file can hold millions of rows, so it is never held in memory: it is
read as a stream, once for the SKUs it names (their tracking is looked up in
one read), then once more to check every row; checked rows wait in a
temporary file. Only when every row is good is anything written, and then
in short transactions, so a station's scan never waits long behind them
(see `staging`): the rows are staged a chunk at a time (`stock_import_rows`),
then looked over for what needs the database (a balance the file would take
past 9,999,999 units, read only; a bin code a scan would read as another
kind, under the lock every code-adding transaction takes, where the file's
new bins are made), then posted to the ledger a chunk at a time. A problem
found on the staged rows refuses the file at its row and deletes them.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from app.core.audit import Action
from app.core.errors import ConcurrentChange
from app.core.intake.rows import CellReader, Sheet
from app.core.intake.stock import (
    COLUMNS,
    Receipt,
    Tracking,
    check_bins,
    check_totals,
    receipts_of,
)
from app.db import audit, stock
from app.db import import_batches as batches
from app.db import intake as store
from app.db import stock_staging as staged
from app.db.codes import code_owners
from app.db.database import Database
from app.services.intake import staging
from app.services.intake.common import ImportResult, Upload, refuse_if_any

#: Checked rows kept on disk, and staged, per chunk (one short transaction each).
CHUNK_ROWS = 10_000


class Receipts:
    """The checked rows of a stock file, kept on disk a chunk at a time."""

    def __init__(self, disk: BinaryIO) -> None:
        """`disk` is an empty temporary file the rows are kept in."""
        self.rows = 0
        self.units = 0
        self._disk = disk
        #: Plain tuples: a dataclass with slots pickles several times slower.
        self._pending: list[tuple[Any, ...]] = []

    def add(self, receipt: Receipt) -> None:
        """Keep one checked row."""
        r = receipt
        self._pending.append((r.line, r.sku, r.location, r.qty, r.lot, r.expiry))
        self.rows += 1
        self.units += receipt.qty
        if len(self._pending) >= CHUNK_ROWS:
            self._flush()

    def chunks(self) -> Iterator[list[Receipt]]:
        """The rows kept, in file order, a chunk at a time."""
        self._flush()
        self._disk.seek(0)
        while True:
            try:
                kept = pickle.load(self._disk)  # our own temporary file
            except EOFError:
                return
            yield [Receipt(*fields) for fields in kept]

    def _flush(self) -> None:
        if self._pending:
            pickle.dump(self._pending, self._disk, protocol=pickle.HIGHEST_PROTOCOL)
            self._pending = []


def import_stock(db: Database, path: Path | str) -> ImportResult:
    """Import a stock file: each row is a receipt of units into a bin, posted to the ledger.

    Stock adds up, so the same file imported twice would double it: a file
    already imported is recognised by its content and adds nothing.
    """
    upload = Upload.read("stock", path)
    staging.recover_lapsed(db)  # an import a dead process left half-written
    earlier = upload.earlier_import(db)
    if earlier is not None:
        return earlier
    stream = upload.streamed(COLUMNS)
    skus = {row.get("sku") for row in stream.rows([])}
    with db.read() as session:
        known = store.product_tracking(session, skus)
    tracking = {sku: Tracking(lot, expiry) for sku, (_id, lot, expiry) in known.items()}
    problems = list(stream.problems)
    sheet = Sheet(upload.name, stream.header)
    with tempfile.TemporaryFile() as disk:
        receipts = Receipts(disk)
        for receipt in receipts_of(sheet, stream.rows(problems), tracking, problems):
            receipts.add(receipt)
        refuse_if_any(problems, stream.header)
        result = ImportResult(
            "stock", upload.name, added=receipts.rows, lines=receipts.rows, units=receipts.units
        )
        with db.write() as session:
            earlier = upload.earlier_in(session)
            if earlier is not None:
                return earlier
            if store.product_tracking(session, skus) != known:
                raise ConcurrentChange(
                    f"{upload.name}: products of this file were changed by someone else while "
                    "it was checked; nothing was imported, run the import again"
                )
            if staged.another_import_running(session):
                raise ConcurrentChange(
                    f"{upload.name}: another stock file is being imported; nothing was "
                    "imported, run the import again once it has finished"
                )
            batch = upload.record(session, receipts.rows, result, batches.STAGING)
        product = {sku: pid for sku, (pid, _lot, _expiry) in known.items()}
        checks = _Checks(db, batch, CellReader(upload.name, problems), stream.header)
        staging.stage(
            db,
            batch,
            (partial(_stage, batch, chunk, product) for chunk in receipts.chunks()),
            check=checks.totals,
            seal=checks.bins,
        )
    staging.publish(db, batch, partial(_audited, result))
    return replace(result, bins_created=checks.bins_created)


def _audited(result: ImportResult, session: Session) -> None:
    """The stock a file added, in the audit trail: stock changes are audited events."""
    audit.record(
        session,
        Action.STOCK_IMPORT,
        station="cli: import stock",
        detail=f"{result.file}: {result.lines} rows, {result.units} units",
    )


def _stage(batch: int, chunk: list[Receipt], product: dict[str, int], session: Session) -> int:
    return staged.stage_rows(session, batch, chunk, product)


@dataclass
class _Checks:
    """What is checked on the staged rows of a stock file, against what is stored."""

    db: Database
    batch: int
    cells: CellReader
    header: list[str]
    bins_created: int = 0

    def totals(self) -> None:
        """Refuse the file at the row where a balance would pass MAX_QTY (read only)."""
        with self.db.read() as session:
            receipts, stored = staged.over_the_limit(session, self.batch)
        check_totals(receipts, stored, self.cells)
        refuse_if_any(self.cells.problems, self.header)

    def bins(self, session: Session) -> int:
        """Under the write lock every transaction adding codes takes: refuse a bin code a
        scan would read as another kind, else make the file's new bins."""
        first_lines = staged.staged_bins(session, self.batch)
        check_bins(first_lines, code_owners(session, set(first_lines)), self.cells)
        refuse_if_any(self.cells.problems, self.header)
        _bins, self.bins_created = stock.location_ids(session, set(first_lines))
        if self.bins_created:
            store.renumber_walk(session)
        return self.bins_created
