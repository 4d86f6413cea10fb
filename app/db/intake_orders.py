"""Queries and bulk writes of the orders import."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.intake.orders import OrderContent, OrderDraft
from app.core.orders import OrderStatus
from app.core.times import as_utc
from app.db.models import Order, OrderLine, Product, table, utcnow
from app.db.sql import among, chunks, insert_rows


def order_hashes(session: Session, numbers: Collection[str]) -> dict[str, str]:
    """Order number -> content hash, for the numbers already imported (not those another
    import is still writing: this one then clashes with them and is refused)."""
    found: dict[str, str] = {}
    for part in chunks(numbers):
        query = select(Order.number, Order.content_hash).where(
            among(session, Order.number, part), Order.status != OrderStatus.IMPORTING
        )
        found.update({number: digest for number, digest in session.execute(query)})
    return found


def stored_contents(session: Session, numbers: Collection[str]) -> dict[str, OrderContent]:
    """Order number -> the order as stored, in the shape an orders file gives it."""
    lines: dict[int, list[tuple[str, int]]] = defaultdict(list)
    found: dict[str, OrderContent] = {}
    for part in chunks(numbers):
        orders = session.scalars(select(Order).where(among(session, Order.number, part))).all()
        line_query = (
            select(OrderLine.order_id, Product.sku, OrderLine.qty)
            .join(Product, Product.id == OrderLine.product_id)
            .where(among(session, OrderLine.order_id, [o.id for o in orders]))
            .order_by(OrderLine.order_id, OrderLine.line_no)
        )
        for order_id, sku, qty in session.execute(line_query):
            lines[order_id].append((sku, qty))
        for o in orders:
            found[o.number] = OrderContent(
                o.number,
                as_utc(o.order_date),
                o.customer_name,
                o.postal_code,
                o.prefecture,
                o.city,
                o.address1,
                address2=o.address2,
                phone=o.phone,
                email=o.email,
                carrier=o.carrier,
                service=o.service,
                delivery_date=o.delivery_date,
                delivery_time=o.delivery_time,
                gift_message=o.gift_message,
                notes=o.notes,
                cancelled=o.status == OrderStatus.CANCELLED,
                lines=tuple(lines[o.id]),
            )
    return found


def add_orders(
    session: Session,
    batch_id: int,
    drafts: Sequence[tuple[OrderDraft, str]],
    product_ids: Mapping[str, int],
) -> int:
    """Insert new orders of a batch (each with its content hash) and their lines, as
    `importing` or `cancelled` (see `app.db.import_batches`); how many lines."""
    if not drafts:
        return 0
    now = utcnow()
    insert_rows(
        session,
        table(Order),
        [
            {
                "number": c.number,
                "source": draft.source,
                "status": OrderStatus.CANCELLED if c.cancelled else OrderStatus.IMPORTING,
                "order_date": c.order_date,
                "customer_name": c.customer_name,
                "email": c.email,
                "postal_code": c.postal_code,
                "prefecture": c.prefecture,
                "city": c.city,
                "address1": c.address1,
                "address2": c.address2,
                "country": "JP",
                "phone": c.phone,
                "carrier": c.carrier,
                "service": c.service,
                "delivery_date": c.delivery_date,
                "delivery_time": c.delivery_time,
                "gift_message": c.gift_message,
                "notes": c.notes,
                "content_hash": digest,
                "short_lines": "",
                "import_batch_id": batch_id,
                "created_at": now,
                "updated_at": now,
            }
            for draft, digest in drafts
            for c in (draft.content,)
        ],
    )
    numbers = [draft.content.number for draft, _digest in drafts]
    query = select(Order.number, Order.id).where(among(session, Order.number, numbers))
    ids = {number: order_id for number, order_id in session.execute(query)}
    rows = [
        {
            "order_id": ids[draft.content.number],
            "line_no": line_no,
            "product_id": product_ids[sku],
            "qty": qty,
            "allocated": 0,
            "packed": 0,
        }
        for draft, _digest in drafts
        for line_no, (sku, qty) in enumerate(draft.content.lines, start=1)
    ]
    insert_rows(session, table(OrderLine), rows)
    return len(rows)
