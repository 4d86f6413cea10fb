"""The pick mode's effects: one handler per `PickEffect`, each the writes of one kind of scan.

A station's pick is a claim on its wave (`app.db.pick_models`): at most one
open session per wave, so a second station scanning the wave is refused
`order_locked` while the first one's lease runs (each of its scans renews
it). A unit taken, or a short pick, is stored with its scan's record, so it
is written once that record exists (`PickMode.shown`); when the last line is
picked the wave's orders become `picked` and the session `done`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from app.core.orders import OrderStatus
from app.core.pick.rules import PickDecision, PickEffect, applied
from app.core.pick.session import Pick, PickSnapshot
from app.core.scans import Fact
from app.core.station import StationUser
from app.db import handover, picks
from app.services.station.pipeline import Step
from app.services.station.signins import log_in, log_out, pin_failed


@dataclass(frozen=True, slots=True)
class PickFacts:
    """What the pick rules are told, the stored pick behind it and the wave a code named."""

    snapshot: PickSnapshot
    held: picks.HeldPick | None = None
    #: Each pick line's (reservation's) order line and order.
    where: Mapping[int, picks.LineOf] | None = None
    on_file: picks.WaveOnFile | None = None


@dataclass(frozen=True, slots=True)
class KeptPick:
    """The pick a station holds as it stood after the station's last scan: its session,
    the pick (lines and what is taken) and where each line belongs. Kept in memory between
    scans (`pipeline.Kept`), so a scan reads the wave's lines again only when something
    else moved (a scan of another process, a pick taken over)."""

    held: picks.HeldPick
    pick: Pick
    where: Mapping[int, picks.LineOf]


PickStep = Step[PickFacts, PickDecision, KeptPick]


@dataclass(frozen=True, slots=True)
class PickAfter:
    """What a pick scan's effect did: the pick it reports on, and the station afterwards."""

    #: The pick after the scan (the outcome's counts), if any.
    pick: Pick | None
    held: picks.HeldPick | None
    user: StationUser | None
    #: The units of this scan to store with its record (a unit taken, or a short pick).
    stored_with_scan: PickEffect | None = None
    #: The wave's orders the scan finished picking.
    finished: tuple[str, ...] = ()
    where: Mapping[int, picks.LineOf] | None = None
    #: What the picker is told instead of the decision's message (a short pick's sequel),
    #: and what the screen's words need of it beyond the decision's facts.
    told: str = ""
    facts: Mapping[Fact, str] = field(default_factory=dict)


Handler = Callable[[PickStep], PickAfter]


def _as_it_was(step: PickStep) -> PickAfter:
    facts = step.facts
    return PickAfter(facts.snapshot.pick, facts.held, step.row.user, where=facts.where)


def _log_in(step: PickStep) -> PickAfter:
    user = step.decision.user
    assert user is not None
    log_in(step, user)
    return replace(_as_it_was(step), user=user)


def _log_out(step: PickStep) -> PickAfter:
    log_out(step)
    return replace(_as_it_was(step), user=None)


def _pin_failed(step: PickStep) -> PickAfter:
    """A wrong PIN with a supervising badge: kept (nobody logs in)."""
    assert step.decision.user is not None
    pin_failed(step, step.decision.user, step.facts.snapshot.badge_pin)
    return _as_it_was(step)


def _open_pick(step: PickStep) -> PickAfter:
    on_file, user = step.facts.on_file, step.row.user
    assert on_file is not None and user is not None
    session_id = picks.open_pick(
        step.session, step.row.station_id, user.user_id, on_file, step.incoming.lease
    )
    held = picks.held_pick(step.session, step.row.station_id)
    assert held is not None and held.session_id == session_id
    lines, where = picks.pick_lines(step.session, held.wave_id)
    pick = picks.stored_pick(step.session, held, lines)
    return PickAfter(pick, held, user, where=where)


def _changed(step: PickStep) -> PickAfter:
    """The pick after an effect on it: the bin scanned kept, the lease renewed, and the wave
    finished when nothing is left to pick (a unit taken is stored with its scan)."""
    facts, decision = step.facts, step.decision
    held, pick = facts.held, facts.snapshot.pick
    assert held is not None and pick is not None
    # The scan's record id is not known yet: it only names the unit, never decides.
    after = applied(pick, decision, scan_ref=0)
    session = step.session
    picks.renew(session, step.row.station_id, held.session_id, step.incoming.lease)
    if after.at_bin != pick.at_bin:
        picks.set_at_bin(session, held.session_id, after.at_bin)
    effect = decision.effect
    if effect is PickEffect.SLOT and pick.unslotted is not None:
        picks.slot_unit(session, held.session_id, pick.unslotted.scan_ref)
    if effect is PickEffect.UNDO:
        assert decision.undo_ref is not None
        picks.undo_unit(session, held.session_id, decision.undo_ref)
    stored = PickEffect.TAKE if effect is PickEffect.TAKE else None
    finished: tuple[str, ...] = ()
    if after.current is None and after.unslotted is None:
        finished = tuple(picks.finish(session, held, step.row.station_id, step.at))
    else:
        _orders_done(step, pick, after, facts.where)
    return PickAfter(after, held, step.row.user, stored, finished, facts.where)


