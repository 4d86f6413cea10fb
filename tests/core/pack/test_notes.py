"""What every verdict says besides its reason: the note and the facts the screen words it from.

The window words a verdict in Japanese or English from its `Note` (or its
`Reason`, for a refusal) and names what the facts name, so each must be set
wherever the rules decide.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from app.core.dock.rules import DOCK_NOTES
from app.core.overrides import OverrideKind, OverrideStep, PendingOverride
from app.core.pack.effects import Decision, Effect
from app.core.pack.labels import ParcelLabel
from app.core.pack.rules import decide
from app.core.pack.session import Pack, PackedUnit, PackSnapshot
from app.core.pick.rules import PICK_NOTES
from app.core.scans import Command, Fact, Note, Reason, ScanKind, VerdictKind
from app.core.signin import PinCheck
from app.core.station import BadgePin
from app.core.statuses import ParcelStatus

from .packdata import (
    ALICE,
    BOB,
    SATO,
    Bench,
    at_station,
    candidate,
    code,
    command,
    line,
    pack,
    product,
    unreadable,
)

AWAITED = ParcelLabel(7, "123456789013", "#1001", 2, ParcelStatus.LABELLED)
VERIFIED = dataclasses.replace(AWAITED, status=ParcelStatus.VERIFIED)
VOIDED = ParcelLabel(6, "123456789002", "#1001", 1, ParcelStatus.VOIDED)


def _shirt(ordered: int = 2) -> Bench:
    """#1001: `ordered` red T-shirts, size M."""
    shirt = dataclasses.replace(line(1, 1, ordered), name="Tシャツ 赤", variant="M")
    return Bench(pack(shirt))


def _counted() -> Decision:
    return _shirt().scan(product(1))


def _took_back() -> Decision:
    bench = _shirt()
    bench.scan(product(1, units=2))
    return bench.scan(command(Command.UNDO))


def _carton(*, labels_on: bool = True) -> Decision:
    box = dataclasses.replace(pack(line(1, 1, 3)), packed=(PackedUnit(1, 1, 1),))
    return decide(command(Command.NEWCARTON), at_station(box, labels_on=labels_on))


def _waiting(scan: ScanKind | Command, label: ParcelLabel | None = None) -> Decision:
    scanned = command(scan) if isinstance(scan, Command) else code(scan, AWAITED.tracking_number)
    return decide(scanned, at_station(awaiting=AWAITED, label=label))


def _label(label: ParcelLabel | None) -> Decision:
    return decide(code(ScanKind.LABEL, "123456789013"), at_station(label=label))


def _completed() -> Decision:
    bench = Bench(pack(line(1, 1, 1)))
    bench.scan(product(1))
    return bench.scan(command(Command.COMPLETE))


def _short_box() -> Pack:
    """#1001 of 3 units, 1 in the box."""
    return dataclasses.replace(pack(line(1, 1, 3)), packed=(PackedUnit(1, 1, 1),))


def _pending(kind: OverrideKind, step: OverrideStep, code: str | None = None) -> PendingOverride:
    return PendingOverride(kind, step, SATO, code)


