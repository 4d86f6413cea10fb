"""Two `kenpin allocate` processes at once on the same database, fighting over scarce stock."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import func, select, text

from app.cli import main
from app.core.allocation import allocate_orders
from app.db import allocation as store
from app.db.database import Database
from app.db.models import Order, OrderLine, Product, Reservation, StockBalance
from benchmarks.bulkdata import add_orders, add_products
from tests import ROOT
from tests.stockdata import receive

ORDERS_EACH = 2_500  # of one, two and three lines: three batches per allocator


def stock_up(db: Database) -> None:
    """30 products, each in two bins and lots of 150 units, and 7,500 orders wanting ~3x that."""
    products = add_products(db, 30)
    with db.write() as s:
        for n, pid in enumerate(products):
            for lot in range(2):
                expiry = dt.date.today() + dt.timedelta(days=30 + (n * 7 + lot * 40) % 90)
                receive(s, pid, f"R-{n:02d}-{lot}", 150, lot=f"L{lot}", expiry=expiry)
    for lines in (1, 2, 3):
        add_orders(db, ORDERS_EACH, products, lines_per_order=lines, first_number=lines * 10_000)


@contextlib.contextmanager
def allocation_gate(db: Database) -> Iterator[Callable[[], None]]:
    """Hold the allocators' lock so both start allocating at the same moment once it opens.

    On PostgreSQL the gate waits until both processes queue for the advisory
    lock; SQLite shows no one waiting for its write lock, so there the gate
    stays shut for a moment long enough for both processes to start.
    """
    with db.engine.connect() as conn:
        if db.is_sqlite:
            conn.execute(text("SELECT 1"))  # begins IMMEDIATE: the write lock is held
        else:
            conn.execute(select(func.pg_advisory_xact_lock(store.ALLOCATION_LOCK_KEY)))

        def wait_for_both() -> None:
            if db.is_sqlite:
                time.sleep(3)
                return
            key = store.ALLOCATION_LOCK_KEY
            waiting = text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND classid::bigint = :hi AND objid::bigint = :lo"
            )
            deadline = time.monotonic() + 120
            while conn.scalar(waiting, {"hi": key >> 32, "lo": key & 0xFFFFFFFF}) != 2:
                assert time.monotonic() < deadline, "the two allocators never queued for the lock"
                time.sleep(0.05)

        yield wait_for_both
        conn.rollback()


def expected_statuses(db: Database) -> dict[str, str]:
    """What one allocator alone, oldest first, would decide."""
    with db.read() as s:
        batch = store.load_open_orders(s, store.open_order_ids(s))
        slots = store.load_stock(s, batch.product_ids)
    outcomes = allocate_orders(batch.orders, slots, dt.date.today(), batch.min_shelf_life_days)
    return {o.number: o.status.value for o in outcomes}


@pytest.mark.parametrize(
    "db_url", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)], indirect=True
)
def test_two_allocators_at_once_never_reserve_anything_twice(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_up(db)
    expected = expected_statuses(db)
    assert Counter(expected.values()).keys() == {"allocated", "backordered"}

    command = [sys.executable, "-m", "app", "--db", db_url, "allocate"]
    with allocation_gate(db) as wait_for_both:
        runs = [
            subprocess.Popen(
                command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        wait_for_both()
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err

    with db.read() as s:
        statuses = dict(s.execute(select(Order.number, Order.status)).all())
        balances = s.execute(
            select(StockBalance.id, StockBalance.on_hand, StockBalance.reserved)
        ).all()
        held = dict(
            s.execute(
                select(Reservation.balance_id, func.sum(Reservation.qty)).group_by(
                    Reservation.balance_id
                )
            ).all()
        )
        line_held = dict(
            s.execute(
                select(Reservation.order_line_id, func.sum(Reservation.qty)).group_by(
                    Reservation.order_line_id
                )
            ).all()
        )
        lines = s.execute(
            select(OrderLine.id, OrderLine.qty, OrderLine.allocated, Order.status, Product.sku)
            .join(Order, Order.id == OrderLine.order_id)
            .join(Product, Product.id == OrderLine.product_id)
        ).all()

    # Together the two decided exactly what one allocator alone would have.
    assert statuses == expected
    # Each allocated order was allocated by one of them only.
    allocated_by_runs = 0
    for out, _err in outputs:
        counts = re.match(r"allocate: (\d+) allocated", out)
        assert counts, out
        allocated_by_runs += int(counts.group(1))
    assert allocated_by_runs == Counter(statuses.values())["allocated"]
    # Every reserved unit is one reservation's, within what is on hand.
    for bid, on_hand, reserved_units in balances:
        assert reserved_units == held.get(bid, 0)
        assert 0 <= reserved_units <= on_hand
    # Every line of an allocated order is covered once, exactly; backordered lines hold nothing.
    for line_id, qty, allocated, status, _sku in lines:
        assert line_held.get(line_id, 0) == allocated
        assert allocated == (qty if status == "allocated" else 0)

    assert main(["--db", db_url, "stock", "check"]) == 0
    assert "every balance matches its ledger" in capsys.readouterr().out
