"""Importing master data: the products file and the stock file."""

from __future__ import annotations

from pathlib import Path

from app.core.intake.products import COLUMNS as PRODUCT_COLUMNS
from app.core.intake.products import check_codes, merged, plan_products, read_products
from app.core.intake.rows import CellReader
from app.core.intake.stock import COLUMNS as STOCK_COLUMNS
from app.core.intake.stock import Tracking, check_bins, check_totals, read_stock
from app.db import intake as store
from app.db import stock
from app.db.codes import code_owners
from app.db.database import Database
from app.services.intake.common import ImportResult, Upload, refuse_if_any


def import_products(db: Database, path: Path | str) -> ImportResult:
    """Import a products file: new SKUs added, known ones updated, new barcodes added.

    A `location` sets the product's default bin (new bins are created and all
    bins renumbered in walking order).
    """
    upload = Upload.read("products", path)
    earlier = upload.earlier_import(db)
    if earlier is not None:
        return earlier
    csv = upload.parsed(PRODUCT_COLUMNS)
    problems = list(csv.problems)
    drafts = read_products(csv.sheet, problems)
    with db.write() as session:
        earlier = upload.earlier_in(session)
        if earlier is not None:
            return earlier
        stored = store.stored_products(session, [d.sku for d in drafts])
        owners = store.barcode_owners(session, [c for d in drafts for c, _k, _q in d.barcodes()])
        cells = CellReader(upload.name, problems)
        plan = plan_products(drafts, stored, owners, cells)
        codes = {code for d in drafts for code, _k, _q in d.barcodes()}
        codes.update(d.location for d in drafts if d.location is not None)
        check_codes(drafts, code_owners(session, codes), cells)
        refuse_if_any(problems, csv.sheet.header)

        fields = {d.sku: merged(d, stored.get(d.sku)) for d in drafts}
        codes = {str(f["location"]) for f in fields.values() if f["location"] is not None}
        bins, created = stock.location_ids(session, codes)
        for values in fields.values():
            code = values.pop("location")
            values["default_location_id"] = None if code is None else bins[str(code)]
        ids = {sku: product.id for sku, product in stored.items()}
        ids.update(store.add_products(session, [fields[d.sku] for d in plan.new]))
        store.update_products(
            session, [{"id": pid, **fields[draft.sku]} for pid, draft in plan.changed]
        )
        added = store.add_barcodes(
            session, [(ids[sku], code, kind, qty) for sku, code, kind, qty in plan.new_barcodes]
        )
        store.update_barcodes(session, plan.changed_barcodes)
        if created:
            store.renumber_walk(session)
        result = ImportResult(
            "products",
            upload.name,
            added=len(plan.new),
            updated=len(plan.changed),
            unchanged=plan.unchanged,
            barcodes=added,
            bins_created=created,
        )
        upload.record(session, len(csv.sheet.rows), result)
    return result


def import_stock(db: Database, path: Path | str) -> ImportResult:
    """Import a stock file: each row is a receipt of units into a bin, posted to the ledger.

    Stock adds up, so the same file imported twice would double it: a file
    already imported is recognised by its content and adds nothing.
    """
    upload = Upload.read("stock", path)
    earlier = upload.earlier_import(db)
    if earlier is not None:
        return earlier
    csv = upload.parsed(STOCK_COLUMNS)
    problems = list(csv.problems)
    with db.write() as session:
        earlier = upload.earlier_in(session)
        if earlier is not None:
            return earlier
        known = store.product_tracking(session, {row.get("sku") for row in csv.sheet.rows})
        tracking = {sku: Tracking(lot, expiry) for sku, (_id, lot, expiry) in known.items()}
        receipts = read_stock(csv.sheet, tracking, problems)
        stored = store.on_hand_of(session, [pid for pid, _lot, _expiry in known.values()])
        cells = CellReader(upload.name, problems)
        check_totals(receipts, stored, cells)
        check_bins(receipts, code_owners(session, {r.location for r in receipts}), cells)
        refuse_if_any(problems, csv.sheet.header)

        bins, created = stock.location_ids(session, {r.location for r in receipts})
        product = {sku: pid for sku, (pid, _lot, _expiry) in known.items()}
        lots = stock.lot_ids(session, {(product[r.sku], r.lot, r.expiry) for r in receipts})
        slots = [
            (product[r.sku], bins[r.location], lots[(product[r.sku], r.lot, r.expiry)])
            for r in receipts
        ]
        balances = stock.balance_ids(session, set(slots))
        stock.post(
            session,
            [
                stock.Move(
                    balances[slot], on_hand_delta=r.qty, reason="import", reference=upload.name
                )
                for slot, r in zip(slots, receipts, strict=True)
            ],
        )
        if created:
            store.renumber_walk(session)
        result = ImportResult(
            "stock",
            upload.name,
            added=len(receipts),
            lines=len(receipts),
            units=sum(r.qty for r in receipts),
            bins_created=created,
        )
        upload.record(session, len(csv.sheet.rows), result)
    return result
