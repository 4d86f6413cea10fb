"""An order with a history to read: #1001 packed through the real pack pipeline, its label
printed to a file, a refused scan, a reprint, the label scanned back, voided by a
supervisor and replaced, the new label scanned back, loaded at the dock onto a closed
Yamato manifest and sent to Rakuten. #1003 packed and scanned back at another station,
waiting on the open manifest.

The dock, the manifest and the shipment file are the real services' work too.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import update

from app.bootstrap import Kenpin
from app.core.times import JAPAN
from app.db.database import Database
from app.db.models import Order
from app.services.labels import run_print_job
from app.services.manifests import CloseRequest, close_manifest
from app.services.notices import NoticeRequest, export_notices
from app.services.relabel import PrintingAt, void_label
from app.services.shop_settings import ShopSettings
from app.services.signin import Credentials
from app.services.users import add_user
from tests.dockdata import ADDRESS
from tests.services.station.test_labels import BOSS, PACK_1001, number
from tests.stationdata import RICE_L1, SUPERVISOR_PIN, TARO, TEA, later, sent, stock_bench
from tests.stationdata import tracking_block as register_numbers

#: When the dock loaded #1001's parcel (in UTC, as Kenpin stores every time).
LOADED = dt.datetime(2026, 4, 1, 16, 30, tzinfo=JAPAN).astimezone(dt.UTC)
SHIP_DAY = dt.date(2026, 4, 1)


def order_with_history(db: Database, labels: Path) -> None:
    """Build the history the module docstring tells, printing labels into `labels`."""
    stock_bench(db)
    register_numbers(db)
    # What B2クラウド's upload file needs when the manifest closes.
    ShopSettings(db).set_up({"yamato.customer_code": "0123456789", "yamato.freight_code": "01"})
    with db.write() as s:
        s.execute(update(Order).values(ADDRESS))
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
    _shipped(db, labels.parent / "dispatch")


def _shipped(db: Database, folder: Path) -> None:
    """Taro loads #1001's new parcel onto the Yamato truck at DOCK-1; a supervisor closes
    the day's Yamato manifest, leaving #1003's parcel behind; Rakuten's shipment file is
    written."""
    dock = Kenpin(db).dock_station("DOCK-1")
    dock.scan(sent(TARO), at=LOADED - dt.timedelta(seconds=5))
    dock.scan(sent(number(1)), at=LOADED)
    folder.mkdir(exist_ok=True)
    boss = Credentials(BOSS, SUPERVISOR_PIN)
    close_manifest(db, CloseRequest("yamato", SHIP_DAY, folder), leave_by=boss)
    export_notices(db, NoticeRequest("rakuten", folder / "rakuten.csv"))
