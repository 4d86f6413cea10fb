"""Scan to screen at a pick station on a database of a million orders.

    .venv/bin/python -m benchmarks.bench_pick [--db FILE] [--orders N] [--carts N]
        [--cart-orders N] [--singles N] [--no-pg] [--no-sqlite] [--pg-url URL] [--profile]

Works on bench_scan's database of a million orders (benchmarks/million.py:
the SQLite file built once and shared; PostgreSQL as bench_scan has it). Each
run adds a fresh batch of orders, allocates them and makes waves of them
(`create_wave`): carts of several orders, and orders picked on their own (half
of them as a wave of one, half opened by scanning the order's number). One
station then picks every wave through PickStation.scan as a picker would,
reading what to scan next off the screen's view: badge, wave (or order)
number, a tote label when the screen asks for one, and for each instruction
its bin, then each unit, on a cart the slot label after each unit (now and
then a wrong bin or a wrong product first, refused).

Prints, per database, the scan-to-screen times (the scan committed and the
view the screen draws after it) as median and 99th percentile by kind of scan,
the SQL statements a scan of each kind runs, and the same run's floor (bench_scan's:
one bare indexed SELECT plus one INSERT, committed, timed between the
instructions) with the ratio. Targets as bench_scan's: SQLite median within 3x
of the floor and p99 < 10 ms; PostgreSQL median within 3x of its floor.
`--profile` adds the statements that took the most time, by kind of scan.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, func, select

from app.bootstrap import Kenpin
from app.core.orders import OrderStatus
from app.core.scans import VerdictKind
from app.core.waves import WaveRequest
from app.db.database import Database
from app.db.models import Barcode, Location, Order
from app.scanning.normalize import normalise
from app.services.station.pick import PickStation, PickView
from app.services.users import add_user
from app.services.waves import create_wave
from benchmarks.bench_scan import Floor, judged, on_file, report
from benchmarks.million import add_arguments, databases, fresh_orders

#: Every this many instructions, the picker first scans a wrong bin; and, two further on,
#: a product that is not the instruction's.
WRONG_EVERY = 5
KINDS = ("wave open", "tote", "bin", "unit", "slot", "last unit (wave done)", "refused")


def waves_to_pick(db: Database, carts: int, cart_orders: int, singles: int) -> list[str]:
    """A fresh batch of orders made into waves: what is scanned to open each (a wave's
    number, or the number of an order picked on its own), carts and singles mixed."""
    numbers = fresh_orders(db, carts * cart_orders + singles)
    started = time.perf_counter()
    opening = [
        create_wave(db, WaveRequest(orders=tuple(numbers[n : n + cart_orders]))).number
        for n in range(0, carts * cart_orders, cart_orders)
    ]
    alone = numbers[carts * cart_orders :]
    opening += [create_wave(db, WaveRequest(orders=(number,))).number for number in alone[::2]]
    opening += alone[1::2]  # its wave is made as the picker opens it
    print(f"  made {carts + len(alone[::2])} waves in {time.perf_counter() - started:.1f} s")
    random.Random(len(numbers)).shuffle(opening)
    return opening


class Picker:
    """One picker at one station, scanning what the screen asks for; every scan timed to
    screen, with the statements it ran, and the floor timed after each instruction."""

    def __init__(self, db: Database, profile: bool) -> None:
        with db.read() as s:
            self.codes = dict(s.execute(select(Barcode.product_id, Barcode.code)).all())
            self.bins = list(s.scalars(select(Location.code).order_by(Location.id).limit(2)))
        self.badge = f"PICK-{time.monotonic_ns()}"
        add_user(db, self.badge, "packer", self.badge)
        self.station: PickStation = Kenpin(db).pick_station(self.badge)
        self.floor = Floor(db)
        self.times: dict[str, list[float]] = defaultdict(list)
        self.statements: dict[str, list[int]] = defaultdict(list)
        self.in_sql: dict[str, list[float]] = defaultdict(list)
        self.floors: list[float] = []
        self.views: list[float] = []
        self.instructions = 0
        self.line_id: int | None = None
        #: The instruction's wrong scan still to make: 0 a bin, 2 a product.
        self.wrong: int | None = None
        self.sql = Statements(db, profile)

    def scan(self, kind: str, code: str) -> PickView:
        """One scan, as a scanner's code arrives, and the screen after it."""
        self.sql.kind = kind
        before, in_sql = self.sql.count, self.sql.total
        started = time.perf_counter()
        outcome = self.station.scan(normalise(code))
        read = time.perf_counter()
        view = outcome.view if isinstance(outcome.view, PickView) else self.station.view()
        done = time.perf_counter()
        if view.instruction is None and kind in ("unit", "slot"):
            kind = "last unit (wave done)"
        self.times[kind].append((done - started) * 1000)
        self.statements[kind].append(self.sql.count - before)
        self.in_sql[kind].append((self.sql.total - in_sql) * 1000)
        if not isinstance(outcome.view, PickView):
            self.views.append((done - read) * 1000)
        refused = outcome.verdict is VerdictKind.REJECTED
        assert refused == (kind == "refused"), f"{code}: {outcome.verdict} {outcome.message}"
        return view

    def pick(self, opening: str) -> None:
        """The wave (or order) `opening` names, picked to its end as the screen says."""
        view = self.scan("wave open", opening)
        for _ in range(10_000):
            wanted = self.wanted(view)
            if wanted is None:
                return
            view = self.scan(*wanted)
        raise AssertionError(f"{opening}: not picked in 10,000 scans")

    def wanted(self, view: PickView) -> tuple[str, str] | None:
        """What the screen asks for next (the kind of scan, the code), now and then a wrong
        bin or product first; None when the wave is picked."""
        line = view.instruction
        if view.needs_tote:
            return "tote", f"TOTE-{uuid.uuid4().hex[:10].upper()}"
        if view.slot is not None:
            return "slot", f"SLOT-{view.slot:02d}"
        if line is None:
            return None
        if line.line_id != self.line_id:
            # A new instruction on the screen: the floor is timed before it.
            self.line_id = line.line_id
            self.instructions += 1
            self.sql.kind = "floor"
            self.floors.append(self.floor.once())
            self.wrong = self.instructions % WRONG_EVERY
        if not view.at_bin:
            if self.wrong == 0:
                self.wrong = None
                return "refused", next(code for code in self.bins if code != line.bin)
            return "bin", line.bin
        if self.wrong == 2:
            self.wrong = None
            return "refused", next(c for p, c in self.codes.items() if p != line.product_id)
        return "unit", self.codes[line.product_id]

    def warmed(self) -> None:
        """Forget what was timed so far (statements compiled, caches filled)."""
        for kept in (self.times, self.statements, self.in_sql):
            kept.clear()
        self.floors.clear()
        self.views.clear()
        self.sql.clear()

    def results(self) -> list[float]:
        """Each kind's times and statements printed; every scan's times."""
        every = [took for kind in KINDS for took in self.times[kind]]
        report("every scan, to screen", every)
        for kind in KINDS:
            report(f"  {kind} scans", self.times[kind])
        print("  statements per scan (time in the database per scan):")
        for kind in KINDS:
            if self.statements[kind]:
                count = statistics.mean(self.statements[kind])
                sql = statistics.mean(self.in_sql[kind])
                print(f"    {kind:<22} {count:4.1f}  ({sql:.2f} ms)")
        if self.views:
            report("  of which the view, read after", self.views)
        self.sql.print_top()
        return every


