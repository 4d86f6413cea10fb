"""Time `kenpin audit verify` over a long audit trail, and one append at its end.

    .venv/bin/python -m benchmarks.bench_audit [--rows N]

Builds a fresh SQLite database (and, when KENPIN_TEST_PG_URL is set, a fresh
PostgreSQL schema, dropped afterwards) holding N chained audit rows written in
bulk (the hashes computed as `app.db.audit.record` computes them), then times
walking the whole chain, the peak memory it took, and appending one row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import tempfile
import time
from pathlib import Path

from app.bootstrap import open_database
from app.core.audit import GENESIS, AuditRow, chain_hash
from app.db import audit
from app.db.models import AuditEntry, table
from app.db.sql import add_rows
from app.services.audit import verify_chain
from benchmarks.pg_schema import fresh_schema

CHUNK = 20_000
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def fill(url: str, rows: int) -> None:
    """`rows` chained audit rows, a chunk per transaction."""
    db = open_database(url)
    prev = GENESIS
    for first in range(1, rows + 1, CHUNK):
        chunk = []
        for n in range(first, min(rows, first + CHUNK - 1) + 1):
            row = AuditRow(
                n,
                START + dt.timedelta(seconds=n),
                None,
                f"S{n % 20}",
                "station.login",
                f'{{"user": "packer {n % 50}", "role": "packer"}}',
            )
            row_hash = chain_hash(prev, row)
            chunk.append(
                {
                    "id": row.id,
                    "at": row.at,
                    "user_id": None,
                    "station": row.station,
                    "action": row.action,
                    "detail": row.detail,
                    "prev_hash": prev,
                    "hash": row_hash,
                }
            )
            prev = row_hash
        with db.write() as s:
            add_rows(s, table(AuditEntry), chunk)
    db.dispose()


def bench(url: str, label: str, rows: int) -> None:
    started = time.perf_counter()
    fill(url, rows)
    print(f"{label}: filled {rows:,} rows in {time.perf_counter() - started:.1f} s")
    db = open_database(url)
    started = time.perf_counter()
    check = verify_chain(db)
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label}: verify {took:.1f} s ({rows / took:,.0f} rows/s), peak memory {peak:.0f} MB")
    print(f"{label}: {str(check)[:40]}")
    started = time.perf_counter()
    with db.write() as s:
        audit.record(s, "bench.append")
    print(f"{label}: one append at the end {1000 * (time.perf_counter() - started):.1f} ms")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench(f"sqlite:///{Path(folder) / 'bench.db'}", "sqlite", args.rows)
    pg = os.environ.get("KENPIN_TEST_PG_URL")
    if pg:
        with fresh_schema(pg) as url:
            bench(url, "postgresql", args.rows)


if __name__ == "__main__":
    main()