def _orders_done(
    step: PickStep, before: Pick, after: Pick, where: Mapping[int, picks.LineOf] | None
) -> None:
    """The orders this scan finished picking become `picked` while the wave goes on."""
    done = after.orders_done() - before.orders_done()
    if not done or where is None:
        return
    ids = {where[line.line_id].order_id for line in after.lines if line.order_number in done}
    picks.mark_picked(step.session, sorted(ids), step.at)


def _short_pick(step: PickStep) -> PickAfter:
    """The missing units reserved again in another bin or lot (the pick gains a line there),
    or the order backordered out of the wave with its picked units to put back."""
    facts, decision = step.facts, step.decision
    held, pick, user = facts.held, facts.snapshot.pick, step.row.user
    assert held is not None and pick is not None and user is not None
    assert decision.line_id is not None
    session = step.session
    picks.renew(session, step.row.station_id, held.session_id, step.incoming.lease)
    said = picks.ShortSaid(decision.line_id, decision.units, facts.snapshot.today, user.user_id)
    shorted = picks.short_pick(session, held, said)
    lines, where = picks.pick_lines(session, held.wave_id)
    after = picks.stored_pick(session, held, lines)
    if shorted.kept:
        # Stored with the scan's record: the line stays, closed short.
        after = replace(after, short=after.short | {decision.line_id})
    current = after.current
    at_bin = pick.at_bin if current is not None and current.bin == pick.at_bin else None
    after = replace(after, at_bin=at_bin)
    if at_bin != pick.at_bin:
        picks.set_at_bin(session, held.session_id, at_bin)
    if shorted.backordered is not None:
        told = f"{decision.message}; {shorted.backordered} backordered"
        if shorted.put_back:
            told += f", put back the {shorted.put_back} unit(s) picked for it"
        sequel = {Fact.STATUS: OrderStatus.BACKORDERED.value, Fact.UNITS: str(shorted.put_back)}
    else:
        told = f"{decision.message}; take {decision.units} from {', '.join(shorted.bins)}"
        sequel = {Fact.EXPECTED: ", ".join(shorted.bins)}
    finished: tuple[str, ...] = ()
    if current is None and after.unslotted is None:
        finished = tuple(picks.finish(session, held, step.row.station_id, step.at))
    else:
        _orders_done(step, pick, after, {**(facts.where or {}), **where})
    stored = PickEffect.SHORT_PICK if shorted.kept else None
    return PickAfter(
        after,
        held,
        user,
        stored,
        finished,
        {**(facts.where or {}), **where},
        told=told,
        facts=sequel,
    )


def _take_tote(step: PickStep) -> PickAfter:
    """The one order's units go in the tote scanned: it holds the order until it is packed."""
    facts, decision = step.facts, step.decision
    held, pick, where = facts.held, facts.snapshot.pick, facts.where
    assert held is not None and pick is not None and where is not None
    assert decision.tote is not None
    session = step.session
    picks.renew(session, step.row.station_id, held.session_id, step.incoming.lease)
    order_id = next(iter(where.values())).order_id
    handover.take_tote(session, decision.tote, order_id, held.session_id, step.at)
    after = applied(pick, decision)
    return PickAfter(after, replace(held, tote=decision.tote), step.row.user, where=where)


HANDLERS: Mapping[PickEffect, Handler] = {
    PickEffect.NONE: _as_it_was,
    PickEffect.LOGIN: _log_in,
    PickEffect.LOGOUT: _log_out,
    PickEffect.PIN_FAILED: _pin_failed,
    PickEffect.OPEN_PICK: _open_pick,
    PickEffect.AT_BIN: _changed,
    PickEffect.TAKE: _changed,
    PickEffect.SLOT: _changed,
    PickEffect.UNDO: _changed,
    PickEffect.SHORT_PICK: _short_pick,
    PickEffect.TAKE_TOTE: _take_tote,
}
