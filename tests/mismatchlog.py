"""A mismatch log for the review page and export tests: a real shift's refusals at station S1
(newest), behind a generated log of a few thousand refusals at stations BENCH-01.. ."""

from __future__ import annotations

import datetime as dt

from app.bootstrap import Kenpin
from app.db.database import Database
from app.services.users import add_user
from benchmarks.mismatchdata import REASONS, LogShape, add_mismatches
from tests.stationdata import CUP, CUP_CASE, HANAKO, SOAP, TEA, later, sent, stock_bench

#: The generated part: 4 stations, 5 packers, from New Year for 80 days (to March 22).
GENERATED = 3_000
SHAPE = LogShape(4, 5, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.timedelta(days=80))
#: The shift at S1: SOAP is on no order (not_on_order), the third TEA one too many
#: (over_quantity), then the pack is finished.
SHIFT = [HANAKO, "#1001", TEA, SOAP, TEA, TEA, CUP_CASE, CUP]
BOSS = ("Boss", "B-900")


def mismatch_log(db: Database) -> None:
    """The generated log, then the real shift's refusals after it."""
    stock_bench(db)
    add_mismatches(db, GENERATED, SHAPE)
    station = Kenpin(db).pack_station("S1")
    for n, code in enumerate(SHIFT):
        station.scan(sent(code), at=later(n))
    add_user(db, BOSS[0], "supervisor", BOSS[1], "2468")


def generated(reason: str) -> int:
    """How many generated refusals have `reason`."""
    index = REASONS.index(reason)
    return len(range(index, GENERATED, len(REASONS)))
