"""The Reports page in the window: a period's figures, confusions and charts, and saving them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.db.database import Database
from app.ui.main_window import MainWindow
from app.ui.reports.controller import PNG_SIZE, ReportsController
from tests.reportdata import two_days_of_packing

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database) -> MainWindow:
    two_days_of_packing(sqlite_db)
    shown = MainWindow(Kenpin(sqlite_db).station_services(), "S1")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def show_both_days(qtbot: QtBot, window: MainWindow) -> ReportsController:
    reports = window.reports
    assert reports is not None
    window.pages.setCurrentWidget(reports.page)
    reports.page.set_period(QDate(2026, 4, 1), QDate(2026, 4, 2))
    with qtbot.waitSignal(reports.shown, timeout=10_000):
        reports.page.show_report.click()
    return reports


def cells(table: object, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]  # type: ignore[attr-defined]


def test_the_page_shows_each_packers_figures_and_the_confused_pairs(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = show_both_days(qtbot, window).page

    assert page.figures.rowCount() == 2
    assert cells(page.figures, 0)[:8] == ["Hanako", "2", "6", "8", "3", "37.5%", "1", "2.00"]
    assert page.figures.horizontalHeaderItem(5).text() == "Error rate"
    assert page.confusions.rowCount() == 2
    assert {cells(page.confusions, r)[2] for r in range(2)} == {"SOAP", "RICE"}
    day1, day2 = dt.date(2026, 4, 1), dt.date(2026, 4, 2)
    assert page.error_chart.points == [(day1, 0.375), (day2, 0.0)]
    assert page.speed_chart.points == [(day1, 2.0), (day2, 0.5)]


def test_picking_a_packer_charts_only_their_days(qtbot: QtBot, window: MainWindow) -> None:
    page = show_both_days(qtbot, window).page

    page.figures.selectRow(1)

    assert page.speed_chart.points == [(dt.date(2026, 4, 1), None), (dt.date(2026, 4, 2), 0.5)]


def test_the_charts_save_as_a_png_of_both(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = show_both_days(qtbot, window)
    out = tmp_path / "charts.png"
    monkeypatch.setattr(reports, "_save_as", lambda _title, _suffix: out)

    reports.page.save_png.click()

    image = QImage(str(out))
    assert (image.width(), image.height()) == (PNG_SIZE.width(), PNG_SIZE.height())
    assert out.stat().st_size > 5_000
    assert str(out) in window.banner.text.text()


def test_the_table_saves_as_csv_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = show_both_days(qtbot, window)
    out = tmp_path / "packers.csv"
    monkeypatch.setattr(reports, "_save_as", lambda _title, _suffix: out)

    reports.page.save_csv.click()

    qtbot.waitUntil(lambda: str(out) in window.banner.text.text(), timeout=10_000)
    assert window.banner.property("level") == "info"
    assert out.read_text(encoding="utf-8-sig").splitlines()[1].startswith("Hanako,2,6,8,3,")


def test_a_period_running_backwards_is_told_on_the_banner(qtbot: QtBot, window: MainWindow) -> None:
    reports = window.reports
    assert reports is not None
    reports.page.set_period(QDate(2026, 4, 3), QDate(2026, 4, 1))
    reports.page.show_report.click()
    assert window.banner.property("level") == "error"
    assert "after" in window.banner.text.text()
