"""At the pack bench, a tote (or a cart's slot) opens the order picked into it, and the
screen says who picked it: the packer still checks every unit (the double check)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.waves import WaveRequest
from app.db.database import Database
from app.services.waves import create_wave
from tests.services.station.test_pick import pick_replay
from tests.services.station.test_replay import scan_file
from tests.stationdata import CUP, CUP_CASE, HANAKO, TARO, TEA, stations_without_labels, stock_bench
from tests.ui.pack.test_window import Bench

pytestmark = pytest.mark.gui


def test_a_tote_opens_its_order_which_names_its_picker(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(sqlite_db)
    stations_without_labels(sqlite_db, "PACK-1")
    pick = [HANAKO, "#1001", "TOTE-01", "A-01", TEA, TEA, "A-02", CUP, CUP_CASE]
    pick_replay(sqlite_db, scan_file(tmp_path, "pick.jsonl", pick), capsys)
    station = Bench(qtbot, sqlite_db)
    page = station.page
    station.scan(TARO)

    station.scan("TOTE-09")
    assert page.banner.level == "refused"
    assert "TOTE-09 holds no order to pack" in page.banner.detail.text()

    station.scan("TOTE-01")
    assert page.banner.level == "info"
    assert page.order.text() == "Order #1001"
    assert page.picked.isVisible() and page.picked.text().startswith("picked by Hanako at ")
    station.scan(TEA)
    assert page.banner.level == "accepted"
    station.close()


def test_a_slot_before_its_cart_says_to_scan_the_wave_first(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    stock_bench(sqlite_db)
    stations_without_labels(sqlite_db, "PACK-1")
    wave = create_wave(sqlite_db, WaveRequest(orders=("#1001", "#1003"))).number
    station = Bench(qtbot, sqlite_db)
    page = station.page
    station.scan(TARO)

    station.scan("SLOT-01")
    assert page.banner.level == "refused"
    assert "wave number" in page.banner.detail.text()
    station.scan(wave)
    assert page.banner.level == "info"
    assert page.banner.headline.text() == f"Cart {wave} at the bench"
    # Still being picked: the slot's order is named, and why it cannot be packed yet.
    station.scan("SLOT-01")
    assert page.banner.level == "refused"
    assert "#1001 is still being picked" in page.banner.detail.text()
    assert not page.picked.isVisible()
    station.close()
