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
from collections import Counter

from sqlalchemy import select

from app.bootstrap import Kenpin
from app.core.reports import CONFUSIONS_SHOWN, Confusion, Period
from app.core.scans import Reason
from app.core.times import JAPAN
from app.db.database import Database
from app.db.models import Barcode, OrderLine, Product
from app.db.station_models import ScanRecord
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


def confusions_from_scans(db: Database, period: Period) -> list[Confusion]:
    """The confused pairs worked out in Python straight from the scans, as
    `app.core.reports` defines them: what the report's tables must add up to."""
    start, end = period.bounds()
    with db.read() as s:
        scans = s.execute(
            select(
                ScanRecord.pack_session_id,
                ScanRecord.at,
                ScanRecord.reason,
                ScanRecord.effect,
                ScanRecord.code,
                ScanRecord.order_line_id,
            ).order_by(ScanRecord.id)
        ).all()
        line_product = {i: p for i, p in s.execute(select(OrderLine.id, OrderLine.product_id))}
        products = {p.id: (p.sku, p.name) for p in s.scalars(select(Product))}
        code_product = {c: p for c, p in s.execute(select(Barcode.code, Barcode.product_id))}
    pairs: Counter[tuple[int, str]] = Counter()
    for n, (pack, at, reason, _effect, code, _line) in enumerate(scans):
        at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
        if reason != Reason.NOT_ON_ORDER or pack is None or not start <= at < end:
            continue
        units = (
            line
            for p, _at, _r, effect, _c, line in scans[n + 1 :]
            if p == pack and effect == "count"
        )
        line = next(units, None)
        if line is not None:
            pairs[line_product[line], code[5:18] if code.startswith("(01)0") else code] += 1
    ranked = sorted(pairs.items(), key=lambda p: (-p[1], products[p[0][0]][0], p[0][1]))
    found = []
    for (expected, code), times in ranked[:CONFUSIONS_SHOWN]:
        y_sku, y_name = products.get(code_product.get(code, 0), (code, ""))
        found.append(Confusion(*products[expected], y_sku, y_name, times))
    return found
