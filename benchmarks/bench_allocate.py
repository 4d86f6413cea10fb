"""Time `kenpin allocate` over 100,000 open orders (target: under 20 s on SQLite).

    .venv/bin/python -m benchmarks.bench_allocate [--orders N] [--products N]

Builds a fresh SQLite database (and, when KENPIN_TEST_PG_URL is set, a fresh
PostgreSQL schema, dropped afterwards) with stock for every product and
orders of one to three lines, then times a first run (everything decided) and
a second run (only the backordered orders looked at again).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, text

from app.bootstrap import open_database
from app.services.allocation import allocate
from app.services.stock import check_stock
from benchmarks.bulkdata import add_orders, add_products

# About 80 units are ordered per product; 75 on hand leaves some orders short.
STOCK_EACH = 75


def bench(url: str, label: str, orders: int, products: int) -> None:
    db = open_database(url)
    started = time.perf_counter()
    product_ids = add_products(db, products, stock_each=STOCK_EACH)
    for lines in (1, 2, 3):
        count = orders // 3 + (1 if lines <= orders % 3 else 0)
        add_orders(db, count, product_ids, lines_per_order=lines, first_number=lines * 10_000_000)
    print(
        f"{label}: filled {products:,} products, {orders:,} orders in "
        f"{time.perf_counter() - started:.1f} s"
    )

    started = time.perf_counter()
    summary = allocate(db)
    took = time.perf_counter() - started
    decided = summary.allocated + summary.backordered + summary.still_backordered
    print(
        f"{label}: first run  {took:6.2f} s  {decided / took:8,.0f} orders/s  "
        f"({summary.allocated:,} allocated, {summary.backordered:,} backordered)"
    )

    started = time.perf_counter()
    again = allocate(db)
    took = time.perf_counter() - started
    print(f"{label}: second run {took:6.2f} s  ({again.still_backordered:,} still backordered)")
    drifts = check_stock(db)
    print(f"{label}: stock check {'clean' if not drifts else f'{len(drifts)} drift(s)'}")
    db.dispose()


@contextlib.contextmanager
def pg_schema(base: str) -> Iterator[str]:
    """A URL of a fresh PostgreSQL schema of its own, dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench(f"sqlite:///{Path(folder) / 'bench.db'}", "sqlite", args.orders, args.products)
    pg = os.environ.get("KENPIN_TEST_PG_URL")
    if pg:
        with pg_schema(pg) as url:
            bench(url, "postgresql", args.orders, args.products)


if __name__ == "__main__":
    main()
