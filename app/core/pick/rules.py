"""The pick rules: scan in, verdict out, one instruction at a time in walk order.

Plain Python like `app.core.pack.rules`. The picker scans the badge, then a
wave (or one order) number; each instruction names a bin, a product and its
variant, the quantity and the lot. The bin is scanned first (another bin is
`wrong_bin`), then each unit, checked as at the pack bench (another product
`not_on_pick`, one too many `over_quantity`, another lot `wrong_lot`, an
expired unit `expired`, a plain JAN of a `gs1` lot product `lot_required`);
on a cart each unit's slot label comes next (another slot `wrong_slot`).
One order picked on its own goes into a tote: its label (`TOTE-…`) is
scanned before the first bin (a bin first is `tote_required`, a tote holding
another order `tote_in_use`). `KCMD:UNDO` puts back the last unit,
`KCMD:SHORTPICK` at the bin says the units taken there are all there is. A
wave scanned while another is open is `pick_open`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.core.pack.session import Pack, PackedUnit
from app.core.pack.units import Placement, place
from app.core.pick.session import Pick, PickedUnit, PickLine, PickSnapshot, ToteCandidate
from app.core.scans import ClassifiedScan, Command, Fact, Note, Reason, ScanKind, VerdictKind
from app.core.station import StationUser, badge_answer

#: The reasons only a pick records (the pack bench never does): its refusals, and the short
#: pick its mismatch-log row names.
PICK_REASONS = frozenset(
    {
        Reason.WRONG_BIN,
        Reason.NOT_ON_PICK,
        Reason.WRONG_SLOT,
        Reason.PICK_OPEN,
        Reason.SHORT_PICK,
        Reason.TOTE_IN_USE,
        Reason.TOTE_REQUIRED,
    }
)
#: The notes only a pick says.
PICK_NOTES = frozenset(
    {
        Note.PICK_OPENED,
        Note.AT_BIN,
        Note.PICKED,
        Note.SLOTTED,
        Note.PICK_DONE,
        Note.SHORT_PICKED,
        Note.TOTE_TAKEN,
    }
)


class PickEffect(StrEnum):
    """What the station service must do to the stored pick after a decision."""

    NONE = "none"
    LOGIN = "login"
    LOGOUT = "logout"
    PIN_FAILED = "pin_failed"
    OPEN_PICK = "open_pick"
    AT_BIN = "at_bin"
    TAKE = "take"
    SLOT = "slot"
    UNDO = "undo"
    SHORT_PICK = "short_pick"
    TAKE_TOTE = "take_tote"


@dataclass(frozen=True, slots=True)
class PickDecision:
    """The verdict on one pick scan and the change it asks for."""

    verdict: VerdictKind
    effect: PickEffect = PickEffect.NONE
    reason: Reason | None = None
    message: str = ""
    #: For TAKE, UNDO, SLOT and SHORT_PICK: the pick line, and units moved.
    line_id: int | None = None
    units: int = 0
    lot: str | None = None
    lot_read: bool = True
    #: For UNDO: the scan_ref of the unit put back.
    undo_ref: int | None = None
    #: For LOGIN and LOGOUT: the user.
    user: StationUser | None = None
    #: For TAKE_TOTE: the tote's label.
    tote: str | None = None
    note: Note | None = None
    facts: dict[Fact, str] = field(default_factory=dict)


def refused(reason: Reason, message: str, facts: dict[Fact, str] | None = None) -> PickDecision:
    return PickDecision(VerdictKind.REJECTED, reason=reason, message=message, facts=facts or {})


def _info(
    message: str, note: Note, facts: dict[Fact, str], effect: PickEffect = PickEffect.NONE
) -> PickDecision:
    return PickDecision(VerdictKind.INFO, effect, message=message, note=note, facts=facts)


def decide(scan: ClassifiedScan, snapshot: PickSnapshot) -> PickDecision:
    """The verdict on `scan` at a pick station in state `snapshot`; nothing is changed."""
    if scan.scan.unreadable:
        return refused(Reason.UNREADABLE, "scan not read, scan again")
    if scan.kind is ScanKind.BADGE:
        return _badge(snapshot)
    user = snapshot.user
    if user is None:
        return refused(Reason.NOT_LOGGED_IN, "scan your badge to log in")
    if scan.command is Command.LOGOUT:
        return PickDecision(
            VerdictKind.INFO,
            PickEffect.LOGOUT,
            message=f"{user.name} logged out",
            user=user,
            note=Note.LOGGED_OUT,
            facts={Fact.USER: user.name},
        )
    pick = snapshot.pick
    if snapshot.wave is not None:
        return _wave(snapshot, pick)
    if pick is None and snapshot.lost is not None:
        number, holder = snapshot.lost
        return refused(
            Reason.ORDER_LOCKED,
            f"{number} is being picked at station {holder} now",
            {Fact.WAVE: number, Fact.HOLDER: holder},
        )
    if pick is None:
        return refused(Reason.NO_OPEN_PACK, "scan a wave or an order number first")
    return _picking(scan, snapshot, pick)


def _picking(scan: ClassifiedScan, snapshot: PickSnapshot, pick: Pick) -> PickDecision:
    """A scan while `pick` is open: the instruction in front of the picker decides."""
    if scan.command is Command.UNDO:
        return _undo(pick)
    if pick.unslotted is not None:
        return _slot(pick, pick.unslotted, snapshot.slot)
    line = pick.current
    if line is None:
        return _info(f"{pick.number} is picked", Note.PICK_DONE, {Fact.WAVE: pick.number})
    if scan.kind is ScanKind.TOTE:
        assert snapshot.tote is not None
        return _tote(pick, line, snapshot.tote)
    if pick.needs_tote:
        return refused(
            Reason.TOTE_REQUIRED,
            f"scan a tote (TOTE-…) for order {line.order_number} first",
            {Fact.ORDER: line.order_number},
        )
    if scan.command is Command.SHORTPICK:
        return _short(pick, line)
    if scan.kind is ScanKind.LOCATION:
        return _bin(line, scan.code)
    if scan.kind is ScanKind.PRODUCT:
        return _unit(pick, line, scan, snapshot)
    return refused(Reason.UNKNOWN_BARCODE, f"{scan.code}: not a code picking takes")


def applied(pick: Pick, decision: PickDecision, scan_ref: int | None = None) -> Pick:
    """The pick after `decision`; `scan_ref` names the scan of a unit taken."""
    effect = decision.effect
    if effect is PickEffect.AT_BIN:
        current = pick.current
        return replace(pick, at_bin=current.bin if current else None)
    if effect is PickEffect.TAKE:
        if scan_ref is None or decision.line_id is None:
            raise ValueError("taking a unit needs its scan_ref and line")
        taken = pick.with_unit(PickedUnit(scan_ref, decision.line_id, decision.units, decision.lot))
        return _next_stop(taken)
    if effect is PickEffect.SLOT:
        return _next_stop(replace(pick, unslotted=None))
    if effect is PickEffect.UNDO:
        assert decision.undo_ref is not None
        return pick.without_scan(decision.undo_ref)
    if effect is PickEffect.SHORT_PICK:
        assert decision.line_id is not None
        return _next_stop(replace(pick, short=pick.short | {decision.line_id}))
    if effect is PickEffect.TAKE_TOTE:
        return replace(pick, tote=decision.tote)
    return pick


def _next_stop(pick: Pick) -> Pick:
    """The bin stays scanned while the next instruction is at the same bin."""
    if pick.unslotted is not None:
        return pick
    current = pick.current
    if current is None or current.bin != pick.at_bin:
        return replace(pick, at_bin=None)
    return pick


def _instruction(line: PickLine) -> dict[Fact, str]:
    facts = {
        Fact.BIN: line.bin,
        Fact.SKU: line.sku,
        Fact.ITEM: line.item,
        Fact.ORDERED: str(line.qty),
        Fact.ORDER: line.order_number,
    }
    if line.lot is not None:
        facts[Fact.LOT] = line.lot
    return facts


def _wave(snapshot: PickSnapshot, pick: Pick | None) -> PickDecision:
    wave = snapshot.wave
    assert wave is not None
    facts = {Fact.WAVE: wave.number}
    if pick is not None:
        if pick.number == wave.number:
            return _info(f"{wave.number} is already open", Note.PICK_OPENED, facts)
        return refused(
            Reason.PICK_OPEN,
            f"{pick.number} is still being picked: finish it first",
            {**facts, Fact.OPEN_ORDER: pick.number},
        )
    if not wave.pickable:
        return refused(Reason.ORDER_NOT_PACKABLE, f"{wave.number} cannot be picked now", facts)
    if wave.locked_by is not None:
        return refused(
            Reason.ORDER_LOCKED,
            f"{wave.number} is being picked at station {wave.locked_by}",
            {**facts, Fact.HOLDER: wave.locked_by},
        )
    return _info(f"{wave.number} opened", Note.PICK_OPENED, facts, PickEffect.OPEN_PICK)


def _tote(pick: Pick, line: PickLine, tote: ToteCandidate) -> PickDecision:
    """A tote label: a one-order pick's units go in it, unless it holds another order."""
    order = line.order_number
    facts = {Fact.TOTE: tote.code, Fact.ORDER: order}
    if pick.batch:
        return refused(
            Reason.WRONG_SLOT,
            f"{tote.code}: this wave goes onto a cart, each unit into its order's slot",
            {Fact.TOTE: tote.code, Fact.WAVE: pick.number},
        )
    if pick.tote == tote.code:
        return _info(f"{order} goes in {tote.code}", Note.TOTE_TAKEN, facts)
    if pick.tote is not None and pick.picked:
        return refused(
            Reason.WRONG_SLOT,
            f"{order}'s units are in {pick.tote}: keep picking into it",
            {**facts, Fact.TOTE: pick.tote},
        )
    if tote.holder is not None and tote.holder != order:
        return refused(
            Reason.TOTE_IN_USE,
            f"{tote.code} holds order {tote.holder}: take an empty tote",
            {**facts, Fact.OPEN_ORDER: tote.holder},
        )
    return PickDecision(
        VerdictKind.INFO,
        PickEffect.TAKE_TOTE,
        message=f"{order} goes in {tote.code}: go to {line.bin}",
        tote=tote.code,
        note=Note.TOTE_TAKEN,
        facts={**_instruction(line), Fact.TOTE: tote.code},
    )


