"""Shipment notices to the shop platforms (`kenpin notify export`): the orders shipped since
the platform's last file, in its own layout.

Each order is written to a platform's file once: the export records it, and
the next export takes only the orders shipped since (`again` writes those
already sent too). The file is written before the record commits and
removed if it does not, so a file never lists orders the next one misses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.core.dispatch import settings as dispatch_settings
from app.core.dispatch.platforms import PLATFORM_FILES
from app.core.errors import EnvironmentFailure, Refused
from app.db import notices as store
from app.db import shipments
from app.db.database import Database
from app.db.models import utcnow
from app.services.shop_settings import Overrides, values_in_force


@dataclass(frozen=True, slots=True)
class NoticeRequest:
    """An export asked for: the platform, the file, and which shipped orders."""

    platform: str
    out: Path
    again: bool = False
    since: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class NoticesWritten:
    """What an export wrote; `str()` is the summary to print."""

    platform: str
    orders: int
    parcels: int
    out: Path | None

    def __str__(self) -> str:
        if self.out is None:
            return f"{self.platform}: no order shipped since the last export; nothing written"
        return (
            f"{self.platform}: {self.orders:,} order(s), {self.parcels:,} parcel(s) "
            f"written to {self.out}"
        )


def export_notices(
    db: Database, request: NoticeRequest, overrides: Overrides | None = None
) -> NoticesWritten:
    """Write the platform's shipment file of the orders shipped since its last export."""
    kind = PLATFORM_FILES.get(request.platform)
    if kind is None:
        raise Refused(
            f"--platform: {request.platform!r} is not a platform ({', '.join(PLATFORM_FILES)})"
        )
    if not request.out.parent.is_dir():
        raise Refused(f"--out: {request.out.parent} is not a folder")
    written = False
    try:
        with db.write() as session:
            days = store.orders_to_notify(
                session,
                request.platform,
                again=request.again,
                since=request.since,
                source=request.source,
            )
            if not days:
                return NoticesWritten(request.platform, 0, 0, None)
            found = shipments.shipped_orders(session, days.keys())
            settings = dispatch_settings.from_shop(values_in_force(session, overrides or {}))
            content = kind.write(found, settings)
            try:
                request.out.write_bytes(content)
            except OSError as exc:
                raise EnvironmentFailure(f"{request.out}: cannot write the file: {exc}") from exc
            written = True
            store.record_notified(session, request.platform, days.keys(), utcnow())
    except BaseException:
        if written:
            request.out.unlink(missing_ok=True)
        raise
    parcels = sum(len(shipment.tracking_numbers) for shipment in found)
    return NoticesWritten(request.platform, len(found), parcels, request.out)
