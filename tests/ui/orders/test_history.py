"""The Orders page's History tab, as a supervisor uses it: pick an order, open History, and
see its tracking numbers (links to the carrier's page), the reprint, the refused scans in
red with the pack screen's words, the manifest; on a real SQLite database built through
the real pack pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.core.scans import Reason
from app.db.database import Database
from app.ui.main_window import MainWindow
from app.ui.orders.history import OrderHistoryView
from app.ui.pack.wording import reason_label
from tests.historydata import order_with_history
from tests.services.station.test_labels import number
from tests.stationdata import TEA, later, sent

pytestmark = pytest.mark.gui

YAMATO = "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?init=yes&number00=1&number01="


class Browser(QObject):
    """Stands in for the browser: the URLs the window asked the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    """A supervisor's window at 1024×768 on the Orders page."""
    order_with_history(sqlite_db, tmp_path / "labels")
    main = MainWindow(Kenpin(sqlite_db).station_services(), "SUP-1")
    qtbot.addWidget(main)
    main.resize(1024, 768)
    main.show()
    qtbot.waitUntil(lambda: main.pack is not None and main.pack.view is not None, timeout=5_000)
    main.show_orders_page()
    yield main
    main.close()


def pick(qtbot: QtBot, window: MainWindow, number: str) -> None:
    search = window.orders_page.search
    search.clear()
    qtbot.keyClicks(search, number)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.orders.picked_number == number, timeout=5_000)


def open_history(qtbot: QtBot, window: MainWindow) -> OrderHistoryView:
    details = window.orders_page.details
    assert window.order_history is not None
    with qtbot.waitSignal(window.order_history.shown, timeout=10_000):
        details.sections.setCurrentWidget(details.history_page)
    return details.history


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def cells(table: QTableWidget, column: int) -> list[str]:
    return [cell(table, row, column).text() for row in range(table.rowCount())]


def test_history_shows_tracking_link_reprint_refusals_and_manifest(
    qtbot: QtBot, window: MainWindow
) -> None:
    pick(qtbot, window, "#1001")
    history = open_history(qtbot, window)

    assert history.isVisible() and history.parcels.isVisible()
    text = history.parcels.text()
    assert f'<a href="{YAMATO}{number(1)}">{number(1)}</a>' in text
    assert f"replaced by {number(1)}" in text
    # Each print: when, where and who asked; which label, and how it went.
    assert cells(history.prints, 1) == [
        f"Print {number(0)}\nPrinted",
        f"Reprint {number(0)}\nPrinted",
        f"Print {number(1)}\nPrinted",
    ]
    assert [text.split("\n")[1] for text in cells(history.prints, 0)] == [
        "S1 · Hanako",
        "S1 · Hanako",
        "S1 · Boss",
    ]
    assert "DOCK-1" in history.manifest.text() and "2026-04-01" in history.manifest.text()
    assert "rakuten" in history.notices.text()

    scanned = [text.split("\n") for text in cells(history.scans, 1)]
    pending = "Refused: " + reason_label(Reason.LABEL_PENDING)
    voided = "Refused: " + reason_label(Reason.LABEL_VOIDED)
    assert [(code, result) for code, result in scanned if result.startswith("Refused")] == [
        (TEA, pending),
        (number(0), voided),
    ]
    row = scanned.index([TEA, pending])
    assert cell(history.scans, row, 1).foreground().color() == QColor("#b91c1c")
    # Newest last: the new label scanned back.
    assert scanned[-1] == [number(1), "Accepted"]


def test_clicking_a_tracking_number_opens_the_carriers_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    pick(qtbot, window, "#1001")
    history = open_history(qtbot, window)
    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        history.parcels.linkActivated.emit(YAMATO + number(1))
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == [YAMATO + number(1)]


def test_picking_another_order_while_history_is_shown_reads_its_history(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    db = sqlite_db
    pick(qtbot, window, "#1001")
    history = open_history(qtbot, window)
    assert window.order_history is not None
    with qtbot.waitSignal(window.order_history.shown, timeout=10_000):
        pick(qtbot, window, "#1003")
    assert number(2) in history.parcels.text() and number(0) not in history.parcels.text()
    assert "open manifest" in history.manifest.text()
    assert cells(history.prints, 1) == [f"Print {number(2)}\nWaiting to print"]

    # The label scanned again at another bench: Refresh (F5) shows that scan too.
    Kenpin(db).pack_station("S3").scan(sent(number(2)), at=later(90))
    with qtbot.waitSignal(window.order_history.shown, timeout=10_000):
        qtbot.mouseClick(window.orders_page.refresh, Qt.MouseButton.LeftButton)
    assert cells(history.scans, 0)[-1].endswith("S3 · —")
    assert cells(history.scans, 1)[-1].startswith(number(2))
