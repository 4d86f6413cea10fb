"""Tables of waves: a wave of orders picked together, and each order's slot in it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.waves import WaveStatus
from app.db.models import Base, BigId, checked_enum, utcnow


class Wave(Base):
    """A wave (`W-000001`): allocated orders handed to the pickers together."""

    __tablename__ = "waves"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[WaveStatus] = mapped_column(
        checked_enum(WaveStatus, check="status_known", length=16), default=WaveStatus.OPEN
    )
    #: The carrier the wave was made for, or None for every carrier's orders.
    carrier: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class WaveOrder(Base):
    """One order of a wave and its slot (its position, 1 the first) on the picking cart."""

    __tablename__ = "wave_orders"
    __table_args__ = (
        UniqueConstraint("wave_id", "position", name="uq_wave_orders_slot"),
        # `held` is true while an open wave holds the order and NULL after: NULLs never
        # clash, so an order is held by one wave at most and may join another after.
        UniqueConstraint("order_id", "held", name="uq_wave_orders_held"),
        CheckConstraint("held IS NULL OR held", name="held_true_or_null"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("waves.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    position: Mapped[int] = mapped_column(Integer)
    held: Mapped[bool | None] = mapped_column(Boolean)
