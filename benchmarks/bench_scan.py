"""Scan to screen at a pack station on a database of a million orders.

    .venv/bin/python -m benchmarks.bench_scan [--db FILE] [--orders N] [--packs N]
        [--no-pg] [--no-sqlite] [--pg-url URL]

Builds (or reuses) an SQLite file of N orders of three lines each (default
1,000,000 orders, 3,000,000 lines, about a minute to build) with
benchmarks/million.py, and, when KENPIN_TEST_PG_URL is set, the same in a
PostgreSQL schema of its own (dropped afterwards), or in the database
`--pg-url` names (kept, and reused by the next run). Each run adds a fresh batch
of orders to pack, allocates just those (reservations through the ledger),
then drives one station through PackStation.scan as a packer would: badge,
order number, every unit (now and then a wrong product, refused), complete
(a tracking number issued, the parcel and its print job recorded), and the
label scanned back.

Prints, per database, the scan-to-screen times (the scan committed, its
verdict and the view the window draws returned together, one transaction) as
median and 99th percentile, by kind of scan; and the same run's floor: one
bare indexed SELECT plus one INSERT, committed, through the same unit of
work, timed between the packs so both see the machine alike, and the ratio
of the two. Targets: SQLite median within 3x of the
floor and p99 < 10 ms; PostgreSQL median within 3x of its floor.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select

from app.bootstrap import Kenpin
from app.core.carriers import CarrierCode
from app.db.database import Database
from app.db.models import Barcode, ImportBatch, Order, OrderLine, table
from app.db.tracking import numbers_left
from app.scanning.normalize import normalise
from app.services.carriers import add_range
from app.services.demo import DEMO_SHOP
from app.services.shop_settings import ShopSettings
from app.services.station.outcome import StationView
from app.services.stock import check_stock
from app.services.users import add_user
from benchmarks.million import add_arguments, databases, fresh_orders

#: Floor transactions timed after each pack, between the scans.
FLOORS_PER_PACK = 3
#: Scan-to-screen targets by database: median at most this many times the floor's median,
#: and the p99 in ms (None: no p99 target).
TARGETS: dict[str, tuple[float, float | None]] = {"sqlite": (3.0, 10.0), "postgresql": (3.0, None)}
#: Every this many orders, the packer first scans a product that is not on the order.
WRONG_EVERY = 5


def orders_to_pack(db: Database, packs: int) -> list[tuple[str, list[str]]]:
    """A fresh batch of `packs` orders, allocated: (number, unit barcodes) of each."""
    numbers = fresh_orders(db, packs)
    with db.read() as s:
        codes = dict(s.execute(select(Barcode.product_id, Barcode.code)).all())
        rows = s.execute(
            select(Order.number, OrderLine.product_id, OrderLine.qty)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.number.in_(numbers), Order.status == "allocated")
            .order_by(Order.id, OrderLine.line_no)
        ).all()
    units: dict[str, list[str]] = defaultdict(list)
    for number, product_id, qty in rows:
        units[number] += [codes[product_id]] * qty
    return list(units.items())


def tracking_numbers(db: Database, carrier: str, first: int) -> None:
    """A block of a hundred million numbers from `first`, registered once per database."""
    with db.read() as s:
        if numbers_left(s, CarrierCode(carrier)) > 0:
            return
    add_range(db, carrier, str(first), str(first + 99_999_999))


def shop(db: Database) -> None:
    """The demo's shop as the labels' sender (a label is not issued without one)."""
    ShopSettings(db).set_up(DEMO_SHOP)


def drive(
    db: Database, packs: list[tuple[str, list[str]]], pool: list[str]
) -> tuple[list[float], list[float]]:
    """Pack every order at one station, timing each scan to screen, with the floor's
    transaction timed between the packs (so both see the machine alike); returns the scan
    times and the floor times (ms) after the first pack."""
    badge = f"BENCH-{time.monotonic_ns()}"
    add_user(db, badge, "packer", badge)
    station = Kenpin(db).pack_station(badge)
    times: dict[str, list[float]] = defaultdict(list)
    every: list[float] = []
    floors: list[float] = []
    verdicts: dict[str, int] = defaultdict(int)
    floor = Floor(db)

    def scan(kind: str, code: str) -> StationView:
        # As a scanner's code arrives: normalised at its source, then one call to the station.
        started = time.perf_counter()
        outcome = station.scan(normalise(code))
        took = (time.perf_counter() - started) * 1000
        times[kind].append(took)
        every.append(took)
        verdicts[f"{outcome.verdict.value} {outcome.reason.value if outcome.reason else ''}"] += 1
        assert outcome.view is not None
        return outcome.view

    scan("badge", badge)
    warm = 0
    for n, (number, units) in enumerate(packs):
        scan("order", number)
        if n % WRONG_EVERY == 0:
            scan("refused", next(code for code in pool if code not in units))
        for code in units:
            scan("unit", code)
        awaiting = scan("complete", "KCMD:COMPLETE").awaiting
        assert awaiting is not None, f"{number}: no label to scan back"
        scan("label", awaiting.tracking_number)
        floors += [floor.once() for _ in range(FLOORS_PER_PACK)]
        if n == 0:
            # The first pack warms the caches (statement compilation, prepared statements).
            warm = len(every)
    report("every scan, to screen", every[warm:])
    for kind in ("order", "unit", "refused", "complete", "label"):
        report(f"  {kind} scans", times[kind][1:])
    print("  verdicts: " + ", ".join(f"{k.strip()} {v}" for k, v in sorted(verdicts.items())))
    return every[warm:], floors[FLOORS_PER_PACK:]


class Floor:
    """One indexed SELECT and one INSERT, committed, through the same unit of work."""

    def __init__(self, db: Database) -> None:
        self._db = db
        orders = table(Order).c
        with db.read() as s:
            self._number = s.scalar(select(orders.number).order_by(orders.id.desc()).limit(1))

    def once(self) -> float:
        """One floor transaction's time (ms)."""
        # The INSERT goes to a table with no chain or trigger (the audit trail's appends
        # read its last row first): a remembered "file" of kind `bench`, never an import.
        orders, batches = table(Order).c, table(ImportBatch)
        started = time.perf_counter()
        with self._db.write() as s:
            s.execute(select(orders.id).where(orders.number == self._number)).first()
            s.execute(
                insert(batches).values(
                    kind="bench", file_name="floor", sha256=uuid.uuid4().hex, rows=0
                )
            )
        return (time.perf_counter() - started) * 1000