#: A scan that earns each note, and what its facts must name.
NOTES: dict[Note, tuple[Callable[[], Decision], dict[Fact, str]]] = {
    Note.LOGGED_IN: (
        lambda: decide(code(ScanKind.BADGE, "B-2"), at_station(badge_user=BOB)),
        {Fact.USER: "Bob"},
    ),
    Note.PIN_NEEDED: (
        lambda: decide(
            code(ScanKind.BADGE, "B-3"),
            at_station(badge_user=SATO, badge_pin=BadgePin(PinCheck.MISSING)),
        ),
        {Fact.USER: "佐藤 健"},
    ),
    Note.LOGGED_OUT: (
        lambda: decide(code(ScanKind.BADGE, "B-1"), at_station(badge_user=ALICE)),
        {Fact.USER: "Alice"},
    ),
    Note.ORDER_OPENED: (
        lambda: decide(code(ScanKind.ORDER, "#1002"), at_station(order=candidate())),
        {Fact.ORDER: "#1002"},
    ),
    Note.ORDER_RESUMED: (
        lambda: decide(
            code(ScanKind.ORDER, "#1002"),
            at_station(order=candidate("packing", open_here=True)),
        ),
        {Fact.ORDER: "#1002"},
    ),
    Note.ORDER_SHOWN: (
        lambda: decide(
            code(ScanKind.ORDER, "#1001"),
            at_station(pack(line(1, 1, 1)), order=candidate("packing", order_id=1, number="#1001")),
        ),
        {Fact.ORDER: "#1001"},
    ),
    Note.COUNTED: (
        _counted,
        {
            Fact.SKU: "SKU-1",
            Fact.ITEM: "Tシャツ 赤 M",
            Fact.PACKED: "1",
            Fact.ORDERED: "2",
            Fact.UNITS: "1",
        },
    ),
    Note.TOOK_BACK: (
        _took_back,
        {
            Fact.SKU: "SKU-1",
            Fact.ITEM: "Tシャツ 赤 M",
            Fact.PACKED: "0",
            Fact.ORDERED: "2",
            Fact.UNITS: "2",
        },
    ),
    Note.NOTHING_TO_UNDO: (
        lambda: decide(command(Command.UNDO), at_station(pack(line(1, 1, 1)))),
        {Fact.ORDER: "#1001"},
    ),
    Note.CARD_CONFIRMED: (
        lambda: decide(command(Command.CARD), at_station(pack(line(1, 1, 1), gift="For you"))),
        {Fact.ORDER: "#1001"},
    ),
    Note.CARD_ALREADY_CONFIRMED: (
        lambda: decide(
            command(Command.CARD),
            at_station(dataclasses.replace(pack(line(1, 1, 1), gift="Hi"), card_confirmed=True)),
        ),
        {Fact.ORDER: "#1001"},
    ),
    Note.LEFT_FOR_LATER: (
        lambda: decide(command(Command.CANCEL), at_station(pack(line(1, 1, 1)))),
        {Fact.ORDER: "#1001"},
    ),
    Note.PACK_COMPLETED: (_completed, {Fact.ORDER: "#1001", Fact.UNITS: "1"}),
    Note.CARTON_CLOSED: (
        _carton,
        {Fact.ORDER: "#1001", Fact.CARTON: "1"},
    ),
    Note.CARTON_EMPTY: (
        lambda: decide(command(Command.NEWCARTON), at_station(pack(line(1, 1, 1)))),
        {Fact.ORDER: "#1001", Fact.CARTON: "1"},
    ),
    Note.NO_LABELS_HERE: (
        lambda: _carton(labels_on=False),
        {Fact.ORDER: "#1001", Fact.CARTON: "1"},
    ),
    Note.REPRINTING: (
        lambda: _waiting(Command.REPRINT),
        {Fact.ORDER: "#1001", Fact.CARTON: "2", Fact.TRACKING: "123456789013"},
    ),
    Note.NOTHING_TO_REPRINT: (
        lambda: decide(command(Command.REPRINT), at_station(pack(line(1, 1, 1)))),
        {Fact.ORDER: "#1001"},
    ),
    Note.LABEL_VERIFIED: (
        lambda: _waiting(ScanKind.LABEL, AWAITED),
        {Fact.ORDER: "#1001", Fact.CARTON: "2", Fact.TRACKING: "123456789013"},
    ),
    Note.LABEL_ALREADY_VERIFIED: (
        lambda: _label(VERIFIED),
        {Fact.ORDER: "#1001", Fact.CARTON: "2", Fact.TRACKING: "123456789013"},
    ),
    Note.LABEL_NOT_VERIFIED: (
        lambda: _label(AWAITED),
        {Fact.ORDER: "#1001", Fact.CARTON: "2", Fact.TRACKING: "123456789013"},
    ),
    # A tracking number no parcel has is classified `unknown` (`unknown_barcode`); the rules
    # meet a label without its parcel only when the parcel went between the two reads.
    Note.NO_SUCH_LABEL: (lambda: _label(None), {}),
    Note.LOCATION_NOT_PACKED: (
        lambda: decide(code(ScanKind.LOCATION, "A-01"), at_station(pack(line(1, 1, 1)))),
        {},
    ),
    Note.SUPERVISOR_ASKED: (
        lambda: decide(command(Command.TAKEOVER), at_station()),
        {Fact.OVERRIDE: "takeover", Fact.STEP: "supervisor"},
    ),
    Note.OVERRIDE_APPROVED: (
        lambda: decide(command(Command.TAKEOVER), at_station(user=SATO)),
        {Fact.OVERRIDE: "takeover", Fact.STEP: "order", Fact.SUPERVISOR: "佐藤 健"},
    ),
    Note.LOCK_LIFTED: (
        lambda: decide(
            code(ScanKind.BADGE, "B-3"),
            at_station(
                _short_box(), error_streak=3, badge_user=SATO, badge_pin=BadgePin(PinCheck.RIGHT)
            ),
        ),
        {Fact.SUPERVISOR: "佐藤 健", Fact.USER: "Alice", Fact.STREAK: "3"},
    ),
    Note.SHIPPED_SHORT: (
        lambda: decide(
            command(Command.REASON_DAMAGED),
            at_station(_short_box(), override=_pending(OverrideKind.SHORT, OverrideStep.REASON)),
        ),
        {
            Fact.ORDER: "#1001",
            Fact.UNITS: "1",
            Fact.SHORT: "SKU-1 ×2",
            Fact.REASON: "DAMAGED",
            Fact.SUPERVISOR: "佐藤 健",
        },
    ),
    Note.TAKEN_OVER: (
        lambda: decide(
            code(ScanKind.ORDER, "#1002"),
            at_station(
                override=_pending(OverrideKind.TAKEOVER, OverrideStep.ORDER),
                order=candidate(),
            ),
        ),
        {Fact.ORDER: "#1002", Fact.SUPERVISOR: "佐藤 健"},
    ),
    Note.NEW_CODE_READ: (
        lambda: decide(
            code(ScanKind.UNKNOWN, "NEW-1"),
            at_station(override=_pending(OverrideKind.ALIAS, OverrideStep.NEW_CODE)),
        ),
        {
            Fact.OVERRIDE: "alias",
            Fact.STEP: "known_code",
            Fact.SUPERVISOR: "佐藤 健",
            Fact.CODE: "NEW-1",
        },
    ),
    Note.CODE_ADDED: (
        lambda: decide(
            product(1),
            at_station(
                override=_pending(OverrideKind.ALIAS, OverrideStep.KNOWN_CODE, code="NEW-1")
            ),
        ),
        {
            Fact.CODE: "NEW-1",
            Fact.SKU: "SKU-1",
            Fact.ITEM: "Product 1",
            Fact.UNITS: "1",
            Fact.SUPERVISOR: "佐藤 健",
        },
    ),
    Note.OVERRIDE_CANCELLED: (
        lambda: decide(
            command(Command.CANCEL),
            at_station(override=_pending(OverrideKind.TAKEOVER, OverrideStep.ORDER)),
        ),
        {Fact.OVERRIDE: "takeover", Fact.STEP: "order", Fact.SUPERVISOR: "佐藤 健"},
    ),
    Note.NO_OVERRIDE: (lambda: decide(command(Command.REASON_OTHER), at_station()), {}),
    Note.CART_AT_BENCH: (
        lambda: decide(code(ScanKind.WAVE, "W-000001"), at_station(wave="W-000001")),
        {Fact.WAVE: "W-000001"},
    ),
}


