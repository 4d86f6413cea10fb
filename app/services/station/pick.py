"""The pick mode: a wave picked unit by unit in walk order, each unit checked by its scan.

What it plugs into the scan pipeline: the facts `app.core.pick.rules.decide`
is told (read in the scan's transaction: the station's user, the pick it
holds with what is taken, the wave or slot label a code names), the handler
of each effect (`app.services.station.pick_effects.HANDLERS`), the scan's
record, and the pick screen's view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from app.core.containers import slot_number
from app.core.errors import ConcurrentChange
from app.core.pick.rules import PickDecision, PickEffect, applied, decide
from app.core.pick.session import Pick, PickLine, PickSnapshot, ToteCandidate
from app.core.scans import ClassifiedScan, Reason, ScanKind
from app.core.station import StationUser
from app.db import handover, picks
from app.db import pack_claims as claims
from app.db.database import Database
from app.db.models import utcnow
from app.db.scan_log import RecentScope, ScanEntry
from app.services.station.outcome import ScanOutcome
from app.services.station.pack import refusal_facts
from app.services.station.pick_effects import (
    HANDLERS,
    KeptPick,
    PickAfter,
    PickFacts,
    PickStep,
)
from app.services.station.pipeline import Incoming, Kept, Shown, Tx, kept_after
from app.services.station.signins import as_recorded, badge_facts
from app.services.station.station import LEASE_SECONDS, Clock, Opening, Station, open_station

PickTx = Tx[KeptPick]


@dataclass(frozen=True, slots=True)
class PickView:
    """What the pick screen shows: who, which wave, the one instruction in front of the
    picker (bin, product, quantity, lot), the counts and the recent scans."""

    station: str
    user: StationUser | None
    wave: str | None
    instruction: PickLine | None
    #: The bin of the instruction is scanned: the units come next.
    at_bin: bool
    #: The cart slot the unit just taken goes into, if one is asked for.
    slot: int | None
    scanned: int | None
    expected: int | None
    recent: tuple[ScanOutcome, ...]
    #: A cart of several orders: each unit goes into its order's slot (`instruction.slot`).
    batch: bool = False
    #: The tote the order's units go in (one order picked on its own), once scanned.
    tote: str | None = None
    #: The instruction in front of the picker is "scan a tote" (`TOTE-…`), before any bin.
    needs_tote: bool = False
    #: Pick lines done (picked or short) and in all: the picker's progress.
    lines_done: int = 0
    lines_total: int = 0
    #: Units of the instruction's line taken so far (the screen says how many more).
    taken: int = 0


def pick_view(
    station: str, user: StationUser | None, pick: Pick | None, recent: tuple[ScanOutcome, ...]
) -> PickView:
    """The pick screen's view of a station holding `pick` (None: no wave open)."""
    if pick is None:
        return PickView(station, user, None, None, False, None, None, None, recent)
    current = pick.current
    slot = None
    if pick.unslotted is not None:
        slot = next(line.slot for line in pick.lines if line.line_id == pick.unslotted.line_id)
    at_bin = current is not None and pick.at_bin == current.bin
    lines = pick.lines
    taken = pick.picked_on(current.line_id) if current is not None else 0
    return PickView(
        station,
        user,
        pick.number,
        current,
        at_bin,
        slot,
        pick.scanned,
        pick.expected,
        recent,
        taken=taken,
        batch=pick.batch,
        tote=pick.tote,
        needs_tote=pick.needs_tote and current is not None,
        lines_done=len(lines) - len(pick.open_lines()),
        lines_total=len(lines),
    )


