"""The scan log: every scan a station received with its verdict, and the mismatch log.

A scan's outcome is stored as it was shown (sequence number, order, counts,
message), so a scan retried under the same client scan id, and the screen's
list of recent scans, read it back unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db.models import Order, table
from app.db.station_models import Mismatch, ScanRecord

#: Longest scanned code stored; longer ones (never a real barcode) are cut there.
CODE_LENGTH = 400

_SCANS = table(ScanRecord).c
_ORDERS = table(Order).c


@dataclass(frozen=True, slots=True)
class StoredScan:
    """A recorded scan as its outcome was shown."""

    seq: int
    raw: str
    kind: str
    verdict: str
    reason: str | None
    order: str | None
    scanned: int | None
    expected: int | None
    message: str
    at: dt.datetime


_STORED_COLUMNS = (
    _SCANS.seq,
    _SCANS.raw,
    _SCANS.kind,
    _SCANS.verdict,
    _SCANS.reason,
    _ORDERS.number,
    _SCANS.scanned,
    _SCANS.expected,
    _SCANS.message,
    _SCANS.at,
)


def recorded_scan(session: Session, scan_id: str) -> StoredScan | None:
    """The scan recorded under this client scan id, as its outcome was shown."""
    row = session.execute(
        select(*_STORED_COLUMNS)
        .select_from(table(ScanRecord).outerjoin(table(Order), _ORDERS.id == _SCANS.order_id))
        .where(_SCANS.scan_id == scan_id)
    ).first()
    return StoredScan(*tuple(row)) if row is not None else None


def recent_scans(session: Session, station_id: int, limit: int) -> list[StoredScan]:
    """The station's last `limit` scans, newest first."""
    rows = session.execute(
        select(*_STORED_COLUMNS)
        .select_from(table(ScanRecord).outerjoin(table(Order), _ORDERS.id == _SCANS.order_id))
        .where(_SCANS.station_id == station_id)
        .order_by(_SCANS.seq.desc())
        .limit(limit)
    )
    return [StoredScan(*tuple(row)) for row in rows]


@dataclass(frozen=True, slots=True)
class NewScan:
    """One scan to record, with its verdict and what it did."""

    scan_id: str
    station_id: int
    seq: int
    at: dt.datetime
    raw: str
    kind: str
    code: str
    verdict: str
    reason: str | None
    effect: str
    message: str
    user_id: int | None = None
    pack_session_id: int | None = None
    order_id: int | None = None
    order_line_id: int | None = None
    units: int = 0
    carton_no: int | None = None
    lot: str | None = None
    expiry: dt.date | None = None
    serial: str | None = None
    undoes_scan: int | None = None
    scanned: int | None = None
    expected: int | None = None


_NEW_SCAN_FIELDS = tuple(f.name for f in fields(NewScan))
_INSERT_SCAN = insert(table(ScanRecord)).returning(_SCANS.id)


def record_scan(
    session: Session, scan: NewScan, station_name: str, concerning_order: int | None
) -> int:
    """Store the scan; a refused one also goes into the mismatch log, naming the order it
    concerns (the one scanned, or else the open one). Returns the scan's id."""
    values = {name: getattr(scan, name) for name in _NEW_SCAN_FIELDS}
    ref = int(session.execute(_INSERT_SCAN, {**values, "undone": False}).scalar_one())
    if scan.verdict == "rejected":
        session.execute(
            insert(table(Mismatch)).values(
                scan_record_id=ref,
                at=scan.at,
                station=station_name,
                user_id=scan.user_id,
                order_id=concerning_order,
                reason=scan.reason or "",
                scanned=scan.raw,
                detail=scan.message,
                review_note="",
            )
        )
    return ref
