"""Tables of dispatch: the carriers' manifests, and the shop platforms' shipment notices.

A carrier's manifest for a day is open until it is closed: while open, its
parcels are the carrier's verified parcels not yet on a closed manifest
(`parcels.manifest_id` empty), loaded at the dock or still waiting. Closing
writes the `manifests` row and stamps the parcels loaded onto the truck with
it; parcels a supervisor left behind keep no manifest and so join the next
one. One manifest per carrier and day, closed once.

`notice_exports` records each order sent to a shop platform in a shipment
file (`kenpin notify export`), so the next export takes only the orders
shipped since.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, BigId, utcnow


class Manifest(Base):
    """A carrier's closed manifest: the parcels handed over on one day, and who closed it."""

    __tablename__ = "manifests"
    __table_args__ = (UniqueConstraint("carrier", "ship_date", name="uq_manifests_carrier_day"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    carrier: Mapped[str] = mapped_column(String(16))
    ship_date: Mapped[dt.date] = mapped_column(Date)
    parcels: Mapped[int] = mapped_column(Integer)
    #: Parcels not loaded that a supervisor left for the next manifest.
    left_behind: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: Who agreed to leave parcels behind (a supervisor's badge and PIN), if any were.
    left_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    station: Mapped[str] = mapped_column(String(64), default="")


class NoticeExport(Base):
    """An order written to a shop platform's shipment file (once per platform)."""

    __tablename__ = "notice_exports"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    exported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
