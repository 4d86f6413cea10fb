"""The database of a million orders the station benchmarks share, and the fresh orders each
run adds to it.

SQLite: one file, built once (about a minute) and reused by `bench_scan`,
`bench_pick` and, through a copy, `bench_waves`. PostgreSQL (when
KENPIN_TEST_PG_URL is set): a schema of its own, built and dropped by each run,
or the database `--pg-url` names, built there once and kept.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select

from app.bootstrap import open_database
from app.db.database import Database
from app.db.models import Barcode, Order
from app.services.allocation import allocate
from benchmarks.bulkdata import add_orders, add_products
from benchmarks.pg_schema import bench_database

DEFAULT_DB = "/tmp/kenpin-bench-scan-1m.db"
PRODUCTS = 5_000
STOCK_EACH = 400
#: A run's fresh orders are numbered from the orders on file plus this (never a number taken).
FRESH_FROM = 5_000_000


def add_arguments(parser: argparse.ArgumentParser, default_db: str = DEFAULT_DB) -> None:
    """The options every benchmark on the million orders takes."""
    parser.add_argument("--db", default=default_db, help=f"SQLite file (default {default_db})")
    parser.add_argument("--orders", type=int, default=1_000_000, help="orders on file")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--pg-url", help="a PostgreSQL database to build in and keep")


def databases(args: argparse.Namespace, *, station: bool = True) -> Iterator[tuple[str, Database]]:
    """Each database asked for, with at least `args.orders` orders on file: the SQLite file,
    then PostgreSQL when KENPIN_TEST_PG_URL (or `--pg-url`) is set. Opened as a station
    opens it when `station` (SQLite's log moved into the file off the scan path)."""
    if not args.no_sqlite:
        db = open_database(f"sqlite:///{Path(args.db).resolve()}", station=station)
        yield f"sqlite ({args.db})", filled(db, args.orders)
        db.dispose()
    pg = os.environ.get("KENPIN_TEST_PG_URL") or args.pg_url
    if pg and not args.no_pg:
        with bench_database(pg, args.pg_url) as url:
            db = open_database(url, station=station)
            yield "postgresql (loopback)", filled(db, args.orders)
            db.dispose()


def filled(db: Database, orders: int) -> Database:
    """`db` with at least `orders` orders on file: the missing ones built."""
    if orders_on_file(db) < orders:
        build(db, orders - orders_on_file(db))
    return db


def orders_on_file(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Order)) or 0)


def build(db: Database, orders: int) -> list[int]:
    """Products with stock, and `orders` shipped orders of three lines (the year behind us)."""
    started = time.perf_counter()
    products = add_products(db, PRODUCTS, stock_each=STOCK_EACH)
    add_orders(db, orders, products, status="shipped", first_number=100_000, seed=11)
    if not db.is_sqlite:
        # A server in use has its statistics; autovacuum would gather them a little later.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"  built {orders:,} orders in {time.perf_counter() - started:.0f} s")
    return products


def fresh_orders(db: Database, count: int) -> list[str]:
    """A fresh batch of `count` orders of three lines, allocated (reservations through the
    ledger, with any other new orders); their numbers, oldest first."""
    with db.read() as s:
        products = list(s.scalars(select(Barcode.product_id).order_by(Barcode.product_id)))
    first = orders_on_file(db) + FRESH_FROM
    add_orders(db, count, products, status="new", first_number=first, seed=first)
    started = time.perf_counter()
    summary = allocate(db)
    print(f"  allocated {summary.allocated:,} orders in {time.perf_counter() - started:.1f} s")
    return [f"#{n}" for n in range(first, first + count)]
