"""The recent-scans list: only the packer's own scans of the pack in front of them.

With a pack open, the list holds this user's scans of that pack at this
station; with none, this user's scans since they logged in or since the last
pack was closed. The list a scan comes back with is the one a fresh look at
the station reads, and keeping it costs a unit scan no query.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from app.bootstrap import Kenpin
from app.core.scans import BADGE_RECORDED
from app.db.database import Database
from app.services.station.outcome import ScanOutcome
from app.services.station.pack import PackStation
from tests.stationdata import (
    CUP,
    CUP_CASE,
    HANAKO,
    SOAP,
    TARO,
    TEA,
    later,
    sent,
    stock_bench,
    tracking_block,
)


class Bench:
    """Station S1, scanned a second apart; each list it shows checked against a fresh read."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.station = Kenpin(db).pack_station("S1")
        self.tick = 0

    def scan(self, *codes: str) -> list[str]:
        """Scan `codes`; the recent list after the last, as scanned codes newest first."""
        outcome: ScanOutcome | None = None
        for code in codes:
            self.tick += 1
            outcome = self.station.scan(sent(code), at=later(self.tick))
            assert outcome.view is not None
            assert outcome.view.recent == Kenpin(self.db).pack_station("S1").view().recent
        assert outcome is not None and outcome.view is not None
        return [recent.scan for recent in outcome.view.recent]


def test_the_list_shows_the_packers_own_scans_of_the_open_pack(db: Database) -> None:
    stock_bench(db)
    bench = Bench(db)
    assert bench.scan(HANAKO) == [BADGE_RECORDED]
    assert bench.scan("#1001") == ["#1001"]
    assert bench.scan(TEA, SOAP) == [SOAP, TEA, "#1001"]
    # Taro takes over the bench: his scans of this pack, none of Hanako's.
    assert bench.scan(TARO) == [BADGE_RECORDED]
    assert bench.scan(CUP) == [CUP, BADGE_RECORDED]
    # Hanako back: her scans of the pack again, Taro's left out.
    assert bench.scan(HANAKO) == [BADGE_RECORDED, SOAP, TEA, "#1001"]


def test_a_closed_pack_starts_the_list_again(db: Database) -> None:
    stock_bench(db)
    tracking_block(db)
    bench = Bench(db)
    bench.scan(HANAKO, "#1001", TEA, TEA, CUP_CASE)
    assert bench.scan(CUP, "KCMD:COMPLETE") == ["KCMD:COMPLETE"]
    # A station printing labels now waits for one: what is scanned meanwhile joins the list.
    assert bench.scan("#1003") == ["#1003", "KCMD:COMPLETE"]


def test_a_pack_left_for_later_comes_back_with_its_scans(db: Database) -> None:
    stock_bench(db)
    bench = Bench(db)
    bench.scan(HANAKO, "#1001", TEA)
    assert bench.scan("KCMD:CANCEL") == ["KCMD:CANCEL"]
    assert bench.scan("#1003", "KCMD:CANCEL") == ["KCMD:CANCEL"]
    assert bench.scan("#1001") == ["#1001", "KCMD:CANCEL", TEA, "#1001"]


def test_after_a_logout_the_list_is_nobodys(db: Database) -> None:
    stock_bench(db)
    bench = Bench(db)
    bench.scan(HANAKO, "#1001", TEA)
    assert bench.scan("KCMD:LOGOUT") == []
    assert bench.scan(CUP) == [CUP]  # refused: nobody logged in
    # Her scans of the pack still open, her logout among them.
    assert bench.scan(HANAKO) == [BADGE_RECORDED, "KCMD:LOGOUT", TEA, "#1001"]


def test_a_restarted_station_shows_the_same_list(db: Database) -> None:
    stock_bench(db)
    bench = Bench(db)
    listed = bench.scan(HANAKO, "#1001", TEA, SOAP)
    restarted = Kenpin(db).pack_station("S1")
    assert [recent.scan for recent in restarted.view().recent] == listed
    outcome = restarted.scan(sent(CUP), at=later(60))
    assert outcome.view is not None
    assert [recent.scan for recent in outcome.view.recent] == [CUP, *listed]


def test_a_unit_scan_reads_no_list(db: Database) -> None:
    stock_bench(db)
    station: PackStation = Kenpin(db).pack_station("S1")
    for n, code in enumerate([HANAKO, "#1001", TEA]):
        station.scan(sent(code), at=later(n))
    statements: list[str] = []

    def on_execute(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        station.scan(sent(CUP), at=later(5))
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
    scan = [s for s in statements if not s.startswith("BEGIN") and "database_now" not in s]
    # The station's row, the product code, the fence, the line's count, the scan's record.
    assert len(scan) == 5, scan
    assert not any("ORDER BY scans.seq DESC" in s for s in scan)
