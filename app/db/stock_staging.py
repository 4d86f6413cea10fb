"""A stock import's checked rows, staged a chunk at a time and posted a chunk at a time.

A stock file can hold a million rows; written in one transaction it would
hold SQLite's write lock for minutes. Its checked rows are written into
`stock_import_rows` in short transactions, looked over there for what needs
the database (a balance passing the limit, a bin code another kind holds),
then posted to the ledger a chunk at a time, each posted row deleted in the
same transaction, so a process that died half-way is finished from the rows
still staged (see `app.db.import_batches`). One stock import at a time gets
past its checks, so what they found stays true while it posts: only an
import adds units to a balance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import and_, delete, func, literal, select
from sqlalchemy.orm import Session

from app.core.intake.fields import MAX_QTY
from app.core.intake.stock import Receipt, Slot
from app.db import stock
from app.db.import_batches import DONE
from app.db.models import (
    ImportBatch,
    Location,
    Lot,
    Product,
    StockBalance,
    StockImportRow,
    table,
)
from app.db.sql import among, core, insert_rows, on_postgresql

#: Staged rows posted to the ledger in one transaction (a few hundred milliseconds).
POSTED_PER_CHUNK = 5_000
#: The advisory lock key a stock import takes while it makes sure it is the only one.
_STOCK_IMPORT_LOCK = 0x4B504E5354  # "KPNST"

_ROWS = table(StockImportRow)


def another_import_running(session: Session, kind: str = "stock") -> bool:
    """Whether another import of `kind` is unfinished; on PostgreSQL the answer holds until
    the transaction ends (an advisory lock), as SQLite's write lock holds it there."""
    if on_postgresql(session):
        session.execute(select(func.pg_advisory_xact_lock(_STOCK_IMPORT_LOCK)))
    query = select(ImportBatch.id).where(ImportBatch.kind == kind, ImportBatch.state != DONE)
    return session.scalar(query.limit(1)) is not None


def stage_rows(
    session: Session, batch_id: int, receipts: Sequence[Receipt], product: dict[str, int]
) -> int:
    """Stage checked rows of the batch; how many."""
    insert_rows(
        session,
        _ROWS,
        [
            {
                "batch_id": batch_id,
                "line": r.line,
                "product_id": product[r.sku],
                "location": r.location,
                "lot_code": r.lot,
                "expiry": r.expiry,
                "qty": r.qty,
            }
            for r in receipts
        ],
    )
    return len(receipts)


def over_the_limit(session: Session, batch_id: int) -> tuple[list[Receipt], dict[Slot, int]]:
    """The staged rows of every balance the batch would take past MAX_QTY, in file order,
    and what those balances hold now (for `check_totals` to name the row that passes)."""
    rows = _ROWS.c
    sums = (
        select(
            rows.product_id,
            rows.location,
            rows.lot_code,
            rows.expiry,
            func.sum(rows.qty).label("qty"),
        )
        .where(rows.batch_id == batch_id)
        .group_by(rows.product_id, rows.location, rows.lot_code, rows.expiry)
        .subquery()
    )
    held = func.coalesce(StockBalance.on_hand, literal(0))
    over = (
        select(sums.c.product_id, sums.c.location, sums.c.lot_code, sums.c.expiry, held)
        .select_from(sums)
        .outerjoin(Location, Location.code == sums.c.location)
        .outerjoin(
            Lot,
            and_(
                Lot.product_id == sums.c.product_id,
                Lot.lot_code == sums.c.lot_code,
                Lot.expiry.is_not_distinct_from(sums.c.expiry),
            ),
        )
        .outerjoin(
            StockBalance,
            and_(
                StockBalance.product_id == sums.c.product_id,
                StockBalance.location_id == Location.id,
                StockBalance.lot_id == Lot.id,
            ),
        )
        .where(sums.c.qty + held > MAX_QTY)
    )
    found = list(session.execute(over))
    if not found:
        return [], {}
    product_ids = {product_id for product_id, *_rest in found}
    named = select(Product.id, Product.sku).where(Product.id.in_(product_ids))
    skus = {product_id: sku for product_id, sku in session.execute(named)}
    stored = {
        (skus[product_id], location, lot, expiry): int(units)
        for product_id, location, lot, expiry, units in found
    }
    staged = select(
        rows.line, rows.product_id, rows.location, rows.qty, rows.lot_code, rows.expiry
    ).where(rows.batch_id == batch_id, rows.product_id.in_(product_ids))
    receipts = [
        Receipt(line, skus[product_id], location, qty, lot, expiry)
        for line, product_id, location, qty, lot, expiry in session.execute(
            staged.order_by(rows.id)
        )
        if (skus[product_id], location, lot, expiry) in stored
    ]
    return receipts, stored


def staged_bins(session: Session, batch_id: int) -> dict[str, int]:
    """Each bin code the batch's rows name -> the first line naming it."""
    rows = _ROWS.c
    query = (
        select(rows.location, func.min(rows.line))
        .where(rows.batch_id == batch_id)
        .group_by(rows.location)
    )
    return {str(code): int(line) for code, line in session.execute(query)}


def post_chunk(session: Session, batch_id: int) -> int:
    """Post up to a chunk of the batch's staged rows to the ledger (lots and balances made
    as needed; the bins exist already) and delete them; how many."""
    rows = _ROWS.c
    chunk = list(
        core(session).execute(
            select(rows.id, rows.product_id, rows.location, rows.lot_code, rows.expiry, rows.qty)
            .where(rows.batch_id == batch_id)
            .order_by(rows.id)
            .limit(POSTED_PER_CHUNK)
        )
    )
    if not chunk:
        return 0
    reference = session.scalar(select(ImportBatch.file_name).where(ImportBatch.id == batch_id))
    bins, _new = stock.location_ids(session, {location for _i, _p, location, *_ in chunk})
    lots = stock.lot_ids(session, {(p, lot, expiry) for _i, p, _b, lot, expiry, _q in chunk})
    slots = [(p, bins[b], lots[(p, lot, expiry)]) for _i, p, b, lot, expiry, _q in chunk]
    balances = stock.balance_ids(session, set(slots))
    stock.post(
        session,
        [
            stock.Move(
                balances[slot], on_hand_delta=int(qty), reason="import", reference=reference or ""
            )
            for slot, (*_row, qty) in zip(slots, chunk, strict=True)
        ],
    )
    _delete(session, [row_id for row_id, *_rest in chunk])
    return len(chunk)


def clear_chunk(session: Session, batch_id: int) -> int:
    """Delete up to a chunk of the batch's staged rows; how many."""
    ids = session.scalars(
        select(_ROWS.c.id).where(_ROWS.c.batch_id == batch_id).limit(POSTED_PER_CHUNK)
    ).all()
    _delete(session, list(ids))
    return len(ids)


def _delete(session: Session, ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids:
        core(session).execute(delete(_ROWS).where(among(session, _ROWS.c.id, ids)))