def _bin(line: PickLine, code: str) -> PickDecision:
    if code != line.bin:
        return refused(
            Reason.WRONG_BIN,
            f"{code} is not the bin: go to {line.bin}",
            {**_instruction(line), Fact.CODE: code},
        )
    return _info(f"at {line.bin}", Note.AT_BIN, _instruction(line), PickEffect.AT_BIN)


def _unit(pick: Pick, line: PickLine, scan: ClassifiedScan, snapshot: PickSnapshot) -> PickDecision:
    product = scan.product
    if product is None:
        return refused(Reason.UNKNOWN_BARCODE, f"{scan.code}: no product has this code")
    if pick.at_bin != line.bin:
        return refused(Reason.WRONG_BIN, f"scan bin {line.bin} first", {**_instruction(line)})
    placed = place(_as_pack(pick, line), product, scan.code, snapshot.today)
    if not isinstance(placed, Placement):
        if placed.reason is Reason.NOT_ON_ORDER:
            facts = {**placed.facts, Fact.EXPECTED: line.item}
            return refused(Reason.NOT_ON_PICK, f"{scan.code} is not {line.sku}", facts)
        return refused(placed.reason, placed.message, dict(placed.facts))
    taken = pick.picked_on(line.line_id) + product.units
    facts = {
        **_instruction(line),
        Fact.PACKED: str(taken),
        Fact.UNITS: str(product.units),
    }
    if pick.batch:
        facts[Fact.SLOT] = str(line.slot)
    return PickDecision(
        VerdictKind.ACCEPTED,
        PickEffect.TAKE,
        message=f"{line.sku}: {taken} of {line.qty}",
        line_id=line.line_id,
        units=product.units,
        lot=placed.lot,
        lot_read=placed.lot_read,
        note=_after_take(pick, line, taken),
        facts=facts,
    )


