"""Queries and bulk writes of the imports: batches, products, barcodes, bins, lots, balances.

Every lookup takes the whole set of keys a file mentions and answers with a
map in a few chunked `IN` queries; every write is one Core executemany. An
import of a large file therefore makes a handful of round trips, never one
per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from typing import Any, TypeVarTuple, cast

from sqlalchemy import ColumnElement, Row, Select, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import ConcurrentChange
from app.core.intake_products import StoredBarcode, StoredProduct
from app.core.intake_walk import walk_key
from app.db.models import (
    Barcode,
    ImportBatch,
    Location,
    Lot,
    Product,
    StockBalance,
    table,
    utcnow,
)

CHUNK = 2000
Ts = TypeVarTuple("Ts")


def chunks(keys: Collection[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """The keys in lists of at most `size`, to keep `IN (...)` within every driver's limits."""
    items = list(keys)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def among(session: Session, column: Any, keys: list[Any]) -> ColumnElement[bool]:
    """`column IN keys`; on PostgreSQL as `IN (SELECT unnest($1))`, one array parameter.

    psycopg prepares a statement it runs often, and PostgreSQL may keep the
    plan it made while the table was still empty. For `IN ($1, ..., $2000)`
    or `= ANY($1)` that plan is a scan comparing every row with every key, a
    couple of seconds per query once the table holds 40,000 orders; a join
    with the unnested keys stays fast whatever plan is kept.
    """
    if session.get_bind().dialect.name == "postgresql":
        array = bindparam(None, keys, type_=postgresql.ARRAY(column.type))
        return cast("ColumnElement[bool]", column.in_(select(func.unnest(array))))
    return cast("ColumnElement[bool]", column.in_(keys))


def _rows_in(
    session: Session, query: Select[*Ts], column: Any, keys: Collection[Any]
) -> list[Row[*Ts]]:
    found: list[Row[*Ts]] = []
    for part in chunks(keys):
        found.extend(session.execute(query.where(among(session, column, part))).all())
    return found


