"""The Stock page's logic: read the chosen view off the GUI thread (on showing, Refresh, F5,
a change of view or filter), the selected product's ledger, and Export CSV….

`StockPage` is the layout; this decides what it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QItemSelection, QObject, QTime, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.errors import KenpinError
from app.core.stock_views import (
    BackorderRow,
    LedgerRow,
    LowStockRow,
    StockRow,
    StockViewRow,
)
from app.services.stock_views import StockViews, export_csv
from app.ui.jobs import JobLane
from app.ui.stock.model import StockViewModel
from app.ui.stock.view import StockPage

Read = tuple[Sequence[str], Sequence[StockViewRow]]


class Window(Protocol):
    """What the page needs of the window: a place for it, and the message channel."""

    def add_page(self, page: QWidget, title: str) -> int: ...
    def show_error(self, text: str) -> None: ...
    def show_info(self, text: str) -> None: ...


class StockController(QObject):
    """Keeps the stock table, the ledger below it and the export in step with the page."""

    # A message for the window's banner: (text, is it a problem).
    told = Signal(str, bool)
    # The rows just read are in the table.
    shown = Signal()
    # The ledger just read is below the table.
    ledger_shown = Signal()
    # A CSV file was written.
    exported = Signal(Path)

    def __init__(self, views: StockViews, page: StockPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views = views
        self.page = page
        self.model = StockViewModel(self)
        self.ledger = StockViewModel(self)
        page.table.setModel(self.model)
        page.ledger.setModel(self.ledger)
        self.lane = JobLane("stock", self)
        # Where to write the export (asked in a dialog); tests answer it themselves.
        self.ask_path: Callable[[], Path | None] = self._ask_path
        self._connect_signals()

    def _connect_signals(self) -> None:
        page = self.page
        page.came_into_view.connect(self.on_refresh)
        page.refresh.clicked.connect(self.on_refresh)
        page.refresh_shortcut.activated.connect(self.on_refresh)
        page.view.currentIndexChanged.connect(self.on_view_changed)
        page.sku.returnPressed.connect(self.on_refresh)
        page.bin.returnPressed.connect(self.on_refresh)
        page.export.clicked.connect(self.on_export)
        page.table.selectionModel().selectionChanged.connect(self.on_selected)

    def close(self) -> None:
        """Stop reading (the window is closing)."""
        self.lane.close()

    def _read(self, view: str, sku: str | None, bin_code: str | None) -> Read:
        if view == "low":
            return LowStockRow.columns, self.views.low_stock()
        if view == "backorders":
            return BackorderRow.columns, self.views.backorders()
        return StockRow.columns, self.views.stock(sku, bin_code)

    def on_view_changed(self) -> None:
        # The filters narrow the stock by bin and lot; the other views list every product.
        stock = self.page.view.currentData() == "stock"
        self.page.sku.setEnabled(stock)
        self.page.bin.setEnabled(stock)
        self.on_refresh()

    def on_refresh(self) -> None:
        """Read the chosen view again, with the filters as typed."""
        sku = self.page.sku.text().strip() or None
        bin_code = self.page.bin.text().strip() or None
        work = partial(self._read, str(self.page.view.currentData()), sku, bin_code)
        self.lane.submit(work, done=self.on_read, failed=self.on_failed)

    def on_read(self, read: Read) -> None:
        columns, rows = read
        self.model.set_rows(columns, rows)
        at = QTime.currentTime().toString("HH:mm:ss")
        self.page.shown.setText(self.tr("Rows: {0} · read at {1}").format(len(rows), at))
        self.shown.emit()

    def on_failed(self, error: KenpinError) -> None:
        self.told.emit(self.tr("Could not read the stock: {0}").format(error), True)

    def on_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        sku = str(self.model.rows[indexes[0].row()].cells()[0])
        self.page.ledger_title.setText(self.tr("Ledger of {0}, oldest first").format(sku))
        self.lane.submit(
            partial(self.views.ledger, sku), done=self.on_ledger, failed=self.on_failed
        )

    def on_ledger(self, moves: list[LedgerRow]) -> None:
        self.ledger.set_rows(LedgerRow.columns, moves)
        self.page.ledger.scrollToBottom()
        self.ledger_shown.emit()

    def on_export(self) -> None:
        """Write the rows the table shows to a CSV file the user names, off the GUI thread."""
        path = self.ask_path()
        if path is None:
            return
        columns, rows = self.model.columns, list(self.model.rows)
        said = self.tr("{0} rows written to {1}")

        def done(count: int) -> None:
            self.told.emit(said.format(count, path), False)
            self.exported.emit(path)

        self.lane.submit(
            partial(export_csv, path, columns, rows),
            done=done,
            failed=lambda error: self.told.emit(str(error), True),
        )

    def _ask_path(self) -> Path | None:
        # Qt's own dialog, as the window's other save dialogs: a scan must reach the window.
        name = f"{self.page.view.currentData()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self.page,
            self.tr("Export CSV"),
            str(Path.home() / name),
            self.tr("CSV files (*.csv)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        return Path(path) if path else None


def add_stock_page(window: Window, views: StockViews | None) -> StockController | None:
    """Add the Stock page to `window` (when it has the stock views), wired to its banner."""
    if views is None:
        return None
    page = StockPage()
    window.add_page(page, page.title())
    controller = StockController(views, page, window if isinstance(window, QObject) else None)
    controller.told.connect(
        lambda text, problem: window.show_error(text) if problem else window.show_info(text)
    )
    return controller
