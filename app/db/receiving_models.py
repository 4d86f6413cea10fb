"""Tables of receiving (入庫): the deliveries a shop expects, their lines, and what arrived.

An expected delivery (`kenpin import expected`) is a number, a supplier and its
lines (a product, the units expected, and the lot and expiry when the supplier
named them). Each line counts the units received so far; every unit received
is also a ledger move (reason `receive`, the delivery's number as reference).
A delivery is `open` until a supervisor closes it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import NUMBER, Base, BigId, utcnow


class Delivery(Base):
    """A delivery a supplier will bring, as the shop expects it."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(NUMBER, unique=True)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    #: `open` while it is received, `closed` once a supervisor approved its differences.
    status: Mapped[str] = mapped_column(String(16), default="open")
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class DeliveryLine(Base):
    """One product of an expected delivery: the units expected, and received so far."""

    __tablename__ = "delivery_lines"
    __table_args__ = (
        UniqueConstraint("delivery_id", "line_no", name="uq_delivery_lines_position"),
        CheckConstraint("expected > 0", name="expected_positive"),
        CheckConstraint("received >= 0", name="received_not_negative"),
        Index("ix_delivery_lines_product", "product_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    expected: Mapped[int] = mapped_column(Integer)
    received: Mapped[int] = mapped_column(Integer, default=0)
    #: The lot and expiry the supplier named ("" / None: not named).
    lot: Mapped[str] = mapped_column(String(64), default="")
    expiry: Mapped[dt.date | None] = mapped_column(Date)
