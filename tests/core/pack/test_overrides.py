"""The overrides' rules: what each step of an override takes and refuses, the lock-out, and
that only a supervisor's (or admin's) badge with its PIN ever approves."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.overrides import OverrideKind, OverrideStep, PendingOverride
from app.core.pack.effects import Decision, Effect
from app.core.pack.overrides import locked_out, streak_after
from app.core.pack.rules import decide, needs_numbers
from app.core.pack.session import PackedUnit
from app.core.scans import (
    ClassifiedScan,
    Command,
    Fact,
    Note,
    Reason,
    Scan,
    ScanKind,
    VerdictKind,
)
from app.core.signin import PinCheck
from app.core.station import BadgePin, StationUser

from .packdata import ALICE, BOB, SATO, at_station, candidate, code, command, line, pack, product

RIGHT = BadgePin(PinCheck.RIGHT)
ADMIN = StationUser(4, "Ken", "admin")


def _packed(*units: tuple[int, int]) -> object:
    """#1001 of 2 × product 1 and 3 × product 2 with (line, units) already in the box."""
    box = pack(line(1, 1, 2), line(2, 2, 3))
    return dataclasses.replace(
        box, packed=tuple(PackedUnit(n, ln, u) for n, (ln, u) in enumerate(units, start=1))
    )


def short(step: OverrideStep, supervisor: StationUser | None = SATO) -> PendingOverride:
    return PendingOverride(OverrideKind.SHORT, step, supervisor)


def test_short_asks_for_a_supervisor_and_changes_nothing_else() -> None:
    decision = decide(command(Command.SHORT), at_station(_packed((1, 2))))
    assert (decision.verdict, decision.effect, decision.note) == (
        VerdictKind.INFO,
        Effect.OVERRIDE,
        Note.SUPERVISOR_ASKED,
    )
    assert decision.override == PendingOverride(OverrideKind.SHORT, OverrideStep.SUPERVISOR)


def test_a_supervisor_packing_approves_their_own_override() -> None:
    decision = decide(command(Command.SHORT), at_station(_packed((1, 2)), SATO))
    assert decision.note is Note.OVERRIDE_APPROVED
    assert decision.override == short(OverrideStep.REASON)


@pytest.mark.parametrize("badge", [ALICE, BOB])
def test_a_packers_badge_never_approves(badge: StationUser) -> None:
    pending = short(OverrideStep.SUPERVISOR, None)
    decision = decide(
        code(ScanKind.BADGE, "B"),
        at_station(_packed((1, 1)), override=pending, badge_user=badge),
    )
    assert (decision.reason, decision.effect) == (Reason.NOT_AUTHORISED, Effect.NONE)
    assert decision.facts == {Fact.USER: badge.name}


@pytest.mark.parametrize(
    ("pin", "reason", "note", "effect"),
    [
        (BadgePin(PinCheck.MISSING), None, Note.PIN_NEEDED, Effect.NONE),
        (BadgePin(PinCheck.WRONG), Reason.WRONG_PIN, None, Effect.PIN_FAILED),
        (RIGHT, None, Note.OVERRIDE_APPROVED, Effect.OVERRIDE),
    ],
)
def test_a_supervisors_badge_approves_with_the_right_pin_only(
    pin: BadgePin, reason: Reason | None, note: Note | None, effect: Effect
) -> None:
    pending = short(OverrideStep.SUPERVISOR, None)
    decision = decide(
        code(ScanKind.BADGE, "B-3"),
        at_station(_packed((1, 1)), override=pending, badge_user=SATO, badge_pin=pin),
    )
    assert (decision.reason, decision.note, decision.effect) == (reason, note, effect)


def test_an_admin_approves_too_and_the_next_step_is_the_reason() -> None:
    decision = decide(
        code(ScanKind.BADGE, "B-4"),
        at_station(
            _packed((1, 1)),
            override=short(OverrideStep.SUPERVISOR, None),
            badge_user=ADMIN,
            badge_pin=RIGHT,
        ),
    )
    assert decision.override == short(OverrideStep.REASON, ADMIN)
    assert decision.facts[Fact.STEP] == "reason"


