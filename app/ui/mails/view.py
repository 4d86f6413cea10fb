"""The Mails page: the shipment e-mails that failed, may have been delivered (check) or
have no address, with Refresh and Resend. Layout only; `MailsController` fills it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.mail.outbox import MailStatus, OutboxEntry


class MailsPage(QWidget):
    """What is shown, Refresh and Resend above the table of listed e-mails."""

    #: The page came into view.
    came_into_view = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = QLabel()
        self.shown.setObjectName("detailsMuted")
        self.shown.setWordWrap(True)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setToolTip(self.tr("Read the list again (F5)"))
        self.resend = QPushButton(self.tr("Resend…"))
        self.resend.setObjectName("mailsResend")
        self.resend.setToolTip(
            self.tr("Send the picked e-mail again under its Message-ID (a supervisor's badge)")
        )
        self.resend.setEnabled(False)
        self.explained = QLabel(
            self.tr(
                "Check: the connection was lost after the e-mail went out, so it may have "
                "arrived; look before you resend. Failed: the server refused it. "
                "No address: the order has no e-mail address."
            )
        )
        self.explained.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("mailsListed")
        self.refresh_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self._build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.came_into_view.emit()

    def title(self) -> str:
        return self.tr("Mails")

    def show_entries(self, entries: list[OutboxEntry]) -> None:
        """One row per listed e-mail: order, status, address, tries, what the server said."""
        words = {
            MailStatus.CHECK: self.tr("check"),
            MailStatus.FAILED: self.tr("failed"),
            MailStatus.NO_ADDRESS: self.tr("no address"),
        }
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry.order,
                words.get(entry.status, entry.status.value),
                entry.to_address or "—",
                str(entry.attempts),
                entry.last_error,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                # The server's words may be longer than the column shows.
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.resend.setEnabled(False)

    def picked_order(self) -> str | None:
        """The order of the picked row (None: no row picked)."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else None

    def _build(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Status"),
                self.tr("E-mail address"),
                self.tr("Tries"),
                self.tr("What the server said"),
            ]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.shown, 1)
        top.addWidget(self.refresh)
        top.addWidget(self.resend)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.explained)
        layout.addWidget(table, 1)
