"""The Stock page: lots near expiry amber and expired red, the selected product's ledger,
low stock and backorders, and Export CSV… writing what the table shows."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.core.stock_views import Freshness
from app.db.database import Database
from app.ui.main_window import MainWindow
from app.ui.stock.controller import StockController
from app.ui.stock.model import COLOURS, StockViewModel
from tests.stockdata import add_order, add_product, receive

pytestmark = pytest.mark.gui

TODAY = dt.date.today()


def shelf(db: Database) -> None:
    """MISO in three lots at A-01: expired yesterday, expiring in 10 days, in a year; TEA in B-01,
    3 of it on a backordered order."""
    with db.write() as s:
        miso = add_product(s, "MISO", expiry_tracked=True)
        tea = add_product(s, "TEA")
        day = dt.timedelta(days=1)
        receive(s, miso, "A-01", 1, lot="OLD", expiry=TODAY - day, walk_seq=1)
        receive(s, miso, "A-01", 2, lot="SOON", expiry=TODAY + 10 * day)
        receive(s, miso, "A-01", 4, lot="NEW", expiry=TODAY + 365 * day)
        receive(s, tea, "B-01", 5, walk_seq=2)
        add_order(s, "#9", [(tea, 3)], status="backordered")


def table(model: StockViewModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def stock_shown(qtbot: QtBot, db: Database) -> StockController:
    """Station S1's window at 1024×768 on its Stock page, the stock read."""
    window = MainWindow(Kenpin(db).station_services(), "S1")
    qtbot.addWidget(window)
    window.resize(1024, 768)
    stock = window.stock
    assert stock is not None
    with qtbot.waitSignal(stock.shown, timeout=10_000):
        window.show()
        window.pages.setCurrentWidget(stock.page)
    return stock


def test_near_expiry_lots_are_amber_expired_red_and_a_click_shows_the_ledger(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    shelf(sqlite_db)
    stock = stock_shown(qtbot, sqlite_db)
    day = dt.timedelta(days=1)
    assert table(stock.model) == [
        ["MISO", "A-01", "OLD", (TODAY - day).isoformat(), "1", "0", "available"],
        ["MISO", "A-01", "SOON", (TODAY + 10 * day).isoformat(), "2", "0", "available"],
        ["MISO", "A-01", "NEW", (TODAY + 365 * day).isoformat(), "4", "0", "available"],
        ["TEA", "B-01", "", "", "5", "0", "available"],
    ]
    background = Qt.ItemDataRole.BackgroundRole
    assert stock.model.index(0, 0).data(background) == COLOURS[Freshness.EXPIRED][0]
    assert stock.model.index(1, 3).data(background) == COLOURS[Freshness.NEAR_EXPIRY][0]
    assert stock.model.index(2, 0).data(background) is None
    assert stock.model.headerData(4, Qt.Orientation.Horizontal) == "On hand"

    with qtbot.waitSignal(stock.ledger_shown, timeout=10_000):
        stock.page.table.selectRow(3)
    assert stock.page.ledger_title.text() == "Ledger of TEA, oldest first"
    assert [row[1:] for row in table(stock.ledger)] == [
        ["B-01", "", "5", "0", "receipt", "B-01", ""]
    ]


def test_the_bin_filter_the_backorders_view_and_export_write_what_is_shown(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    shelf(sqlite_db)
    stock = stock_shown(qtbot, sqlite_db)
    stock.page.bin.setText("B-01")
    with qtbot.waitSignal(stock.shown, timeout=10_000):
        stock.page.refresh.click()
    assert [row[:2] for row in table(stock.model)] == [["TEA", "B-01"]]

    with qtbot.waitSignal(stock.shown, timeout=10_000):
        stock.page.view.setCurrentIndex(stock.page.view.findData("backorders"))
    assert not stock.page.bin.isEnabled()
    assert table(stock.model) == [["TEA", "item TEA", "3", "1"]]

    out = tmp_path / "backorders.csv"
    stock.ask_path = lambda: out
    with qtbot.waitSignal(stock.exported, timeout=10_000):
        stock.page.export.click()
    with out.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file)) == [
            ["sku", "name", "backordered", "orders"],
            ["TEA", "item TEA", "3", "1"],
        ]
    window = stock.parent()
    assert isinstance(window, MainWindow)
    assert window.banner.text.text() == f"1 rows written to {out}"


def test_an_unknown_sku_is_told_on_the_banner(qtbot: QtBot, sqlite_db: Database) -> None:
    shelf(sqlite_db)
    stock = stock_shown(qtbot, sqlite_db)
    stock.page.sku.setText("NOPE")
    with qtbot.waitSignal(stock.told, timeout=10_000):
        stock.page.refresh.click()
    window = stock.parent()
    assert isinstance(window, MainWindow)
    assert window.banner.text.text() == 'Could not read the stock: no product with SKU "NOPE"'
