"""The mismatch log as a Qt table model that fetches pages on demand, and the wording of a
refusal's reason and facts.

Rows come in pages from `MismatchLog.page` as the view scrolls (canFetchMore /
fetchMore); the model never loads or counts the whole log.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.core.scans import Fact, Reason
from app.core.times import local_time
from app.services.mismatches import PAGE_SIZE, MismatchFilter, MismatchLog, MismatchRow
from app.ui.orders.model import short_time
from app.ui.pack.wording import reason_label
from app.ui.paged_model import Index, PagedTableModel

MISMATCH_ID_ROLE = Qt.ItemDataRole.UserRole
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


class MismatchLogModel(PagedTableModel):
    """Refused scans matching a filter, newest first, fetched a page at a time."""

    def __init__(
        self, log: MismatchLog, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(page_size, parent)
        self._log = log
        self._filter = MismatchFilter()
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

    def _fetch(self, after: Any, size: int) -> list[MismatchRow]:
        return self._log.page(self._filter, after, size)

    def mismatch_at(self, row: int) -> MismatchRow:
        """The refusal shown in `row`."""
        shown: MismatchRow = self._rows[row]
        return shown

    def replace_row(self, updated: MismatchRow) -> None:
        """Show `updated` in place of the row with its id (after a review)."""
        for position, shown in enumerate(self._rows):
            if shown.id == updated.id:
                self._rows[position] = updated
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))
                return

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
