"""Receiving's queries: the expected deliveries on file, and adding one."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from app.core.intake.expected import ExpectedDelivery
from app.core.times import local_time
from app.db.models import table
from app.db.receiving_models import Delivery, DeliveryLine
from app.db.sql import among

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def deliveries_on_file(session: Session, numbers: Collection[str]) -> dict[str, str]:
    """Number -> when it was imported (local time), of those of `numbers` already on file."""
    if not numbers:
        return {}
    rows = session.execute(
        select(Delivery.number, Delivery.created_at).where(
            among(session, Delivery.number, list(numbers))
        )
    )
    return {number: local_time(created) for number, created in rows}


def add_delivery(
    session: Session, delivery: ExpectedDelivery, products: Mapping[str, int], batch: int
) -> int:
    """Store an expected delivery (`open`) with its lines; its id."""
    delivery_id = session.execute(
        insert(table(Delivery)).returning(table(Delivery).c.id),
        {"number": delivery.number, "supplier": delivery.supplier, "import_batch_id": batch},
    ).scalar_one()
    session.execute(
        insert(table(DeliveryLine)),
        [
            {
                "delivery_id": delivery_id,
                "line_no": n,
                "product_id": products[line.sku],
                "expected": line.qty,
                "lot": line.lot,
                "expiry": line.expiry,
            }
            for n, line in enumerate(delivery.lines, start=1)
        ],
    )
    return int(delivery_id)
