"""Importing master data: the products file."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import ConcurrentChange
from app.core.intake.products import COLUMNS as PRODUCT_COLUMNS
from app.core.intake.products import check_codes, merged, plan_products, read_products
from app.core.intake.rows import CellReader
from app.db import intake as store
from app.db import stock
from app.db.codes import code_owners
from app.db.database import Database
from app.services.intake import staging
from app.services.intake.common import ImportResult, Upload, refuse_if_any


def import_products(db: Database, path: Path | str) -> ImportResult:
    """Import a products file: new SKUs added, known ones updated, new barcodes added.

    A `location` sets the product's default bin (new bins are created and all
    bins renumbered in walking order).
    """
    upload = Upload.read("products", path)
    staging.recover_lapsed(db)  # an orders import a dead process left half-written
    earlier = upload.earlier_import(db)
    if earlier is not None:
        return earlier
    csv = upload.parsed(PRODUCT_COLUMNS)
    problems = list(csv.problems)
    drafts = read_products(csv.sheet, problems)
    skus = [d.sku for d in drafts]
    barcodes = [c for d in drafts for c, _k, _q in d.barcodes()]
    # Planned without the write lock: a station's scans never wait on the checking.
    with db.read() as session:
        stored = store.stored_products(session, skus)
        owners = store.barcode_owners(session, barcodes)
    plan = plan_products(drafts, stored, owners, CellReader(upload.name, problems))
    refuse_if_any(problems, csv.sheet.header)
    with db.write() as session:
        earlier = upload.earlier_in(session)
        if earlier is not None:
            return earlier
        if store.stored_products(session, skus) != stored or (
            store.barcode_owners(session, barcodes) != owners
        ):
            raise ConcurrentChange(
                f"{upload.name}: these products were changed by someone else while the file "
                "was checked; nothing was imported, run the import again"
            )
        cells = CellReader(upload.name, problems)
        codes = set(barcodes)
        codes.update(d.location for d in drafts if d.location is not None)
        # Under the write lock: codes of every kind are added one transaction at a time.
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
