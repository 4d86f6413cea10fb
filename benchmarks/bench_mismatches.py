"""The supervisors' mismatch log review page on 5,000,000 refused scans.

    .venv/bin/python -m benchmarks.bench_mismatches [--db FILE] [--rows N] [--no-pg]
        [--no-sqlite] [--pg-url URL]

Builds (or reuses) an SQLite file holding N refused scans and their mismatch
log rows (default 5,000,000, from 20 stations and 40 packers over 90 days, on
5,000 products and 100,000 orders; benchmarks/mismatchdata.py), and, when
KENPIN_TEST_PG_URL is set, the same in a PostgreSQL schema of its own
(dropped afterwards), or in the database `--pg-url` names, kept and reused.
Then times what the page asks the database for (`MismatchLog.page`, the
packer, order and reviewer names joined): the first page of 200 rows with no
filter, the next page as the list scrolls, and the first page under each
single filter (a day, a station, a packer, a reason, a SKU, an order), each
with a different value per run. Prints median and 99th
percentile per query. Targets: the first page < 100 ms, any single filter
< 300 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from app.bootstrap import open_database
from app.db.database import Database
from app.db.models import User
from app.db.station_models import Mismatch
from app.services.mismatches import MismatchFilter, MismatchLog
from benchmarks.bulkdata import add_orders, add_products
from benchmarks.mismatchdata import REASONS, LogShape, add_mismatches
from benchmarks.pg_schema import bench_database

DEFAULT_DB = "/tmp/kenpin-bench-mismatches-5m.db"
PRODUCTS, ORDERS = 5_000, 100_000
SHAPE = LogShape()
RUNS = 60
TARGETS_MS = {"first page": 100.0}
FILTER_TARGET_MS = 300.0


def build(db: Database, rows: int) -> None:
    """Products, orders and `rows` refused scans, unless the log is already there."""
    with db.read() as s:
        present = s.scalar(select(func.count()).select_from(Mismatch).where(Mismatch.id < 10))
    if present:
        return
    started = time.perf_counter()
    products = add_products(db, PRODUCTS)
    add_orders(db, ORDERS, products, status="shipped", first_number=100_000, seed=5)
    add_mismatches(db, rows, SHAPE)
    if not db.is_sqlite:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"  built {rows:,} refused scans in {time.perf_counter() - started:.0f} s")


def percentile(samples: list[float], p: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def timed(name: str, query: Callable[[int], object], target: float) -> tuple[float, float]:
    """Run `query(run)` RUNS times; print and return the median and p99 in ms."""
    samples = []
    for run in range(RUNS):
        started = time.perf_counter()
        query(run)
        samples.append((time.perf_counter() - started) * 1000)
    median, p99 = statistics.median(samples), percentile(samples, 99)
    verdict = "ok" if median < target else "OVER TARGET"
    print(f"  {name:<22} median {median:7.2f} ms  p99 {p99:7.2f} ms  ({verdict}, < {target:g})")
    return median, p99


def filters(db: Database) -> dict[str, Callable[[int], MismatchFilter]]:
    """Each single filter, given a different value per run."""
    with db.read() as s:
        packers = list(s.scalars(select(User.id).where(User.name.like("Packer %"))))
    start = SHAPE.start.astimezone().date()

    def day(run: int) -> MismatchFilter:
        first = start + dt.timedelta(days=1 + run % 80)
        since = dt.datetime.combine(first, dt.time.min).astimezone()
        return MismatchFilter(since=since, until=since + dt.timedelta(days=1))

    return {
        "a day": day,
        "a station": lambda run: MismatchFilter(station=f"BENCH-{run % SHAPE.stations + 1:02d}"),
        "a packer": lambda run: MismatchFilter(user_id=packers[run % len(packers)]),
        "a reason": lambda run: MismatchFilter(reason=REASONS[run % len(REASONS)]),
        "a SKU": lambda run: MismatchFilter(sku=f"SKU-{(run * 97) % PRODUCTS:06d}"),
        "an order": lambda run: MismatchFilter(order=f"#{100_000 + (run * 1_571) % ORDERS}"),
    }


def bench(db: Database, label: str, rows: int) -> None:
    print(f"{label}:")
    build(db, rows)
    log = MismatchLog(db)
    log.page(MismatchFilter())  # the first query of a process compiles and caches
    timed("first page", lambda _run: log.page(MismatchFilter()), TARGETS_MS["first page"])
    first = log.page(MismatchFilter())
    timed("next page (scroll)", lambda _run: log.page(MismatchFilter(), first[-1].cursor), 100.0)
    for name, wanted in filters(db).items():
        shown = log.page(wanted(1))
        assert shown, f"{name}: no rows"
        timed(f"filter: {name}", lambda run, wanted=wanted: log.page(wanted(run)), FILTER_TARGET_MS)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--db", default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--pg-url", help="a PostgreSQL database to build in and keep")
    args = parser.parse_args()

    if not args.no_sqlite:
        db = open_database(f"sqlite:///{Path(args.db).resolve()}")
        bench(db, f"sqlite ({args.db})", args.rows)
        db.dispose()
    pg = os.environ.get("KENPIN_TEST_PG_URL") or args.pg_url
    if pg and not args.no_pg:
        with bench_database(pg, args.pg_url) as url:
            db = open_database(url)
            bench(db, "postgresql (loopback)", args.rows)
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
