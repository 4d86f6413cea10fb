"""`kenpin allocate` and `kenpin stock check` against real SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from app.cli import main
from app.db import stock
from app.db.database import Database
from app.db.models import Reservation, StockMove
from app.services.allocation import allocate
from tests.stockdata import (
    add_order,
    add_product,
    order_state,
    receive,
    reservations_of,
    reserved,
)

TODAY = dt.date(2026, 5, 1)


def ledger(db: Database) -> list[tuple[int, int, str, str]]:
    """(balance, reserved delta, reason, reference) of every reserving ledger row."""
    with db.read() as s:
        rows = s.execute(
            select(
                StockMove.balance_id,
                StockMove.reserved_delta,
                StockMove.reason,
                StockMove.reference,
            )
            .where(StockMove.reserved_delta != 0)
            .order_by(StockMove.id)
        )
        return [(b, d, r, ref) for b, d, r, ref in rows]


def test_an_order_with_enough_stock_is_allocated_and_the_ledger_says_why(db: Database) -> None:
    with db.write() as s:
        tea, cup = add_product(s, "TEA"), add_product(s, "CUP")
        tea_bin, cup_bin = receive(s, tea, "A-01", 5), receive(s, cup, "A-02", 2)
        add_order(s, "#1001", [(tea, 3), (cup, 2)])
    summary = allocate(db, TODAY)
    assert str(summary) == "allocate: 1 allocated, 0 backordered, 0 still backordered"
    assert order_state(db, "#1001") == ("allocated", "", [3, 2])
    assert reservations_of(db, "#1001") == [(tea_bin, 3), (cup_bin, 2)]
    assert reserved(db, tea_bin) == (5, 3) and reserved(db, cup_bin) == (2, 2)
    assert ledger(db) == [(tea_bin, 3, "reserve", "#1001"), (cup_bin, 2, "reserve", "#1001")]


def test_a_short_order_is_backordered_with_its_short_lines_and_reserves_nothing(
    db: Database,
) -> None:
    with db.write() as s:
        tea, cup, pot = add_product(s, "TEA"), add_product(s, "CUP"), add_product(s, "POT")
        tea_bin, cup_bin = receive(s, tea, "A-01", 5), receive(s, cup, "A-02", 1)
        add_order(s, "#1001", [(tea, 3), (cup, 3), (pot, 1)])
    summary = allocate(db, TODAY)
    assert str(summary).splitlines() == [
        "allocate: 0 allocated, 1 backordered, 0 still backordered",
        "  #1001: CUP short 2; POT short 1",
    ]
    assert order_state(db, "#1001") == ("backordered", "CUP short 2; POT short 1", [0, 0, 0])
    assert reservations_of(db, "#1001") == []
    assert reserved(db, tea_bin) == (5, 0) and reserved(db, cup_bin) == (1, 0)
    assert ledger(db) == []


def test_the_oldest_order_wins_the_last_units(db: Database) -> None:
    with db.write() as s:
        tea = add_product(s, "TEA")
        tea_bin = receive(s, tea, "A-01", 3)
        # Imported first, but placed later: order date decides, not arrival.
        add_order(s, "#2", [(tea, 2)], minutes=30)
        add_order(s, "#1", [(tea, 2)], minutes=10)
        add_order(s, "#3", [(tea, 1)], minutes=50)
    allocate(db, TODAY)
    assert order_state(db, "#1")[0] == "allocated"
    assert order_state(db, "#2") == ("backordered", "TEA short 1", [0])
    # A backordered order holds nothing, so a later, smaller order still gets the rest.
    assert order_state(db, "#3")[0] == "allocated"
    assert reserved(db, tea_bin) == (3, 3)


def test_lots_are_allocated_first_expiry_first_out_skipping_expired_ones(db: Database) -> None:
    with db.write() as s:
        milk = add_product(s, "MILK", expiry_tracked=True)
        late = receive(s, milk, "C-01", 4, lot="L3", expiry=dt.date(2026, 7, 1), walk_seq=1)
        soon = receive(s, milk, "C-02", 2, lot="L2", expiry=dt.date(2026, 5, 20), walk_seq=2)
        gone = receive(s, milk, "C-03", 9, lot="L1", expiry=dt.date(2026, 4, 30), walk_seq=0)
        add_order(s, "#1", [(milk, 3)], minutes=1)
        add_order(s, "#2", [(milk, 3)], minutes=2)
        add_order(s, "#3", [(milk, 1)], minutes=3)
    allocate(db, TODAY)
    assert reservations_of(db, "#1") == [(soon, 2), (late, 1)]
    assert reservations_of(db, "#2") == [(late, 3)]
    assert order_state(db, "#3") == ("backordered", "MILK short 1", [0])
    assert reserved(db, gone) == (9, 0)


def test_a_lot_inside_the_minimum_shelf_life_is_not_allocated(db: Database) -> None:
    with db.write() as s:
        milk = add_product(s, "MILK", expiry_tracked=True, min_shelf_life_days=14)
        receive(s, milk, "C-01", 5, lot="L1", expiry=TODAY + dt.timedelta(days=13))
        add_order(s, "#1", [(milk, 1)])
    allocate(db, TODAY)
    assert order_state(db, "#1") == ("backordered", "MILK short 1", [0])
    with db.write() as s:
        fresh = receive(s, milk, "C-02", 5, lot="L2", expiry=TODAY + dt.timedelta(days=14))
    allocate(db, TODAY)
    assert reservations_of(db, "#1") == [(fresh, 1)]


def test_a_backordered_order_is_allocated_once_stock_arrives(db: Database) -> None:
    with db.write() as s:
        tea, cup = add_product(s, "TEA"), add_product(s, "CUP")
        receive(s, tea, "A-01", 5)
        add_order(s, "#1", [(tea, 1), (cup, 2)])
    allocate(db, TODAY)
    summary = allocate(db, TODAY)
    assert str(summary).splitlines() == [
        "allocate: 0 allocated, 0 backordered, 1 still backordered",
        "  #1: CUP short 2",
    ]
    with db.write() as s:
        cup_bin = receive(s, cup, "A-02", 2)
    summary = allocate(db, TODAY)
    assert (summary.allocated, summary.backordered, summary.still_backordered) == (1, 0, 0)
    assert order_state(db, "#1") == ("allocated", "", [1, 2])
    assert reserved(db, cup_bin) == (2, 2)


def test_running_allocate_twice_reserves_nothing_twice(db: Database) -> None:
    with db.write() as s:
        tea = add_product(s, "TEA")
        tea_bin = receive(s, tea, "A-01", 10)
        for n in range(1, 5):
            add_order(s, f"#{n}", [(tea, 2)], minutes=n)
    allocate(db, TODAY)
    before = ledger(db)
    assert str(allocate(db, TODAY)) == "allocate: no orders waiting for stock"
    assert ledger(db) == before and len(before) == 4
    assert reserved(db, tea_bin) == (10, 8)
    with db.read() as s:
        assert s.scalar(select(func.sum(Reservation.qty))) == 8


def test_orders_on_hold_cancelled_or_already_allocated_are_left_alone(db: Database) -> None:
    with db.write() as s:
        tea = add_product(s, "TEA")
        tea_bin = receive(s, tea, "A-01", 10)
        add_order(s, "#held", [(tea, 1)], minutes=1, status="on_hold")
        add_order(s, "#gone", [(tea, 1)], minutes=2, status="cancelled")
        add_order(s, "#done", [(tea, 1)], minutes=3, status="allocated")
        add_order(s, "#new", [(tea, 1)], minutes=4)
    summary = allocate(db, TODAY)
    assert summary.allocated == 1
    assert [order_state(db, n)[0] for n in ("#held", "#gone", "#done")] == [
        "on_hold",
        "cancelled",
        "allocated",
    ]
    assert reserved(db, tea_bin) == (10, 1)


def test_small_batches_decide_exactly_as_one_batch_would(db: Database) -> None:
    with db.write() as s:
        tea, cup = add_product(s, "TEA"), add_product(s, "CUP")
        receive(s, tea, "A-01", 7)
        receive(s, cup, "A-02", 3)
        for n in range(1, 10):
            add_order(s, f"#{n}", [(tea, 1 + n % 2), (cup, 1)] if n % 3 else [(tea, 2)], minutes=n)
    summary = allocate(db, TODAY, batch_orders=2)
    assert (summary.allocated, summary.backordered) == (4, 5)
    states = [order_state(db, f"#{n}")[0] for n in range(1, 10)]
    # Oldest first: #1 to #4 fit; after them one tea and no cup are left, too few for any other.
    assert states == ["allocated"] * 4 + ["backordered"] * 5


def test_the_summary_lists_twenty_short_orders_and_counts_the_rest(db: Database) -> None:
    with db.write() as s:
        tea = add_product(s, "TEA")
        for n in range(1, 26):
            add_order(s, f"#{n:02d}", [(tea, n)], minutes=n)
    lines = str(allocate(db, TODAY)).splitlines()
    assert lines[0] == "allocate: 0 allocated, 25 backordered, 0 still backordered"
    assert lines[1:3] == ["  #01: TEA short 1", "  #02: TEA short 2"]
    assert lines[20] == "  #20: TEA short 20"
    assert lines[21:] == ["  and 5 more backordered orders"]


def test_kenpin_allocate_prints_the_summary(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as s:
        tea = add_product(s, "TEA")
        receive(s, tea, "A-01", 1)
        add_order(s, "#1", [(tea, 1)], minutes=1)
        add_order(s, "#2", [(tea, 1)], minutes=2)
    assert main(["--db", db_url, "allocate"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "allocate: 1 allocated, 1 backordered, 0 still backordered",
        "  #2: TEA short 1",
    ]


def test_stock_check_is_clean_after_allocation_and_names_drift_behind_the_ledger(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as s:
        tea, milk = add_product(s, "TEA"), add_product(s, "MILK", expiry_tracked=True)
        tea_bin = receive(s, tea, "A-01", 6)
        receive(s, milk, "C-01", 3, lot="L7", expiry=dt.date(2026, 9, 1))
        add_order(s, "#1", [(tea, 4), (milk, 2)])
        add_order(s, "#2", [(tea, 4)], minutes=5)
    allocate(db, TODAY)
    assert main(["--db", db_url, "stock", "check"]) == 0
    assert "every balance matches its ledger" in capsys.readouterr().out

    with db.write() as s:
        s.execute(text("UPDATE stock_balances SET on_hand = 9 WHERE id = :id"), {"id": tea_bin})
    assert main(["--db", db_url, "stock", "check"]) == 1
    err = capsys.readouterr().err
    assert "TEA @ A-01: on_hand is 9, the ledger adds up to 6" in err
    assert "1 drift(s) found" in err and "MILK" not in err


def test_stock_check_names_reserved_units_no_reservation_explains(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as s:
        milk = add_product(s, "MILK", expiry_tracked=True)
        milk_bin = receive(s, milk, "C-01", 3, lot="L7", expiry=dt.date(2026, 9, 1))
        add_order(s, "#1", [(milk, 2)])
    allocate(db, TODAY)
    with db.write() as s:
        s.execute(text("DELETE FROM reservations"))
    assert main(["--db", db_url, "stock", "check"]) == 1
    err = capsys.readouterr().err
    assert "MILK @ C-01 lot L7: reserved is 2, the orders' reservations" in err
    assert err.count("drift: ") == 1 and "up to 0" in err
    with db.read() as s:
        assert stock.check(s)[0].balance_id == milk_bin
