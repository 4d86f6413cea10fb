"""Importing an orders file (Shopify export or generic CSV) as new orders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.carriers import DEFAULT_CARRIER, CarrierCode, parse_carrier, unknown_carrier
from app.core.codes import code_problem
from app.core.errors import InputRejected, Problem, Refused
from app.core.intake.order_formats import GENERIC, OrderFormat, detect_format, read_orders
from app.core.intake.orders import OrderContent, OrderDraft, differences, sort_orders
from app.core.intake.shopify import SHOPIFY
from app.core.scans import ScanKind
from app.db import import_batches as batches
from app.db import intake as store
from app.db import intake_orders as order_store
from app.db.codes import code_owners
from app.db.database import Database
from app.db.sql import chunks
from app.services.intake import staging
from app.services.intake.common import ImportResult, Upload, refuse_if_any

SPECS: dict[str, OrderFormat] = {"shopify": SHOPIFY, "generic": GENERIC}
FORMATS = ("auto", *SPECS)
COLUMNS = frozenset(
    column
    for spec in SPECS.values()
    for column in (*spec.required, *spec.columns, spec.number, spec.sku, spec.qty)
)

MULTILINE = frozenset(column for spec in SPECS.values() for column in spec.multiline)


def import_orders(
    db: Database, path: Path | str, fmt: str = "auto", default_carrier: str | None = None
) -> ImportResult:
    """Import an orders file as new orders (status `new`, or `cancelled` when cancelled).

    `fmt` is auto, shopify or generic; `default_carrier` (a carrier code, None
    for yamato) is for orders whose file names no carrier. An order already
    imported with the same content is counted unchanged; one with other
    content refuses the file as a conflict.
    """
    if fmt not in FORMATS:
        raise Refused(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    carrier = _default_carrier(default_carrier)
    upload = Upload.read("orders", path)
    staging.recover_lapsed(db)
    earlier = upload.earlier_import(db)
    if earlier is not None:
        return earlier
    csv = upload.parsed(COLUMNS, MULTILINE)
    sheet = csv.sheet
    kind = detect_format(sheet) if fmt == "auto" else fmt
    if kind is None:
        message = "not an orders file: the header has neither Name and Lineitem sku (Shopify)"
        raise InputRejected([Problem(upload.name, 1, "", f"{message} nor order_number and sku")])
    problems = list(csv.problems)
    spec = SPECS[kind]
    # Read and checked without the write lock: a station's scans never wait on it.
    with db.read() as session:
        products = store.product_ids(session, {row.get(spec.sku) for row in sheet.rows})
        drafts = read_orders(sheet, spec, products, carrier, problems)
        numbers = [draft.content.number for draft in drafts]
        sort = sort_orders(drafts, order_store.order_hashes(session, numbers))
        problems += _number_problems(session, upload.name, sort.new, lock=False)
        if sort.conflicts:
            numbers = [draft.content.number for draft in sort.conflicts]
            before = order_store.stored_contents(session, numbers)
            problems += [_conflict(upload.name, draft, before) for draft in sort.conflicts]
    refuse_if_any(problems, sheet.header)
    result = ImportResult(
        "orders",
        upload.name,
        added=len(sort.new),
        unchanged=sort.unchanged,
        lines=sum(len(draft.content.lines) for draft, _ in sort.new),
        cancelled=sum(draft.content.cancelled for draft, _ in sort.new),
    )
    # The writes hold the lock a chunk at a time; the orders stay `importing` (taken by
    # nothing) until every chunk is in. An order another import added meanwhile clashes
    # with its number, and the whole file is refused as a concurrent change.
    with db.write() as session:
        earlier = upload.earlier_in(session)
        if earlier is not None:
            return earlier
        batch = upload.record(session, len(sheet.rows), result, batches.STAGING)
    staging.stage(
        db,
        batch,
        [
            _chunk_writer(upload.name, sheet.header, batch, part, products)
            for part in chunks(sort.new, batches.ORDERS_PER_CHUNK)
        ],
    )
    staging.publish(db, batch)
    return result


def _chunk_writer(
    name: str,
    header: Sequence[str],
    batch: int,
    part: Sequence[tuple[OrderDraft, str]],
    products: Mapping[str, int],
) -> staging.Chunk:
    """What writes one chunk of new orders as `importing`."""

    def write(session: Session) -> int:
        # Checked again under the lock every transaction adding codes takes.
        refuse_if_any(_number_problems(session, name, part), header)
        order_store.add_orders(session, batch, part, products)
        return len(part)

    return write


def _number_problems(
    session: Session, name: str, new: Sequence[tuple[OrderDraft, str]], *, lock: bool = True
) -> list[Problem]:
    """A problem for each new order whose number a scan would read as another kind; `lock`
    as `code_owners` takes it."""
    owners = code_owners(session, [draft.content.number for draft, _ in new], lock=lock)
    return [
        Problem(name, draft.line, SPECS[draft.source].number, problem)
        for draft, _ in new
        if (problem := code_problem(draft.content.number, ScanKind.ORDER, owners))
    ]


def _default_carrier(code: str | None) -> CarrierCode:
    if code is None:
        return DEFAULT_CARRIER
    carrier = parse_carrier(code)
    if carrier is None:
        raise Refused(f"default carrier: {unknown_carrier(code)}")
    return carrier


def _conflict(name: str, draft: OrderDraft, before: Mapping[str, OrderContent]) -> Problem:
    number = draft.content.number
    what = differences(before[number], draft.content)
    message = f'"{number}" was already imported with different content ({what})'
    return Problem(name, draft.line, SPECS[draft.source].number, message)