def test_the_reason_ships_the_pack_short_with_what_is_in_the_box() -> None:
    snapshot = at_station(_packed((1, 2), (2, 1)), override=short(OverrideStep.REASON))
    scan = command(Command.REASON_OUT_OF_STOCK)
    assert needs_numbers(scan, snapshot)
    decision = decide(scan, snapshot)
    assert (decision.verdict, decision.effect, decision.note) == (
        VerdictKind.ACCEPTED,
        Effect.SHORT_SHIP,
        Note.SHIPPED_SHORT,
    )
    assert decision.facts[Fact.SHORT] == "SKU-2 ×2"
    assert decision.facts[Fact.REASON] == "OUT_OF_STOCK"
    assert decision.supervisor == SATO


def test_a_short_ship_still_needs_the_label_sender_and_the_gift_card() -> None:
    box = dataclasses.replace(_packed((1, 1)), gift_message="おめでとう")
    gift = decide(
        command(Command.REASON_DAMAGED), at_station(box, override=short(OverrideStep.REASON))
    )
    assert gift.reason is Reason.CARD_NOT_CONFIRMED


@pytest.mark.parametrize(
    ("box", "reason", "note"),
    [
        (pack(line(1, 1, 2)), Reason.PACK_INCOMPLETE, None),
        (None, Reason.NO_OPEN_PACK, None),
    ],
)
def test_short_needs_units_in_the_box(box: object, reason: Reason, note: Note | None) -> None:
    decision = decide(command(Command.SHORT), at_station(box))  # type: ignore[arg-type]
    assert (decision.reason, decision.note, decision.effect) == (reason, note, Effect.NONE)


def test_short_when_nothing_is_short_says_to_complete() -> None:
    full = _packed((1, 2), (2, 3))
    decision = decide(command(Command.SHORT), at_station(full))
    assert (decision.note, decision.effect) == (Note.NO_OVERRIDE, Effect.NONE)


@pytest.mark.parametrize(
    "scan",
    [
        product(1),
        code(ScanKind.ORDER, "#1002"),
        code(ScanKind.BADGE, "B-2"),
        command(Command.COMPLETE),
        command(Command.LOGOUT),
    ],
)
def test_an_override_under_way_takes_only_what_it_waits_for(scan: ClassifiedScan) -> None:
    decision = decide(
        scan,
        at_station(
            _packed((1, 1)), override=short(OverrideStep.REASON), badge_user=BOB, order=candidate()
        ),
    )
    assert (decision.reason, decision.effect) == (Reason.OVERRIDE_PENDING, Effect.NONE)
    assert decision.facts[Fact.OVERRIDE] == "short"


def test_cancel_leaves_the_override_and_nothing_else() -> None:
    decision = decide(
        command(Command.CANCEL), at_station(_packed((1, 1)), override=short(OverrideStep.REASON))
    )
    assert (decision.note, decision.effect, decision.override) == (
        Note.OVERRIDE_CANCELLED,
        Effect.OVERRIDE,
        None,
    )


def test_a_reason_with_no_short_ship_does_nothing() -> None:
    decision = decide(command(Command.REASON_OTHER), at_station(_packed((1, 1))))
    assert (decision.note, decision.effect) == (Note.NO_OVERRIDE, Effect.NONE)


def _takeover(order: object) -> Decision:
    pending = PendingOverride(OverrideKind.TAKEOVER, OverrideStep.ORDER, SATO)
    return decide(
        code(ScanKind.ORDER, "#1002"),
        at_station(override=pending, order=order),  # type: ignore[arg-type]
    )


def test_take_over_moves_an_order_another_station_holds() -> None:
    decision = _takeover(candidate("packing", locked_by="S2"))
    assert (decision.effect, decision.note) == (Effect.TAKE_OVER, Note.TAKEN_OVER)
    assert decision.facts == {Fact.ORDER: "#1002", Fact.SUPERVISOR: "佐藤 健", Fact.HOLDER: "S2"}


def test_take_over_refuses_an_order_that_cannot_be_packed() -> None:
    assert _takeover(candidate("shipped")).reason is Reason.ORDER_NOT_PACKABLE
    assert _takeover(None).reason is Reason.OVERRIDE_PENDING


