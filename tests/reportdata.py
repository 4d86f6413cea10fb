"""Two days of packing at two stations, driven through the real station, for the report tests.

Day 1 (2026-04-01, Hanako at S1, all within 10:00–10:59 JST):
  #1001: SOAP refused not_on_order, TEA, CUP case (2), rice refused not_on_order, TEA,
         CUP, COMPLETE — 6 product scans, 2 refused, 5 units, 1 pack.
  #1002: TEA, TEA refused over_quantity, COMPLETE refused card_not_confirmed, CARD,
         COMPLETE — 2 product scans, 1 refused, 1 unit, 1 pack.
Day 2 (2026-04-02, S2): SOAP refused not_logged_in (nobody logged in), then Taro packs
  #1003 from 10:00 to 11:30: rice, UNDO (at 11:10, the hour after its unit), rice, rice,
  COMPLETE — 3 product scans, 2 units (one taken back), 1 pack, 2 active hours.
"""

from __future__ import annotations

import datetime as dt

from app.bootstrap import Kenpin
from app.core.times import JAPAN
from app.db.database import Database
from tests.stationdata import (
    CUP,
    CUP_CASE,
    HANAKO,
    RICE_L1,
    SOAP,
    TARO,
    TEA,
    sent,
    stations_without_labels,
    stock_bench,
)

DAY1 = dt.datetime(2026, 4, 1, 10, 0, tzinfo=JAPAN)
DAY2 = dt.datetime(2026, 4, 2, 10, 0, tzinfo=JAPAN)

_S1 = [HANAKO, "#1001", SOAP, TEA, CUP_CASE, RICE_L1, TEA, CUP, "KCMD:COMPLETE"]
_S1 += ["#1002", TEA, TEA, "KCMD:COMPLETE", "KCMD:CARD", "KCMD:COMPLETE"]
_S2 = [SOAP, TARO, "#1003", RICE_L1]
_S2_LATER = ["KCMD:UNDO", RICE_L1, RICE_L1, "KCMD:COMPLETE"]


def two_days_of_packing(db: Database) -> None:
    """Build the bench and pack as the module's text says."""
    stock_bench(db)
    stations_without_labels(db, "S1", "S2")
    kenpin = Kenpin(db)
    s1, s2 = kenpin.pack_station("S1"), kenpin.pack_station("S2")
    for n, code in enumerate(_S1):
        s1.scan(sent(code), at=DAY1 + dt.timedelta(seconds=n))
    for n, code in enumerate(_S2):
        s2.scan(sent(code), at=DAY2 + dt.timedelta(seconds=n))
    for n, code in enumerate(_S2_LATER):
        s2.scan(sent(code), at=DAY2 + dt.timedelta(minutes=70 + 5 * n))