def percentile(samples: list[float], p: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def report(name: str, samples: list[float]) -> None:
    if len(samples) < 2:
        return
    print(
        f"  {name:<38} n={len(samples):>5}  median {statistics.median(samples):6.2f} ms"
        f"  p99 {percentile(samples, 99):6.2f} ms  max {max(samples):6.1f} ms"
    )


def on_file(db: Database, doing: str) -> None:
    """The orders and lines on file, and what the run does with its fresh ones."""
    with db.read() as s:
        total = s.scalar(select(func.count()).select_from(Order))
        lines = s.scalar(select(func.count()).select_from(OrderLine))
    print(f"  {total:,} orders, {lines:,} lines; {doing}")


def judged(db: Database, scans: list[float], floors: list[float]) -> None:
    """The floor, the scans' ratio to it and the target met or missed; then the stock check
    (the run moved stock only through the ledger)."""
    report("floor: indexed SELECT + INSERT, commit", floors)
    median, p99 = statistics.median(scans), percentile(scans, 99)
    ratio = median / statistics.median(floors)
    tail = p99 / percentile(floors, 99)
    print(f"  scan to screen / floor: median {ratio:.2f}x, p99 {tail:.1f}x")
    most, target_p99 = TARGETS[db.dialect]
    met = ratio <= most and (target_p99 is None or p99 < target_p99)
    wanted = f"median within {most:g}x of the floor"
    if target_p99 is not None:
        wanted += f", p99 < {target_p99:g} ms"
    print(f"  target ({wanted}): {'met' if met else 'MISSED'}")
    drifts = check_stock(db)
    print(f"  stock check: {'clean' if not drifts else f'{len(drifts)} drift(s)'}")


def bench(db: Database, packs: int) -> None:
    batch = orders_to_pack(db, packs)
    on_file(db, f"packing {len(batch)} orders")
    with db.read() as s:
        pool = list(s.scalars(select(Barcode.code).order_by(Barcode.id).limit(10)))
    for n, carrier in enumerate(("yamato", "sagawa", "japanpost")):
        tracking_numbers(db, carrier, 10_000_000_000 + n * 100_000_000)
    shop(db)
    scans, floors = drive(db, batch, pool)
    judged(db, scans, floors)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    add_arguments(parser)
    parser.add_argument("--packs", type=int, default=400, help="orders packed per database")
    args = parser.parse_args()
    for label, db in databases(args):
        print(f"{label}:")
        bench(db, args.packs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
