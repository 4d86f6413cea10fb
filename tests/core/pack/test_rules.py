"""The station's scan rules around the box: who is logged in, which order is open, commands."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from app.core.dock.rules import DOCK_REASONS
from app.core.overrides import OverrideKind, OverrideStep, PendingOverride
from app.core.pack.effects import Decision, Effect
from app.core.pack.rules import decide, needs_numbers
from app.core.pack.session import LostClaim, OrderCandidate, Pack
from app.core.pick.rules import PICK_REASONS
from app.core.scans import ClassifiedScan, Command, Fact, Note, Reason, ScanKind, VerdictKind
from app.core.signin import PinCheck
from app.core.station import BadgePin

from .packdata import (
    ALICE,
    BOB,
    SATO,
    TODAY,
    Bench,
    at_station,
    candidate,
    code,
    command,
    days,
    line,
    pack,
    product,
    unreadable,
)

LABEL_REASONS = {Reason.LABEL_PENDING, Reason.LABEL_MISMATCH, Reason.LABEL_VOIDED}


def _not_logged_in() -> Decision:
    return decide(product(1), at_station(pack(line(1, 1, 1)), user=None))


def _unknown_barcode() -> Decision:
    return decide(code(ScanKind.UNKNOWN, "XYZ-123"), at_station())


def _no_open_pack() -> Decision:
    return decide(product(1), at_station())


def _order_not_packable() -> Decision:
    return decide(code(ScanKind.ORDER, "#1002"), at_station(order=candidate("backordered")))


def _order_locked() -> Decision:
    held = candidate("packing", locked_by="PACK-2")
    return decide(code(ScanKind.ORDER, "#1002"), at_station(order=held))


def _not_on_order() -> Decision:
    return decide(product(9), at_station(pack(line(1, 1, 1))))


def _over_quantity() -> Decision:
    bench = Bench(pack(line(1, 1, 1)))
    bench.scan(product(1))
    return bench.scan(product(1))


def _wrong_lot() -> Decision:
    return decide(product(1, lot="L9"), at_station(pack(line(1, 1, 2, lots={"L1": 2}))))


def _lot_required() -> Decision:
    return decide(product(1), at_station(pack(line(1, 1, 2, lots={"L1": 2}))))


def _expired() -> Decision:
    return decide(product(1, expiry=days(-1)), at_station(pack(line(1, 1, 2))))


def _pack_incomplete() -> Decision:
    return decide(command(Command.COMPLETE), at_station(pack(line(1, 1, 1))))


def _card_not_confirmed() -> Decision:
    bench = Bench(pack(line(1, 1, 1), gift="Happy birthday!"))
    bench.scan(product(1))
    return bench.scan(command(Command.COMPLETE))


def _no_tracking_number() -> Decision:
    bench = Bench(pack(line(1, 1, 1)))
    bench.scan(product(1))
    return decide(command(Command.COMPLETE), at_station(bench.pack, no_numbers_for="yamato"))


def _shop_not_set() -> Decision:
    bench = Bench(pack(line(1, 1, 1)))
    bench.scan(product(1))
    missing = ("shop.name", "shop.phone")
    return decide(command(Command.COMPLETE), at_station(bench.pack, sender_missing=missing))


def _pack_open() -> Decision:
    return decide(code(ScanKind.ORDER, "#1002"), at_station(pack(line(1, 1, 1)), order=candidate()))


def _no_card() -> Decision:
    return decide(command(Command.CARD), at_station(pack(line(1, 1, 1))))


def _unreadable() -> Decision:
    return decide(unreadable("49"), at_station(pack(line(1, 1, 1))))


def _wrong_pin() -> Decision:
    return decide(
        code(ScanKind.BADGE, "B-3"),
        at_station(user=None, badge_user=SATO, badge_pin=BadgePin(PinCheck.WRONG)),
    )


def _badge_locked() -> Decision:
    locked = BadgePin(PinCheck.LOCKED, dt.datetime(2026, 12, 1, 7, 5, tzinfo=dt.UTC))
    return decide(code(ScanKind.BADGE, "B-3"), at_station(badge_user=SATO, badge_pin=locked))


def _supervisor_required() -> Decision:
    return decide(product(1), at_station(pack(line(1, 1, 2)), error_streak=3))


def _not_authorised() -> Decision:
    return decide(
        code(ScanKind.BADGE, "B-2"), at_station(pack(line(1, 1, 2)), error_streak=3, badge_user=BOB)
    )


def _override_pending() -> Decision:
    pending = PendingOverride(OverrideKind.TAKEOVER, OverrideStep.SUPERVISOR)
    return decide(product(1), at_station(override=pending))


def _tote_empty() -> Decision:
    return decide(code(ScanKind.TOTE, "TOTE-7"), at_station())


def _cart_unknown() -> Decision:
    return decide(code(ScanKind.SLOT, "SLOT-02"), at_station())


REFUSALS: dict[Reason, Callable[[], Decision]] = {
    Reason.NOT_LOGGED_IN: _not_logged_in,
    Reason.UNKNOWN_BARCODE: _unknown_barcode,
    Reason.NO_OPEN_PACK: _no_open_pack,
    Reason.ORDER_NOT_PACKABLE: _order_not_packable,
    Reason.ORDER_LOCKED: _order_locked,
    Reason.NOT_ON_ORDER: _not_on_order,
    Reason.OVER_QUANTITY: _over_quantity,
    Reason.WRONG_LOT: _wrong_lot,
    Reason.LOT_REQUIRED: _lot_required,
    Reason.EXPIRED: _expired,
    Reason.PACK_INCOMPLETE: _pack_incomplete,
    Reason.CARD_NOT_CONFIRMED: _card_not_confirmed,
    Reason.NO_TRACKING_NUMBER: _no_tracking_number,
    Reason.SHOP_NOT_SET: _shop_not_set,
    Reason.PACK_OPEN: _pack_open,
    Reason.NO_CARD: _no_card,
    Reason.UNREADABLE: _unreadable,
    Reason.WRONG_PIN: _wrong_pin,
    Reason.BADGE_LOCKED: _badge_locked,
    Reason.SUPERVISOR_REQUIRED: _supervisor_required,
    Reason.NOT_AUTHORISED: _not_authorised,
    Reason.OVERRIDE_PENDING: _override_pending,
    Reason.TOTE_EMPTY: _tote_empty,
    Reason.CART_UNKNOWN: _cart_unknown,
}

#: What each refusal made here names for the screen (the units' refusals are tested with
#: `place`, in test_units.py).
REFUSAL_FACTS: dict[Reason, set[Fact]] = {
    Reason.ORDER_NOT_PACKABLE: {Fact.ORDER, Fact.STATUS},
    Reason.ORDER_LOCKED: {Fact.ORDER, Fact.HOLDER},
    Reason.PACK_INCOMPLETE: {Fact.ORDER, Fact.SHORT},
    Reason.CARD_NOT_CONFIRMED: {Fact.ORDER},
    Reason.NO_TRACKING_NUMBER: {Fact.ORDER, Fact.CARTON, Fact.CARRIER},
    Reason.SHOP_NOT_SET: {Fact.ORDER, Fact.CARTON, Fact.SETTINGS},
    Reason.PACK_OPEN: {Fact.OPEN_ORDER, Fact.ORDER},
    Reason.NO_CARD: {Fact.ORDER},
    Reason.WRONG_PIN: {Fact.USER},
    Reason.BADGE_LOCKED: {Fact.USER, Fact.UNTIL},
    Reason.SUPERVISOR_REQUIRED: {Fact.STREAK},
    Reason.NOT_AUTHORISED: {Fact.USER},
    Reason.OVERRIDE_PENDING: {Fact.OVERRIDE, Fact.STEP},
    Reason.TOTE_EMPTY: {Fact.TOTE},
    Reason.CART_UNKNOWN: {Fact.SLOT},
}


def test_every_reason_but_the_label_ones_has_a_scan_that_earns_it() -> None:
    # The rules never decide `database_unavailable`: it answers a scan no rule could see.
    # `lot_required` is the lot check's (`place`, tested in test_units.py).
    # The pick's own reasons are the pick rules' (tests/core/pick).
    assert set(REFUSALS) == (
        set(Reason) - LABEL_REASONS - PICK_REASONS - DOCK_REASONS - {Reason.DATABASE_UNAVAILABLE}
    )


@pytest.mark.parametrize("reason", list(REFUSAL_FACTS))
def test_a_refusal_names_what_the_screen_needs(reason: Reason) -> None:
    decision = REFUSALS[reason]()
    assert REFUSAL_FACTS[reason] <= set(decision.facts)
    assert decision.note is None
    assert all(decision.facts.values())


#: A refusal's only change: a wrong PIN is kept (it counts towards the badge's lock).
REFUSAL_EFFECTS = {Reason.WRONG_PIN: Effect.PIN_FAILED}


@pytest.mark.parametrize("reason", list(REFUSALS))
def test_each_reason_is_a_refusal_that_asks_for_no_change(reason: Reason) -> None:
    decision = REFUSALS[reason]()
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        reason,
        REFUSAL_EFFECTS.get(reason, Effect.NONE),
    )
    assert decision.message


# --- logging in and out ---------------------------------------------------------------


def test_a_badge_logs_in_when_nobody_is_logged_in() -> None:
    decision = decide(code(ScanKind.BADGE, "B-1"), at_station(user=None, badge_user=ALICE))
    assert (decision.verdict, decision.effect, decision.user) == (
        VerdictKind.INFO,
        Effect.LOGIN,
        ALICE,
    )
    assert decision.message == "Alice logged in"


def test_the_same_badge_again_logs_out() -> None:
    decision = decide(code(ScanKind.BADGE, "B-1"), at_station(badge_user=ALICE))
    assert (decision.verdict, decision.effect) == (VerdictKind.INFO, Effect.LOGOUT)
    assert decision.message == "Alice logged out"


def test_another_badge_switches_user_and_leaves_the_pack_open() -> None:
    open_pack = pack(line(1, 1, 2))
    decision = decide(code(ScanKind.BADGE, "B-2"), at_station(open_pack, badge_user=BOB))
    assert (decision.verdict, decision.effect, decision.user) == (
        VerdictKind.INFO,
        Effect.LOGIN,
        BOB,
    )
    assert decision.message == "Bob logged in; Alice logged out"


def test_the_logout_command_logs_out_and_leaves_the_pack_open() -> None:
    decision = decide(command(Command.LOGOUT), at_station(pack(line(1, 1, 2))))
    assert (decision.verdict, decision.effect) == (VerdictKind.INFO, Effect.LOGOUT)


def test_a_badge_nobody_has_is_an_unknown_barcode() -> None:
    decision = decide(code(ScanKind.BADGE, "B-9"), at_station(user=None, badge_user=None))
    assert (decision.verdict, decision.reason) == (VerdictKind.REJECTED, Reason.UNKNOWN_BARCODE)


@pytest.mark.parametrize(
    "scan",
    [
        code(ScanKind.ORDER, "#1002"),
        command(Command.LOGOUT),
        command(Command.COMPLETE),
        code(ScanKind.LOCATION, "A-01"),
        code(ScanKind.UNKNOWN, "???"),
    ],
    ids=lambda s: s.code,
)
def test_nothing_but_a_badge_works_before_login(scan: ClassifiedScan) -> None:
    decision = decide(scan, at_station(user=None, order=candidate()))
    assert decision.reason is Reason.NOT_LOGGED_IN and decision.effect is Effect.NONE


# --- opening orders -------------------------------------------------------------------


def test_an_allocated_order_opens() -> None:
    order = candidate()
    decision = decide(code(ScanKind.ORDER, "#1002"), at_station(order=order))
    assert (decision.verdict, decision.effect, decision.order) == (
        VerdictKind.INFO,
        Effect.OPEN_ORDER,
        order,
    )
    assert decision.message == "order #1002 opened"


def test_an_order_left_in_packing_is_resumed() -> None:
    order = candidate("packing", open_here=True)
    decision = decide(code(ScanKind.ORDER, "#1002"), at_station(order=order))
    assert decision.effect is Effect.OPEN_ORDER and decision.message == "order #1002 resumed"


@pytest.mark.parametrize(
    ("status", "why"),
    [
        ("new", "is not allocated yet"),
        ("backordered", "is backordered"),
        ("on_hold", "is on hold"),
        ("cancelled", "is cancelled"),
        ("packed", "is already packed"),
        ("labelled", "is already labelled"),
        ("verified", "is already verified"),
        ("shipped", "is already shipped"),
    ],
)
def test_an_order_that_is_not_packable_says_why(status: str, why: str) -> None:
    decision = decide(code(ScanKind.ORDER, "#1002"), at_station(order=candidate(status)))
    assert decision.reason is Reason.ORDER_NOT_PACKABLE and decision.effect is Effect.NONE
    assert decision.message == f"order #1002 {why}"


def test_an_order_another_station_holds_names_that_station() -> None:
    held = candidate("packing", locked_by="PACK-2")
    decision = decide(code(ScanKind.ORDER, "#1002"), at_station(order=held))
    assert decision.message == "order #1002 is open at station PACK-2"


def test_a_cancelled_order_is_unpackable_even_while_another_station_holds_it() -> None:
    held = candidate("cancelled", locked_by="PACK-2")
    decision = decide(code(ScanKind.ORDER, "#1002"), at_station(order=held))
    assert decision.reason is Reason.ORDER_NOT_PACKABLE


def test_an_order_number_nobody_has_is_an_unknown_barcode() -> None:
    decision = decide(code(ScanKind.ORDER, "#4040"), at_station(order=None))
    assert decision.reason is Reason.UNKNOWN_BARCODE


def test_scanning_the_open_order_again_only_shows_it() -> None:
    open_pack = pack(line(1, 1, 2), order_id=2, number="#1002")
    order = candidate("packing", open_here=True)
    decision = decide(code(ScanKind.ORDER, "#1002"), at_station(open_pack, order=order))
    assert (decision.verdict, decision.effect, decision.note) == (
        VerdictKind.INFO,
        Effect.NONE,
        Note.ORDER_SHOWN,
    )
    assert decision.message == "order #1002 is already open"
    assert decision.facts == {Fact.ORDER: "#1002"}


@pytest.mark.parametrize("done", [False, True], ids=["half-packed", "fully-scanned"])
def test_another_order_is_refused_while_a_pack_is_open_and_nothing_changes(done: bool) -> None:
    open_pack = full_box() if done else pack(line(1, 1, 2), number="KP-10055")
    decision = decide(code(ScanKind.ORDER, "#1002"), at_station(open_pack, order=candidate()))
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        Reason.PACK_OPEN,
        Effect.NONE,
    )
    number = open_pack.order_number
    assert decision.message == (f"{number} is still open: scan COMPLETE, or LEAVE FOR LATER first")
    assert decision.facts == {Fact.OPEN_ORDER: number, Fact.ORDER: "#1002"}


@pytest.mark.parametrize(
    ("order", "reason"),
    [
        (candidate("cancelled"), Reason.ORDER_NOT_PACKABLE),
        (candidate("packing", locked_by="PACK-2"), Reason.ORDER_LOCKED),
    ],
)
def test_an_order_that_could_not_be_opened_anyway_says_so_before_the_open_pack(
    order: OrderCandidate, reason: Reason
) -> None:
    decision = decide(code(ScanKind.ORDER, "#1002"), at_station(full_box(), order=order))
    assert decision.reason is reason


# --- commands and other scans ---------------------------------------------------------


@pytest.mark.parametrize(
    "cmd",
    [
        Command.COMPLETE,
        Command.UNDO,
        Command.CANCEL,
        Command.CARD,
        Command.NEWCARTON,
        Command.REPRINT,
    ],
)
def test_pack_commands_need_an_open_pack(cmd: Command) -> None:
    decision = decide(command(cmd), at_station())
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        Reason.NO_OPEN_PACK,
        Effect.NONE,
    )


def test_a_product_code_no_product_has_is_an_unknown_barcode() -> None:
    scan = code(ScanKind.PRODUCT, "4901234567894")
    decision = decide(scan, at_station(pack(line(1, 1, 1))))
    assert decision.reason is Reason.UNKNOWN_BARCODE
    assert decision.message == "4901234567894: no product has this code"


def test_cancel_leaves_the_pack_for_later() -> None:
    decision = decide(command(Command.CANCEL), at_station(pack(line(1, 1, 2))))
    assert (decision.verdict, decision.effect) == (VerdictKind.INFO, Effect.CANCEL)
    assert decision.message == "order #1001 left for later"


@pytest.mark.parametrize(
    ("cmd", "message"),
    [(Command.REPRINT, "no label to reprint"), (Command.NEWCARTON, "carton is empty")],
)
def test_label_commands_with_no_label_and_an_empty_carton_change_nothing(
    cmd: Command, message: str
) -> None:
    decision = decide(command(cmd), at_station(pack(line(1, 1, 2))))
    assert (decision.verdict, decision.effect, decision.message) == (
        VerdictKind.INFO,
        Effect.NONE,
        message,
    )


@pytest.mark.parametrize("kind", [ScanKind.LOCATION, ScanKind.LABEL])
def test_bin_and_label_scans_change_nothing_while_packing(kind: ScanKind) -> None:
    open_pack = pack(line(1, 1, 2))
    decision = decide(code(kind, "A-01-02"), at_station(open_pack))
    assert (decision.verdict, decision.effect, decision.reason) == (
        VerdictKind.INFO,
        Effect.NONE,
        None,
    )
    assert decision.message.startswith("A-01-02: ")


def test_a_whole_session_from_login_to_complete() -> None:
    """Badge, order, units, card, complete: what the station service will run through."""
    assert decide(code(ScanKind.BADGE, "B-1"), at_station(user=None, badge_user=ALICE)).effect is (
        Effect.LOGIN
    )
    opened = decide(code(ScanKind.ORDER, "#1001"), at_station(order=candidate(order_id=1)))
    assert opened.effect is Effect.OPEN_ORDER
    bench = Bench(pack(line(1, 1, 2), line(2, 2, 1, lots={"L1": 1}), gift="Congratulations"))
    assert bench.scan(product(1)).message == "SKU-1: 1 of 2"
    assert bench.scan(product(2, lot="L1", expiry=TODAY)).message == "SKU-2: 1 of 1"
    assert bench.scan(product(1)).message == "SKU-1: 2 of 2"
    assert bench.scan(command(Command.COMPLETE)).reason is Reason.CARD_NOT_CONFIRMED
    assert bench.scan(command(Command.CARD)).effect is Effect.CONFIRM_CARD
    done = bench.scan(command(Command.COMPLETE))
    assert (done.verdict, done.effect) == (VerdictKind.ACCEPTED, Effect.COMPLETE)
    assert done.message == "order #1001 packed (3 units)"
    assert (bench.pack.scanned, bench.pack.expected) == (3, 3)


# --- facts the service looks up: tracking numbers, a lost claim, a station without labels ---


def full_box(*, carton_no: int = 1) -> Pack:
    """#1001 with its one unit in carton `carton_no`."""
    bench = Bench(pack(line(1, 1, 1)))
    bench.scan(product(1))
    return dataclasses.replace(bench.pack, carton_no=carton_no)