def _after_take(pick: Pick, line: PickLine, taken: int) -> Note:
    """PICKED, or PICK_DONE when this unit was the last (and no slot is asked for)."""
    last_line = [open_line.line_id for open_line in pick.open_lines()] == [line.line_id]
    if taken >= line.qty and last_line and not pick.batch:
        return Note.PICK_DONE
    return Note.PICKED


def _as_pack(pick: Pick, line: PickLine) -> Pack:
    """The instruction as the pack bench's unit rules see a box: one line, its units."""
    units = tuple(
        PackedUnit(unit.scan_ref, unit.line_id, unit.units, unit.lot)
        for unit in pick.picked
        if unit.line_id == line.line_id
    )
    return Pack(0, pick.number, (line.as_pack_line(),), packed=units)


def _slot(pick: Pick, unit: PickedUnit, slot: int | None) -> PickDecision:
    line = next(line for line in pick.lines if line.line_id == unit.line_id)
    facts = {Fact.SLOT: str(line.slot), Fact.ORDER: line.order_number}
    if slot != line.slot:
        return refused(
            Reason.WRONG_SLOT,
            f"put it in slot {line.slot} (order {line.order_number}) and scan that slot",
            facts,
        )
    done = not pick.open_lines()
    return PickDecision(
        VerdictKind.ACCEPTED,
        PickEffect.SLOT,
        message=f"slot {line.slot}: order {line.order_number}",
        line_id=line.line_id,
        note=Note.PICK_DONE if done else Note.SLOTTED,
        facts=facts,
    )