def test_every_note_has_a_scan_that_earns_it() -> None:
    # The pick's own: tests/core/pick; the dock's: tests/core/dock.
    assert set(NOTES) == set(Note) - PICK_NOTES - DOCK_NOTES


@pytest.mark.parametrize("note", list(NOTES))
def test_each_note_comes_with_the_facts_its_sentence_needs(note: Note) -> None:
    make, facts = NOTES[note]
    decision = make()
    assert decision.note is note
    assert decision.verdict is not VerdictKind.REJECTED and decision.reason is None
    assert dict(decision.facts) == facts
    assert decision.message


def test_a_user_switch_names_the_user_who_logged_in() -> None:
    switched = decide(code(ScanKind.BADGE, "B-2"), at_station(user=ALICE, badge_user=BOB))
    assert (switched.note, switched.facts) == (Note.LOGGED_IN, {Fact.USER: "Bob"})
    assert switched.message == "Bob logged in; Alice logged out"


def test_a_case_counts_its_units_and_the_line_after_it() -> None:
    decision = Bench(pack(line(1, 1, 6))).scan(product(1, units=6))
    assert decision.message == "SKU-1: 6 of 6 (case of 6)"
    assert (decision.facts[Fact.PACKED], decision.facts[Fact.UNITS]) == ("6", "6")


