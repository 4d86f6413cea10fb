"""The scanner test page driven by a keyboard-wedge scanner's key bursts, on a real SQLite
database: what each burst was read as, and the station's scanner settings saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin, Settings, read_settings
from app.db.database import Database
from app.scanning.source import ScriptedScanner
from app.ui.main_window import MainWindow
from app.ui.scanner_test.view import AIM, CODE, END, GAPS, KEYS, KIND, OUTCOME
from tests.scanning.keys import scanner_sends, type_text
from tests.stationdata import HANAKO, TEA, stock_bench

pytestmark = pytest.mark.gui


class Bench:
    """A station window opened on its scanner test page, a scanner at its side."""

    def __init__(self, qtbot: QtBot, db: Database, settings: Settings | None = None) -> None:
        self.qtbot = qtbot
        kenpin = Kenpin(db, settings) if settings else Kenpin(db)
        self.window = MainWindow(kenpin.station_services(), "PACK-1", kenpin.scanners("PACK-1"))
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitUntil(lambda: self.window.pack.view is not None, timeout=5_000)
        self.page = self.window.scanner_test_page
        self.test = self.window.scanner_test
        qtbot.waitUntil(lambda: self.test.shown_settings is not None, timeout=5_000)
        self.window.pages.setCurrentWidget(self.page)
        self.clock = 10_000

    @property
    def target(self) -> QWidget:
        return QApplication.focusWidget() or self.window

    def scan(self, code: str, gap: int = 4) -> None:
        """The scanner sends `code` and Enter; the burst and what its code is are shown."""
        with self.qtbot.waitSignal(self.test.meaning_shown, timeout=5_000):
            self.clock = scanner_sends(self.target, code, start=self.clock, gap=gap) + 1_000

    def row(self, row: int = 0) -> dict[int, str]:
        table = self.page.bursts
        return {column: table.item(row, column).text() for column in range(table.columnCount())}


@pytest.fixture
def bench(sqlite_db: Database) -> Database:
    stock_bench(sqlite_db)
    return sqlite_db


@pytest.fixture
def station(qtbot: QtBot, bench: Database) -> Iterator[Bench]:
    at_bench = Bench(qtbot, bench)
    yield at_bench
    at_bench.window.close()


def test_a_scan_on_the_test_page_is_shown_and_never_reaches_the_pack_station(
    station: Bench,
) -> None:
    station.scan(HANAKO)
    assert station.window.pages.currentWidget() is station.page
    assert station.row()[OUTCOME] == "Scan"
    assert station.row()[KIND] == "Badge"
    assert station.page.panel.code.text() == HANAKO
    assert station.page.panel.property("outcome") == "scan"
    # Back at the pack screen the same badge logs the packer in: the first one never arrived.
    station.window.show_bench_page()
    with station.qtbot.waitSignal(station.window.pack.scan_shown, timeout=5_000):
        scanner_sends(station.target, HANAKO, start=station.clock)
    assert station.window.pack_page.logged_in


def test_each_burst_shows_its_key_timings_terminator_and_aim_prefix(station: Bench) -> None:
    station.scan("]E0" + TEA, gap=5)
    row = station.row()
    assert (row[CODE], row[KEYS], row[END], row[AIM]) == (TEA, "16", "Enter", "]E0")
    assert row[GAPS] == " ".join(["5"] * 16)
    assert row[KIND] == "Product: TEA item TEA"
    assert "Gaps between keys (ms): 5 5 5" in station.page.panel.detail.text()


def test_a_burst_cut_by_a_slow_gap_is_shown_as_not_read_and_why(station: Bench) -> None:
    at = type_text(station.target, "4901234", start=station.clock, gap=4)
    with station.qtbot.waitSignal(station.test.meaning_shown, timeout=5_000):
        scanner_sends(station.target, "567894", start=at + 56)
    assert station.page.panel.property("outcome") == "unreadable"
    assert station.page.panel.verdict.text() == (
        "Not read: scan again — Gap too long at key 8: 60 ms (the gap is 30 ms)."
    )
    assert station.row()[GAPS] == "4 4 4 4 4 4 60 4 4 4 4 4 4"


def test_a_slow_scanner_is_shown_as_typing_until_its_gap_is_saved(
    station: Bench, bench: Database
) -> None:
    page = station.page
    station.scan("KP-1001", gap=45)
    assert station.row()[OUTCOME] == "Typing"
    assert "Gap too long at key 2: 45 ms" in page.panel.verdict.text()

    page.gap.setValue(60)
    page.min_length.setValue(6)
    page.gs1_standin.setText("~")
    with station.qtbot.waitSignal(station.test.settings_shown, timeout=5_000):
        page.save.click()
    assert page.saved.text() == "Saved. PACK-1 reads its scans with these settings from now on."
    stored = Kenpin(bench).wedge_settings("PACK-1")
    assert (stored.key_gap_ms, stored.min_length, stored.codes.group_separator) == (60, 6, "~")
    # In force at once: the same scanner now scans; five characters are too few now.
    station.scan("KP-1001", gap=45)
    assert station.row()[OUTCOME] == "Scan"
    station.scan("KP-10", gap=45)
    assert page.panel.verdict.text() == (
        "Not read: scan again — Too short: 5 characters (the minimum is 6)."
    )


def test_a_setting_the_environment_makes_is_shown_and_not_saved(
    qtbot: QtBot, bench: Database
) -> None:
    station = Bench(qtbot, bench, read_settings({"KENPIN_SCAN_KEY_GAP_MS": "50"}))
    page = station.page
    try:
        assert (page.gap.value(), page.gap.isEnabled()) == (50, False)
        assert page.overridden["key_gap_ms"].isVisible()
        assert "KENPIN_SCAN_KEY_GAP_MS" in page.overridden["key_gap_ms"].text()
        assert not page.overridden["min_length"].isVisible()
        page.min_length.setValue(7)
        with qtbot.waitSignal(station.test.settings_shown, timeout=5_000):
            page.save.click()
    finally:
        station.window.close()
    # Stored: the minimum length only; without the variable the station's gap is the default.
    assert Kenpin(bench).scanner_setup().stored("PACK-1").key_gap_ms is None
    assert Kenpin(bench).wedge_settings("PACK-1").min_length == 7


def test_a_serial_scanner_s_scans_come_to_the_page_too_and_back_to_the_station_after(
    qtbot: QtBot, bench: Database
) -> None:
    serial = ScriptedScanner(name="/dev/ttyACM0")
    window = MainWindow(Kenpin(bench).station_services(), "PACK-1", [serial])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pack.view is not None, timeout=5_000)
    test = window.scanner_test
    try:
        window.pages.setCurrentWidget(window.scanner_test_page)
        with qtbot.waitSignal(test.meaning_shown, timeout=5_000):
            serial.scan("]C1#1001")
        row = window.scanner_test_page.bursts
        assert [row.item(0, column).text() for column in (OUTCOME, CODE, KIND, KEYS, AIM)] == [
            "Scan",
            "#1001",
            "Order",
            "–",
            "]C1",
        ]
        window.show_bench_page()
        with qtbot.waitSignal(window.pack.scan_shown, timeout=5_000):
            serial.scan(HANAKO)
        assert window.pack_page.logged_in
    finally:
        window.close()