@pytest.mark.parametrize("cmd", [Command.COMPLETE, Command.NEWCARTON])
def test_a_carton_that_can_get_no_tracking_number_stays_open_and_says_what_to_do(
    cmd: Command,
) -> None:
    decision = decide(command(cmd), at_station(full_box(), no_numbers_for="sagawa"))
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        Reason.NO_TRACKING_NUMBER,
        Effect.NONE,
    )
    assert decision.message == (
        "no sagawa tracking numbers left: register a block with kenpin carriers add-range"
        " or attach the carrier's numbers with kenpin carriers import"
    )


@pytest.mark.parametrize("cmd", [Command.COMPLETE, Command.NEWCARTON])
def test_a_carton_whose_label_has_no_sender_stays_open_and_says_where_to_set_it(
    cmd: Command,
) -> None:
    snapshot = at_station(full_box(), sender_missing=("shop.address",), no_numbers_for="yamato")
    decision = decide(command(cmd), snapshot)
    # The shop comes first: without it no label can be issued, whatever the numbers.
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        Reason.SHOP_NOT_SET,
        Effect.NONE,
    )
    assert decision.facts[Fact.SETTINGS] == "shop.address"
    assert "kenpin settings set" in decision.message


def test_a_pack_not_finished_is_told_so_before_the_missing_shop() -> None:
    snapshot = at_station(pack(line(1, 1, 1)), sender_missing=("shop.name",))
    assert decide(command(Command.COMPLETE), snapshot).reason is Reason.PACK_INCOMPLETE