class PickMode:
    """The pick mode's pieces for the scan pipeline (`app.services.station.pipeline`)."""

    def facts(self, tx: PickTx, incoming: Incoming, classified: ClassifiedScan) -> PickFacts:
        """The station as the pick rules see it, and what the scanned code names."""
        row, session = tx.row, tx.session
        held, pick, where = _held_pick(tx)
        badge_user, badge_pin = badge_facts(tx, incoming, classified)
        on_file, kind, code = None, classified.kind, classified.code
        if kind is ScanKind.WAVE:
            on_file = picks.wave_on_file(session, code, row.station_id)
        elif kind is ScanKind.ORDER:
            on_file = picks.order_on_file(session, code, row.station_id, held)
        tote = None
        if kind is ScanKind.TOTE:
            tote = ToteCandidate(code, handover.tote_holder(session, code))
        snapshot = PickSnapshot(
            station=tx.station.name,
            user=row.user,
            pick=pick,
            today=incoming.today,
            badge_user=badge_user,
            badge_pin=badge_pin,
            wave=on_file.candidate if on_file else None,
            slot=slot_number(code) if kind is ScanKind.SLOT else None,
            tote=tote,
            lost=picks.lost_pick(session, row.station_id) if held is None else None,
        )
        return PickFacts(snapshot, held, where, on_file)

    def decide(self, classified: ClassifiedScan, facts: PickFacts) -> PickDecision:
        """The pure rules' verdict."""
        return decide(classified, facts.snapshot)

    def apply(self, step: PickStep) -> PickAfter:
        """The decision's effect, by its handler."""
        return HANDLERS[step.decision.effect](step)

    def entry(self, step: PickStep, after: PickAfter) -> ScanEntry:
        """The scan's record, with its verdict and what it did."""
        decision, row, incoming = step.decision, step.row, step.incoming
        user = (
            decision.user if decision.effect in (PickEffect.LOGIN, PickEffect.LOGOUT) else row.user
        )
        product = step.classified.product
        line = _line_of(step, after, decision.line_id)
        pick = after.pick
        return ScanEntry(
            scan_id=incoming.scan_id,
            station_id=row.station_id,
            station=step.tx.station.name,
            seq=row.last_seq + 1,
            at=incoming.at,
            raw=as_recorded(step),
            kind=step.classified.kind.value,
            code=as_recorded(step, raw=False),
            verdict=decision.verdict.value,
            reason=_reason(decision),
            effect=decision.effect.value,
            message=after.told or decision.message,
            user_id=user.user_id if user else None,
            order_id=line.order_id if line else None,
            order_line_id=line.order_line_id if line else None,
            units=decision.units,
            lot=decision.lot,
            lot_read=decision.lot_read,
            expiry=product.expiry if product else None,
            undoes_scan=decision.undo_ref,
            scanned=pick.scanned if pick else None,
            expected=pick.expected if pick else None,
            concerning=line.order_id if line else None,
            typed=incoming.scan.typed,
            sku=product.sku or None if product else None,
            facts=refusal_facts(decision.facts, product) if _reason(decision) else {},
        )

    def shown(self, step: PickStep, after: PickAfter, ref: int) -> Shown[KeptPick]:
        """The outcome, and the pick screen as it stands after the scan; a unit taken (or a
        short pick) is stored now, with its scan's record id."""
        decision = step.decision
        pick = after.pick
        before = step.facts.snapshot.pick
        if after.stored_with_scan is not None and after.held is not None and before is not None:
            assert decision.line_id is not None
            if after.stored_with_scan is PickEffect.TAKE:
                pick = applied(before, decision, ref)
                picks.add_picked(
                    step.session,
                    after.held.session_id,
                    pick.picked[-1],
                    slotted=not pick.batch,
                )
            else:
                picks.add_short(
                    step.session, after.held.session_id, ref, decision.line_id, decision.units
                )
        outcome = ScanOutcome(
            seq=step.row.last_seq + 1,
            scan=as_recorded(step),
            kind=step.classified.kind,
            verdict=decision.verdict,
            reason=decision.reason,
            order=pick.number if pick else None,
            scanned=pick.scanned if pick else None,
            expected=pick.expected if pick else None,
            message=after.told or decision.message,
            at=step.at,
            note=decision.note,
            facts={**decision.facts, **after.facts},
            typed=step.incoming.scan.typed,
        )
        scope = RecentScope(after.user.user_id if after.user else None, None)
        first = decision.effect is PickEffect.LOGIN
        where = after.where or step.facts.where
        kept_pick = None
        if after.held is not None and pick is not None and where is not None and not after.finished:
            # The session as stored after this scan: its bin and tote are the pick's.
            held = replace(after.held, at_bin=pick.at_bin, tote=pick.tote)
            kept_pick = KeptPick(held, pick, where)
        # The recent-scans list says what the record says (its order, a short pick's
        # reason), as a fresh read would.
        recorded = _reason(decision)
        listed = replace(
            outcome,
            order=_recorded_order(step, decision.line_id),
            reason=Reason(recorded) if recorded else None,
        )
        kept = kept_after(step.tx, listed, kept_pick, scope, first=first)
        # The screen after the scan, from the pick this scan ends with (no second read).
        shown_pick = kept_pick.pick if kept_pick is not None else None
        view = pick_view(step.tx.station.name, after.user, shown_pick, kept.recent)
        return Shown(replace(outcome, view=view), kept)

    def screen(self, tx: PickTx) -> tuple[PickView, KeptPick | None]:
        """The pick screen as the station stands, and the pick it keeps."""
        held, pick, where = _held_pick(tx)
        kept = KeptPick(held, pick, where) if held and pick and where is not None else None
        return pick_view(tx.station.name, tx.row.user, pick, tx.recent()), kept

    def repeated(self, tx: PickTx, outcome: ScanOutcome) -> Shown[KeptPick]:
        """A retried scan's recorded outcome, with the pick screen as it stands."""
        view, keep = self.screen(tx)
        return Shown(
            replace(outcome, view=view), Kept(tx.row.last_seq, tx.scope, tx.recent(), keep)
        )


