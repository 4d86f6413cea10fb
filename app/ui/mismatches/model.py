"""The mismatch log as a Qt table model that fetches pages on demand, and the wording of a
refusal's reason and facts.

Rows come in pages from `MismatchLog.page` as the view scrolls (canFetchMore /
fetchMore); the model never loads or counts the whole log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.core.scans import Fact, Reason
from app.core.times import local_time
from app.services.mismatches import PAGE_SIZE, MismatchFilter, MismatchLog, MismatchRow
from app.ui.orders.model import short_time
from app.ui.pack.wording import reason_label

MISMATCH_ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
#: The reviewed column's colours: done is calm, still to review catches the eye.
REVIEWED, TO_REVIEW = QColor("#166534"), QColor("#b45309")


def fact_map(facts: dict[str, str]) -> dict[Fact, str]:
    """Stored facts keyed by `Fact` (keys no longer known are left out)."""
    known = {fact.value: fact for fact in Fact}
    return {known[key]: value for key, value in facts.items() if key in known}


def reason_words(reason: str) -> str:
    """A stored reason in a few words, translated (an unknown one as stored)."""
    try:
        return reason_label(Reason(reason))
    except (ValueError, KeyError):
        return reason


def scanned_words(row: MismatchRow) -> str:
    """What was scanned: the product's name and variant, else the code."""
    return row.facts.get(Fact.ITEM) or row.scanned


def expected_words(row: MismatchRow) -> str:
    """What the order expected instead: the lines still needed, or the awaited label's order."""
    facts = row.facts
    expected = facts.get(Fact.EXPECTED) or ""
    reserved = facts.get(Fact.RESERVED_LOT)
    if reserved:
        expected = f"{expected} ({reserved})".strip()
    return expected


class MismatchLogModel(QAbstractTableModel):
    """Refused scans matching a filter, newest first, fetched a page at a time."""

    #: Emitted after the rows were replaced for a new filter (or a reload).
    filter_applied = Signal()

    def __init__(
        self, log: MismatchLog, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._log = log
        self._page_size = page_size
        self._rows: list[MismatchRow] = []
        self._filter = MismatchFilter()
        self._exhausted = False
        self._today = dt.date.today()
        self._typed_font = QFont()
        self._typed_font.setItalic(True)
        self._headers = (
            self.tr("Time"),
            self.tr("Station"),
            self.tr("Packer"),
            self.tr("Order"),
            self.tr("Reason"),
            self.tr("Scanned"),
            self.tr("Expected"),
            self.tr("Reviewed"),
        )

    def set_filter(self, wanted: MismatchFilter) -> None:
        """Show only the refusals `wanted` names."""
        self._filter = wanted
        self.reload()

    def reload(self) -> None:
        """Drop the rows and fetch the first page again."""
        self.beginResetModel()
        self._today = dt.date.today()
        self._rows = self._log.page(self._filter, None, self._page_size)
        self._exhausted = len(self._rows) < self._page_size
        self.endResetModel()
        self.filter_applied.emit()

    def mismatch_at(self, row: int) -> MismatchRow:
        """The refusal shown in `row`."""
        return self._rows[row]

    def replace_row(self, updated: MismatchRow) -> None:
        """Show `updated` in place of the row with its id (after a review)."""
        for position, shown in enumerate(self._rows):
            if shown.id == updated.id:
                self._rows[position] = updated
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))
                return

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
        page = self._log.page(self._filter, after, self._page_size)
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and column == 5 and row.typed:
            return self._typed_font
        if role == Qt.ItemDataRole.ForegroundRole and column == 7:
            return REVIEWED if row.reviewer else TO_REVIEW
        if role == MISMATCH_ID_ROLE:
            return row.id
        return None

    def _tooltip(self, row: MismatchRow, column: int) -> str | None:
        if column == 0:
            return local_time(row.at)
        if column == 5:
            typed = self.tr(" — keyed in by hand") if row.typed else ""
            return f"{row.scanned}{typed}"
        if column == 6:
            return expected_words(row) or None
        return None

    def _display(self, row: MismatchRow, column: int) -> str:
        match column:
            case 0:
                return short_time(row.at, self._today)
            case 1:
                return row.station
            case 2:
                return row.packer or ""
            case 3:
                return row.order or ""
            case 4:
                return reason_words(row.reason)
            case 5:
                return (self.tr("⌨ ") if row.typed else "") + scanned_words(row)
            case 6:
                return expected_words(row)
            case _:
                return row.reviewer or self.tr("to review")
