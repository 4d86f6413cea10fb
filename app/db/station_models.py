"""Tables of the pack bench: station state, pack sessions, scans and the mismatch log.

A pack session is the claim on an order: at most one open session per order
(a partial unique index), held by one station under a lease that station
renews. Every claim gets a fresh `lease_token`, and the station keeps the
token of its claim in `station_state`; each write a station makes under the
claim checks the token, so a station whose lease was taken over can no longer
change the order (fencing).

An open session with no station is parked (`KCMD:CANCEL`): its packed units
stay with it, the order is back to `allocated`, and whichever station opens
the order next resumes it. `cancelled` is kept for a pack given up for good.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, false, text, true
from sqlalchemy.orm import Mapped, mapped_column

from app.core.scans import VerdictKind
from app.core.statuses import PackStatus
from app.db.models import Base, BigId, Order, checked_enum, table, utcnow

#: The order queue's status filter with a number search walks this index in number order.
ORDERS_BY_STATUS_AND_NUMBER = Index(
    "ix_orders_status_number", table(Order).c.status, table(Order).c.number
)


class StationState(Base):
    """A station's lasting state: who is logged in, and which pack it holds under which token.

    One row per station; a user is logged in at one station at a time (unique).
    `held_by` is the running process that holds the station (its window, or a
    replay in progress: `PID@HOST`), until `held_until` on the database's clock
    unless it renews the hold (`app.db.station_hold`).
    """

    __tablename__ = "station_state"

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), unique=True)
    logged_in_at: Mapped[dt.datetime | None]
    pack_session_id: Mapped[int | None] = mapped_column(ForeignKey("pack_sessions.id"))
    lease_token: Mapped[int | None] = mapped_column(Integer)
    #: The wave the station picks (`app.db.pick_models`), if it picks one.
    pick_session_id: Mapped[int | None] = mapped_column(ForeignKey("pick_sessions.id"))
    #: The cart at a pack station's bench: the wave whose slot labels open their orders.
    cart_wave_id: Mapped[int | None] = mapped_column(ForeignKey("waves.id"))
    #: The carrier whose truck a dock station loads (set by its first parcel).
    dock_carrier: Mapped[str | None] = mapped_column(String(16))
    seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    held_by: Mapped[str | None] = mapped_column(String(300))
    held_until: Mapped[dt.datetime | None]
    #: Refused product scans in a row within the held pack (the error lock-out).
    error_streak: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: The supervisor override under way (`app.core.overrides.OverrideKind`), the step it
    #: waits for, the supervisor who authorised it, and the code it was told (an alias's).
    override_kind: Mapped[str | None] = mapped_column(String(16))
    override_step: Mapped[str | None] = mapped_column(String(16))
    override_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    override_code: Mapped[str | None] = mapped_column(String(400))


class PackSession(Base):
    """One order being packed, carton by carton; held by a station, or parked (no station)."""

    __tablename__ = "pack_sessions"
    __table_args__ = (
        Index(
            "uq_pack_sessions_open_order",
            "order_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
        Index("ix_pack_sessions_order", "order_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    #: The packer who opened or last took over the pack.
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[PackStatus] = mapped_column(
        checked_enum(PackStatus, check="status_known", length=16), default=PackStatus.OPEN
    )
    lease_token: Mapped[int] = mapped_column(Integer, default=1)
    lease_expires_at: Mapped[dt.datetime]
    carton_no: Mapped[int] = mapped_column(Integer, default=1)
    card_confirmed: Mapped[bool] = mapped_column(default=False)
    opened_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None]


class ScanRecord(Base):
    """Every scan a station received, with its verdict; written before the verdict is shown.

    `seq` numbers a station's scans; `scanned` / `expected` / `message` are the
    outcome as shown, so a retried scan (same `scan_id`) gets it back unchanged.
    """

    __tablename__ = "scans"
    __table_args__ = (
        Index("ix_scans_session", "pack_session_id", "id"),
        # An order's history reads every scan concerning it (`app.db.order_history`).
        Index("ix_scans_order", "order_id", "id"),
        # ... and the scans of its labels, which name no order (scanned back, at the dock).
        Index(
            "ix_scans_label_code",
            "code",
            sqlite_where=text("kind = 'label'"),
            postgresql_where=text("kind = 'label'"),
        ),
        Index("uq_scans_station_seq", "station_id", "seq", unique=True),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    scan_id: Mapped[str] = mapped_column(String(64), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    seq: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    pack_session_id: Mapped[int | None] = mapped_column(ForeignKey("pack_sessions.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    raw: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(400))
    verdict: Mapped[VerdictKind] = mapped_column(
        checked_enum(VerdictKind, check="verdict_known", length=16)
    )
    reason: Mapped[str | None] = mapped_column(String(32))
    #: What the scan did to the stored state (`count`, `undo`, `complete`, ...; `none`).
    effect: Mapped[str] = mapped_column(String(16), default="none")
    message: Mapped[str] = mapped_column(Text, default="")
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    units: Mapped[int] = mapped_column(Integer, default=0)
    carton_no: Mapped[int | None] = mapped_column(Integer)
    lot: Mapped[str | None] = mapped_column(String(64))
    expiry: Mapped[dt.date | None] = mapped_column(Date)
    serial: Mapped[str | None] = mapped_column(String(64))
    undoes_scan: Mapped[int | None] = mapped_column(ForeignKey("scans.id"))
    undone: Mapped[bool] = mapped_column(default=False)
    scanned: Mapped[int | None] = mapped_column(Integer)
    expected: Mapped[int | None] = mapped_column(Integer)
    #: Keyed in by hand (the F2 field), not scanned.
    typed: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: False when `lot` is the reserved lot taken on trust (`lot_check` confirm), not read
    #: from the unit's barcode.
    lot_read: Mapped[bool] = mapped_column(default=True, server_default=true())


class Mismatch(Base):
    """A refused scan for supervisors to review: what was scanned, what was expected, why."""

    __tablename__ = "mismatch_log"
    # Newest first, whatever the filter: each filter's column leads an index that goes on
    # in (at, id) order, so a page is a short walk down one index.
    __table_args__ = (
        Index("ix_mismatch_log_at", "at"),
        Index("ix_mismatch_log_station_at", "station", "at", "id"),
        Index("ix_mismatch_log_user_at", "user_id", "at", "id"),
        Index("ix_mismatch_log_reason_at", "reason", "at", "id"),
        Index("ix_mismatch_log_order_at", "order_id", "at", "id"),
        Index("ix_mismatch_log_sku_at", "sku", "at", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    scan_record_id: Mapped[int] = mapped_column(ForeignKey("scans.id"), unique=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    station: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    reason: Mapped[str] = mapped_column(String(32))
    scanned: Mapped[str] = mapped_column(String(400))
    detail: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[dt.datetime | None]
    review_note: Mapped[str] = mapped_column(Text, default="")
    #: The refused code was keyed in by hand, not scanned.
    typed: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: The scanned product's SKU (None: not a product scan), for the SKU filter.
    sku: Mapped[str | None] = mapped_column(String(64))
    #: What Kenpin knew of the refusal, as JSON (`app.core.scans.Fact` keys: item, sku,
    #: expected, lot, reserved_lot, order, ...); "" when it named nothing.
    facts: Mapped[str] = mapped_column(Text, default="", server_default="")
