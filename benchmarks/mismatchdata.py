"""A mismatch log of millions of refused scans, built inside the database (not a user command).

Each row is made by one `INSERT ... SELECT` over a range of numbers (a recursive
CTE on SQLite, `generate_series` on PostgreSQL) joined with stations, packers,
products and orders by id, so millions of scans and their mismatch log rows go
in without passing through Python, in chunks that keep the journal small.
Row n is refused at station BENCH-(n % stations), by packer (n / 7) % packers, for
reason n % len(REASONS), on product n % products and order n % orders, at
`start + n * step`: newest last, like a real log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, insert, select, text

from app.db.database import Database
from app.db.models import Order, Product, Station, User, table
from app.db.station_models import ScanRecord
from app.services.users import add_user

#: Rows per INSERT ... SELECT (one transaction each).
CHUNK = 250_000
REASONS = (
    "not_on_order",
    "over_quantity",
    "wrong_lot",
    "unknown_barcode",
    "label_mismatch",
    "pack_incomplete",
    "expired",
    "label_pending",
)


@dataclass(frozen=True, slots=True)
class LogShape:
    """How many stations and packers refuse scans, and over which time."""

    stations: int = 20
    packers: int = 40
    start: dt.datetime = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    span: dt.timedelta = dt.timedelta(days=90)


def _numbers(db: Database) -> str:
    if db.is_sqlite:
        return (
            "WITH RECURSIVE nums(n) AS (SELECT :lo UNION ALL SELECT n + 1 FROM nums "
            "WHERE n < :hi) SELECT n FROM nums"
        )
    return "SELECT generate_series(CAST(:lo AS bigint), CAST(:hi AS bigint)) AS n"


def _at(db: Database) -> str:
    if db.is_sqlite:
        # As SQLAlchemy writes a time to SQLite: microseconds always there, six digits.
        return "strftime('%Y-%m-%d %H:%M:%S', :epoch + nums.n * :step, 'unixepoch') || '.000000'"
    return "to_timestamp(:epoch + nums.n * :step)"


def _first_id(db: Database, model: type, *where: ColumnElement[bool]) -> tuple[int, int]:
    """The first id of `model`'s rows (those `where` names) and how many: a run of ids."""
    ids = model.id  # type: ignore[attr-defined]
    with db.read() as s:
        low, high, rows = s.execute(
            select(func.min(ids), func.max(ids), func.count()).where(*where)
        ).one()
    assert rows and high - low + 1 == rows, f"{model.__name__} ids are not consecutive"
    return int(low), int(rows)


def stations_and_packers(db: Database, shape: LogShape) -> tuple[int, int]:
    """Stations BENCH-01.. and packers (badge BENCH-P-NN); their first ids."""
    with db.write() as s:
        s.execute(
            insert(table(Station)),
            [{"name": f"BENCH-{n + 1:02d}"} for n in range(shape.stations)],
        )
    for n in range(shape.packers):
        add_user(db, f"Packer {n + 1:02d}", "packer", f"BENCH-P-{n + 1:02d}")
    stations = _first_id(db, Station, Station.name.like("BENCH-%"))[0]
    return stations, _first_id(db, User, User.name.like("Packer %"))[0]


def add_mismatches(db: Database, count: int, shape: LogShape = LogShape()) -> None:
    """`count` refused scans and their mismatch log rows, on the database's products and
    orders (each a run of consecutive ids) and on stations and packers made here."""
    first_station, first_user = stations_and_packers(db, shape)
    first_product, products = _first_id(db, Product)
    first_order, orders = _first_id(db, Order)
    with db.read() as s:
        base = int(s.scalar(select(func.coalesce(func.max(table(ScanRecord).c.id), 0))) or 0)
    params = {
        "first_station": first_station,
        "stations": shape.stations,
        "first_user": first_user,
        "packers": shape.packers,
        "first_product": first_product,
        "products": products,
        "first_order": first_order,
        "orders": orders,
        "epoch": shape.start.timestamp(),
        "step": shape.span.total_seconds() / max(count, 1),
        "base": base,
    }
    reason = " ".join(f"WHEN {n} THEN '{r}'" for n, r in enumerate(REASONS))
    scans = text(
        f"""
        INSERT INTO scans (id, scan_id, station_id, seq, user_id, order_id, at, raw, kind,
                           code, verdict, reason, effect, message, units, undone, typed,
                           lot_read)
        SELECT :base + nums.n, 'bench-' || nums.n, :first_station + nums.n % :stations,
               nums.n / :stations + 1, :first_user + (nums.n / 7) % :packers,
               :first_order + nums.n % :orders, {_at(db)}, '45' || nums.n, 'product',
               '45' || nums.n, 'rejected', CASE nums.n % {len(REASONS)} {reason} END,
               'none', 'bench', 0, false, nums.n % 50 = 0, true
        FROM ({_numbers(db)}) AS nums
        """
    )
    log = text(
        """
        INSERT INTO mismatch_log (scan_record_id, at, station, user_id, order_id, reason,
                                  scanned, detail, review_note, typed, sku, facts)
        SELECT sc.id, sc.at, st.name, sc.user_id, sc.order_id, sc.reason, sc.raw, sc.message,
               '', sc.typed, p.sku,
               '{"item": "' || p.name || '", "sku": "' || p.sku || '", "expected": "' || p.name
               || ' (other)"}'
        FROM scans sc
        JOIN stations st ON st.id = sc.station_id
        JOIN products p ON p.id = :first_product + (sc.id - :base) % :products
        WHERE sc.id BETWEEN :base + :lo AND :base + :hi
        """
    )
    for lo in range(0, count, CHUNK):
        hi = min(lo + CHUNK, count) - 1
        with db.write() as s:
            s.execute(scans, {**params, "lo": lo, "hi": hi})
            s.execute(log, {**params, "lo": lo, "hi": hi})
    if not db.is_sqlite:
        with db.write() as s:
            s.execute(
                text("SELECT setval(pg_get_serial_sequence('scans', 'id'), max(id)) FROM scans")
            )
