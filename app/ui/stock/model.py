"""Rows of a stock view as a Qt table model; a stock row expiring soon amber, expired red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.stock_views import Freshness, StockRow, StockViewRow, freshness

Index = QModelIndex | QPersistentModelIndex
# Row colours (background, text) by how near the lot is to its expiry: the window's amber
# for what needs a look soon, its red for what must not ship.
COLOURS = {
    Freshness.NEAR_EXPIRY: (QColor("#fef3c7"), QColor("#78350f")),
    Freshness.EXPIRED: (QColor("#fee2e2"), QColor("#991b1b")),
}


class StockViewModel(QAbstractTableModel):
    """The rows of one view (stock, low stock, backorders or a ledger), as read."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: Sequence[str] = ()
        self.rows: list[StockViewRow] = []
        self._cells: list[tuple[Any, ...]] = []
        self._today = dt.date.today()
        self._headers = {
            "sku": self.tr("SKU"),
            "name": self.tr("Name"),
            "bin": self.tr("Bin"),
            "lot": self.tr("Lot"),
            "expiry": self.tr("Expiry"),
            "on_hand": self.tr("On hand"),
            "reserved": self.tr("Reserved"),
            "status": self.tr("Status"),
            "available": self.tr("Available"),
            "reorder_point": self.tr("Reorder point"),
            "backordered": self.tr("Backordered"),
            "orders": self.tr("Orders"),
            "at": self.tr("At"),
            "on_hand_delta": self.tr("On hand ±"),
            "reserved_delta": self.tr("Reserved ±"),
            "reason": self.tr("Reason"),
            "reference": self.tr("Reference"),
            "user": self.tr("User"),
        }
        self._words = {"available": self.tr("available"), "quarantine": self.tr("quarantine")}

    def set_rows(self, columns: Sequence[str], rows: Sequence[StockViewRow]) -> None:
        """Show these rows (with these columns) instead of those shown; expiry judged today."""
        self.beginResetModel()
        self.columns = tuple(columns)
        self.rows = list(rows)
        self._cells = [row.cells() for row in self.rows]
        self._today = dt.date.today()
        self.endResetModel()

    def freshness(self, row: int) -> Freshness:
        """How near the lot of stock row `row` is to its expiry (fresh for other views)."""
        shown = self.rows[row]
        return (
            freshness(shown.expiry, self._today) if isinstance(shown, StockRow) else Freshness.FRESH
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            name = self.columns[section]
            return self._headers.get(name, name)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if isinstance(value, dt.date):
                return value.isoformat()
            if self.columns[index.column()] == "status":
                return self._words.get(str(value), str(value))
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        colours = COLOURS.get(self.freshness(index.row()))
        if colours is not None and role == Qt.ItemDataRole.BackgroundRole:
            return colours[0]
        if colours is not None and role == Qt.ItemDataRole.ForegroundRole:
            return colours[1]
        return None
