"""The station window's order queue, driven as a packer would drive it (offscreen)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.core.errors import DatabaseUnavailable
from app.db.database import Database
from app.services.order_queue import OrderQueue
from app.ui.app import reporting_to, station_font
from app.ui.main_window import MainWindow
from app.ui.orders.controller import OrdersController
from app.ui.orders.details import OrderDetailsPane
from app.ui.translation import install_translation, remove_translation
from benchmarks.bulkdata import add_orders, add_products
from tests.services.test_order_queue import add_order, reserve

pytestmark = pytest.mark.gui

NEW, BACKORDERED = 2_950, 50


@pytest.fixture
def filled_db(sqlite_db: Database) -> Database:
    products = add_products(sqlite_db, 20)
    add_orders(sqlite_db, NEW, products, status="new", first_number=1000)
    add_orders(sqlite_db, BACKORDERED, products, status="backordered", first_number=5000)
    return sqlite_db


@pytest.fixture
def window(qtbot: QtBot, filled_db: Database) -> Iterator[MainWindow]:
    main = MainWindow(Kenpin(filled_db).station_services(), "PACK-1")
    qtbot.addWidget(main)
    main.show()
    # The counts arrive from a worker thread; let it finish before the database closes.
    qtbot.waitUntil(lambda: "3,000" in main.counts_label.text())
    yield main
    main.close()


def _numbers(orders: OrdersController) -> list[str]:
    return [orders.model.order_at(row).number for row in range(orders.model.rowCount())]


def _cell(details: OrderDetailsPane, row: int, column: int) -> str:
    """The text of one cell of the details pane's lines table."""
    item = details.lines.item(row, column)
    assert item is not None
    return item.text()


def _order_id(db: Database, number: str) -> int:
    return next(row.id for row in OrderQueue(db).page(search=number) if row.number == number)


def test_window_shows_station_database_counts_and_newest_orders(window: MainWindow) -> None:
    assert window.windowTitle() == "Kenpin — PACK-1"
    assert window.pages.tabText(0) == "Orders"
    assert "kenpin.db" in window.database.text()
    assert "Backordered 50" in window.counts_label.text()
    page = window.orders_page
    assert window.orders.model.rowCount() == 200
    assert _numbers(window.orders)[:2] == ["#5049", "#5048"]
    assert page.table.model().index(0, 2).data() == "Backordered"
    assert "Backordered (50)" in [
        page.status_filter.itemText(i) for i in range(page.status_filter.count())
    ]


def test_filter_by_status_shows_only_those_orders(qtbot: QtBot, window: MainWindow) -> None:
    page = window.orders_page
    with qtbot.waitSignal(window.orders.model.filter_applied):
        page.status_filter.setCurrentIndex(page.status_filter.findData("backordered"))
    assert window.orders.model.rowCount() == BACKORDERED
    assert {window.orders.model.order_at(r).status for r in range(BACKORDERED)} == {"backordered"}
    assert page.shown.text() == "50 orders"
    with qtbot.waitSignal(window.orders.model.filter_applied):
        page.status_filter.setCurrentIndex(page.status_filter.findData("shipped"))
    assert window.orders.model.rowCount() == 0


def test_search_by_number_prefix_as_typed(qtbot: QtBot, window: MainWindow) -> None:
    page = window.orders_page
    qtbot.keyClicks(page.search, "#12")
    qtbot.waitUntil(lambda: window.orders.model.search == "#12")
    assert _numbers(window.orders)[:3] == ["#1200", "#1201", "#1202"]
    assert window.orders.model.rowCount() == 100
    qtbot.keyClicks(page.search, "34")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert _numbers(window.orders) == ["#1234"]
    # An exact match is picked at once, so a scanned order number opens its details.
    assert page.details.number.text() == "#1234"