def test_tracking_numbers_are_looked_up_only_for_a_carton_that_gets_a_parcel() -> None:
    complete, newcarton = command(Command.COMPLETE), command(Command.NEWCARTON)
    assert needs_numbers(complete, at_station(full_box()))
    assert needs_numbers(newcarton, at_station(full_box()))
    # An empty carton after NEWCARTON is not shipped; the first carton always is.
    assert needs_numbers(complete, at_station(pack(line(1, 1, 1))))
    empty_second = dataclasses.replace(full_box(), carton_no=2)
    assert not needs_numbers(complete, at_station(empty_second))
    assert not needs_numbers(complete, at_station(full_box(), labels_on=False))
    assert not needs_numbers(complete, at_station(full_box(), lost=LostClaim("#1001")))
    assert not needs_numbers(command(Command.UNDO), at_station(full_box()))
    assert not needs_numbers(complete, at_station())


def test_a_station_without_labels_completes_but_closes_no_carton() -> None:
    done = decide(command(Command.COMPLETE), at_station(full_box(), labels_on=False))
    assert (done.verdict, done.effect) == (VerdictKind.ACCEPTED, Effect.COMPLETE)
    carton = decide(command(Command.NEWCARTON), at_station(full_box(), labels_on=False))
    assert (carton.verdict, carton.effect, carton.message) == (
        VerdictKind.INFO,
        Effect.NONE,
        "this station prints no labels",
    )


