"""The pick rules: one instruction at a time in walk order, the bin before its units, each
unit checked as at the pack bench, a cart's slot after each unit, undo and short picks."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.core.pick.rules import PickDecision, PickEffect, applied, decide
from app.core.pick.session import Pick, PickLine, PickSnapshot, ToteCandidate, WaveCandidate
from app.core.scans import (
    ClassifiedScan,
    Command,
    Fact,
    LotCheck,
    Note,
    ProductCode,
    Reason,
    Scan,
    ScanKind,
    VerdictKind,
)
from app.core.signin import PinCheck
from app.core.station import BadgePin, StationUser

TODAY = dt.date(2026, 5, 1)
PICKER = StationUser(1, "Alice", "packer")
SATO = StationUser(3, "佐藤 健", "supervisor")
TEA, CUP, RICE = 1, 2, 3

#: W-000001: order #1 (slot 1) 2 tea and a cup, order #2 (slot 2) 1 tea and 1 rice of lot L1.
LINES = (
    PickLine(10, "#1", 1, TEA, "TEA", "緑茶", "20包", "A-01", 1, 2),
    PickLine(11, "#2", 2, TEA, "TEA", "緑茶", "20包", "A-01", 1, 1),
    PickLine(12, "#1", 1, CUP, "CUP", "マグ", "藍", "B-02", 2, 1),
    PickLine(
        13,
        "#2",
        2,
        RICE,
        "RICE",
        "米",
        "5kg",
        "C-01",
        3,
        1,
        lot="L1",
        expiry=dt.date(2026, 12, 31),
        lot_tracked=True,
    ),
)


def unit(product_id: int, units: int = 1, **gs1: object) -> ClassifiedScan:
    code = ProductCode(product_id, units, sku=f"SKU-{product_id}", item=f"Product {product_id}")
    return ClassifiedScan(
        Scan(f"49{product_id:011d}"), ScanKind.PRODUCT, product=dataclasses.replace(code, **gs1)
    )


def code(kind: ScanKind, text: str) -> ClassifiedScan:
    return ClassifiedScan(Scan(text), kind)


def command(cmd: Command) -> ClassifiedScan:
    return ClassifiedScan(Scan(cmd.value), ScanKind.COMMAND, command=cmd)


class Cart:
    """One picker with a wave open: scan, decide, apply."""

    def __init__(
        self, batch: bool = True, lines: tuple[PickLine, ...] = LINES, tote: str | None = "TOTE-1"
    ) -> None:
        # One order picked on its own has its tote (the tote tests start without one).
        self.pick = Pick("W-000001", lines, batch=batch, tote=None if batch else tote)
        self.ref = 1

    def scan(
        self,
        scan: ClassifiedScan,
        *,
        slot: int | None = None,
        today: dt.date = TODAY,
        tote: ToteCandidate | None = None,
    ) -> PickDecision:
        snapshot = PickSnapshot("P1", PICKER, self.pick, today, slot=slot, tote=tote)
        decision = decide(scan, snapshot)
        self.pick = applied(self.pick, decision, self.ref)
        self.ref += 1
        return decision

    def slot(self, number: int) -> PickDecision:
        return self.scan(code(ScanKind.SLOT, f"SLOT-{number:02d}"), slot=number)

    def tote(self, label: str, holder: str | None = None) -> PickDecision:
        return self.scan(code(ScanKind.TOTE, label), tote=ToteCandidate(label, holder))


def test_the_instructions_follow_the_walk_and_the_bin_comes_first() -> None:
    cart = Cart()
    assert cart.pick.current == LINES[0]
    before_bin = cart.scan(unit(TEA))
    assert (before_bin.reason, before_bin.facts[Fact.BIN]) == (Reason.WRONG_BIN, "A-01")
    wrong = cart.scan(code(ScanKind.LOCATION, "B-02"))
    assert (wrong.reason, wrong.facts[Fact.CODE]) == (Reason.WRONG_BIN, "B-02")
    at = cart.scan(code(ScanKind.LOCATION, "A-01"))
    assert (at.note, at.effect) == (Note.AT_BIN, PickEffect.AT_BIN)
    assert at.facts[Fact.ITEM] == "緑茶 20包" and at.facts[Fact.ORDERED] == "2"


def test_each_unit_goes_into_its_orders_slot_on_a_cart() -> None:
    cart = Cart()
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    taken = cart.scan(unit(TEA))
    assert (taken.verdict, taken.note, taken.facts[Fact.SLOT]) == (
        VerdictKind.ACCEPTED,
        Note.PICKED,
        "1",
    )
    # Until its slot is scanned nothing else is taken.
    assert cart.scan(unit(TEA)).reason is Reason.WRONG_SLOT
    assert cart.slot(2).reason is Reason.WRONG_SLOT
    assert cart.slot(1).note is Note.SLOTTED
    cart.scan(unit(TEA))
    cart.slot(1)
    # The next instruction is at the same bin: no need to scan it again.
    assert cart.pick.current == LINES[1] and cart.pick.at_bin == "A-01"
    cart.scan(unit(TEA))
    assert cart.slot(2).note is Note.SLOTTED
    # On to the next bin: it must be scanned.
    assert cart.pick.current == LINES[2] and cart.pick.at_bin is None
    assert cart.scan(unit(CUP)).reason is Reason.WRONG_BIN


def test_a_product_that_is_not_the_instructions_is_refused_with_what_it_wants() -> None:
    cart = Cart()
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    refused = cart.scan(unit(CUP))
    assert (refused.reason, refused.facts[Fact.EXPECTED]) == (Reason.NOT_ON_PICK, "緑茶 20包")
    assert cart.pick.picked == ()


def test_a_case_too_big_for_the_instruction_is_refused_whole() -> None:
    cart = Cart(batch=False)
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    assert cart.scan(unit(TEA, 3)).reason is Reason.OVER_QUANTITY
    case = cart.scan(unit(TEA, 2))
    assert (case.verdict, case.units) == (VerdictKind.ACCEPTED, 2)


@pytest.mark.parametrize(
    ("scanned", "reason"),
    [
        (unit(RICE, lot="L9", expiry=dt.date(2026, 12, 31)), Reason.WRONG_LOT),
        (unit(RICE, lot="L1", expiry=dt.date(2026, 3, 1)), Reason.EXPIRED),
        (unit(RICE), Reason.LOT_REQUIRED),
    ],
)
def test_lots_and_dates_are_checked_as_at_the_pack_bench(
    scanned: ClassifiedScan, reason: Reason
) -> None:
    cart = Cart(batch=False, lines=(LINES[3],))
    cart.scan(code(ScanKind.LOCATION, "C-01"))
    assert cart.scan(scanned).reason is reason
    right = cart.scan(unit(RICE, lot="L1", expiry=dt.date(2026, 12, 31)))
    assert (right.lot, right.note) == ("L1", Note.PICK_DONE)


def test_confirm_lot_goods_take_the_reserved_lot() -> None:
    line = dataclasses.replace(LINES[3], lot_check=LotCheck.CONFIRM)
    cart = Cart(batch=False, lines=(line,))
    cart.scan(code(ScanKind.LOCATION, "C-01"))
    taken = cart.scan(unit(RICE))
    assert (taken.lot, taken.lot_read) == ("L1", False)


def test_undo_puts_back_the_last_unit_and_a_short_pick_closes_the_line() -> None:
    cart = Cart(batch=False)
    nothing = cart.scan(command(Command.UNDO))
    assert (nothing.note, nothing.facts) == (Note.NOTHING_TO_UNDO, {Fact.WAVE: "W-000001"})
    assert cart.scan(command(Command.SHORTPICK)).reason is Reason.WRONG_BIN
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    cart.scan(unit(TEA))
    back = cart.scan(command(Command.UNDO))
    assert (back.note, back.effect, back.undo_ref) == (Note.TOOK_BACK, PickEffect.UNDO, 4)
    assert cart.pick.picked == ()
    cart.scan(unit(TEA))
    short = cart.scan(command(Command.SHORTPICK))
    assert (short.note, short.units, short.facts[Fact.SHORT]) == (Note.SHORT_PICKED, 1, "1")
    assert cart.pick.current == LINES[1]  # the same bin's next line
    assert cart.pick.picked_on(10) == 1


def test_the_last_unit_finishes_the_pick() -> None:
    cart = Cart(batch=True, lines=LINES[:1])
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    cart.scan(unit(TEA))
    cart.slot(1)
    cart.scan(unit(TEA))
    assert cart.slot(1).note is Note.PICK_DONE
    done = cart.scan(unit(TEA))
    assert (done.note, done.effect) == (Note.PICK_DONE, PickEffect.NONE)


def _opening(
    wave: WaveCandidate, pick: Pick | None = None, user: StationUser | None = PICKER
) -> PickDecision:
    return decide(
        code(ScanKind.UNKNOWN, wave.number), PickSnapshot("P1", user, pick, TODAY, wave=wave)
    )


def test_a_wave_opens_unless_another_is_open_or_it_is_held_elsewhere() -> None:
    opened = _opening(WaveCandidate("W-000002"))
    assert (opened.note, opened.effect) == (Note.PICK_OPENED, PickEffect.OPEN_PICK)
    other = _opening(WaveCandidate("W-000002"), Pick("W-000001", LINES))
    assert (other.reason, other.facts[Fact.OPEN_ORDER]) == (Reason.PICK_OPEN, "W-000001")
    again = _opening(WaveCandidate("W-000001"), Pick("W-000001", LINES))
    assert (again.note, again.effect) == (Note.PICK_OPENED, PickEffect.NONE)
    held = _opening(WaveCandidate("W-000002", locked_by="P2"))
    assert (held.reason, held.facts[Fact.HOLDER]) == (Reason.ORDER_LOCKED, "P2")
    done = _opening(WaveCandidate("W-000002", pickable=False))
    assert done.reason is Reason.ORDER_NOT_PACKABLE
    assert _opening(WaveCandidate("W-000002"), user=None).reason is Reason.NOT_LOGGED_IN


def test_nothing_is_picked_before_a_wave_is_open() -> None:
    snapshot = PickSnapshot("P1", PICKER, None, TODAY)
    assert decide(unit(TEA), snapshot).reason is Reason.NO_OPEN_PACK
    logout = decide(command(Command.LOGOUT), snapshot)
    assert (logout.effect, logout.note) == (PickEffect.LOGOUT, Note.LOGGED_OUT)
    unread = decide(ClassifiedScan(Scan("49", unreadable=True), ScanKind.UNKNOWN), snapshot)
    assert unread.reason is Reason.UNREADABLE


def test_a_pick_taken_over_by_another_station_is_refused_order_locked() -> None:
    snapshot = PickSnapshot("P1", PICKER, None, TODAY, lost=("W-000001", "P2"))
    lost = decide(unit(TEA), snapshot)
    assert (lost.reason, lost.facts[Fact.HOLDER]) == (Reason.ORDER_LOCKED, "P2")
    # Another wave may still be opened.
    opened = decide(
        code(ScanKind.UNKNOWN, "W-000002"),
        dataclasses.replace(snapshot, wave=WaveCandidate("W-000002")),
    )
    assert opened.effect is PickEffect.OPEN_PICK


def test_unknown_codes_are_refused_while_picking() -> None:
    cart = Cart(batch=False)
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    assert cart.scan(code(ScanKind.PRODUCT, "4900000000000")).reason is Reason.UNKNOWN_BARCODE
    assert cart.scan(code(ScanKind.LABEL, "123")).reason is Reason.UNKNOWN_BARCODE


@pytest.mark.parametrize(
    ("badge_user", "pin", "effect", "reason", "note"),
    [
        (PICKER, None, PickEffect.LOGOUT, None, Note.LOGGED_OUT),
        (SATO, BadgePin(PinCheck.RIGHT), PickEffect.LOGIN, None, Note.LOGGED_IN),
        (SATO, BadgePin(PinCheck.MISSING), PickEffect.NONE, None, Note.PIN_NEEDED),
        (SATO, BadgePin(PinCheck.WRONG), PickEffect.PIN_FAILED, Reason.WRONG_PIN, None),
        (
            SATO,
            BadgePin(PinCheck.LOCKED, dt.datetime(2026, 5, 1, 3, 0, tzinfo=dt.UTC)),
            PickEffect.NONE,
            Reason.BADGE_LOCKED,
            None,
        ),
        (None, None, PickEffect.NONE, Reason.UNKNOWN_BARCODE, None),
    ],
)
def test_badges_sign_in_and_out_as_at_every_station(
    badge_user: StationUser | None,
    pin: BadgePin | None,
    effect: PickEffect,
    reason: Reason | None,
    note: Note | None,
) -> None:
    snapshot = PickSnapshot("P1", PICKER, None, TODAY, badge_user=badge_user, badge_pin=pin)
    decision = decide(code(ScanKind.BADGE, "B"), snapshot)
    assert (decision.effect, decision.reason, decision.note) == (effect, reason, note)


def test_applied_needs_the_scan_of_a_unit_taken() -> None:
    taken = PickDecision(VerdictKind.ACCEPTED, PickEffect.TAKE, line_id=10, units=1)
    with pytest.raises(ValueError, match="scan_ref"):
        applied(Pick("W-000001", LINES), taken)
    with pytest.raises(ValueError, match="not picked"):
        Pick("W-000001", LINES).without_scan(9)


ONE_ORDER = (LINES[0], LINES[2])


def test_one_order_takes_a_free_tote_before_its_first_bin() -> None:
    cart = Cart(batch=False, lines=ONE_ORDER, tote=None)
    assert cart.pick.needs_tote
    first = cart.scan(code(ScanKind.LOCATION, "A-01"))
    assert (first.reason, first.facts[Fact.ORDER]) == (Reason.TOTE_REQUIRED, "#1")
    busy = cart.tote("TOTE-7", holder="#9")
    assert (busy.reason, busy.facts[Fact.OPEN_ORDER]) == (Reason.TOTE_IN_USE, "#9")
    assert cart.pick.tote is None
    taken = cart.tote("TOTE-8")
    assert (taken.effect, taken.note, taken.facts[Fact.BIN]) == (
        PickEffect.TAKE_TOTE,
        Note.TOTE_TAKEN,
        "A-01",
    )
    assert cart.pick.tote == "TOTE-8" and not cart.pick.needs_tote
    # The same tote again changes nothing; its own order is no reason to refuse it.
    again = cart.tote("TOTE-8", holder="#1")
    assert (again.effect, again.note) == (PickEffect.NONE, Note.TOTE_TAKEN)
    assert cart.scan(code(ScanKind.LOCATION, "A-01")).note is Note.AT_BIN


def test_another_tote_replaces_the_first_until_a_unit_is_in_it() -> None:
    cart = Cart(batch=False, lines=ONE_ORDER, tote=None)
    cart.tote("TOTE-1")
    assert cart.tote("TOTE-2").effect is PickEffect.TAKE_TOTE and cart.pick.tote == "TOTE-2"
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    cart.scan(unit(TEA))
    moved = cart.tote("TOTE-3")
    assert (moved.reason, moved.facts[Fact.TOTE]) == (Reason.WRONG_SLOT, "TOTE-2")
    assert cart.pick.tote == "TOTE-2"


def test_a_cart_takes_no_tote() -> None:
    cart = Cart()
    assert not cart.pick.needs_tote
    assert cart.tote("TOTE-1").reason is Reason.WRONG_SLOT
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    cart.scan(unit(TEA))
    # A unit waiting for its slot: a tote is not that slot.
    assert cart.tote("TOTE-1").reason is Reason.WRONG_SLOT


def test_an_order_is_done_once_its_last_unit_is_in_its_slot() -> None:
    cart = Cart()
    cart.scan(code(ScanKind.LOCATION, "A-01"))
    for slot in (1, 1, 2):
        cart.scan(unit(TEA))
        cart.slot(slot)
    cart.scan(code(ScanKind.LOCATION, "B-02"))
    cart.scan(unit(CUP))
    assert cart.pick.orders_done() == frozenset()  # the cup waits for its slot
    cart.slot(1)
    assert cart.pick.orders_done() == {"#1"}
