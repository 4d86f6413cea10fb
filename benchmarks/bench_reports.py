"""The supervisors' reports over 90 days of 20 stations.

    .venv/bin/python -m benchmarks.bench_reports [--db FILE] [--days 90] [--stations 20]
        [--packs 400] [--no-pg] [--no-sqlite] [--pg-url URL]

Builds (or reuses) an SQLite file of scans written in bulk, as a floor of 20
stations would have recorded them: 400 packs per station and day, each an order
scan, five unit scans (now and then a look-alike first, refused
`not_on_order`), COMPLETE and the label scanned back — 90 × 20 × 400 × ~7.2 ≈
5.2 million scans; and, when KENPIN_TEST_PG_URL is set, the same in a
PostgreSQL schema of its own (dropped afterwards), or in the database
`--pg-url` names, kept there and reused by the next run.

Prints, per database: the first catch-up (every scan added into the hourly
tables, once, after upgrading), one day's catch-up (what a report does each day),
and each report over the 90 days (and over one day) read through `Reports` as
`kenpin report` and the window do, RUNS times each: median and p99. Target:
each report under 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select, update

from app.bootstrap import open_database
from app.core.reports import Period, ReportKind
from app.core.times import JAPAN
from app.db.badges import badge_hash
from app.db.database import Database
from app.db.models import OrderLine, Station, User, table
from app.db.report_models import ReportProgress
from app.db.station_models import ScanRecord
from app.services.reports import Reports
from benchmarks.bulkdata import add_orders, add_products, jan
from benchmarks.pg_schema import bench_database

DEFAULT_DB = "/tmp/kenpin-bench-reports.db"
REPORT_TABLES = (
    "report_progress",
    "scan_hours",
    "refusal_hours",
    "confusion_hours",
    "unpaired_refusals",
)
FIRST_DAY = dt.date(2026, 1, 5)
PRODUCTS = 2_000
#: Each report is read this many times (after the catch-ups): its median and p99.
RUNS = 21
UNITS_PER_PACK = 5
#: One unit scan in this many is preceded by a look-alike, refused.
WRONG_ONE_IN = 40
COLUMNS = [
    "id",
    "scan_id",
    "station_id",
    "seq",
    "user_id",
    "pack_session_id",
    "order_id",
    "at",
    "raw",
    "kind",
    "code",
    "verdict",
    "reason",
    "effect",
    "message",
    "order_line_id",
    "units",
    "undone",
    "typed",
    "lot_read",
]


def scan_rows(
    days: int, stations: list[int], users: list[int], lines: list[tuple[int, int, int]], packs: int
) -> Iterator[tuple[object, ...]]:
    """Every scan of the floor, in id order: (columns as COLUMNS)."""
    rnd = random.Random(7)
    scan_id = session = 0
    seq = dict.fromkeys(stations, 0)
    for day in range(days):
        for station, user in zip(stations, users, strict=True):
            at = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), dt.time(9), JAPAN)
            at = at.astimezone(dt.UTC)
            for _ in range(packs):
                session += 1
                order_id, line_id, product = lines[rnd.randrange(len(lines))]
                plan = [("order", "info", None, "open_order", 0, None, f"#{order_id}")]
                for _ in range(UNITS_PER_PACK):
                    if rnd.randrange(WRONG_ONE_IN) == 0:
                        wrong = jan(rnd.randrange(1, PRODUCTS))
                        plan.append(("product", "rejected", "not_on_order", "none", 0, None, wrong))
                    plan.append(("product", "accepted", None, "count", 1, line_id, jan(product)))
                plan.append(("command", "accepted", None, "complete", 0, None, "KCMD:COMPLETE"))
                plan.append(("label", "accepted", None, "verify_label", 0, None, "1234567890"))
                for kind, verdict, reason, effect, units, line, code in plan:
                    scan_id += 1
                    seq[station] += 1
                    at += dt.timedelta(seconds=rnd.uniform(5, 12))
                    yield (
                        scan_id, f"b{scan_id}", station, seq[station], user, session, order_id,
                        at.strftime("%Y-%m-%d %H:%M:%S.%f"), code, kind, code, verdict, reason,
                        effect, "", line, units, False, False, True,
                    )  # fmt: skip


def floor(db: Database, stations: int) -> tuple[list[int], list[int], list[tuple[int, int, int]]]:
    """Products, a thousand orders to point the scans at, the stations and their packers."""
    products = add_products(db, PRODUCTS)
    add_orders(db, 1_000, products, status="shipped", seed=3)
    with db.write() as s:
        s.execute(insert(table(Station)), [{"name": f"BENCH-{n:02d}"} for n in range(stations)])
        s.execute(
            insert(table(User)),
            [
                {"name": f"packer {n}", "role": "packer", "badge_hash": badge_hash(s, f"BP-{n}")}
                for n in range(stations)
            ],
        )
    with db.read() as s:
        station_ids = list(s.scalars(select(Station.id).order_by(Station.id)))
        user_ids = list(s.scalars(select(User.id).order_by(User.id)))
        lines = [
            (o, line, p)
            for o, line, p in s.execute(
                select(OrderLine.order_id, OrderLine.id, OrderLine.product_id)
            ).all()
        ]
    return station_ids, user_ids, lines


def load_sqlite(path: str, rows: Iterator[tuple[object, ...]]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    marks = ", ".join("?" * len(COLUMNS))
    conn.executemany(f"INSERT INTO scans ({', '.join(COLUMNS)}) VALUES ({marks})", rows)
    conn.commit()
    conn.close()


def load_pg(db: Database, rows: Iterator[tuple[object, ...]]) -> None:
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        # Bulk rows point at pack sessions that were never opened: no foreign key checks.
        cursor.execute("SET session_replication_role = replica")
        with cursor.copy(f"COPY scans ({', '.join(COLUMNS)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            buffer = io.StringIO()
            for n, row in enumerate(rows, start=1):
                buffer.write("\t".join(r"\N" if v is None else str(v) for v in row) + "\n")
                if n % 50_000 == 0:
                    copy.write(buffer.getvalue())
                    buffer = io.StringIO()
            copy.write(buffer.getvalue())
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('scans', 'id'), (SELECT max(id) FROM scans))"
        )
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def build(db: Database, args: argparse.Namespace, path: str | None) -> int:
    """The floor and its scans; returns how many scans."""
    with db.read() as s:
        have = int(s.scalar(select(func.count()).select_from(ScanRecord)) or 0)
    if have:
        print(f"  reusing {have:,} scans")
        return have
    started = time.perf_counter()
    stations, users, lines = floor(db, args.stations)
    rows = scan_rows(args.days, stations, users, lines, args.packs)
    if path is not None:
        load_sqlite(path, rows)
    else:
        load_pg(db, rows)
    with db.read() as s:
        have = int(s.scalar(select(func.count()).select_from(ScanRecord)) or 0)
    print(f"  built {have:,} scans in {time.perf_counter() - started:.0f} s")
    return have


def timed(label: str, work: Callable[[], object], runs: int = 1) -> float:
    """Run `work` `runs` times; print the time (the median and p99 of several); the median."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    median = statistics.median(samples)
    if runs == 1:
        print(f"  {label:<44} {median:9.0f} ms")
    else:
        p99 = statistics.quantiles(samples, n=100, method="inclusive")[98]
        print(f"  {label:<44} median {median:7.0f} ms  p99 {p99:7.0f} ms  ({runs} runs)")
    return median