def _held_pick(
    tx: PickTx,
) -> tuple[picks.HeldPick | None, Pick | None, Mapping[int, picks.LineOf] | None]:
    """The pick the station holds (its session read every scan: the fence against a pick
    taken over), with its lines and what is taken: as kept after the station's last scan
    while that is still true, else read."""
    held = picks.held_pick(tx.session, tx.row.station_id)
    if held is None:
        return None, None, None
    kept = tx.kept_now()
    if kept is not None and kept.held is not None and kept.held.held == held:
        return held, kept.held.pick, kept.held.where
    lines, where = picks.pick_lines(tx.session, held.wave_id)
    return held, picks.stored_pick(tx.session, held, lines), where


def _reason(decision: PickDecision) -> str | None:
    """The reason the scan is recorded with: a refusal's, or `short_pick` (for the mismatch
    log: the bin is to be counted)."""
    if decision.effect is PickEffect.SHORT_PICK:
        return Reason.SHORT_PICK.value
    return decision.reason.value if decision.reason else None


def _line_of(step: PickStep, after: PickAfter, line_id: int | None) -> picks.LineOf | None:
    """Where the scan's pick line belongs: the line decided on, else the instruction in front
    of the picker (what a refusal concerns)."""
    where = after.where or step.facts.where
    if where is None:
        return None
    if line_id is None:
        pick = step.facts.snapshot.pick
        current = pick.current if pick else None
        line_id = current.line_id if current else None
    return where.get(line_id) if line_id is not None else None


def _recorded_order(step: PickStep, line_id: int | None) -> str | None:
    """The number of the order the scan's record names (`_line_of`'s line), if any."""
    pick = step.facts.snapshot.pick
    if pick is None:
        return None
    if line_id is None:
        current = pick.current
        line_id = current.line_id if current else None
    return next((line.order_number for line in pick.lines if line.line_id == line_id), None)


class PickStation(Station[PickFacts, PickDecision, PickAfter, KeptPick, PickView]):
    """A pick station's scan pipeline over the shared database."""

    def __init__(
        self,
        db: Database,
        station: str,
        *,
        lease_seconds: int = LEASE_SECONDS,
        opening: Opening | None = None,
        clock: Clock = utcnow,
    ) -> None:
        """Open `station` as `opening` says (this process's hold on it)."""
        ref = open_station(db, station, opening)
        super().__init__(db, ref, PickMode(), lease_seconds=lease_seconds, clock=clock)

    def renew_lease(self) -> bool:
        """Keep this station's claim on the wave it picks alive (the window's timer, while
        the picker walks between bins): the lease runs from the database's clock.

        False when the station picks no wave or another station took it over (its
        next scan says so); nothing is changed then.
        """
        try:
            with claims.conflicts_translated(), self._db.write() as session:
                self._keep_hold(session, now=True)
                held = picks.held_pick(session, self.ref.id)
                if held is None:
                    return False
                picks.renew(session, self.ref.id, held.session_id, self._lease)
        except ConcurrentChange:
            return False
        return True