def _undo(pick: Pick) -> PickDecision:
    if not pick.picked:
        return _info("nothing to undo", Note.NOTHING_TO_UNDO, {Fact.WAVE: pick.number})
    unit = pick.picked[-1]
    line = next(line for line in pick.lines if line.line_id == unit.line_id)
    left = pick.picked_on(line.line_id) - unit.units
    return PickDecision(
        VerdictKind.ACCEPTED,
        PickEffect.UNDO,
        message=f"{line.sku}: put back {unit.units}, {left} of {line.qty}",
        line_id=line.line_id,
        units=unit.units,
        lot=unit.lot,
        undo_ref=unit.scan_ref,
        note=Note.TOOK_BACK,
        facts={
            Fact.SKU: line.sku,
            Fact.ITEM: line.item,
            Fact.PACKED: str(left),
            Fact.ORDERED: str(line.qty),
            Fact.UNITS: str(unit.units),
        },
    )


def _short(pick: Pick, line: PickLine) -> PickDecision:
    if pick.at_bin != line.bin:
        return refused(Reason.WRONG_BIN, f"scan bin {line.bin} first", _instruction(line))
    taken = pick.picked_on(line.line_id)
    return PickDecision(
        VerdictKind.INFO,
        PickEffect.SHORT_PICK,
        message=f"{line.sku} at {line.bin}: {taken} of {line.qty}, {line.qty - taken} short",
        line_id=line.line_id,
        units=line.qty - taken,
        note=Note.SHORT_PICKED,
        facts={**_instruction(line), Fact.PACKED: str(taken), Fact.SHORT: str(line.qty - taken)},
    )


def _badge(snapshot: PickSnapshot) -> PickDecision:
    """Log in, switch user or log out, as at every station (a supervisor with the PIN)."""
    answer = badge_answer(snapshot.user, snapshot.badge_user, snapshot.badge_pin)
    return PickDecision(effect=PickEffect(answer.effect), **answer.decided())