def insert_rows(session: Session, target: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows with one executemany; a clash with rows another station just wrote is
    refused as ConcurrentChange (SQLite serialises writers, PostgreSQL may not)."""
    if not rows:
        return
    try:
        session.execute(insert(target), rows)
    except IntegrityError as exc:
        raise ConcurrentChange(
            "another station changed the same records at the same time; nothing was imported, "
            "run the import again"
        ) from exc


def batch_imported_at(session: Session, kind: str, sha256: str) -> dt.datetime | None:
    """When a file with this content was imported as `kind`, or None."""
    return session.scalar(
        select(ImportBatch.imported_at).where(
            ImportBatch.kind == kind, ImportBatch.sha256 == sha256
        )
    )


def add_batch(
    session: Session, kind: str, file_name: str, sha256: str, rows: int, summary: str
) -> int:
    """Record an imported file; refused when another import of the same file got in first."""
    batches = table(ImportBatch)
    try:
        new_id = session.execute(
            insert(batches).returning(batches.c.id),
            {
                "kind": kind,
                "file_name": file_name[:400],
                "sha256": sha256,
                "rows": rows,
                "summary": summary,
                "imported_at": utcnow(),
            },
        ).scalar_one()
    except IntegrityError as exc:
        raise ConcurrentChange(
            f"{file_name}: another import of the same file finished first; nothing added"
        ) from exc
    return int(new_id)


def product_ids(session: Session, skus: Collection[str]) -> dict[str, int]:
    """SKU -> product id for the SKUs that exist."""
    query = select(Product.sku, Product.id)
    return {sku: pid for sku, pid in _rows_in(session, query, Product.sku, skus)}


def product_tracking(session: Session, skus: Collection[str]) -> dict[str, tuple[int, bool, bool]]:
    """SKU -> (product id, lot-tracked, expiry-tracked) for the SKUs that exist."""
    query = select(Product.sku, Product.id, Product.lot_tracked, Product.expiry_tracked)
    return {
        sku: (pid, bool(lot), bool(expiry))
        for sku, pid, lot, expiry in _rows_in(session, query, Product.sku, skus)
    }


def stored_products(session: Session, skus: Collection[str]) -> dict[str, StoredProduct]:
    """SKU -> the product as stored, for the SKUs that exist."""
    query = select(
        Product.id,
        Product.sku,
        Product.name,
        Product.variant,
        Location.code,
        Product.weight_g,
        Product.lot_tracked,
        Product.expiry_tracked,
        Product.min_shelf_life_days,
    ).outerjoin(Location, Location.id == Product.default_location_id)
    return {
        row.sku: StoredProduct(
            row.id,
            row.sku,
            row.name,
            row.variant,
            row.code,
            row.weight_g,
            bool(row.lot_tracked),
            bool(row.expiry_tracked),
            row.min_shelf_life_days,
        )
        for row in _rows_in(session, query, Product.sku, skus)
    }


def barcode_owners(session: Session, codes: Collection[str]) -> dict[str, StoredBarcode]:
    """Code -> the stored barcode with its product's SKU, for the codes that exist."""
    query = select(Barcode.code, Product.sku, Barcode.kind, Barcode.qty).join(
        Product, Product.id == Barcode.product_id
    )
    return {
        code: StoredBarcode(sku, kind, qty)
        for code, sku, kind, qty in _rows_in(session, query, Barcode.code, codes)
    }


def add_products(session: Session, products: list[dict[str, Any]]) -> dict[str, int]:
    """Insert products (column values by name); SKU -> new id."""
    if not products:
        return {}
    now = utcnow()
    insert_rows(session, table(Product), [{**p, "created_at": now} for p in products])
    return product_ids(session, [p["sku"] for p in products])


def update_products(session: Session, products: list[dict[str, Any]]) -> None:
    """Set the fields of existing products; each dict has `id` and every field."""
    if not products:
        return
    c = table(Product).c
    fields = [key for key in products[0] if key not in ("id", "sku")]
    session.execute(
        update(table(Product))
        .where(c.id == bindparam("p_id"))
        .values({key: bindparam(f"p_{key}") for key in fields}),
        [{f"p_{key}": value for key, value in p.items() if key != "sku"} for p in products],
    )


def add_barcodes(session: Session, barcodes: Iterable[tuple[int, str, str, int]]) -> int:
    """Insert (product id, code, kind, units) barcodes; how many."""
    rows = [{"product_id": p, "code": c, "kind": k, "qty": q} for p, c, k, q in barcodes]
    insert_rows(session, table(Barcode), rows)
    return len(rows)


def update_barcodes(session: Session, barcodes: Iterable[tuple[str, str, int]]) -> None:
    """Set kind and units of existing (code, kind, units) barcodes."""
    rows = [{"b_code": c, "b_kind": k, "b_qty": q} for c, k, q in barcodes]
    if rows:
        c = table(Barcode).c
        session.execute(
            update(table(Barcode))
            .where(c.code == bindparam("b_code"))
            .values(kind=bindparam("b_kind"), qty=bindparam("b_qty")),
            rows,
        )


def location_ids(session: Session, codes: Collection[str]) -> tuple[dict[str, int], int]:
    """Bin code -> id for `codes`, creating the bins that are new; also how many were created."""
    query = select(Location.code, Location.id)
    found = {code: lid for code, lid in _rows_in(session, query, Location.code, codes)}
    missing = [code for code in codes if code not in found]
    if missing:
        insert_rows(session, table(Location), [{"code": c, "walk_seq": 0} for c in missing])
        found.update({code: lid for code, lid in _rows_in(session, query, Location.code, missing)})
    return found, len(missing)


def renumber_walk(session: Session) -> None:
    """Set every bin's `walk_seq` to its place in the natural order of the bins' codes."""
    bins = session.execute(select(Location.id, Location.code, Location.walk_seq)).all()
    ordered = sorted(bins, key=lambda b: walk_key(b.code))
    changes = [
        {"l_id": b.id, "l_seq": seq} for seq, b in enumerate(ordered, start=1) if b.walk_seq != seq
    ]
    if changes:
        c = table(Location).c
        session.execute(
            update(table(Location))
            .where(c.id == bindparam("l_id"))
            .values(walk_seq=bindparam("l_seq")),
            changes,
        )


LotKey = tuple[int, str, dt.date | None]


def lot_ids(session: Session, keys: Collection[LotKey]) -> dict[LotKey, int]:
    """(product id, lot code, expiry) -> lot id, creating the lots that are new."""

    def lookup(wanted: Collection[LotKey]) -> dict[LotKey, int]:
        query = select(Lot.product_id, Lot.lot_code, Lot.expiry, Lot.id)
        products = {key[0] for key in wanted}
        return {
            (pid, code, expiry): lid
            for pid, code, expiry, lid in _rows_in(session, query, Lot.product_id, products)
            if (pid, code, expiry) in wanted
        }

    wanted = set(keys)
    found = lookup(wanted)
    missing = [key for key in wanted if key not in found]
    if missing:
        insert_rows(
            session,
            table(Lot),
            [{"product_id": p, "lot_code": code, "expiry": e} for p, code, e in missing],
        )
        found.update(lookup(set(missing)))
    return found


BalanceKey = tuple[int, int, int]


def balance_ids(session: Session, keys: Collection[BalanceKey]) -> dict[BalanceKey, int]:
    """(product id, location id, lot id) -> balance id, creating empty balances that are new."""

    def lookup(wanted: Collection[BalanceKey]) -> dict[BalanceKey, int]:
        b = StockBalance
        query = select(b.product_id, b.location_id, b.lot_id, b.id)
        products = {key[0] for key in wanted}
        return {
            (pid, loc, lot): bid
            for pid, loc, lot, bid in _rows_in(session, query, b.product_id, products)
            if (pid, loc, lot) in wanted
        }

    wanted = set(keys)
    found = lookup(wanted)
    missing = [key for key in wanted if key not in found]
    if missing:
        insert_rows(
            session,
            table(StockBalance),
            [
                {"product_id": p, "location_id": loc, "lot_id": lot, "on_hand": 0, "reserved": 0}
                for p, loc, lot in missing
            ],
        )
        found.update(lookup(set(missing)))
    return found
