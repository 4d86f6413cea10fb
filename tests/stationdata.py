"""A small pack bench for the station tests: products with their codes, stock, allocated
orders and two packers, built with tests/stockdata.py and the allocation service."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text, update

from app.core.gtin import gtin14, with_check_digit
from app.core.scans import Scan
from app.core.times import JAPAN
from app.db.database import Database
from app.db.models import (
    Barcode,
    Order,
    OrderLine,
    Reservation,
    Station,
    StockBalance,
    StockMove,
    User,
)
from app.db.shipping_models import Parcel, PrintJob
from app.db.station_models import Mismatch, PackSession, ScanRecord, StationState
from app.scanning.normalize import normalise
from app.services.allocation import allocate
from app.services.carriers import add_range
from app.services.shop_settings import ShopSettings
from app.services.users import add_user
from tests.stockdata import add_order, add_product, receive

#: When the tests' scans happen (unless they say otherwise): a morning in Japan.
AT = dt.datetime(2026, 4, 1, 10, 0, tzinfo=JAPAN)

TEA = with_check_digit("490123456789")  # a JAN: one unit
CUP, CUP_CASE = "CUP-1", "CUP-CASE"  # a registered code, and a case of 2
SOAP = with_check_digit("490000000001")  # on no order
RICE_GTIN = with_check_digit("491234567890")  # lot- and expiry-tracked
#: The PIN every supervisor and admin of the tests signs in with.
SUPERVISOR_PIN = "2468"
HANAKO, TARO = "B-001", "B-002"


def rice(lot: str, expiry: dt.date) -> str:
    """A GS1 element string for rice: GTIN, expiry and lot, as printed under the bars."""
    return f"(01){gtin14(RICE_GTIN)}(17){expiry:%y%m%d}(10){lot}"


RICE_L1 = rice("L1", dt.date(2026, 12, 31))


def sent(code: str) -> Scan:
    """`code` as a scanner sends it, normalised as every scan source does first."""
    return normalise(code)


def later(seconds: float) -> dt.datetime:
    """`seconds` after AT."""
    return AT + dt.timedelta(seconds=seconds)


@dataclass(frozen=True, slots=True)
class Bench:
    """Ids of what `stock_bench` made."""

    tea: int
    cup: int
    rice: int
    tea_balance: int
    cup_balance: int
    rice_balance: int


#: The shop every station test ships from: a label is not issued without its sender.
SHOP = {
    "shop.name": "検品ストア 大阪倉庫",
    "shop.postal_code": "530-0001",
    "shop.address": "大阪府大阪市北区梅田1-1-1",
    "shop.phone": "06-1234-5678",
}


def shop_set_up(db: Database) -> None:
    """Store the test shop's settings (what `kenpin settings set` stores)."""
    ShopSettings(db).set_up(SHOP)


def stock_bench(db: Database) -> Bench:
    """Products, 10 of each in stock, orders allocated, two packers, and the shop set up.

    #1001: 2 tea, 3 cups. #1002: 1 tea, a gift with a message card.
    #1003: 2 rice (lot L1 reserved). #1004: 1 tea, on hold.
    """
    with db.write() as s:
        tea, cup, soap = add_product(s, "TEA"), add_product(s, "CUP"), add_product(s, "SOAP")
        rice_id = add_product(s, "RICE", expiry_tracked=True)
        s.add_all(
            [
                Barcode(code=TEA, product_id=tea),
                Barcode(code=CUP, product_id=cup),
                Barcode(code=CUP_CASE, product_id=cup, kind="case", qty=2),
                Barcode(code=SOAP, product_id=soap),
                Barcode(code=RICE_GTIN, product_id=rice_id),
            ]
        )
        tea_balance = receive(s, tea, "A-01", 10, walk_seq=1)
        cup_balance = receive(s, cup, "A-02", 10, walk_seq=2)
        receive(s, soap, "A-03", 10, walk_seq=3)
        rice_balance = receive(
            s, rice_id, "C-01", 10, lot="L1", expiry=dt.date(2026, 12, 31), walk_seq=4
        )
        add_order(s, "#1001", [(tea, 2), (cup, 3)])
        gift = add_order(s, "#1002", [(tea, 1)], minutes=1)
        s.execute(update(Order).where(Order.id == gift).values(gift_message="お誕生日おめでとう"))
        add_order(s, "#1003", [(rice_id, 2)], minutes=2)
        add_order(s, "#1004", [(tea, 1)], minutes=3, status="on_hold")
    allocate(db, AT.date())
    add_user(db, "Hanako", "packer", HANAKO)
    add_user(db, "Taro", "packer", TARO)
    shop_set_up(db)
    return Bench(tea, cup, rice_id, tea_balance, cup_balance, rice_balance)


