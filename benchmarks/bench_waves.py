"""A wave of 500 orders and its pick list on a database of a million orders.

    .venv/bin/python -m benchmarks.bench_waves [--db FILE] [--source FILE] [--wave N]
        [--runs N] [--no-pg] [--no-sqlite] [--pg-url URL]

Works on a copy (`--db`, default /tmp/kenpin-bench-waves-1m.db) of the
station benchmarks' SQLite file of 1,000,000 orders (`--source`; see
benchmarks/million.py), made once and kept (built in place when there is none
to copy); and, when KENPIN_TEST_PG_URL is set, on the same orders in
PostgreSQL, as bench_scan has them. When the database has fewer than `--wave`
allocated orders, a fresh batch of orders of three lines is added and
allocated. Each run then times `kenpin wave create
--max-orders N` (the oldest N allocated orders become `picking` in a new wave)
and `kenpin print pick-list --wave` (the wave's reservations bin by bin in walk
order, a PDF of some 40 pages), through the same services the commands call;
afterwards the wave is released (its orders allocated again) so the next run
finds them. Target: the two together under 2 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from app.core.orders import OrderStatus
from app.core.waves import WaveRequest
from app.db import waves as waves_store
from app.db.database import Database
from app.db.models import Order
from app.services.waves import create_wave, wave_pick_list_pdf
from benchmarks.million import DEFAULT_DB as SOURCE_DB
from benchmarks.million import add_arguments, databases, fresh_orders, orders_on_file

DEFAULT_DB = "/tmp/kenpin-bench-waves-1m.db"
TARGET_S = 2.0


def allocated_orders(db: Database) -> int:
    with db.read() as s:
        query = select(func.count()).where(Order.status == OrderStatus.ALLOCATED)
        return int(s.scalar(query.select_from(Order)) or 0)


def enough_allocated(db: Database, wanted: int) -> None:
    """Add and allocate a fresh batch of orders when fewer than `wanted` are allocated."""
    if allocated_orders(db) < wanted:
        fresh_orders(db, wanted)


def once(db: Database, size: int, out: Path) -> tuple[float, float]:
    """One wave made and its pick list written (seconds each); then the wave released."""
    started = time.perf_counter()
    made = create_wave(db, WaveRequest(max_orders=size))
    created = time.perf_counter()
    said = wave_pick_list_pdf(db, made.number, out)
    printed = time.perf_counter()
    print(f"  {made.number}: {len(made.orders)} orders, {made.lines} lines, {made.units} units")
    print(f"    {said}")
    with db.write() as s:
        wave = waves_store.wave_by_number(s, made.number)
        assert wave is not None
        waves_store.release_wave(s, wave.id)
    return created - started, printed - created


def bench(db: Database, args: argparse.Namespace) -> None:
    """`args.runs` waves made and their pick lists written; the times printed."""
    print(f"  {orders_on_file(db):,} orders")
    enough_allocated(db, args.wave)
    creates, prints, totals = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.runs):
            create, pick_list = once(db, args.wave, Path(folder) / "wave.pdf")
            creates.append(create)
            prints.append(pick_list)
            totals.append(create + pick_list)
    for name, samples in (("create", creates), ("pick list", prints), ("both", totals)):
        print(
            f"  {name:<10} median {statistics.median(samples):.2f} s  "
            f"max {max(samples):.2f} s  (n={len(samples)})"
        )
    verdict = "met" if statistics.median(totals) < TARGET_S else "MISSED"
    print(f"  target < {TARGET_S} s: {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    add_arguments(parser, DEFAULT_DB)
    parser.add_argument("--source", default=SOURCE_DB, help="the shared file, copied once")
    parser.add_argument("--wave", type=int, default=500, help="orders in the wave")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    path = Path(args.db)
    if not args.no_sqlite and not path.exists() and Path(args.source).exists():
        print(f"copying {args.source} to {path}")
        shutil.copyfile(args.source, path)
    for label, db in databases(args, station=False):
        print(f"{label}:")
        bench(db, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
