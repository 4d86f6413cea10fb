"""The dock and the manifest's close on a database of a million orders.

    .venv/bin/python -m benchmarks.bench_dispatch [--db FILE] [--orders N] [--parcels N]
        [--no-pg] [--no-sqlite] [--pg-url URL]

Works on bench_scan's database of a million orders (benchmarks/million.py). Each
run adds a fresh batch of orders (5,000 by default), packed and verified as the
pack bench leaves them: one Yamato parcel each with its own tracking number,
scanned back (written in bulk: this benchmark times the dock, not the pack). One
dock station then scans every parcel onto the truck through DockStation.scan
(every 50th scanned twice, refused `already_loaded`), timed scan to screen with
the same run's floor (bench_scan's); then the manifest of those parcels is closed
through `close_manifest` (the orders shipped, the hand-over sheet PDF and the B2
upload file written), timed whole.

Targets: the dock scan in the pack scan's bounds (SQLite median within 3x of the
floor and p99 < 10 ms; PostgreSQL median within 3x of its floor); closing a
manifest of 5,000 parcels under 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select, update

from app.core.orders import OrderStatus
from app.core.statuses import ParcelStatus
from app.core.tracking import with_check_digit
from app.db.database import Database
from app.db.dispatch_models import Manifest
from app.db.models import Barcode, Order, OrderLine, table
from app.db.shipping_models import Parcel
from app.scanning.normalize import normalise
from app.services.manifests import CloseRequest, close_manifest
from app.services.shop_settings import ShopSettings
from app.services.station.dock import DockStation
from app.services.users import add_user
from benchmarks.bench_scan import Floor, judged, on_file, report, shop
from benchmarks.bulkdata import add_orders
from benchmarks.million import FRESH_FROM, add_arguments, databases, orders_on_file

#: Every this many parcels, one is scanned a second time (refused: loaded already).
TWICE_EVERY = 50
BADGE = "BENCH-DOCK"


def verified_parcels(db: Database, count: int) -> list[str]:
    """`count` fresh orders, packed and verified with a Yamato parcel each; their tracking
    numbers."""
    with db.read() as s:
        products = list(s.scalars(select(Barcode.product_id).order_by(Barcode.product_id)))
    first = orders_on_file(db) + FRESH_FROM
    add_orders(db, count, products, status="verified", first_number=first, seed=first)
    numbers = [f"#{n}" for n in range(first, first + count)]
    now = dt.datetime.now(dt.UTC)
    tracking = []
    with db.write() as s:
        ids = dict(s.execute(select(Order.number, Order.id).where(Order.number.in_(numbers))).all())
        s.execute(
            update(table(Order)).where(table(Order).c.id.in_(ids.values())).values(carrier="yamato")
        )
        s.execute(
            update(table(OrderLine))
            .where(table(OrderLine).c.order_id.in_(ids.values()))
            .values(packed=table(OrderLine).c.qty)
        )
        rows = []
        for n, number in enumerate(numbers):
            digits = with_check_digit("yamato", f"{60_000_000_000 + first + n:011d}").digits
            tracking.append(digits)
            rows.append(
                {
                    "order_id": ids[number],
                    "carton_no": 1,
                    "carrier": "yamato",
                    "service": "宅急便",
                    "tracking_number": digits,
                    "status": ParcelStatus.VERIFIED.value,
                    "source": "issued",
                    "issued_at": now,
                    "verified_at": now,
                }
            )
        s.execute(insert(table(Parcel)), rows)
    return tracking


def clear_open_manifests(db: Database) -> None:
    """Parcels an interrupted earlier run left on an open manifest are voided, so this run
    times a truck of its own parcels (and its close is not refused for parcels not loaded)."""
    parcels = table(Parcel).c
    with db.write() as s:
        s.execute(
            update(table(Parcel))
            .where(parcels.status == ParcelStatus.VERIFIED.value, parcels.manifest_id.is_(None))
            .values(status=ParcelStatus.VOIDED.value)
        )


def set_up(db: Database) -> str:
    """The shop (the sheet's shipper, B2's account codes) and a loader of this run; the
    loader's badge."""
    shop(db)
    ShopSettings(db).set_up({"yamato.customer_code": "0123456789", "yamato.freight_code": "01"})
    badge = f"{BADGE}-{uuid.uuid4().hex[:8].upper()}"
    add_user(db, f"ドック {badge[-8:]}", "packer", badge)
    return badge


def bench(db: Database, args: argparse.Namespace) -> None:
    badge = set_up(db)
    clear_open_manifests(db)
    parcels = verified_parcels(db, args.parcels)
    on_file(db, f"loading {len(parcels):,} verified parcels, then closing their manifest")
    dock = DockStation(db, "BENCH-DOCK")
    floor = Floor(db)
    dock.scan(normalise(badge))
    times: list[float] = []
    refused: list[float] = []
    floors: list[float] = []
    for n, code in enumerate(parcels):
        started = time.perf_counter()
        dock.scan(normalise(code))
        times.append((time.perf_counter() - started) * 1000)
        if n % TWICE_EVERY == TWICE_EVERY - 1:
            started = time.perf_counter()
            dock.scan(normalise(code))
            refused.append((time.perf_counter() - started) * 1000)
        if n % 10 == 0:
            floors.append(floor.once())
    report("every parcel loaded, to screen", times)
    report("  loaded twice (refused)", refused)
    judged(db, times + refused, floors)
    with db.read() as s:
        last = s.scalar(select(func.max(Manifest.ship_date)))
    day = max(dt.date.today(), (last or dt.date.min) + dt.timedelta(days=1))
    out = Path(tempfile.mkdtemp(prefix="kenpin-bench-manifest-"))
    started = time.perf_counter()
    closed = close_manifest(db, CloseRequest("yamato", day, out))
    took = time.perf_counter() - started
    sizes = ", ".join(f"{path.name} {path.stat().st_size / 1e6:.1f} MB" for path in closed.files)
    print(f"  close the manifest of {closed.parcels:,} parcels: {took:.2f} s ({sizes})")
    print(f"  target (under 10 s for 5,000 parcels): {'met' if took < 10 else 'MISSED'}")
    with db.read() as s:
        shipped = s.scalar(
            select(func.count())
            .select_from(table(Order))
            .where(Order.status == OrderStatus.SHIPPED, Order.shipped_on == day)
        )
    print(f"  {shipped:,} orders shipped on {day.isoformat()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    add_arguments(parser)
    parser.add_argument("--parcels", type=int, default=5_000, help="parcels to load and close")
    args = parser.parse_args()
    for label, db in databases(args):
        print(f"{label}:")
        bench(db, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
