"""An order with a history to read: #1001 packed through the real pack pipeline, its label
printed to a file, a refused scan, a reprint, the label scanned back, voided by a
supervisor and replaced, the new label scanned back, loaded at the dock onto a closed
Yamato manifest and sent to Rakuten. #1003 packed and scanned back at another station,
waiting on the open manifest.

The dock and the platform file are the lead's and another helper's work: until they
merge, their rows are written here as those commands will write them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select, update

from app.bootstrap import Kenpin
from app.core.times import JAPAN
from app.db.database import Database
from app.db.dispatch_models import Manifest, NoticeExport
from app.db.models import Order, Station, User
from app.db.shipping_models import Parcel
from app.services.labels import run_print_job
from app.services.relabel import PrintingAt, void_label
from app.services.signin import Credentials
from app.services.users import add_user
from tests.services.station.test_labels import BOSS, PACK_1001, number
from tests.stationdata import RICE_L1, SUPERVISOR_PIN, TARO, TEA, later, sent, stock_bench
from tests.stationdata import tracking_block as register_numbers

#: When the dock loaded #1001's parcel, and when its manifest closed (stored in UTC, as
#: Kenpin stores every time).
LOADED = dt.datetime(2026, 4, 1, 16, 30, tzinfo=JAPAN).astimezone(dt.UTC)
CLOSED = dt.datetime(2026, 4, 1, 17, 0, tzinfo=JAPAN).astimezone(dt.UTC)
SHIP_DAY = dt.date(2026, 4, 1)


def order_with_history(db: Database, labels: Path) -> None:
    """Build the history the module docstring tells, printing labels into `labels`."""
    stock_bench(db)
    register_numbers(db)
    add_user(db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    kenpin = Kenpin(db)
    station = kenpin.pack_station("S1", printer=f"file://{labels}")
    for n, code in enumerate(PACK_1001):
        station.scan(sent(code), at=later(n))
    first = station.scan(sent("KCMD:COMPLETE"), at=later(10)).print_job
    assert first is not None and run_print_job(db, first).printed
    station.scan(sent(TEA), at=later(11))  # refused: the label is awaited
    again = station.scan(sent("KCMD:REPRINT"), at=later(12)).print_job
    assert again is not None and run_print_job(db, again).printed
    station.scan(sent(number(0)), at=later(13))
    boss = Credentials(BOSS, SUPERVISOR_PIN)
    new = void_label(db, number(0), boss, "torn", PrintingAt("S1", "window: label void"))
    assert run_print_job(db, new.job_id).printed
    station.scan(sent(number(0)), at=later(20))  # refused: voided
    station.scan(sent(number(1)), at=later(21))

    other = kenpin.pack_station("S2")
    for n, code in enumerate([TARO, "#1003", RICE_L1, RICE_L1, "KCMD:COMPLETE"]):
        other.scan(sent(code), at=later(30 + n))
    other.scan(sent(number(2)), at=later(40))
    _shipped(db)


def _shipped(db: Database) -> None:
    """#1001's new parcel loaded at DOCK-1 by Taro and its Yamato manifest closed; the
    order sent to Rakuten's shipment file."""
    with db.write() as s:
        dock = Station(name="DOCK-1")
        s.add(dock)
        s.flush()
        taro = s.scalar(select(User.id).where(User.name == "Taro"))
        order = s.scalar(select(Order.id).where(Order.number == "#1001"))
        assert order is not None
        manifest = Manifest(
            carrier="yamato",
            ship_date=SHIP_DAY,
            parcels=1,
            left_behind=0,
            closed_at=CLOSED,
            station="DOCK-1",
        )
        s.add(manifest)
        s.flush()
        s.execute(
            update(Parcel)
            .where(Parcel.tracking_number == number(1))
            .values(
                loaded_at=LOADED,
                loaded_by_id=taro,
                loaded_station_id=dock.id,
                manifest_id=manifest.id,
            )
        )
        s.execute(
            update(Order).where(Order.id == order).values(status="shipped", shipped_on=SHIP_DAY)
        )
        s.add(NoticeExport(order_id=order, platform="rakuten", exported_at=CLOSED))
