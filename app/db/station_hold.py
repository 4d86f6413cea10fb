"""Which running process holds a station (its window, or a replay in progress), until when.

Times are the database's own clock (`db/clock.py`), so processes on PCs whose clocks
disagree still agree on when a hold lapses.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.core.times import as_utc
from app.db.models import table
from app.db.sql import core
from app.db.station_models import StationState

_STATE = table(StationState).c


def holder(session: Session, station_id: int) -> tuple[str | None, dt.datetime | None]:
    """Who holds the station and until when; the row stays locked (PostgreSQL) until the
    transaction ends, so two processes opening the station take turns."""
    row = (
        core(session)
        .execute(
            select(_STATE.held_by, _STATE.held_until)
            .where(_STATE.station_id == station_id)
            .with_for_update()
        )
        .one()
    )
    return row[0], as_utc(row[1]) if row[1] is not None else None


def hold(session: Session, station_id: int, by: str, until: dt.datetime) -> None:
    """`by` holds the station until `until`."""
    core(session).execute(
        update(table(StationState))
        .where(_STATE.station_id == station_id)
        .values(held_by=by, held_until=until)
    )


def renew(session: Session, station_id: int, by: str, until: dt.datetime) -> bool:
    """`by` holds the station on until `until`; False when `by` holds it no longer."""
    done = core(session).execute(
        update(table(StationState))
        .where(_STATE.station_id == station_id, _STATE.held_by == by)
        .values(held_until=until)
    )
    return bool(done.rowcount)


def release(session: Session, station_id: int, by: str) -> None:
    """`by` lets go of the station (nothing happens when another process holds it now)."""
    core(session).execute(
        update(table(StationState))
        .where(_STATE.station_id == station_id, _STATE.held_by == by)
        .values(held_by=None, held_until=None)
    )
