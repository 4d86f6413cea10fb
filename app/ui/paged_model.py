"""A Qt table model that fetches its rows a page at a time as the view scrolls.

The order queue and the mismatch log both show tables too large to load:
each subclass says how a page is fetched (`_fetch`: the rows after a cursor)
and how a row is drawn; the paging, the reset on a new filter and Qt's
fetch-more protocol live here once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Rows fetched `page_size` at a time; `reload` starts again from the first page."""

    #: Emitted after the rows were replaced for a new filter (or a reload).
    filter_applied = Signal()

    def __init__(self, page_size: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._rows: list[Any] = []
        self._exhausted = False
        self._today = dt.date.today()
        #: The column titles; a subclass sets them (translated) in its constructor.
        self._headers: tuple[str, ...] = ()

    def _fetch(self, after: Any, size: int) -> list[Any]:
        """Up to `size` rows after the cursor `after` (None: the first page); each row
        has a `cursor`, where the page after it starts."""
        raise NotImplementedError

    def reload(self) -> None:
        """Drop the rows and fetch the first page again."""
        self.beginResetModel()
        self._today = dt.date.today()
        self._rows = self._fetch(None, self._page_size)
        self._exhausted = len(self._rows) < self._page_size
        self.endResetModel()
        self.filter_applied.emit()

    @property
    def all_fetched(self) -> bool:
        """True once the last page has been fetched."""
        return self._exhausted

    # QAbstractTableModel -------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        after = self._rows[-1].cursor if self._rows else None
        page = self._fetch(after, self._page_size)
        self._exhausted = len(page) < self._page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def select_row(table: QTableView, row: int) -> None:
    """Make `row` of `table` the current, selected row (the details pane follows it)."""
    table.selectionModel().setCurrentIndex(
        table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
