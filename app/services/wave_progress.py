"""Progress of the waves for supervisors (the Waves page): each wave being picked, and each
one done lately, with its picker, lines and units picked, short picks and time per line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db import wave_progress as store
from app.db.database import Database
from app.db.models import utcnow

#: A done wave stays on the page this long after its pick ended.
DONE_SHOWN = dt.timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class WaveProgress:
    """One wave on the page."""

    number: str
    status: str
    orders: int
    #: The picker holding the wave (or who picked it last) and their station; None if none.
    picker: str | None
    station: str | None
    lines_picked: int
    lines: int
    units_picked: int
    units: int
    short_picks: int
    #: Minutes since the wave was made.
    minutes_open: int
    #: Seconds of picking per line picked since the pick opened; None before the first line.
    seconds_per_line: float | None


def _aware(moment: dt.datetime) -> dt.datetime:
    """A stored time in UTC (SQLite gives it back without its zone)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


class WavesInProgress:
    """The waves of one database as the supervisors' page shows them."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def waves(self, now: dt.datetime | None = None) -> list[WaveProgress]:
        """The open waves and those done in the last DONE_SHOWN, newest first."""
        now = now or utcnow()
        with self._db.read() as session:
            listed = store.waves_on_board(session, now - DONE_SHOWN)
            ids = [wave.id for wave in listed]
            if not ids:
                return []
            pickers = store.pickers(session, ids)
            lines = store.lines_taken(session, ids)
        return [
            _progress(
                wave, pickers.get(wave.id), [ln for ln in lines if ln.wave_id == wave.id], now
            )
            for wave in listed
        ]


def _progress(
    wave: store.WaveOnBoard,
    picker: store.Picker | None,
    own: list[store.LineTaken],
    now: dt.datetime,
) -> WaveProgress:
    # A line said short is done with: the picker has moved on from it.
    picked = sum(1 for line in own if line.taken + line.short >= line.qty)
    per_line = None
    if picker is not None and picked:
        until = _aware(picker.closed_at) if picker.closed_at is not None else now
        per_line = (until - _aware(picker.opened_at)).total_seconds() / picked
    return WaveProgress(
        number=wave.number,
        status=str(wave.status),
        orders=wave.orders,
        picker=picker.user if picker is not None else None,
        station=picker.station if picker is not None else None,
        lines_picked=picked,
        lines=len(own),
        units_picked=sum(min(line.taken, line.qty) for line in own),
        units=sum(line.qty for line in own),
        short_picks=wave.short_picks,
        minutes_open=int((now - _aware(wave.created_at)).total_seconds() // 60),
        seconds_per_line=per_line,
    )
