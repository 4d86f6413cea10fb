"""The Stock page: which view, filters, Refresh and Export above the table; the selected
product's ledger below it.

Layout only; `StockController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.tables import row_table


class StockPage(QWidget):
    """The view chooser, SKU and bin filters, Refresh and Export CSV…, then two tables."""

    # The page came into view.
    came_into_view = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QComboBox()
        # The data of each item is what the controller reads for it.
        self.view.addItem(self.tr("Stock"), "stock")
        self.view.addItem(self.tr("Low stock"), "low")
        self.view.addItem(self.tr("Backorders"), "backorders")
        self.sku = QLineEdit()
        self.sku.setPlaceholderText(self.tr("SKU"))
        self.bin = QLineEdit()
        self.bin.setPlaceholderText(self.tr("Bin"))
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setToolTip(self.tr("Read the stock again (F5)"))
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.setToolTip(self.tr("Write the rows of the table to a CSV file"))
        self.shown = QLabel()
        self.shown.setObjectName("detailsMuted")
        self.table = row_table(QTableView(), "stockRows")
        self.ledger_title = QLabel(self.tr("Select a product to see its ledger."))
        self.ledger = row_table(QTableView(), "stockLedger")
        self.refresh_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self._build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.came_into_view.emit()

    def title(self) -> str:
        return self.tr("Stock")

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.view)
        top.addWidget(self.sku, 1)
        top.addWidget(self.bin, 1)
        top.addWidget(self.refresh)
        top.addWidget(self.export)
        below = QWidget()
        ledger = QVBoxLayout(below)
        ledger.setContentsMargins(0, 0, 0, 0)
        ledger.addWidget(self.ledger_title)
        ledger.addWidget(self.ledger, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.shown)
        layout.addWidget(split, 1)
