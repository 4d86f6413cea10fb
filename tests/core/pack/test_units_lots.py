"""Lot goods at the bench: expiry before lot, `lot_check` gs1 and confirm, and the facts a
refusal gives the screen."""

from __future__ import annotations

import pytest

from app.core.pack.effects import Decision, Effect
from app.core.pack.rules import decide
from app.core.pack.session import PackedUnit, PackLine
from app.core.scans import Fact, LotCheck, Reason, VerdictKind

from .packdata import Bench, at_station, days, line, pack, product

CONFIRM = LotCheck.CONFIRM


def refused_with(decision: Decision, reason: Reason, facts: dict[Fact, str]) -> None:
    """A refusal for `reason` that changes nothing and tells the screen exactly `facts`."""
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        reason,
        Effect.NONE,
    )
    assert dict(decision.facts) == facts


def lots(lot_check: LotCheck = LotCheck.GS1, *, shelf_life: int = 0) -> PackLine:
    """3 units of product 1: 2 of L2 (later) and 1 of L1 (sooner) reserved, dated."""
    return line(
        1,
        1,
        3,
        lots={"L2": 2, "L1": 1},
        expiry_tracked=True,
        shelf_life=shelf_life,
        lot_check=lot_check,
        expiries={"L1": days(100), "L2": days(200)},
    )


# --- expiry before lot -----------------------------------------------------------------


@pytest.mark.parametrize("lot_check", list(LotCheck))
def test_an_expired_unit_of_another_lot_is_expired_not_wrong_lot(lot_check: LotCheck) -> None:
    decision = decide(product(1, lot="L9", expiry=days(-1)), at_station(pack(lots(lot_check))))
    refused_with(
        decision,
        Reason.EXPIRED,
        {Fact.SKU: "SKU-1", Fact.ITEM: "Product 1", Fact.EXPIRY: "2026-04-30", Fact.DAYS: "0"},
    )
    assert decision.message == "SKU-1: expired 2026-04-30"


def test_a_unit_of_another_lot_inside_the_shelf_life_is_expired_with_the_days() -> None:
    decision = decide(product(1, lot="L9", expiry=days(20)), at_station(pack(lots(shelf_life=30))))
    assert (decision.reason, decision.facts[Fact.EXPIRY], decision.facts[Fact.DAYS]) == (
        Reason.EXPIRED,
        "2026-05-21",
        "30",
    )


def test_a_good_unit_of_another_lot_is_wrong_lot_naming_both_lots() -> None:
    decision = decide(product(1, lot="L9", expiry=days(300)), at_station(pack(lots())))
    refused_with(
        decision,
        Reason.WRONG_LOT,
        {
            Fact.SKU: "SKU-1",
            Fact.ITEM: "Product 1",
            Fact.LOT: "L9",
            # First to expire first, as the picker was sent to them.
            Fact.RESERVED_LOT: "L1 2026-08-09, L2 2026-11-17",
        },
    )


# --- lot_check gs1 -----------------------------------------------------------------------


def test_gs1_a_plain_jan_is_lot_required_naming_the_reserved_lots() -> None:
    decision = decide(product(1), at_station(pack(lots())))
    refused_with(
        decision,
        Reason.LOT_REQUIRED,
        {
            Fact.SKU: "SKU-1",
            Fact.ITEM: "Product 1",
            Fact.RESERVED_LOT: "L1 2026-08-09, L2 2026-11-17",
        },
    )
    assert decision.message == "SKU-1: scan the GS1 code with the lot on this unit"


def test_gs1_a_plain_jan_with_only_a_date_still_needs_the_lot() -> None:
    assert decide(product(1, expiry=days(300)), at_station(pack(lots()))).reason is (
        Reason.LOT_REQUIRED
    )


# --- lot_check confirm ---------------------------------------------------------------------


def test_confirm_a_plain_jan_is_counted_as_the_reserved_lot_first_to_expire_not_read() -> None:
    bench = Bench(pack(lots(CONFIRM)))
    decision = bench.scan(product(1))
    assert (decision.verdict, decision.line_id, decision.lot, decision.lot_read) == (
        VerdictKind.ACCEPTED,
        1,
        "L1",
        False,
    )
    # L1 is full: the next plain unit is L2's.
    assert [(d.lot, d.lot_read) for d in (bench.scan(product(1)), bench.scan(product(1)))] == [
        ("L2", False),
        ("L2", False),
    ]
    assert bench.pack.packed == (
        PackedUnit(1, 1, 1, lot="L1"),
        PackedUnit(2, 1, 1, lot="L2"),
        PackedUnit(3, 1, 1, lot="L2"),
    )


def test_confirm_a_gs1_code_with_a_lot_is_still_checked_against_the_reservation() -> None:
    bench = Bench(pack(lots(CONFIRM)))
    read = bench.scan(product(1, lot="L2", expiry=days(200)))
    assert (read.verdict, read.lot, read.lot_read) == (VerdictKind.ACCEPTED, "L2", True)
    refused_with(
        bench.scan(product(1, lot="L9", expiry=days(300))),
        Reason.WRONG_LOT,
        {
            Fact.SKU: "SKU-1",
            Fact.ITEM: "Product 1",
            Fact.LOT: "L9",
            Fact.RESERVED_LOT: "L1 2026-08-09, L2 2026-11-17",
        },
    )


