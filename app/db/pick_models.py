"""Tables of picking by scan: a wave being picked, and the units taken for it.

A pick session is the claim on a wave: at most one open session per wave (a
partial unique index), held by one station under a lease its scans renew,
so two stations never pick one wave at once. `totes` holds the order each tote
carries to packing. `picked_units` holds each unit
taken (a scan of the reservation it was taken for, `slotted` once its cart
slot label was scanned) and each short pick (`short`: the units missing).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.statuses import PickStatus
from app.db.models import Base, BigId, checked_enum, utcnow


class PickSession(Base):
    """One wave being picked, held by a station under a lease (`pack_sessions`' way)."""

    __tablename__ = "pick_sessions"
    __table_args__ = (
        Index(
            "uq_pick_sessions_open_wave",
            "wave_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("waves.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[PickStatus] = mapped_column(
        checked_enum(PickStatus, check="status_known", length=16), default=PickStatus.OPEN
    )
    lease_expires_at: Mapped[dt.datetime]
    #: The bin scanned for the instruction in front of the picker, if any.
    at_bin: Mapped[str | None] = mapped_column(String(32))
    #: The tote the units of a one-order pick go in (`TOTE-…`), once scanned.
    tote: Mapped[str | None] = mapped_column(String(32))
    opened_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None]


class Tote(Base):
    """A tote (`TOTE-…`, known by its look) and the order it carries from picking to packing.

    Made when first scanned. It holds its order while the order is `picking`,
    `picked` or `packing`: packed, backordered or released, the order leaves it
    free without a write.
    """

    __tablename__ = "totes"
    __table_args__ = (Index("ix_totes_order", "order_id"),)

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    taken_at: Mapped[dt.datetime | None]


class PickedUnit(Base):
    """Units of one accepted scan taken for a reservation, or a short pick on it."""

    __tablename__ = "picked_units"
    __table_args__ = (Index("ix_picked_units_session", "pick_session_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    pick_session_id: Mapped[int] = mapped_column(ForeignKey("pick_sessions.id"))
    scan_ref: Mapped[int] = mapped_column(ForeignKey("scans.id"))
    #: The reservation the units were taken for: no foreign key, as packing the order
    #: consumes its reservations and this record outlives them.
    reservation_id: Mapped[int] = mapped_column(BigId)
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    units: Mapped[int] = mapped_column(Integer)
    lot: Mapped[str | None] = mapped_column(String(64))
    #: Put into its cart slot (always true off a cart).
    slotted: Mapped[bool] = mapped_column(default=True)
    #: A short pick: `units` are the units missing, none taken.
    short: Mapped[bool] = mapped_column(default=False)
    undone: Mapped[bool] = mapped_column(default=False)