def test_picking_an_order_shows_its_address_lines_and_reserved_bins(
    qtbot: QtBot, window: MainWindow, filled_db: Database
) -> None:
    order_id = _order_id(filled_db, "#5049")
    reserve(filled_db, order_id, "C-03-07", lot="L2604", expiry=dt.date(2027, 4, 30))
    page = window.orders_page
    window.orders.on_refresh()
    row_rect = page.table.visualRect(window.orders.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    details = page.details
    qtbot.waitUntil(lambda: details.number.text() == "#5049")
    assert details.status.text() == "Backordered"
    assert details.address.text().startswith("〒")
    assert "千代田区" in details.address.text()
    assert details.lines.rowCount() == 3
    for row in range(3):
        item, qty, allocated = (_cell(details, row, column) for column in (0, 1, 2))
        assert item.startswith("SKU-")
        assert "商品" in item
        assert qty == allocated
        assert _cell(details, row, 4).split("\n") == [
            f"C-03-07 ×{qty}",
            "lot L2604",
            "exp 2027-04-30",
        ]


def test_a_backordered_order_names_its_short_lines(
    qtbot: QtBot, window: MainWindow, filled_db: Database
) -> None:
    # Product ids start at 1 in the fresh database.
    add_order(filled_db, "#9001", [(1, 2)], status="backordered", short_lines="SKU-000000: 2 short")
    page = window.orders_page
    details = page.details
    qtbot.keyClicks(page.search, "9001")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert details.number.text() == "#9001"
    assert details.status.text() == "Backordered"
    assert details.short_lines.isVisible()
    assert "SKU-000000: 2 short" in details.short_lines.text()
    assert _cell(details, 0, 2) == "0"


def test_scrolling_to_the_bottom_fetches_more_orders(qtbot: QtBot, window: MainWindow) -> None:
    page = window.orders_page
    assert window.orders.model.rowCount() == 200
    assert "scroll for more" in page.shown.text()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.orders.model.rowCount() > 200)
    numbers = _numbers(window.orders)
    assert len(numbers) == len(set(numbers))
    assert numbers[200] == "#3799"


def test_f5_fetches_the_queue_and_the_counts_again(
    qtbot: QtBot, window: MainWindow, filled_db: Database
) -> None:
    add_order(filled_db, "#9100", [(1, 1)])  # another station's import, meanwhile
    assert _numbers(window.orders)[0] != "#9100"
    window.activateWindow()
    qtbot.keyClick(window.orders_page.table, Qt.Key.Key_F5)
    assert _numbers(window.orders)[0] == "#9100"
    qtbot.waitUntil(lambda: "3,001 orders" in window.counts_label.text())
    assert window.orders_page.status_filter.itemText(0) == "All statuses (3,001)"


def test_counts_that_fail_say_so_and_the_queue_still_works(
    qtbot: QtBot, filled_db: Database
) -> None:
    class DatabaseGone(OrderQueue):
        def counts_by_status(self) -> dict[str, int]:
            raise DatabaseUnavailable("database unavailable: disk I/O error")

    services = dataclasses.replace(
        Kenpin(filled_db).station_services(), orders=DatabaseGone(filled_db)
    )
    main = MainWindow(services, "PACK-1")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.counts_label.text() == "Order counts unavailable")
    assert main.banner.text.text() == (
        "Could not count the orders: database unavailable: disk I/O error"
    )
    assert main.orders.model.rowCount() == 200
    main.close()


def test_unexpected_errors_show_on_the_banner(window: MainWindow) -> None:
    logged: list[BaseException] = []
    hook = reporting_to(window, log=lambda _kind, error, _trace: logged.append(error))
    hook(DatabaseUnavailable, DatabaseUnavailable("database unavailable: disk full"), None)
    assert window.banner.isVisible()
    assert window.banner.text.text() == "database unavailable: disk full"
    assert logged == []
    hook(KeyError, KeyError("bin"), None)
    assert window.banner.text.text().startswith("Unexpected error: KeyError")
    assert len(logged) == 1


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_orders_page_fits_a_1024_pixel_screen(
    qtbot: QtBot, filled_db: Database, language: str
) -> None:
    translators = install_translation(language) if language == "ja" else []
    # In the station's own font (bigger than a test's default), as a bench screen shows it.
    font = QApplication.font()
    QApplication.setFont(station_font())
    try:
        main = MainWindow(Kenpin(filled_db).station_services(), "PACK-1")
        qtbot.addWidget(main)
        main.resize(1024, 768)
        main.show()
        qtbot.waitUntil(lambda: "3,000" in main.counts_label.text())
        page = main.orders_page
        # No button of the page is pushed off the screen: the page needs no more room.
        assert page.minimumSizeHint().width() <= main.width() - 24  # the tab frame
        # The line beside the search says all its words ("first 200 orders — scroll for more").
        shown = page.shown
        assert shown.text() and shown.fontMetrics().horizontalAdvance(shown.text()) <= shown.width()
        # An order picked: its label menu, slip and card buttons each show their whole words.
        row_rect = page.table.visualRect(main.orders.model.index(0, 0))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
        buttons = (page.details.label_menu, page.packing_slip, page.message_card)
        qtbot.waitUntil(
            lambda: (
                page.details.number.text() != ""
                and all(button.width() >= button.sizeHint().width() for button in buttons)
            )
        )
        assert all(button.isVisible() for button in buttons)
        main.close()
    finally:
        QApplication.setFont(font)
        remove_translation(translators)