def test_confirm_a_plain_jan_whose_reserved_lot_has_expired_since_is_set_aside() -> None:
    open_pack = pack(
        line(1, 1, 1, lots={"L1": 1}, lot_check=CONFIRM, expiries={"L1": days(-2)}, shelf_life=0)
    )
    decision = decide(product(1), at_station(open_pack))
    refused_with(
        decision,
        Reason.EXPIRED,
        {
            Fact.SKU: "SKU-1",
            Fact.ITEM: "Product 1",
            Fact.LOT: "L1",
            Fact.EXPIRY: "2026-04-29",
            Fact.DAYS: "0",
        },
    )
    assert decision.message == "SKU-1: lot L1: expired 2026-04-29"


def test_confirm_a_printed_date_past_is_expired_before_any_lot_is_taken() -> None:
    decision = decide(product(1, expiry=days(-1)), at_station(pack(lots(CONFIRM))))
    assert (decision.reason, decision.facts[Fact.EXPIRY]) == (Reason.EXPIRED, "2026-04-30")


def test_confirm_when_the_line_is_full_a_plain_jan_is_over_quantity() -> None:
    bench = Bench(pack(lots(CONFIRM)))
    for _ in range(3):
        bench.scan(product(1))
    refused_with(
        bench.scan(product(1)),
        Reason.OVER_QUANTITY,
        {Fact.SKU: "SKU-1", Fact.ITEM: "Product 1", Fact.PACKED: "3", Fact.ORDERED: "3"},
    )


def test_confirm_when_the_reserved_lots_are_full_but_the_line_is_not_it_is_wrong_lot() -> None:
    # 1 of the 2 units reserved (the product became lot-tracked after allocation, say).
    bench = Bench(pack(line(1, 1, 2, lots={"L1": 1}, lot_check=CONFIRM)))
    assert bench.scan(product(1)).lot == "L1"
    decision = bench.scan(product(1))
    refused_with(
        decision,
        Reason.WRONG_LOT,
        {Fact.SKU: "SKU-1", Fact.ITEM: "Product 1", Fact.RESERVED_LOT: "L1"},
    )
    assert decision.message == "SKU-1: the reserved lots are already packed (L1)"


def test_confirm_on_a_line_with_no_lot_reserved_is_wrong_lot_saying_so() -> None:
    open_pack = pack(line(1, 1, 1, lots={}, lot_check=CONFIRM))
    decision = decide(product(1), at_station(open_pack))
    refused_with(decision, Reason.WRONG_LOT, {Fact.SKU: "SKU-1", Fact.ITEM: "Product 1"})
    assert decision.message == "SKU-1: no lot is reserved for this line"


def test_confirm_a_case_takes_a_lot_with_room_for_all_its_units() -> None:
    bench = Bench(pack(lots(CONFIRM)))
    assert (bench.scan(product(1, 2)).lot, bench.pack.scanned) == ("L2", 2)


def test_a_line_without_lots_records_the_lot_read_and_no_reservation() -> None:
    decision = decide(product(1), at_station(pack(line(1, 1, 1, lot_check=CONFIRM))))
    assert (decision.verdict, decision.lot, decision.lot_read) == (VerdictKind.ACCEPTED, None, True)


# --- what other product refusals tell the screen -------------------------------------------


def test_not_on_order_names_the_product_scanned_and_what_the_order_still_needs() -> None:
    open_pack = pack(
        line(1, 1, 1),
        line(2, 2, 1),
        line(3, 3, 2),
        line(4, 1, 1),
        line(5, 4, 1),
        line(6, 5, 1),
    )
    bench = Bench(open_pack)
    bench.scan(product(2))
    decision = bench.scan(product(9))
    refused_with(
        decision,
        Reason.NOT_ON_ORDER,
        {
            Fact.SKU: "SKU-9",
            Fact.ITEM: "Product 9",
            # Product 2 is in; product 1 is named once for its two lines; three, then "…".
            Fact.EXPECTED: "Product 1, Product 3, Product 4, …",
        },
    )


def test_not_on_order_names_up_to_three_items_without_an_ellipsis() -> None:
    decision = decide(product(9), at_station(pack(line(1, 1, 1), line(2, 2, 1))))
    assert decision.facts[Fact.EXPECTED] == "Product 1, Product 2"


def test_over_quantity_of_a_case_names_its_units_and_the_line_counts() -> None:
    bench = Bench(pack(line(1, 1, 8)))
    bench.scan(product(1, 6))
    refused_with(
        bench.scan(product(1, 6)),
        Reason.OVER_QUANTITY,
        {
            Fact.SKU: "SKU-1",
            Fact.ITEM: "Product 1",
            Fact.PACKED: "6",
            Fact.ORDERED: "8",
            Fact.UNITS: "6",
        },
    )