def test_take_over_is_refused_with_a_pack_open() -> None:
    decision = decide(command(Command.TAKEOVER), at_station(_packed((1, 1))))
    assert decision.reason is Reason.PACK_OPEN


def _alias(step: OverrideStep, scan: ClassifiedScan, new: str | None = None) -> Decision:
    pending = PendingOverride(OverrideKind.ALIAS, step, SATO, new)
    return decide(scan, at_station(_packed((1, 1)), override=pending))


def test_alias_takes_an_unknown_code_then_the_products_known_code() -> None:
    first = _alias(OverrideStep.NEW_CODE, code(ScanKind.UNKNOWN, "NEW-CODE-7"))
    assert first.note is Note.NEW_CODE_READ
    assert first.override == PendingOverride(
        OverrideKind.ALIAS, OverrideStep.KNOWN_CODE, SATO, "NEW-CODE-7"
    )
    second = _alias(OverrideStep.KNOWN_CODE, product(1, units=6), "NEW-CODE-7")
    assert (second.effect, second.note, second.units) == (Effect.ADD_CODE, Note.CODE_ADDED, 6)
    assert second.facts[Fact.CODE] == "NEW-CODE-7"


@pytest.mark.parametrize(
    "scan",
    [
        product(1),  # already a product's code
        code(ScanKind.UNKNOWN, "X" * 65),  # too long for a barcode
        code(ScanKind.PRODUCT, "4909999999993"),  # a JAN with a wrong check digit
        command(Command.UNDO),
    ],
)
def test_alias_refuses_what_cannot_be_the_new_code(scan: ClassifiedScan) -> None:
    assert _alias(OverrideStep.NEW_CODE, scan).reason is Reason.OVERRIDE_PENDING


def test_alias_needs_a_known_product_for_the_second_code() -> None:
    unknown = ClassifiedScan(Scan("4909999999998"), ScanKind.PRODUCT)
    decision = _alias(OverrideStep.KNOWN_CODE, unknown, "NEW")
    assert decision.reason is Reason.OVERRIDE_PENDING


def test_the_lock_refuses_everything_but_a_supervisors_badge() -> None:
    locked = at_station(_packed((1, 1)), error_streak=3)
    assert locked_out(locked)
    for scan in (product(1), command(Command.LOGOUT), code(ScanKind.ORDER, "#1002")):
        assert decide(scan, locked).reason is Reason.SUPERVISOR_REQUIRED
    own = decide(code(ScanKind.BADGE, "B-1"), dataclasses.replace(locked, badge_user=ALICE))
    assert own.reason is Reason.NOT_AUTHORISED
    lifted = decide(
        code(ScanKind.BADGE, "B-3"),
        dataclasses.replace(locked, badge_user=SATO, badge_pin=RIGHT),
    )
    assert (lifted.effect, lifted.note) == (Effect.UNLOCK, Note.LOCK_LIFTED)
    assert lifted.facts == {Fact.SUPERVISOR: "佐藤 健", Fact.USER: "Alice", Fact.STREAK: "3"}


def test_a_supervisor_packing_is_never_locked_out_and_0_turns_the_lock_off() -> None:
    assert not locked_out(at_station(_packed((1, 1)), SATO, error_streak=9))
    off = dataclasses.replace(at_station(_packed((1, 1)), error_streak=9), lockout_after=0)
    assert not locked_out(off)


def test_the_streak_counts_refused_products_within_a_pack_only() -> None:
    box = at_station(_packed((1, 1)), error_streak=1)
    wrong = product(9)
    assert streak_after(wrong, decide(wrong, box), box) == 2
    right = product(1)
    assert streak_after(right, decide(right, box), box) == 0
    # A refused command, or a refusal with no pack open, is not a wrong pick.
    complete = command(Command.COMPLETE)
    assert streak_after(complete, decide(complete, box), box) == 1
    nothing_open = at_station(error_streak=1)
    assert streak_after(wrong, decide(wrong, nothing_open), nothing_open) == 1