@pytest.mark.parametrize(
    ("scan", "ordered"),
    [
        (product(1), 2),
        (command(Command.UNDO), 2),
        (command(Command.COMPLETE), 1),
        (command(Command.CANCEL), 2),
    ],
    ids=["unit", "undo", "complete", "cancel"],
)
def test_a_station_whose_claim_was_taken_over_changes_nothing_and_lets_go(
    scan: ClassifiedScan, ordered: int
) -> None:
    open_pack = dataclasses.replace(full_box(), lines=(line(1, 1, ordered),))
    lost = LostClaim("#1001", holder="PACK-2")
    decision = decide(scan, at_station(open_pack, lost=lost))
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        Reason.ORDER_LOCKED,
        Effect.FORGET_CLAIM,
    )
    assert decision.message == (
        "order #1001 is now open at station PACK-2; this station's claim ran out"
    )
    nobody = decide(scan, at_station(open_pack, lost=LostClaim("#1001")))
    assert nobody.message == "order #1001 is no longer open here; this station's claim ran out"


def test_a_station_whose_claim_was_taken_over_may_open_another_order() -> None:
    decision = decide(
        code(ScanKind.ORDER, "#1002"),
        at_station(full_box(), lost=LostClaim("#1001", "PACK-2"), order=candidate()),
    )
    assert (decision.effect, decision.message) == (Effect.OPEN_ORDER, "order #1002 opened")


