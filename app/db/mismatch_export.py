"""The mismatch log's exports, streamed: refusals in time order, and the scans to replay them.

Rows come from the database in batches (`yield_per`), so an export of
millions of refusals holds a batch in memory, never the log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.mismatches import MismatchFilter, MismatchRow, conditions, log_query, mismatch_row
from app.db.models import table
from app.db.sql import core
from app.db.station_models import Mismatch, ScanRecord

#: Rows fetched from the database at a time.
BATCH = 2000

_LOG = table(Mismatch).c
_SCANS = table(ScanRecord).c


class ReplayedScan(NamedTuple):
    """A scan as a replay file gives it back: the code, when, typed by hand, unreadable."""

    raw: str
    at: dt.datetime
    typed: bool
    unreadable: bool


def refusals(session: Session, wanted: MismatchFilter) -> Iterator[MismatchRow]:
    """Every refusal `wanted` names, oldest first."""
    query = log_query(wanted).order_by(None).order_by(_LOG.at, _LOG.id)
    for row in core(session).execution_options(yield_per=BATCH).execute(query):
        yield mismatch_row(row)


def replay_scans(session: Session, wanted: MismatchFilter) -> Iterator[ReplayedScan]:
    """The scans that replay the refusals `wanted` names: every scan of each pack session
    with a refusal, session by session in order, then the refusals made outside any pack
    session, oldest first. Badge scans are left out: a badge is a key, not a record."""
    sessions = (
        select(_SCANS.pack_session_id)
        .join(table(Mismatch), _LOG.scan_record_id == _SCANS.id)
        .where(_SCANS.pack_session_id.is_not(None), *conditions(wanted))
    )
    columns = (_SCANS.raw, _SCANS.at, _SCANS.typed, _SCANS.reason)
    in_sessions = (
        select(*columns)
        .where(_SCANS.pack_session_id.in_(sessions), _SCANS.kind != "badge")
        .order_by(_SCANS.pack_session_id, _SCANS.id)
    )
    alone = (
        select(*columns)
        .join(table(Mismatch), _LOG.scan_record_id == _SCANS.id)
        .where(_SCANS.pack_session_id.is_(None), _SCANS.kind != "badge", *conditions(wanted))
        .order_by(_LOG.at, _LOG.id)
    )
    streaming = core(session).execution_options(yield_per=BATCH)
    for query in (in_sessions, alone):
        for raw, at, typed, reason in streaming.execute(query):
            yield ReplayedScan(raw, at, bool(typed), reason == "unreadable")
