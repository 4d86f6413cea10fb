"""Queries behind the supervisors' mismatch log: keyset pages, the scans around a refusal,
the review.

Pages go newest first by (at, id) and never use OFFSET or count the table:
`WHERE (at, id) < (:at, :id) ORDER BY at DESC, id DESC LIMIT n`. Each filter
(station, packer, reason, order, SKU) is an equality on the column leading one
of the log's `(column, at, id)` indexes, and a date range is a range on `at`,
so a filtered page is a short walk down one index on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, select, tuple_, update
from sqlalchemy.orm import Session, aliased

from app.db.models import Order, Station, User, table
from app.db.order_queue import prefix_variants
from app.db.sql import core
from app.db.station_models import Mismatch, ScanRecord

_LOG = table(Mismatch).c
_SCANS = table(ScanRecord).c
_ORDERS = table(Order).c
_USERS = table(User).c
_REVIEWERS = aliased(table(User), name="reviewer")
#: Scans shown around a refusal made outside any pack session: this many before it.
AROUND_BEFORE = 12
#: ... and after it.
AROUND_AFTER = 4


@dataclass(frozen=True, slots=True)
class MismatchFilter:
    """Which refusals to show; None (or "") leaves a field out.

    `since` is inclusive and `until` exclusive; `order` is an order number as
    typed (`#` optional before a digit), `sku` the scanned product's SKU.
    """

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    station: str | None = None
    user_id: int | None = None
    reason: str | None = None
    sku: str | None = None
    order: str | None = None


@dataclass(frozen=True, slots=True)
class LogCursor:
    """Where the next page starts: just after (older than) this refusal."""

    at: dt.datetime
    mismatch_id: int


@dataclass(frozen=True, slots=True)
class MismatchRow:
    """One refused scan as the log shows it."""

    id: int
    scan_record_id: int
    at: dt.datetime
    station: str
    packer: str | None
    order: str | None
    reason: str
    scanned: str
    sku: str | None
    detail: str
    typed: bool
    reviewer: str | None
    reviewed_at: dt.datetime | None
    review_note: str
    #: What Kenpin knew of the refusal (`app.core.scans.Fact` values as keys).
    facts: dict[str, str]

    @property
    def cursor(self) -> LogCursor:
        """The cursor of the page that follows this row."""
        return LogCursor(self.at, self.id)


@dataclass(frozen=True, slots=True)
class AroundScan:
    """A scan of the pack session around a refusal, with its verdict."""

    id: int
    seq: int
    at: dt.datetime
    raw: str
    kind: str
    verdict: str
    reason: str | None
    message: str
    typed: bool


@dataclass(frozen=True, slots=True)
class Choice:
    """A station or packer the filters offer."""

    key: int | str
    name: str


_ROW_COLUMNS = (
    _LOG.id,
    _LOG.scan_record_id,
    _LOG.at,
    _LOG.station,
    _USERS.name,
    _ORDERS.number,
    _LOG.reason,
    _LOG.scanned,
    _LOG.sku,
    _LOG.detail,
    _LOG.typed,
    _REVIEWERS.c.name,
    _LOG.reviewed_at,
    _LOG.review_note,
    _LOG.facts,
)


def facts_of(text: str) -> dict[str, str]:
    """The stored facts (JSON) as a dict; {} when none were stored."""
    if not text:
        return {}
    loaded = json.loads(text)
    return (
        {str(key): str(value) for key, value in loaded.items()} if isinstance(loaded, dict) else {}
    )


def mismatch_row(row: Any) -> MismatchRow:
    """A result row of `log_query` as a `MismatchRow`."""
    values: list[Any] = list(row)
    values[-1] = facts_of(values[-1])
    return MismatchRow(*values)


def log_query(wanted: MismatchFilter) -> Select[Any]:
    """Every refusal `wanted` names, newest first, with packer, order and reviewer names."""
    query = (
        select(*_ROW_COLUMNS)
        .select_from(
            table(Mismatch)
            .outerjoin(table(User), _USERS.id == _LOG.user_id)
            .outerjoin(table(Order), _ORDERS.id == _LOG.order_id)
            .outerjoin(_REVIEWERS, _REVIEWERS.c.id == _LOG.reviewed_by)
        )
        .order_by(_LOG.at.desc(), _LOG.id.desc())
    )
    return query.where(*conditions(wanted))


def conditions(wanted: MismatchFilter) -> list[ColumnElement[bool]]:
    """`wanted` as conditions on the mismatch log's columns."""
    found: list[ColumnElement[bool]] = []
    if wanted.since is not None:
        found.append(_LOG.at >= wanted.since)
    if wanted.until is not None:
        found.append(_LOG.at < wanted.until)
    if wanted.station:
        found.append(_LOG.station == wanted.station)
    if wanted.user_id is not None:
        found.append(_LOG.user_id == wanted.user_id)
    if wanted.reason:
        found.append(_LOG.reason == wanted.reason)
    if wanted.sku:
        found.append(_LOG.sku == wanted.sku.strip())
    if wanted.order:
        numbers = prefix_variants(wanted.order.strip())
        found.append(_LOG.order_id.in_(select(_ORDERS.id).where(_ORDERS.number.in_(numbers))))
    return found


