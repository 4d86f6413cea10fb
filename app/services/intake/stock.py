"""Importing a stock file: each row a receipt of units into a bin, posted to the ledger.

A stock file can hold millions of rows, so it is never held in memory: it is
read as a stream, once for the SKUs it names (their tracking is looked up in
one read), then once more to check every row; checked rows wait in a
temporary file. Only when every row is good does the import
take the write lock, and then it writes a chunk of rows at a time (their
bins, lots and balances found or made, then their ledger rows), all in one
transaction. Two checks need what is stored under that lock, so they are
made there, a chunk at a time, before the chunk is written: a bin code a
scan would read as another kind, and a balance that would pass 9,999,999
units (each row added in turn to what the balance holds, stored and from
the file's earlier chunks). A problem there refuses the file at its row and
rolls the transaction back.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

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
from app.db import intake as store
from app.db import stock
from app.db.codes import code_owners
from app.db.database import Database
from app.services.intake import staging
from app.services.intake.common import ImportResult, Upload, refuse_if_any

#: Ledger rows written per statement.
CHUNK_ROWS = 50_000


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
    staging.recover_lapsed(db)  # an orders import a dead process left half-written
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
        cells = CellReader(upload.name, problems)
        with db.write() as session:
            earlier = upload.earlier_in(session)
            if earlier is not None:
                return earlier
            if store.product_tracking(session, skus) != known:
                raise ConcurrentChange(
                    f"{upload.name}: products of this file were changed by someone else while "
                    "it was checked; nothing was imported, run the import again"
                )
            product = {sku: pid for sku, (pid, _lot, _expiry) in known.items()}
            created = _post(session, receipts, product, cells)
            refuse_if_any(problems, stream.header)
            result = ImportResult(
                "stock",
                upload.name,
                added=receipts.rows,
                lines=receipts.rows,
                units=receipts.units,
                bins_created=created,
            )
            upload.record(session, receipts.rows, result)
    return result


def _post(session: Session, receipts: Receipts, product: dict[str, int], cells: CellReader) -> int:
    """Post every receipt to the ledger (bins, lots and balances made as needed), a chunk at
    a time; how many bins were new. A chunk whose rows would take a balance past the limit
    is not written: its problems go to `cells`, and nothing more is posted."""
    created = 0
    for chunk in receipts.chunks():
        # Under the write lock: codes of every kind are added one transaction at a time.
        before = len(cells.problems)
        check_bins(chunk, code_owners(session, {r.location for r in chunk}), cells)
        if len(cells.problems) > before:
            return created
        bins, new_bins = stock.location_ids(session, {r.location for r in chunk})
        created += new_bins
        lots = stock.lot_ids(session, {(product[r.sku], r.lot, r.expiry) for r in chunk})
        slots = [
            (product[r.sku], bins[r.location], lots[(product[r.sku], r.lot, r.expiry)])
            for r in chunk
        ]
        balances = stock.balance_ids(session, set(slots))
        on_hand = stock.on_hand(session, set(balances.values()))
        stored = {
            (r.sku, r.location, r.lot, r.expiry): on_hand[balances[slot]]
            for slot, r in zip(slots, chunk, strict=True)
        }
        check_totals(chunk, stored, cells)
        if len(cells.problems) > before:
            return created
        stock.post(
            session,
            [
                stock.Move(
                    balances[slot], on_hand_delta=r.qty, reason="import", reference=cells.file
                )
                for slot, r in zip(slots, chunk, strict=True)
            ],
        )
    if created:
        store.renumber_walk(session)
    return created
