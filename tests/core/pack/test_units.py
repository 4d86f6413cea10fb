"""What a product scan counts: lines, cases, lots, expiry, serials; undo, card and complete."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest

from app.core.pack.effects import Decision, Effect
from app.core.pack.rules import applied, decide
from app.core.pack.session import PackedUnit
from app.core.scans import Command, Reason, VerdictKind

from .packdata import TODAY, Bench, at_station, command, days, line, pack, product


def refused(decision: Decision, reason: Reason, message: str) -> None:
    assert (decision.verdict, decision.reason, decision.effect, decision.message) == (
        VerdictKind.REJECTED,
        reason,
        Effect.NONE,
        message,
    )


def test_a_unit_on_the_order_is_counted_on_its_line() -> None:
    bench = Bench(pack(line(1, 1, 3)))
    decision = bench.scan(product(1))
    assert (decision.verdict, decision.effect, decision.line_id, decision.units) == (
        VerdictKind.ACCEPTED,
        Effect.COUNT,
        1,
        1,
    )
    assert decision.message == "SKU-1: 1 of 3"
    assert bench.pack.packed == (PackedUnit(1, 1, 1),)


def test_a_product_not_on_the_order_is_refused() -> None:
    decision = decide(product(7), at_station(pack(line(1, 1, 3))))
    refused(decision, Reason.NOT_ON_ORDER, "4900000000007 is not on order #1001")


def test_one_unit_more_than_ordered_is_refused() -> None:
    bench = Bench(pack(line(1, 1, 3)))
    for _ in range(3):
        bench.scan(product(1))
    before = copy.deepcopy(bench.pack)
    refused(bench.scan(product(1)), Reason.OVER_QUANTITY, "SKU-1: 3 of 3 already packed")
    assert bench.pack == before


def test_a_product_on_two_lines_fills_the_first_line_first() -> None:
    bench = Bench(pack(line(1, 1, 1), line(2, 2, 1), line(3, 1, 2)))
    assert [bench.scan(product(1)).line_id for _ in range(3)] == [1, 3, 3]
    refused(bench.scan(product(1)), Reason.OVER_QUANTITY, "SKU-1: 3 of 3 already packed")


# --- case barcodes ---------------------------------------------------------------------


def test_a_case_that_fits_exactly_counts_all_its_units() -> None:
    bench = Bench(pack(line(1, 1, 8)))
    bench.scan(product(1))
    bench.scan(product(1))
    decision = bench.scan(product(1, 6))
    assert (decision.verdict, decision.units, decision.message) == (
        VerdictKind.ACCEPTED,
        6,
        "SKU-1: 8 of 8 (case of 6)",
    )
    assert bench.scan(command(Command.COMPLETE)).effect is Effect.COMPLETE


def test_a_case_of_more_than_still_needed_is_refused_whole() -> None:
    bench = Bench(pack(line(1, 1, 8)))
    bench.scan(product(1, 6))
    before = copy.deepcopy(bench.pack)
    refused(
        bench.scan(product(1, 6)), Reason.OVER_QUANTITY, "SKU-1: case of 6, only 2 still needed"
    )
    assert bench.pack == before and bench.pack.scanned == 6


def test_a_case_goes_to_the_line_it_fits_whole() -> None:
    bench = Bench(pack(line(1, 1, 1), line(2, 1, 6)))
    assert bench.scan(product(1, 6)).line_id == 2
    assert bench.scan(product(1)).line_id == 1


# --- lots -------------------------------------------------------------------------------


def lot_line() -> Bench:
    return Bench(pack(line(1, 1, 3, lots={"L1": 2, "L2": 1})))


def test_a_reserved_lot_is_counted_with_its_lot() -> None:
    bench = lot_line()
    decision = bench.scan(product(1, lot="L2"))
    assert (decision.verdict, decision.lot) == (VerdictKind.ACCEPTED, "L2")
    assert bench.pack.packed == (PackedUnit(1, 1, 1, lot="L2"),)


def test_a_lot_the_reservation_does_not_hold_is_refused() -> None:
    decision = decide(product(1, lot="L3"), at_station(lot_line().pack))
    refused(decision, Reason.WRONG_LOT, "SKU-1: lot L3 is not reserved for this order")


def test_more_units_of_a_lot_than_reserved_are_refused() -> None:
    bench = lot_line()
    bench.scan(product(1, lot="L2"))
    refused(
        bench.scan(product(1, lot="L2")), Reason.WRONG_LOT, "SKU-1: lot L2: 1 of 1 already packed"
    )
    assert bench.scan(product(1, lot="L1")).verdict is VerdictKind.ACCEPTED


def test_a_plain_code_of_a_lot_tracked_product_asks_for_the_gs1_code() -> None:
    decision = decide(product(1), at_station(lot_line().pack))
    refused(decision, Reason.LOT_REQUIRED, "SKU-1: scan the GS1 code with the lot on this unit")


def test_a_lot_on_a_line_that_does_not_track_lots_is_kept_but_not_checked() -> None:
    decision = decide(product(1, lot="ANY"), at_station(pack(line(1, 1, 1))))
    assert (decision.verdict, decision.lot) == (VerdictKind.ACCEPTED, "ANY")


def test_the_same_product_on_two_lines_takes_each_lot_on_the_line_that_reserves_it() -> None:
    bench = Bench(pack(line(1, 1, 1, lots={"L1": 1}), line(2, 1, 1, lots={"L2": 1})))
    assert bench.scan(product(1, lot="L2")).line_id == 2
    refused(
        bench.scan(product(1, lot="L2")),
        Reason.WRONG_LOT,
        "SKU-1: lot L2 is not reserved for this order",
    )
    assert bench.scan(product(1, lot="L1")).line_id == 1


# --- expiry ------------------------------------------------------------------------------


def test_a_unit_past_its_expiry_is_refused() -> None:
    decision = decide(
        product(1, expiry=days(-1)), at_station(pack(line(1, 1, 1, expiry_tracked=True)))
    )
    refused(decision, Reason.EXPIRED, "SKU-1: expired 2026-04-30")


def test_a_unit_inside_the_minimum_shelf_life_is_refused() -> None:
    open_pack = pack(line(1, 1, 1, expiry_tracked=True, shelf_life=30))
    decision = decide(product(1, expiry=days(29)), at_station(open_pack))
    refused(decision, Reason.EXPIRED, "SKU-1: expires 2026-05-30, needs 30 days of shelf life")


@pytest.mark.parametrize(("shelf_life", "expiry"), [(0, TODAY), (30, days(30)), (30, None)])
def test_a_unit_with_enough_shelf_life_or_no_date_is_accepted(
    shelf_life: int, expiry: dt.date | None
) -> None:
    open_pack = pack(line(1, 1, 1, expiry_tracked=True, shelf_life=shelf_life))
    assert decide(product(1, expiry=expiry), at_station(open_pack)).verdict is VerdictKind.ACCEPTED


def test_an_expiry_is_checked_on_a_lot_tracked_line_before_the_lot() -> None:
    open_pack = pack(line(1, 1, 1, lots={"L1": 1}, expiry_tracked=True))
    for lot in ("L1", "L9"):
        # Set aside whatever its lot: an expired unit of another lot is not `wrong_lot`.
        refused(
            decide(product(1, lot=lot, expiry=days(-3)), at_station(open_pack)),
            Reason.EXPIRED,
            "SKU-1: expired 2026-04-28",
        )
    assert decide(product(1, lot="L1"), at_station(open_pack)).verdict is VerdictKind.ACCEPTED


# --- serials -----------------------------------------------------------------------------


def test_a_serial_already_in_the_box_is_refused() -> None:
    bench = Bench(pack(line(1, 1, 3), line(2, 2, 1)))
    assert bench.scan(product(1, serial="S-100")).serial == "S-100"
    refused(
        bench.scan(product(1, serial="S-100")),
        Reason.OVER_QUANTITY,
        "SKU-1: serial S-100 already packed",
    )
    assert bench.scan(product(1, serial="S-101")).verdict is VerdictKind.ACCEPTED
    # Serials are per product: another product's S-100 is another unit.
    assert bench.scan(product(2, serial="S-100")).verdict is VerdictKind.ACCEPTED


def test_an_undone_serial_may_be_scanned_again() -> None:
    bench = Bench(pack(line(1, 1, 2)))
    bench.scan(product(1, serial="S-1"))
    bench.scan(command(Command.UNDO))
    assert bench.scan(product(1, serial="S-1")).verdict is VerdictKind.ACCEPTED


# --- undo ----------------------------------------------------------------------------------


def test_undo_takes_back_the_last_accepted_scan_and_skips_refused_ones() -> None:
    bench = Bench(pack(line(1, 1, 2), line(2, 2, 6)))
    bench.scan(product(2, 6))  # ref 1
    bench.scan(product(1))  # ref 2
    bench.scan(product(9))  # ref 3, refused
    decision = bench.scan(command(Command.UNDO))
    assert (decision.verdict, decision.effect, decision.undo_ref, decision.line_id) == (
        VerdictKind.ACCEPTED,
        Effect.UNDO,
        2,
        1,
    )
    assert decision.message == "SKU-1: took back 1, 0 of 2"
    case = bench.scan(command(Command.UNDO))
    assert (case.undo_ref, case.units, case.message) == (1, 6, "SKU-2: took back 6, 0 of 6")
    assert bench.pack.packed == ()


def test_undo_with_nothing_in_the_box_says_so() -> None:
    decision = decide(command(Command.UNDO), at_station(pack(line(1, 1, 1))))
    assert (decision.verdict, decision.effect, decision.message) == (
        VerdictKind.INFO,
        Effect.NONE,
        "nothing to undo",
    )


# --- card and complete -------------------------------------------------------------------


def test_the_card_is_confirmed_once_on_a_gift_order() -> None:
    bench = Bench(pack(line(1, 1, 1), gift="For you"))
    first = bench.scan(command(Command.CARD))
    assert (first.verdict, first.effect) == (VerdictKind.INFO, Effect.CONFIRM_CARD)
    assert bench.pack.card_confirmed
    again = bench.scan(command(Command.CARD))
    assert (again.effect, again.message) == (Effect.NONE, "gift card already confirmed")


def test_the_card_on_an_order_without_a_gift_message_is_refused_no_card() -> None:
    bench = Bench(pack(line(1, 1, 1)))
    decision = bench.scan(command(Command.CARD))
    assert (decision.verdict, decision.reason, decision.effect, decision.message) == (
        VerdictKind.REJECTED,
        Reason.NO_CARD,
        Effect.NONE,
        "order #1001 has no gift message",
    )
    assert not bench.pack.card_confirmed


def test_complete_lists_what_is_missing() -> None:
    bench = Bench(pack(line(1, 1, 3), line(2, 2, 1), line(3, 3, 1)))
    bench.scan(product(1))
    bench.scan(product(1))
    bench.scan(product(3))
    refused(
        bench.scan(command(Command.COMPLETE)),
        Reason.PACK_INCOMPLETE,
        "incomplete: SKU-1 2 of 3; SKU-2 0 of 1",
    )


def test_an_incomplete_gift_order_is_told_incomplete_before_the_card() -> None:
    bench = Bench(pack(line(1, 1, 2), gift="For you"))
    bench.scan(product(1))
    assert bench.scan(command(Command.COMPLETE)).reason is Reason.PACK_INCOMPLETE


def test_complete_refuses_a_box_that_does_not_match_even_when_it_was_stored_that_way() -> None:
    """A box loaded from storage is checked as it is, not trusted to have passed the rules."""
    open_pack = pack(line(1, 1, 2, lots={"L1": 2}), line(2, 2, 1))
    open_pack = dataclasses.replace(
        open_pack,
        packed=(
            PackedUnit(1, 1, 2, lot="L9"),
            PackedUnit(2, 2, 1, serial="S"),
            PackedUnit(3, 7, 1),
        ),
    )
    refused(
        decide(command(Command.COMPLETE), at_station(open_pack)),
        Reason.PACK_INCOMPLETE,
        "incomplete: SKU-1 lot L9 2 of 0; 1 units on no line of the order",
    )


def test_counting_needs_the_scan_being_counted_and_undo_a_scan_in_the_box() -> None:
    open_pack = pack(line(1, 1, 1))
    decision = decide(product(1), at_station(open_pack))
    with pytest.raises(ValueError, match="scan_ref"):
        applied(open_pack, decision)
    with pytest.raises(ValueError, match="not in the box"):
        applied(open_pack, Decision(VerdictKind.ACCEPTED, Effect.UNDO, undo_ref=5))
    assert open_pack.packed == ()
