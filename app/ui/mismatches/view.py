"""The Mismatches page: the supervisors' filters over the mismatch log, the log itself and
the picked refusal's details.

Layout only; `MismatchesController` decides what it shows. Built for a 1024×768
screen: the filters take two rows, the details sit under the log.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.scans import Reason
from app.ui.mismatches.details import MismatchDetailsPane
from app.ui.mismatches.model import MismatchLogModel, reason_words

#: A date edit at this date means "no limit" (shown as its special text).
NO_DATE = QDate(2000, 1, 1)
REASON_COLUMN, SCANNED_COLUMN = 4, 5


def picked_day(edit: QDateEdit) -> dt.date | None:
    """The day a date filter names, or None when it is left open."""
    date = edit.date()
    return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())


class MismatchesPage(QWidget):
    """The mismatch log: filters, the refused scans newest first, and the picked one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mismatchesPage")
        self.since = self._date_edit("mismatchSince")
        self.until = self._date_edit("mismatchUntil")
        self.station = QComboBox()
        self.station.setObjectName("mismatchStation")
        self.packer = QComboBox()
        self.packer.setObjectName("mismatchPacker")
        self.reason = QComboBox()
        self.reason.setObjectName("mismatchReason")
        # "" rather than None: see OrdersPage.status_filter.
        self.reason.addItem(self.tr("Every reason"), "")
        for reason in Reason:
            self.reason.addItem(reason_words(reason), reason.value)
        self.sku = QLineEdit()
        self.sku.setObjectName("mismatchSku")
        self.sku.setPlaceholderText(self.tr("SKU"))
        self.sku.setClearButtonEnabled(True)
        self.order = QLineEdit()
        self.order.setObjectName("mismatchOrder")
        self.order.setPlaceholderText(self.tr("Order number"))
        self.order.setClearButtonEnabled(True)
        self.shown = QLabel()
        self.shown.setObjectName("detailsMuted")
        self.clear = QPushButton(self.tr("Clear filters"))
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setToolTip(self.tr("Fetch the log again (F5)"))
        self.table = QTableView()
        self.table.setObjectName("mismatchLog")
        self.details = MismatchDetailsPane()
        #: F5 fetches the log again (the controller listens).
        self.refresh_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self._build()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any day"))
        edit.setDate(NO_DATE)
        return edit

    def set_choices(self, stations: list[tuple[str, str]], packers: list[tuple[str, int]]) -> None:
        """Offer these stations and packers (name, key) in their filters."""
        self.station.clear()
        self.station.addItem(self.tr("Every station"), "")
        for name, key in stations:
            self.station.addItem(name, key)
        self.packer.clear()
        self.packer.addItem(self.tr("Every packer"), 0)
        for name, user_id in packers:
            self.packer.addItem(name, user_id)

    def set_model(self, model: MismatchLogModel) -> None:
        """Show `model` in the table, its columns sized from the font and typical values."""
        table = self.table
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = QFontMetrics(table.font())
        # Widths from the font and typical values, not from the rows (see OrdersPage).
        reasons = max(metrics.horizontalAdvance(reason_words(reason)) for reason in Reason)
        samples = ("12-31 23:59", "PACK-01", "長谷川 真由美", "#1001-B1", "", "", "", "to review")
        for column, sample in enumerate(samples):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            table.setColumnWidth(column, width + 24)
        table.setColumnWidth(REASON_COLUMN, min(reasons + 24, 160))
        table.setColumnWidth(SCANNED_COLUMN, 170)
        table.setColumnWidth(SCANNED_COLUMN + 1, 170)
        header.setSectionResizeMode(SCANNED_COLUMN + 1, QHeaderView.ResizeMode.Stretch)

    def _build(self) -> None:
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for row, pairs in (
            (row1, ((self.tr("From"), self.since), (self.tr("To"), self.until))),
            (row1, ((self.tr("Station"), self.station), (self.tr("Packer"), self.packer))),
            (row2, ((self.tr("Reason"), self.reason), (self.tr("SKU"), self.sku))),
            (row2, ((self.tr("Order"), self.order),)),
        ):
            for caption, widget in pairs:
                row.addWidget(QLabel(caption))
                row.addWidget(widget)
                row.addSpacing(8)
        self.station.setMinimumContentsLength(10)
        self.packer.setMinimumContentsLength(12)
        self.reason.setMinimumContentsLength(12)
        for line in (self.sku, self.order):
            line.setFixedWidth(140)
        row1.addStretch(1)
        row2.addStretch(1)
        row2.addWidget(self.clear)
        row2.addWidget(self.refresh)
        filters = QVBoxLayout()
        filters.addLayout(row1)
        filters.addLayout(row2)
        # On a line of its own: whole in both languages at 1024 px, beside no button.
        filters.addWidget(self.shown)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([330, 250])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def show_row_count(self, text: str) -> None:
        """The hint beside the buttons: how many refusals are shown."""
        self.shown.setText(text)
        self.shown.setToolTip(text)
