"""Importing expected deliveries (`kenpin import expected`): what the receive station counts
the goods against. All or nothing, every problem located; a delivery number already on file
is refused (a file imported before adds nothing and says so)."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import ConcurrentChange
from app.core.intake.expected import COLUMNS, read_expected
from app.core.intake.rows import CellReader
from app.core.intake.stock import Tracking
from app.db import intake
from app.db import receiving as store
from app.db.database import Database
from app.services.intake.common import ImportResult, Upload, refuse_if_any


def import_expected(db: Database, path: Path | str) -> ImportResult:
    """Import an expected-deliveries file: each delivery with its lines, `open`."""
    upload = Upload.read("expected", path)
    earlier = upload.earlier_import(db)
    if earlier is not None:
        return earlier
    csv = upload.parsed(COLUMNS)
    problems = list(csv.problems)
    skus = {row.get("sku") for row in csv.sheet.rows if row.get("sku")}
    with db.read() as session:
        known = intake.product_tracking(session, skus)
    products = {sku: Tracking(lot, expiry) for sku, (_id, lot, expiry) in known.items()}
    deliveries = read_expected(csv.sheet, csv.sheet.rows, products, problems)
    cells = CellReader(upload.name, problems)
    with db.write() as session:
        earlier = upload.earlier_in(session)
        if earlier is not None:
            return earlier
        if intake.product_tracking(session, skus) != known:
            raise ConcurrentChange(
                f"{upload.name}: these products were changed by someone else while the file "
                "was checked; nothing was imported, run the import again"
            )
        on_file = store.deliveries_on_file(session, [d.number for d in deliveries])
        for delivery in deliveries:
            if delivery.number in on_file:
                cells.complain(
                    delivery.line,
                    "delivery",
                    f"{delivery.number} is already on file (imported {on_file[delivery.number]})",
                )
        refuse_if_any(problems, csv.sheet.header)
        result = ImportResult(
            "expected",
            upload.name,
            added=len(deliveries),
            lines=sum(len(d.lines) for d in deliveries),
            units=sum(d.units for d in deliveries),
        )
        batch = upload.record(session, len(csv.sheet.rows), result)
        ids = {sku: product_id for sku, (product_id, _lot, _expiry) in known.items()}
        for delivery in deliveries:
            store.add_delivery(session, delivery, ids, batch)
    return result