def log_page(
    session: Session, wanted: MismatchFilter, after: LogCursor | None, limit: int
) -> list[MismatchRow]:
    """The next `limit` refusals `wanted` names, older than `after`, newest first."""
    query = log_query(wanted).limit(limit)
    if after is not None:
        query = query.where(tuple_(_LOG.at, _LOG.id) < tuple_(after.at, after.mismatch_id))
    return [mismatch_row(row) for row in core(session).execute(query)]


def one_mismatch(session: Session, mismatch_id: int) -> MismatchRow | None:
    """The refusal `mismatch_id`, or None when there is none."""
    row = core(session).execute(log_query(MismatchFilter()).where(_LOG.id == mismatch_id)).first()
    return mismatch_row(row) if row is not None else None


_AROUND_COLUMNS = (
    _SCANS.id,
    _SCANS.seq,
    _SCANS.at,
    _SCANS.raw,
    _SCANS.kind,
    _SCANS.verdict,
    _SCANS.reason,
    _SCANS.message,
    _SCANS.typed,
)


def scans_around(session: Session, scan_record_id: int) -> list[AroundScan]:
    """The scans of the pack session the refused scan was made in, in order; for a refusal
    outside any pack session, the station's scans just before and after it."""
    where = (
        core(session)
        .execute(
            select(_SCANS.pack_session_id, _SCANS.station_id, _SCANS.seq).where(
                _SCANS.id == scan_record_id
            )
        )
        .first()
    )
    if where is None:
        return []
    session_id, station_id, seq = where
    query = select(*_AROUND_COLUMNS)
    if session_id is not None:
        query = query.where(_SCANS.pack_session_id == session_id).order_by(_SCANS.id)
    else:
        query = query.where(
            _SCANS.station_id == station_id,
            _SCANS.seq.between(seq - AROUND_BEFORE, seq + AROUND_AFTER),
        ).order_by(_SCANS.seq)
    return [AroundScan(*tuple(row)) for row in core(session).execute(query)]


def mark_reviewed(
    session: Session, mismatch_id: int, reviewer_id: int, at: dt.datetime, note: str
) -> bool:
    """Record who reviewed the refusal, when, and their note; False when there is none."""
    done = core(session).execute(
        update(table(Mismatch))
        .where(_LOG.id == mismatch_id)
        .values(reviewed_by=reviewer_id, reviewed_at=at, review_note=note)
    )
    return bool(done.rowcount)


def stations(session: Session) -> list[Choice]:
    """Every station by name, for the station filter."""
    names = core(session).execute(select(table(Station).c.name).order_by(table(Station).c.name))
    return [Choice(name, name) for (name,) in names]


def packers(session: Session) -> list[Choice]:
    """Every user by name (a supervisor may have packed too), for the packer filter."""
    rows = core(session).execute(select(_USERS.id, _USERS.name).order_by(_USERS.name))
    return [Choice(int(user_id), name) for user_id, name in rows]
