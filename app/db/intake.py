"""Queries and bulk writes of the imports: batches, products, barcodes, the bins' walk.

Every lookup takes the whole set of keys a file mentions and answers with a
map in a few chunked `IN` queries; every write is one bulk statement (see
`app.db.sql`). An import of a large file therefore makes a handful of round
trips, never one per row. Bins, lots and stock balances are found or created
by `app.db.stock`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import ConcurrentChange
from app.core.intake.products import BarcodeKind, StoredBarcode, StoredProduct
from app.core.intake.walk import walk_key
from app.core.scans import LotCheck
from app.db.clock import DatabaseLater
from app.db.import_batches import LEASE_S
from app.db.models import (
    Barcode,
    ImportBatch,
    Location,
    Product,
    table,
    utcnow,
)
from app.db.sql import Assign, insert_rows, rows_in, update_rows


def batch_state(session: Session, kind: str, sha256: str) -> tuple[str, dt.datetime] | None:
    """The state of the batch of a file with this content imported as `kind` and when it
    was recorded, or None (see `app.db.import_batches` for the states)."""
    found = session.execute(
        select(ImportBatch.state, ImportBatch.imported_at).where(
            ImportBatch.kind == kind, ImportBatch.sha256 == sha256
        )
    ).first()
    return None if found is None else (found.state, found.imported_at)


@dataclass(frozen=True, slots=True)
class NewBatch:
    """An imported file to remember: its kind, name and content hash, rows and summary."""

    kind: str
    file_name: str
    sha256: str
    rows: int
    summary: str
    #: `staging` for a batch written a chunk at a time (see `app.db.import_batches`).
    state: str = "done"


def add_batch(session: Session, batch: NewBatch) -> int:
    """Record an imported file (a staging one held for a lease); refused when another
    import of the same file got in first."""
    batches = table(ImportBatch)
    lease = None if batch.state == "done" else DatabaseLater(LEASE_S)
    try:
        new_id = session.execute(
            insert(batches).values(lease_until=lease).returning(batches.c.id),
            {
                "kind": batch.kind,
                "file_name": batch.file_name[:400],
                "sha256": batch.sha256,
                "rows": batch.rows,
                "summary": batch.summary,
                "imported_at": utcnow(),
                "state": batch.state,
            },
        ).scalar_one()
    except IntegrityError as exc:
        raise ConcurrentChange(
            f"{batch.file_name}: another program is importing the same file or has just "
            "imported it; nothing added"
        ) from exc
    return int(new_id)


def product_ids(session: Session, skus: Collection[str]) -> dict[str, int]:
    """SKU -> product id for the SKUs that exist."""
    query = select(Product.sku, Product.id)
    return {sku: pid for sku, pid in rows_in(session, query, Product.sku, skus)}


def product_tracking(session: Session, skus: Collection[str]) -> dict[str, tuple[int, bool, bool]]:
    """SKU -> (product id, lot-tracked, expiry-tracked) for the SKUs that exist."""
    query = select(Product.sku, Product.id, Product.lot_tracked, Product.expiry_tracked)
    return {
        sku: (pid, bool(lot), bool(expiry))
        for sku, pid, lot, expiry in rows_in(session, query, Product.sku, skus)
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
        Product.lot_check,
        Product.reorder_point,
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
            LotCheck(row.lot_check),
            row.reorder_point,
        )
        for row in rows_in(session, query, Product.sku, skus)
    }


def barcode_owners(session: Session, codes: Collection[str]) -> dict[str, StoredBarcode]:
    """Code -> the stored barcode with its product's SKU, for the codes that exist."""
    query = select(Barcode.code, Product.sku, Barcode.kind, Barcode.qty).join(
        Product, Product.id == Barcode.product_id
    )
    return {
        code: StoredBarcode(sku, kind, qty)
        for code, sku, kind, qty in rows_in(session, query, Barcode.code, codes)
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
    rows = [{key: value for key, value in p.items() if key != "sku"} for p in products]
    update_rows(session, table(Product), rows, _every_field("id"))


def add_barcodes(session: Session, barcodes: Iterable[tuple[int, str, BarcodeKind, int]]) -> int:
    """Insert (product id, code, kind, units) barcodes; how many."""
    rows = [{"product_id": p, "code": c, "kind": k, "qty": q} for p, c, k, q in barcodes]
    insert_rows(session, table(Barcode), rows)
    return len(rows)


def update_barcodes(session: Session, barcodes: Iterable[tuple[str, BarcodeKind, int]]) -> None:
    """Set kind and units of existing (code, kind, units) barcodes."""
    rows = [{"code": c, "kind": k, "qty": q} for c, k, q in barcodes]
    update_rows(session, table(Barcode), rows, _every_field("code"), key="code")


def renumber_walk(session: Session) -> None:
    """Set every bin's `walk_seq` to its place in the natural order of the bins' codes."""
    bins = session.execute(select(Location.id, Location.code, Location.walk_seq)).all()
    ordered = sorted(bins, key=lambda b: walk_key(b.code))
    changes = [
        {"id": b.id, "walk_seq": seq} for seq, b in enumerate(ordered, start=1) if b.walk_seq != seq
    ]
    update_rows(session, table(Location), changes, _every_field("id"))


def _every_field(key: str) -> Assign:
    """Set every column a row names but its key."""
    return lambda new: {name: value for name, value in new.items() if name != key}
