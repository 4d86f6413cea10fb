"""Waves: grouping allocated orders for the pickers, releasing a wave, its pick list."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.audit import Action
from app.core.errors import ConcurrentChange, Refused
from app.core.waves import (
    WaveRequest,
    WaveStatus,
    check_listed,
    choose,
    next_wave_number,
    wave_number,
    wave_sequence,
)
from app.db import audit
from app.db import documents as store
from app.db import waves as waves_store
from app.db.database import Database
from app.services.documents import pick_list_of, write_pick_list_of
from app.services.signin import Credentials, signed_in

#: How often a create starts again when another create took its number or orders first.
_TRIES = 5


@dataclass(frozen=True, slots=True)
class CreatedWave:
    """A wave just made: its number, its orders in slot order, lines and units."""

    number: str
    orders: tuple[str, ...]
    lines: int
    units: int

    def as_json(self) -> str:
        """What `kenpin wave create --json` prints."""
        fields = {
            "number": self.number,
            "orders": list(self.orders),
            "lines": self.lines,
            "units": self.units,
        }
        return json.dumps(fields, ensure_ascii=False)


def create_wave(db: Database, request: WaveRequest, created_by: int | None = None) -> CreatedWave:
    """Group allocated orders into a new open wave (their status `picking`); refused,
    nothing made, when there is none to take or a listed order may not join."""
    for attempt in range(_TRIES):
        try:
            return _create_once(db, request, created_by)
        except ConcurrentChange:
            if attempt == _TRIES - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _create_once(db: Database, request: WaveRequest, created_by: int | None) -> CreatedWave:
    with db.write() as session:
        if request.orders:
            found = waves_store.candidates_by_number(session, request.orders)
            chosen = check_listed(request.orders, found)
        else:
            oldest = waves_store.oldest_allocated(session, request.carrier, request.max_orders)
            chosen = choose(oldest, request)
        if not chosen:
            carrier = f" for {request.carrier}" if request.carrier else ""
            raise Refused(f"no allocated orders{carrier} to put in a wave; run `kenpin allocate`")
        number = next_wave_number(waves_store.last_wave_number(session))
        ids = [order.id for order in chosen]
        waves_store.add_wave(session, number, request.carrier, created_by, ids)
        lines, units = waves_store.wave_size(session, ids)
    return CreatedWave(number, tuple(order.number for order in chosen), lines, units)


def _wave(session: Session, number: str) -> waves_store.WaveRow:
    sequence = wave_sequence(number)
    wave = None if sequence is None else waves_store.wave_by_number(session, wave_number(sequence))
    if wave is None:
        raise Refused(f"no such wave: {number}")
    return wave


def release_wave(db: Database, number: str, by: Credentials) -> str:
    """Release an open wave on a supervisor's word: its orders still `picking` are
    allocated again (the picked ones stay picked). Audited; returns what was done."""
    supervisor = signed_in(db, by, place="cli: wave release")
    with db.write() as session:
        wave = _wave(session, number)
        if wave.status != WaveStatus.OPEN:
            raise Refused(f"wave {wave.number} is {wave.status}, not open; nothing to release")
        back = waves_store.release_wave(session, wave.id)
        audit.record(
            session,
            Action.WAVE_RELEASE,
            user_id=supervisor.user_id,
            detail=json.dumps({"wave": wave.number, "allocated_again": back}),
        )
    return f"wave {wave.number} released: {back} order(s) allocated again"


def wave_pick_list_pdf(db: Database, number: str, out: Path, today: dt.date | None = None) -> str:
    """Write the pick list of a stored wave to `out`, each order at its cart slot; refused
    for a released wave."""
    with db.read() as session:
        wave = _wave(session, number)
        if wave.status == WaveStatus.RELEASED:
            # Its orders may be in another wave by now: a list of them would send a picker
            # to take them twice.
            raise Refused(f"wave {wave.number} was released; its orders are picked in no wave")
        slots = waves_store.wave_slots(session, wave.id)
        rows = store.pick_rows(session, [slot.id for slot in slots])
    orders = [store.WaveOrder(*slot[:5]) for slot in slots]
    pick_list = pick_list_of(
        orders,
        rows,
        today or dt.date.today(),
        number=wave.number,
        # One order picked on its own goes into a tote, not onto a cart's slot.
        slots={slot.number: slot.position for slot in slots} if len(slots) > 1 else {},
    )
    return write_pick_list_of(out, pick_list)