def test_an_incomplete_pack_names_each_short_line_and_by_how_many() -> None:
    bench = Bench(pack(line(1, 1, 3), line(2, 2, 1), line(3, 3, 1)))
    bench.scan(product(1))
    bench.scan(product(3))
    decision = bench.scan(command(Command.COMPLETE))
    assert decision.reason is Reason.PACK_INCOMPLETE
    assert decision.facts == {Fact.ORDER: "#1001", Fact.SHORT: "SKU-1 ×2, SKU-2 ×1"}


# --- labels: whose, which carton -------------------------------------------------------


def test_a_label_of_another_parcel_names_whose_it_is() -> None:
    other = ParcelLabel(8, "123456789024", "#1002", 1, ParcelStatus.LABELLED)
    decision = decide(
        code(ScanKind.LABEL, other.tracking_number), at_station(awaiting=AWAITED, label=other)
    )
    assert decision.reason is Reason.LABEL_MISMATCH
    assert decision.facts == {
        Fact.ORDER: "#1002",
        Fact.CARTON: "1",
        Fact.TRACKING: "123456789024",
    }


def test_anything_but_the_awaited_label_names_the_label_awaited() -> None:
    decision = decide(product(1), at_station(awaiting=AWAITED))
    assert decision.reason is Reason.LABEL_PENDING
    assert decision.facts[Fact.ORDER] == "#1001"
    assert decision.message == "scan the label of #1001 (carton 2) first"


@pytest.mark.parametrize(
    "station",
    [at_station(label=VOIDED), at_station(pack(line(1, 1, 1)), label=VOIDED)],
    ids=["no-pack", "packing"],
)
def test_a_voided_label_is_refused_with_no_label_awaited_too(station: PackSnapshot) -> None:
    decision = decide(code(ScanKind.LABEL, VOIDED.tracking_number), station)
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        Reason.LABEL_VOIDED,
        Effect.NONE,
    )
    assert decision.message == "123456789002: this label was voided"
    assert decision.facts == {Fact.ORDER: "#1001", Fact.TRACKING: "123456789002"}


def test_a_voided_label_while_another_is_awaited_says_which_to_scan() -> None:
    decision = decide(
        code(ScanKind.LABEL, VOIDED.tracking_number), at_station(awaiting=AWAITED, label=VOIDED)
    )
    assert decision.reason is Reason.LABEL_VOIDED
    assert decision.message == (
        "123456789002: this label was voided; scan the label of #1001 (carton 2)"
    )


# --- a scan that was not read -----------------------------------------------------------


@pytest.mark.parametrize(
    "station",
    [
        at_station(user=None, badge_user=ALICE),
        at_station(pack(line(1, 1, 1))),
        at_station(awaiting=AWAITED),
    ],
    ids=["nobody-logged-in", "packing", "label-awaited"],
)
def test_a_scan_that_was_not_read_is_refused_whatever_the_station_is_doing(
    station: PackSnapshot,
) -> None:
    decision = decide(unreadable("B-1"), station)
    assert (decision.verdict, decision.reason, decision.effect, decision.message) == (
        VerdictKind.REJECTED,
        Reason.UNREADABLE,
        Effect.NONE,
        "scan not read, scan again",
    )
