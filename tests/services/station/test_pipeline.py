"""The scan pipeline's promises: every effect has its handler, one transaction per scan with
the screen's view inside it, and what a station keeps in memory never hides another
process's scans."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from app.bootstrap import Kenpin
from app.core.pack.effects import Effect
from app.db.database import Database
from app.services.station.pack_effects import HANDLERS
from tests.stationdata import CUP, HANAKO, TEA, later, sent, stock_bench


def test_every_effect_has_exactly_one_handler() -> None:
    assert set(HANDLERS) == set(Effect)


def test_a_scan_is_one_transaction_and_comes_back_with_the_screen_after_it(db: Database) -> None:
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    for n, code in enumerate([HANAKO, "#1001", TEA]):
        station.scan(sent(code), at=later(n))
    begun: list[Any] = []

    def on_begin(connection: Any) -> None:
        begun.append(connection)

    event.listen(db.engine, "begin", on_begin)
    try:
        outcome = station.scan(sent(CUP), at=later(5))
    finally:
        event.remove(db.engine, "begin", on_begin)

    assert len(begun) == 1
    view = outcome.view
    assert view is not None and view.order_number == "#1001"
    assert [(line.sku, line.packed, line.ordered) for line in view.lines] == [
        ("TEA", 1, 2),
        ("CUP", 1, 3),
    ]
    assert (view.scanned, view.expected) == (2, 5)
    # The packer's scans of this pack: the login before it is not one of them.
    assert [recent.scan for recent in view.recent] == [CUP, TEA, "#1001"]
    # The view a scan returns is the one a fresh look at the station gives.
    assert Kenpin(db).pack_station("S1").view() == view


def test_two_processes_running_one_station_each_see_the_others_scans(db: Database) -> None:
    stock_bench(db)
    first, second = Kenpin(db).pack_station("S1"), Kenpin(db).pack_station("S1")
    first.scan(sent(HANAKO), at=later(0))
    first.scan(sent("#1001"), at=later(1))
    first.scan(sent(TEA), at=later(2))
    # `second` kept nothing yet; then `first` scans again behind its back.
    assert second.scan(sent(TEA), at=later(3)).scanned == 2
    after = first.scan(sent(CUP), at=later(4))
    assert after.scanned == 3
    assert after.view is not None
    assert [(line.sku, line.packed) for line in after.view.lines] == [("TEA", 2), ("CUP", 1)]
    assert [recent.seq for recent in after.view.recent] == [5, 4, 3, 2]
    # The unit `second` counted can be taken back by `first`: it knows its scan.
    undone = first.scan(sent("KCMD:UNDO"), at=later(5))
    assert undone.view is not None
    assert [(line.sku, line.packed) for line in undone.view.lines] == [("TEA", 2), ("CUP", 0)]
    assert second.scan(sent("KCMD:UNDO"), at=later(6)).scanned == 1