LOCK_END = dt.datetime(2026, 12, 1, 7, 5, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("pin", "verdict", "reason", "effect"),
    [
        (BadgePin(PinCheck.RIGHT), VerdictKind.INFO, None, Effect.LOGIN),
        (BadgePin(PinCheck.MISSING), VerdictKind.INFO, None, Effect.NONE),
        (BadgePin(PinCheck.WRONG), VerdictKind.REJECTED, Reason.WRONG_PIN, Effect.PIN_FAILED),
        (
            BadgePin(PinCheck.WRONG, LOCK_END),
            VerdictKind.REJECTED,
            Reason.WRONG_PIN,
            Effect.PIN_FAILED,
        ),
        (
            BadgePin(PinCheck.LOCKED, LOCK_END),
            VerdictKind.REJECTED,
            Reason.BADGE_LOCKED,
            Effect.NONE,
        ),
    ],
)
def test_a_supervisor_logs_in_only_with_the_right_pin(
    pin: BadgePin, verdict: VerdictKind, reason: Reason | None, effect: Effect
) -> None:
    decision = decide(
        code(ScanKind.BADGE, "B-3"), at_station(user=ALICE, badge_user=SATO, badge_pin=pin)
    )
    assert (decision.verdict, decision.reason, decision.effect) == (verdict, reason, effect)
    assert "B-3" not in decision.message
    if pin.locked_until is not None:
        assert decision.facts[Fact.UNTIL] == "2026-12-01 16:05"


