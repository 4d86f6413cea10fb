"""Parcels ready for the dock: orders packed through the real pack station, labels scanned
back (or not), on two carriers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import update

from app.core.scans import Command
from app.db.database import Database
from app.db.models import Order
from app.services.carriers import add_range
from app.services.station.pack import PackStation
from tests.stationdata import CUP, HANAKO, RICE_L1, TEA, parcels_of, sent, stock_bench

#: A sagawa block beside the yamato one `tracking_block` registers.
SAGAWA_FIRST, SAGAWA_LAST = "30000000000", "30000000099"
#: When the parcels were packed and loaded (Japan time).
PACKED_AT = dt.datetime(2026, 4, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
#: Where every order goes: an address the carriers' files take.
ADDRESS = {
    "customer_name": "山田 花子",
    "postal_code": "100-0001",
    "prefecture": "東京都",
    "city": "千代田区",
    "address1": "千代田1-1",
    "address2": "皇居前ビル3階",
    "phone": "03-1234-5678",
    "email": "hanako@example.jp",
}
#: A dock loader's badge.
LOADER = "B-DOCK"


@dataclass(frozen=True, slots=True)
class Parcels:
    """Tracking numbers of the parcels `dock_bench` made."""

    yamato: str  # #1001, verified
    sagawa: str  # #1002, verified
    unverified: str  # #1003, label printed, never scanned back


def dock_bench(db: Database) -> Parcels:
    """`stock_bench`'s orders packed at station S1 with labels: #1001 (yamato) and #1002
    (sagawa) scanned back, #1003 (yamato) not; a loader `Kenji` with badge LOADER."""
    from app.services.users import add_user

    stock_bench(db)
    add_range(db, "yamato", "10000000000", "10000000099")
    add_range(db, "sagawa", SAGAWA_FIRST, SAGAWA_LAST)
    with db.write() as s:
        s.execute(update(Order).values(ADDRESS))
        s.execute(update(Order).where(Order.number == "#1002").values(carrier="sagawa"))
    add_user(db, "Kenji", "packer", LOADER)
    station = PackStation(db, "S1")
    at = PACKED_AT

    def scan(code: str) -> None:
        nonlocal at
        at += dt.timedelta(seconds=5)
        station.scan(sent(code), at=at)

    scan(HANAKO)
    for number, codes in (
        ("#1001", [TEA, TEA, CUP, CUP, CUP]),
        ("#1002", [TEA, Command.CARD.value]),
        ("#1003", [RICE_L1, RICE_L1]),
    ):
        scan(number)
        for code in codes:
            scan(code)
        scan(Command.COMPLETE.value)
        if number != "#1003":
            scan(parcels_of(db, number)[-1][1])
    return Parcels(
        parcels_of(db, "#1001")[0][1], parcels_of(db, "#1002")[0][1], parcels_of(db, "#1003")[0][1]
    )