def stored_state(db: Database) -> dict[str, Any]:
    """Everything a scan may change except the scan log and the mismatch log."""
    with db.read() as s:
        return {
            "orders": s.execute(select(Order.number, Order.status).order_by(Order.id)).all(),
            "lines": s.execute(select(OrderLine.id, OrderLine.packed).order_by(OrderLine.id)).all(),
            "balances": s.execute(
                select(StockBalance.id, StockBalance.on_hand, StockBalance.reserved).order_by(
                    StockBalance.id
                )
            ).all(),
            "reservations": s.execute(select(Reservation.id, Reservation.qty)).all(),
            "moves": s.scalar(select(func.count()).select_from(StockMove)),
            "sessions": s.execute(text("SELECT * FROM pack_sessions ORDER BY id")).all(),
            # The refused product scans in a row (the lock-out's count) apart: a refusal adds
            # one there.
            "stations": s.execute(
                text(
                    "SELECT station_id, user_id, logged_in_at, pack_session_id, lease_token,"
                    " held_by, held_until, override_kind, override_step, override_by,"
                    " override_code FROM station_state ORDER BY station_id"
                )
            ).all(),
            "undone": s.execute(
                select(ScanRecord.id).where(ScanRecord.undone.is_(True)).order_by(ScanRecord.id)
            ).all(),
        }


def mismatches(db: Database) -> list[tuple[str, str, str, str | None]]:
    """(station, reason, scanned code, order number) of every mismatch log row, in order."""
    with db.read() as s:
        rows = s.execute(
            select(Mismatch.station, Mismatch.reason, Mismatch.scanned, Order.number)
            .outerjoin(Order, Order.id == Mismatch.order_id)
            .order_by(Mismatch.id)
        ).all()
    return [(station, reason, scanned, number) for station, reason, scanned, number in rows]


def open_sessions(db: Database) -> list[tuple[str, str | None]]:
    """(order number, holding station id as text or None) of every open pack session."""
    with db.read() as s:
        rows = s.execute(
            select(Order.number, PackSession.station_id)
            .join(Order, Order.id == PackSession.order_id)
            .where(PackSession.status == "open")
            .order_by(Order.number)
        ).all()
    return [(number, str(station) if station else None) for number, station in rows]


def logged_in(db: Database) -> dict[int, int | None]:
    """Station id -> id of the user logged in there."""
    with db.read() as s:
        return dict(s.execute(select(StationState.station_id, StationState.user_id)).all())


#: The Yamato block `tracking_block` registers: bodies without their check digit.
BLOCK_FIRST, BLOCK_LAST = "10000000000", "10000000099"


def tracking_block(db: Database, first: str = BLOCK_FIRST, last: str = BLOCK_LAST) -> None:
    """Register a block of Yamato tracking numbers and set up the shop (the label's sender),
    so completed packs get their labels."""
    add_range(db, "yamato", first, last)
    shop_set_up(db)


def parcels_of(db: Database, number: str) -> list[tuple[int, str, str]]:
    """(carton, tracking number, status) of every parcel of the order, oldest first."""
    with db.read() as s:
        rows = s.execute(
            select(Parcel.carton_no, Parcel.tracking_number, Parcel.status)
            .join(Order, Order.id == Parcel.order_id)
            .where(Order.number == number)
            .order_by(Parcel.id)
        ).all()
    return [(carton, tracking, status) for carton, tracking, status in rows]


def print_jobs_of(db: Database, number: str) -> list[tuple[str, str, str]]:
    """(tracking number, status, requested by) of every print job of the order's labels."""
    with db.read() as s:
        rows = s.execute(
            select(Parcel.tracking_number, PrintJob.status, User.name)
            .join(Parcel, Parcel.id == PrintJob.parcel_id)
            .join(Order, Order.id == Parcel.order_id)
            .outerjoin(User, User.id == PrintJob.requested_by_id)
            .where(Order.number == number)
            .order_by(PrintJob.id)
        ).all()
    return [(tracking, status, name) for tracking, status, name in rows]


def lockout_after(db: Database, station: str, after: int) -> None:
    """Set how many refused product scans in a row lock `station` (0: never)."""
    with db.write() as s:
        s.add(Station(name=station, settings=json.dumps({"lockout": {"after": after}})))


def stations_without_labels(db: Database, *names: str) -> None:
    """Stations that complete packs as `packed` and print no labels (`labels: off`)."""
    with db.write() as s:
        for name in names:
            s.add(Station(name=name, settings='{"labels": "off"}'))


def lease_runs_out(db: Database, number: str) -> None:
    """The lease on the order's open pack has run out, as if its station stopped renewing
    it an hour ago (leases run on the database's clock, so no scan's time can do this)."""
    with db.write() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == number))
        s.execute(
            update(PackSession)
            .where(PackSession.order_id == order_id, PackSession.status == "open")
            .values(lease_expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
        )
