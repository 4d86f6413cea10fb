"""The scan log: every scan a station received with its verdict, and the mismatch log.

A scan's outcome is stored as it was shown (sequence number, order, counts,
message), so a scan retried under the same client scan id, and the screen's
list of recent scans, read it back unchanged.

The recent-scans list shows the current user's current pack (`RecentScope`):
with a pack held, this user's scans of that pack session at this station;
with none, this user's scans since the newest scan that changed who is
logged in or let go of the station's pack (`NEW_LIST`), that one included.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.core.pack.effects import NEW_LIST
from app.core.scans import Reason
from app.db.models import Order, table
from app.db.sql import core
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
    typed: bool = False


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
    _SCANS.typed,
)
_NEW_LIST = sorted(effect.value for effect in NEW_LIST)


def recorded_scan(session: Session, scan_id: str) -> StoredScan | None:
    """The scan recorded under this client scan id, as its outcome was shown."""
    row = (
        core(session)
        .execute(
            select(*_STORED_COLUMNS)
            .select_from(table(ScanRecord).outerjoin(table(Order), _ORDERS.id == _SCANS.order_id))
            .where(_SCANS.scan_id == scan_id)
        )
        .first()
    )
    return StoredScan(*tuple(row)) if row is not None else None


@dataclass(frozen=True, slots=True)
class RecentScope:
    """Whose scans a station's recent-scans list shows: the user logged in (None: nobody)
    and the pack session the station holds (None: no pack)."""

    user_id: int | None
    session_id: int | None


def recent_scans(
    session: Session, station_id: int, scope: RecentScope, limit: int, up_to: int
) -> list[StoredScan]:
    """The station's last `limit` scans in `scope`, up to its scan number `up_to`, newest
    first."""
    by_user = _SCANS.user_id.is_(None) if scope.user_id is None else _SCANS.user_id == scope.user_id
    query = (
        select(*_STORED_COLUMNS)
        .select_from(table(ScanRecord).outerjoin(table(Order), _ORDERS.id == _SCANS.order_id))
        .where(_SCANS.station_id == station_id, _SCANS.seq <= up_to, by_user)
        .order_by(_SCANS.seq.desc())
        .limit(limit)
    )
    if scope.session_id is not None:
        query = query.where(_SCANS.pack_session_id == scope.session_id)
    else:
        since = (
            select(func.coalesce(func.max(_SCANS.seq), 0))
            .where(
                _SCANS.station_id == station_id,
                _SCANS.seq <= up_to,
                _SCANS.effect.in_(_NEW_LIST),
            )
            .scalar_subquery()
        )
        query = query.where(_SCANS.seq >= since)
    return [StoredScan(*tuple(row)) for row in core(session).execute(query)]


@dataclass(frozen=True, slots=True)
class ScanEntry:
    """One scan to record, with its verdict and what it did.

    `station` (the station's name) and `concerning` (the order a refusal
    concerns: the one scanned, else the open one) go into the mismatch log.
    """

    scan_id: str
    station_id: int
    station: str
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
    #: False when `lot` is the reservation's, not read from the unit.
    lot_read: bool = True
    expiry: dt.date | None = None
    serial: str | None = None
    undoes_scan: int | None = None
    scanned: int | None = None
    expected: int | None = None
    concerning: int | None = None
    #: Keyed in by hand, not scanned (also marked in the mismatch log).
    typed: bool = False
    #: A refusal's scanned product SKU and facts (`app.core.scans.Fact` keys), for the log.
    sku: str | None = None
    facts: Mapping[str, str] = field(default_factory=dict)


_LOG_ONLY = ("station", "concerning", "sku", "facts")
#: The entry's fields that are columns of the scans table.
_SCAN_COLUMNS = tuple(f.name for f in fields(ScanEntry) if f.name not in _LOG_ONLY)
_INSERT_SCAN = insert(table(ScanRecord)).returning(_SCANS.id)
_INSERT_MISMATCH = insert(table(Mismatch))


def record_scan(session: Session, entry: ScanEntry) -> int:
    """Store the scan; a refused one, or a short pick, also goes into the mismatch log.
    Returns the scan's id."""
    values = {name: getattr(entry, name) for name in _SCAN_COLUMNS}
    values["raw"] = entry.raw[:CODE_LENGTH]
    values["code"] = entry.code[:CODE_LENGTH]
    ref = int(core(session).execute(_INSERT_SCAN, {**values, "undone": False}).scalar_one())
    if entry.verdict == "rejected" or entry.reason == Reason.SHORT_PICK:
        core(session).execute(
            _INSERT_MISMATCH,
            {
                "scan_record_id": ref,
                "at": entry.at,
                "station": entry.station,
                "user_id": entry.user_id,
                "order_id": entry.concerning,
                "reason": entry.reason or "",
                "scanned": values["raw"],
                "detail": entry.message,
                "review_note": "",
                "typed": entry.typed,
                "sku": entry.sku,
                "facts": json.dumps(entry.facts, ensure_ascii=False) if entry.facts else "",
            },
        )
    return ref
