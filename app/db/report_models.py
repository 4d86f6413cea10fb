"""Tables behind the supervisors' reports: the scans added up per hour, station and user,
and the confused product pairs per hour.

Reports over months would otherwise add up millions of scans each time. Each scan
is added here once, after it is committed, by `app.db.report_rollup` (the report
service catches up before it reads); `report_progress` says through which scan id.
Every figure is fixed when its scan is recorded (units taken back are counted on
the undo's hour, not by going back to the unit's), so a scan never needs adding
again. `user_key` is the user's id, 0 for scans made with nobody logged in.
A confused pair is fixed by a later scan (the pack's next accepted unit), so a
refusal waits in `unpaired_refusals` until that unit is added.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, BigId, Product
from app.db.station_models import ScanRecord


class ScanHour(Base):
    """One station's and user's scans in one UTC hour, added up."""

    __tablename__ = "scan_hours"
    __table_args__ = (Index("uq_scan_hours_key", "hour", "station_id", "user_key", unique=True),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    #: The hour's start, UTC.
    hour: Mapped[dt.datetime]
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    user_key: Mapped[int] = mapped_column(BigInteger)
    scans: Mapped[int] = mapped_column(Integer)
    packs: Mapped[int] = mapped_column(Integer)
    units_counted: Mapped[int] = mapped_column(Integer)
    units_undone: Mapped[int] = mapped_column(Integer)
    product_scans: Mapped[int] = mapped_column(Integer)
    refused_product_scans: Mapped[int] = mapped_column(Integer)


class RefusalHour(Base):
    """One station's and user's refused scans of one reason in one UTC hour."""

    __tablename__ = "refusal_hours"
    __table_args__ = (
        Index("uq_refusal_hours_key", "hour", "station_id", "user_key", "reason", unique=True),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    hour: Mapped[dt.datetime]
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    user_key: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(32))
    refusals: Mapped[int] = mapped_column(Integer)


class ReportProgress(Base):
    """One row: every scan with an id up to `scans_through` is in the hourly tables."""

    __tablename__ = "report_progress"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scans_through: Mapped[int] = mapped_column(BigInteger)


class ConfusionHour(Base):
    """`not_on_order` refusals of one scanned code in one UTC hour whose pack's next accepted
    unit was of one product (`app.core.reports` says why that is the expected product)."""

    __tablename__ = "confusion_hours"
    __table_args__ = (
        Index("uq_confusion_hours_key", "hour", "expected_product_id", "scanned_code", unique=True),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    #: The refusal's hour's start, UTC.
    hour: Mapped[dt.datetime]
    expected_product_id: Mapped[int] = mapped_column(ForeignKey(Product.id))
    #: As the product is registered under: a GS1 string's GTIN-13, else the code as scanned.
    scanned_code: Mapped[str] = mapped_column(String(400))
    times: Mapped[int] = mapped_column(Integer)


class UnpairedRefusal(Base):
    """A `not_on_order` refusal added up to `scans_through` whose pack has accepted no unit
    after it yet (dropped once one is, or once the pack is closed without one)."""

    __tablename__ = "unpaired_refusals"

    scan_id: Mapped[int] = mapped_column(ForeignKey(ScanRecord.id), primary_key=True)