def test_a_supervisor_logs_out_with_the_badge_alone() -> None:
    decision = decide(code(ScanKind.BADGE, "B-3"), at_station(user=SATO, badge_user=SATO))
    assert decision.effect is Effect.LOGOUT


def test_a_tote_or_a_cart_slot_opens_the_order_it_holds() -> None:
    in_tote = decide(code(ScanKind.TOTE, "TOTE-7"), at_station(order=candidate("picked")))
    assert (in_tote.effect, in_tote.note) == (Effect.OPEN_ORDER, Note.ORDER_OPENED)
    cart = decide(code(ScanKind.WAVE, "W-000004"), at_station(wave="W-000004"))
    assert cart.effect is Effect.SET_CART
    slot = at_station(order=candidate("picked"), cart="W-000004")
    assert decide(code(ScanKind.SLOT, "SLOT-02"), slot).effect is Effect.OPEN_ORDER
    empty = decide(code(ScanKind.SLOT, "SLOT-09"), at_station(cart="W-000004"))
    assert (empty.reason, empty.facts) == (
        Reason.TOTE_EMPTY,
        {Fact.SLOT: "SLOT-09", Fact.WAVE: "W-000004"},
    )
    packed = decide(code(ScanKind.SLOT, "SLOT-01"), at_station(order=candidate("packed"), cart="W"))
    assert packed.reason is Reason.ORDER_NOT_PACKABLE
    unknown = decide(code(ScanKind.WAVE, "W-999999"), at_station())
    assert unknown.reason is Reason.UNKNOWN_BARCODE


def test_a_shop_that_packs_picked_orders_only_refuses_an_allocated_one() -> None:
    waiting = dataclasses.replace(candidate("allocated"), picking_required=True)
    refused = decide(code(ScanKind.ORDER, "#1002"), at_station(order=waiting))
    assert refused.reason is Reason.ORDER_NOT_PACKABLE
    assert "not picked yet" in refused.message
    picked = dataclasses.replace(candidate("picked"), picking_required=True)
    assert decide(code(ScanKind.ORDER, "#1002"), at_station(order=picked)).reason is None
    anyway = decide(code(ScanKind.ORDER, "#1002"), at_station(order=candidate("allocated")))
    assert anyway.effect is Effect.OPEN_ORDER