class Statements:
    """The SQL statements run (cursor executes), counted and timed by kind of scan (and with
    `profile`, by statement too)."""

    def __init__(self, db: Database, profile: bool) -> None:
        self.count = 0
        self.kind = ""
        self.profile = profile
        #: Time in the database so far (s).
        self.total = 0.0
        self.spent: Counter[tuple[str, str]] = Counter()
        self.runs: Counter[tuple[str, str]] = Counter()
        event.listen(db.engine, "before_cursor_execute", self._before)
        event.listen(db.engine, "after_cursor_execute", self._after)

    def _before(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.count += 1
        conn.info["started"] = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        spent = time.perf_counter() - conn.info["started"]
        self.total += spent
        if self.profile:
            shape = re.sub(r"\s+", " ", statement)[:110]
            self.spent[self.kind, shape] += spent
            self.runs[self.kind, shape] += 1

    def print_top(self, most: int = 30) -> None:
        for (kind, shape), spent in self.spent.most_common(most):
            runs = self.runs[kind, shape]
            print(f"    {kind:<12} {runs:>6} x {spent / runs * 1000:6.3f} ms  {shape}")

    def clear(self) -> None:
        for kept in (self.spent, self.runs):
            kept.clear()


def bench(db: Database, args: argparse.Namespace) -> None:
    opening = waves_to_pick(db, args.carts, args.cart_orders, args.singles)
    on_file(db, f"picking {args.carts} carts of {args.cart_orders}, {args.singles} alone")
    picker = Picker(db, args.profile)
    picker.scan("badge", picker.badge)
    picker.pick(opening[0])
    picker.warmed()
    for code in opening[1:]:
        picker.pick(code)
    with db.read() as s:
        picked = s.scalar(
            select(func.count()).where(Order.status == OrderStatus.PICKED).select_from(Order)
        )
    print(f"  {picked:,} orders picked on file; {picker.instructions:,} instructions")
    scans = picker.results()
    judged(db, scans, picker.floors)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    add_arguments(parser)
    parser.add_argument("--carts", type=int, default=30, help="waves of several orders")
    parser.add_argument("--cart-orders", type=int, default=8, help="orders on each cart")
    parser.add_argument("--singles", type=int, default=60, help="orders picked on their own")
    parser.add_argument("--profile", action="store_true", help="the slowest statements")
    args = parser.parse_args()
    for label, db in databases(args):
        print(f"{label}:")
        bench(db, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
