"""The allocation rule on its own: all or nothing per order, oldest first, FEFO."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.allocation import (
    LineNeed,
    LineReservation,
    OpenOrder,
    OrderOutcome,
    ShortLine,
    StockSlot,
    allocate_orders,
    expiry_ok,
    fefo_key,
)
from app.core.orders import OrderStatus

TODAY = dt.date(2026, 5, 1)
T0 = dt.datetime(2026, 4, 1, 9, 0)
APPLE, BREAD = 1, 2
SKUS = {APPLE: "APPLE", BREAD: "BREAD"}

_line_ids = iter(range(1, 1_000_000))


def order(oid: int, *lines: tuple[int, int], minutes: int | None = None) -> OpenOrder:
    """Order `oid` of (product, qty) lines, placed `oid` minutes after T0 unless told."""
    needs = tuple(LineNeed(next(_line_ids), p, SKUS.get(p, f"P{p}"), q) for p, q in lines)
    at = T0 + dt.timedelta(minutes=oid if minutes is None else minutes)
    return OpenOrder(oid, f"#{oid}", at, needs)


def slot(
    bid: int, product: int, available: int, expiry: dt.date | None = None, walk: int = 0
) -> StockSlot:
    return StockSlot(bid, product, available, expiry, walk)


def taken(outcome: OrderOutcome) -> list[tuple[int, int]]:
    return [(r.balance_id, r.qty) for r in outcome.reservations]


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def test_an_order_with_enough_stock_is_allocated_line_by_line() -> None:
    o = order(1, (APPLE, 2), (BREAD, 1))
    [out] = allocate_orders([o], [slot(10, APPLE, 5), slot(20, BREAD, 1)], TODAY)
    assert out.status is OrderStatus.ALLOCATED and out.short == () and out.short_text == ""
    assert out.reservations == (
        LineReservation(o.lines[0].line_id, 10, 2),
        LineReservation(o.lines[1].line_id, 20, 1),
    )


def test_a_short_order_reserves_nothing_and_names_its_short_lines() -> None:
    o = order(1, (APPLE, 2), (BREAD, 3), (7, 1))
    [out] = allocate_orders([o], [slot(10, APPLE, 5), slot(20, BREAD, 1)], TODAY)
    assert out.status is OrderStatus.BACKORDERED
    assert out.reservations == ()
    assert out.short == (
        ShortLine(o.lines[1].line_id, "BREAD", 2),
        ShortLine(o.lines[2].line_id, "P7", 1),
    )
    assert out.short_text == "BREAD short 2; P7 short 1"


def test_a_backordered_order_leaves_its_stock_for_the_next_order() -> None:
    outs = allocate_orders(
        [order(1, (APPLE, 2), (BREAD, 9)), order(2, (APPLE, 3))],
        [slot(10, APPLE, 3), slot(20, BREAD, 1)],
        TODAY,
    )
    assert [o.status for o in outs] == [OrderStatus.BACKORDERED, OrderStatus.ALLOCATED]
    assert taken(outs[1]) == [(10, 3)]


def test_the_oldest_order_wins_the_last_units_whatever_order_they_come_in() -> None:
    newer, older = order(2, (APPLE, 2)), order(1, (APPLE, 2))
    outs = allocate_orders([newer, older], [slot(10, APPLE, 3)], TODAY)
    assert [(o.number, o.status) for o in outs] == [
        ("#1", OrderStatus.ALLOCATED),
        ("#2", OrderStatus.BACKORDERED),
    ]
    assert outs[1].short_text == "APPLE short 1"


def test_orders_placed_at_the_same_moment_go_by_order_id() -> None:
    outs = allocate_orders(
        [order(5, (APPLE, 1), minutes=0), order(4, (APPLE, 1), minutes=0)],
        [slot(10, APPLE, 1)],
        TODAY,
    )
    assert [(o.order_id, o.status) for o in outs] == [
        (4, OrderStatus.ALLOCATED),
        (5, OrderStatus.BACKORDERED),
    ]


def test_lots_go_first_expiry_first_out_and_spill_into_the_next_lot() -> None:
    slots = [
        slot(10, APPLE, 4, days(90)),
        slot(11, APPLE, 2, days(30)),
        slot(12, APPLE, 5, days(60)),
    ]
    outs = allocate_orders([order(1, (APPLE, 3)), order(2, (APPLE, 5))], slots, TODAY)
    assert taken(outs[0]) == [(11, 2), (12, 1)]
    assert taken(outs[1]) == [(12, 4), (10, 1)]


def test_undated_stock_goes_after_dated_stock() -> None:
    slots = [slot(10, APPLE, 5, None, walk=1), slot(11, APPLE, 1, days(400), walk=9)]
    [out] = allocate_orders([order(1, (APPLE, 2))], slots, TODAY)
    assert taken(out) == [(11, 1), (10, 1)]


def test_equal_expiries_go_by_bin_walk_order_then_balance() -> None:
    slots = [
        slot(30, APPLE, 1, days(10), walk=5),
        slot(20, APPLE, 1, days(10), walk=2),
        slot(10, APPLE, 1, days(10), walk=5),
    ]
    [out] = allocate_orders([order(1, (APPLE, 3))], slots, TODAY)
    assert taken(out) == [(20, 1), (10, 1), (30, 1)]
    assert sorted(slots, key=fefo_key) == [slots[1], slots[2], slots[0]]


def test_an_expired_lot_is_never_allocated() -> None:
    slots = [slot(10, APPLE, 5, days(-1)), slot(11, APPLE, 1, days(20))]
    outs = allocate_orders([order(1, (APPLE, 1)), order(2, (APPLE, 1))], slots, TODAY)
    assert taken(outs[0]) == [(11, 1)]
    assert outs[1].short_text == "APPLE short 1"


def test_a_lot_inside_the_products_minimum_shelf_life_is_not_allocated() -> None:
    slots = [
        slot(10, APPLE, 5, days(29)),
        slot(11, APPLE, 5, days(30)),
        slot(20, BREAD, 5, days(29)),
    ]
    outs = allocate_orders(
        [order(1, (APPLE, 6), (BREAD, 1))], slots, TODAY, min_shelf_life_days={APPLE: 30}
    )
    assert outs[0].short_text == "APPLE short 1"
    [out] = allocate_orders([order(1, (APPLE, 5), (BREAD, 5))], slots, TODAY, {APPLE: 30})
    assert taken(out) == [(11, 5), (20, 5)]


@pytest.mark.parametrize(
    ("expiry", "shelf_life", "ok"),
    [
        (None, 0, True),
        (None, 365, True),
        (days(-1), 0, False),
        (days(0), 0, True),
        (days(1), 0, True),
        (days(9), 10, False),
        (days(10), 10, True),
    ],
)
def test_expiry_ok(expiry: dt.date | None, shelf_life: int, ok: bool) -> None:
    assert expiry_ok(expiry, TODAY, shelf_life) is ok


def test_two_lines_of_one_product_are_covered_together() -> None:
    o = order(1, (APPLE, 3), (BREAD, 1), (APPLE, 3))
    [out] = allocate_orders([o], [slot(10, APPLE, 5), slot(20, BREAD, 1)], TODAY)
    assert out.reservations == () and out.short == (ShortLine(o.lines[2].line_id, "APPLE", 1),)
    [out] = allocate_orders([o], [slot(10, APPLE, 6), slot(20, BREAD, 1)], TODAY)
    assert taken(out) == [(10, 3), (20, 1), (10, 3)]


def test_a_line_with_nothing_left_to_reserve_is_skipped() -> None:
    o = order(1, (APPLE, 0), (BREAD, 1))
    [out] = allocate_orders([o], [slot(20, BREAD, 1)], TODAY)
    assert out.status is OrderStatus.ALLOCATED and taken(out) == [(20, 1)]


def test_empty_or_overdrawn_slots_are_ignored() -> None:
    [out] = allocate_orders(
        [order(1, (APPLE, 1))], [slot(10, APPLE, 0), slot(11, APPLE, -2)], TODAY
    )
    assert out.short_text == "APPLE short 1"


def test_an_order_backordered_before_says_so_in_its_outcome() -> None:
    again = OpenOrder(1, "#1", T0, (LineNeed(1, APPLE, "APPLE", 1),), was_backordered=True)
    [out] = allocate_orders([again], [], TODAY)
    assert out.was_backordered and out.status is OrderStatus.BACKORDERED


# --- properties over random warehouses -------------------------------------------------

products = st.integers(min_value=1, max_value=4)
slot_rows = st.lists(
    st.tuples(
        products,
        st.integers(min_value=-1, max_value=8),
        st.one_of(st.none(), st.integers(min_value=-3, max_value=12)),
        st.integers(min_value=0, max_value=3),
    ),
    max_size=12,
)
order_rows = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=5),
        st.lists(
            st.tuples(products, st.integers(min_value=1, max_value=6)), min_size=1, max_size=4
        ),
    ),
    max_size=15,
)
shelf_lives = st.dictionaries(products, st.integers(min_value=0, max_value=6), max_size=4)


def build(
    slot_spec: list[tuple[int, int, int | None, int]],
    order_spec: list[tuple[int, list[tuple[int, int]]]],
) -> tuple[list[StockSlot], list[OpenOrder]]:
    slots = [
        StockSlot(100 + i, p, avail, None if exp is None else days(exp), walk)
        for i, (p, avail, exp, walk) in enumerate(slot_spec)
    ]
    orders = []
    line_id = 0
    for oid, (minute, lines) in enumerate(order_spec, start=1):
        needs = []
        for p, q in lines:
            line_id += 1
            needs.append(LineNeed(line_id, p, f"P{p}", q))
        orders.append(OpenOrder(oid, f"#{oid}", T0 + dt.timedelta(minutes=minute), tuple(needs)))
    return slots, orders


@settings(max_examples=400, deadline=None)
@given(slot_rows, order_rows, shelf_lives)
def test_properties_of_any_allocation(
    slot_spec: list[tuple[int, int, int | None, int]],
    order_spec: list[tuple[int, list[tuple[int, int]]]],
    shelf_life: dict[int, int],
) -> None:
    slots, orders = build(slot_spec, order_spec)
    outs = allocate_orders(orders, slots, TODAY, shelf_life)
    by_id = {o.order_id: o for o in orders}
    usable = {
        s.balance_id: s
        for s in slots
        if s.available > 0 and expiry_ok(s.expiry, TODAY, shelf_life.get(s.product_id, 0))
    }
    line_product = {line.line_id: line.product_id for o in orders for line in o.lines}

    # Every order decided once, oldest first.
    assert sorted(o.order_id for o in outs) == sorted(by_id)
    keys = [(by_id[o.order_id].ordered_at, o.order_id) for o in outs]
    assert keys == sorted(keys)

    # Never more than a slot holds, never an unusable slot, never another product's slot.
    used: dict[int, int] = defaultdict(int)
    for out in outs:
        for r in out.reservations:
            assert r.qty > 0 and r.balance_id in usable
            assert usable[r.balance_id].product_id == line_product[r.line_id]
            used[r.balance_id] += r.qty
    assert all(used[bid] <= usable[bid].available for bid in used)

    # An allocated order is covered exactly; a backordered one reserves nothing.
    for out in outs:
        got: dict[int, int] = defaultdict(int)
        for r in out.reservations:
            got[r.line_id] += r.qty
        lines = by_id[out.order_id].lines
        if out.status is OrderStatus.ALLOCATED:
            assert dict(got) == {line.line_id: line.qty for line in lines}
        else:
            assert out.reservations == () and out.short
            assert all(s.short > 0 for s in out.short)

    # Oldest first: an order is short exactly when the stock left after the older
    # allocated orders cannot cover it, and then its short lines say by how much.
    left: dict[int, int] = defaultdict(int)
    for s in usable.values():
        left[s.product_id] += s.available
    for out in outs:
        wanted: dict[int, int] = defaultdict(int)
        for line in by_id[out.order_id].lines:
            wanted[line.product_id] += line.qty
        fits = all(left[p] >= q for p, q in wanted.items())
        assert fits == (out.status is OrderStatus.ALLOCATED)
        if fits:
            for p, q in wanted.items():
                left[p] -= q
        else:
            short_by_product: dict[int, int] = defaultdict(int)
            for short in out.short:
                short_by_product[line_product[short.line_id]] += short.short
            assert short_by_product == {p: q - left[p] for p, q in wanted.items() if q > left[p]}

    # FEFO: per product, the slots used form a prefix of the FEFO order.
    per_product: dict[int, list[StockSlot]] = defaultdict(list)
    for s in sorted(usable.values(), key=fefo_key):
        per_product[s.product_id].append(s)
    for ordered_slots in per_product.values():
        fill = [used[s.balance_id] for s in ordered_slots]
        for i in range(1, len(fill)):
            if fill[i]:
                assert fill[i - 1] == ordered_slots[i - 1].available


@settings(max_examples=150, deadline=None)
@given(slot_rows, order_rows, shelf_lives, st.randoms(use_true_random=False))
def test_the_outcome_does_not_depend_on_the_order_of_the_input(
    slot_spec: list[tuple[int, int, int | None, int]],
    order_spec: list[tuple[int, list[tuple[int, int]]]],
    shelf_life: dict[int, int],
    rnd: random.Random,
) -> None:
    slots, orders = build(slot_spec, order_spec)
    first = allocate_orders(orders, slots, TODAY, shelf_life)
    rnd.shuffle(slots)
    rnd.shuffle(orders)
    assert allocate_orders(orders, slots, TODAY, shelf_life) == first
