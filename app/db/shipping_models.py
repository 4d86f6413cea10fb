"""Tables of shipping: blocks of tracking numbers, parcels and their labels, print jobs.

A tracking block is a range of numbers a carrier handed out (bodies without
their check digit); `next_body` only ever grows, so a number is issued once.
A parcel is one carton of an order under one tracking number; voiding its
label keeps the row (status `voided`) and points at the parcel that replaced
it, so an old label scanned later is recognised as voided. At most one live
(not voided) parcel per carton of an order. Each print or reprint of a label
is a print job, recording who asked, where, and how it went.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.label import LabelFormat
from app.core.statuses import ParcelStatus, PrintJobStatus
from app.core.tracking import ParcelSource
from app.db import dispatch_models  # noqa: F401  (a parcel names its manifest)
from app.db.models import Base, BigId, checked_enum, utcnow


class TrackingBlock(Base):
    """A range of tracking numbers registered with `kenpin carriers add-range`."""

    __tablename__ = "tracking_blocks"
    __table_args__ = (
        CheckConstraint(
            "first_body <= next_body AND next_body <= last_body + 1", name="next_in_range"
        ),
        CheckConstraint("first_body <= last_body", name="range_ordered"),
        CheckConstraint("digits > 0", name="digits_positive"),
        Index("ix_tracking_blocks_carrier", "carrier", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    carrier: Mapped[str] = mapped_column(String(16))
    first_body: Mapped[int] = mapped_column(BigInteger)
    last_body: Mapped[int] = mapped_column(BigInteger)
    #: The next body to issue; `last_body + 1` once the block is used up.
    next_body: Mapped[int] = mapped_column(BigInteger)
    #: How many digits a body has (leading zeros are part of the number).
    digits: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Parcel(Base):
    """One carton of an order shipped under one tracking number."""

    __tablename__ = "parcels"
    __table_args__ = (
        CheckConstraint("carton_no > 0", name="carton_positive"),
        Index("ix_parcels_order", "order_id", "carton_no"),
        # The carriers' open manifests: verified parcels on no closed manifest yet. It holds
        # every column the dock's count of a truck (loaded / on it) reads, so the count reads
        # the index alone (SQLite checks the index's condition against its columns).
        Index(
            "ix_parcels_open_manifest",
            "carrier",
            "loaded_at",
            "verified_at",
            "status",
            "manifest_id",
            sqlite_where=text("status = 'verified' AND manifest_id IS NULL"),
            postgresql_where=text("status = 'verified' AND manifest_id IS NULL"),
        ),
        Index("ix_parcels_manifest", "manifest_id"),
        Index(
            "uq_parcels_live_carton",
            "order_id",
            "carton_no",
            unique=True,
            sqlite_where=text("status <> 'voided'"),
            postgresql_where=text("status <> 'voided'"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    carton_no: Mapped[int] = mapped_column(Integer)
    carrier: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(32), default="")
    #: Digits only, check digit included (as the barcode holds it).
    tracking_number: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[ParcelStatus] = mapped_column(
        checked_enum(ParcelStatus, check="status_known", length=16), default=ParcelStatus.LABELLED
    )
    source: Mapped[ParcelSource] = mapped_column(
        checked_enum(ParcelSource, check="source_known", length=16), default=ParcelSource.ISSUED
    )
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    verified_at: Mapped[dt.datetime | None]
    voided_at: Mapped[dt.datetime | None]
    replaced_by_parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcels.id"))
    #: Scanned onto the truck at the dock: when, by whom, at which station.
    loaded_at: Mapped[dt.datetime | None]
    loaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    loaded_station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    #: The closed manifest it left on (`app.db.dispatch_models`); empty while on the open one.
    manifest_id: Mapped[int | None] = mapped_column(ForeignKey("manifests.id"))


class PrintJob(Base):
    """One print or reprint of a parcel's label: where, by whom, and whether it printed."""

    __tablename__ = "print_jobs"
    __table_args__ = (
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        Index("ix_print_jobs_parcel", "parcel_id"),
        Index("ix_print_jobs_status", "status", "id"),
        # Every scan asks for its station's newest job (is a label awaited?).
        Index("ix_print_jobs_station", "station_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    printer_uri: Mapped[str] = mapped_column(String(400))
    format: Mapped[LabelFormat] = mapped_column(
        checked_enum(LabelFormat, check="format_known", length=8)
    )
    status: Mapped[PrintJobStatus] = mapped_column(
        checked_enum(PrintJobStatus, check="status_known", length=16),
        default=PrintJobStatus.QUEUED,
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    printed_at: Mapped[dt.datetime | None]