def forget_last_day(db: Database, day: dt.date) -> int:
    """Take the last day's scans out of the hourly tables again; how many scans that is."""
    start, _end = Period(day, day).bounds()
    with db.write() as s:
        first = int(s.scalar(select(func.min(ScanRecord.id)).where(ScanRecord.at >= start)))
        last = int(s.scalar(select(func.max(ScanRecord.id))))
        for hours in ("scan_hours", "refusal_hours", "confusion_hours"):
            s.execute(table_of(hours).delete().where(table_of(hours).c.hour >= start))
        s.execute(table_of("unpaired_refusals").delete())
        s.execute(update(table(ReportProgress)).values(scans_through=first - 1))
    return last - first + 1


def table_of(name: str) -> Any:
    return ScanRecord.metadata.tables[name]


def run(db: Database, args: argparse.Namespace, path: str | None) -> None:
    scans = build(db, args, path)
    reports = Reports(db)
    with db.write() as s:  # start over, as a database just upgraded would
        for name in REPORT_TABLES:
            s.execute(table_of(name).delete())
    timed(f"first catch-up ({scans:,} scans)", reports.catch_up)
    whole = Period(FIRST_DAY, FIRST_DAY + dt.timedelta(days=args.days - 1))
    day_scans = forget_last_day(db, whole.until)
    timed(f"one day's catch-up ({day_scans:,} scans)", reports.catch_up)
    one_day = Period(whole.until, whole.until)
    for kind in (ReportKind.PACKERS, ReportKind.STATIONS):
        timed(f"{kind.value}, {args.days} days", lambda k=kind: reports.figures(k, whole), RUNS)
        timed(f"{kind.value}, one day", lambda k=kind: reports.figures(k, one_day), RUNS)
    timed(f"confusions, {args.days} days", lambda: reports.confusions(whole), RUNS)
    timed("confusions, one day", lambda: reports.confusions(one_day), RUNS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--packs", type=int, default=400)
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--pg-url", help="a PostgreSQL database to build in and keep")
    args = parser.parse_args()
    if not args.no_sqlite:
        print(f"SQLite ({args.db})")
        run(open_database(f"sqlite:///{args.db}"), args, args.db)
    pg = os.environ.get("KENPIN_TEST_PG_URL") or args.pg_url
    if pg and not args.no_pg:
        with bench_database(pg, args.pg_url) as url:
            print("PostgreSQL")
            run(open_database(url), args, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
