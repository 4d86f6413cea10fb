"""The Waves page: the waves being picked, a Refresh button and when they were read.

Layout only; `WavesController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class WavesPage(QWidget):
    """A line of what is shown and the Refresh button above the table of waves."""

    #: The page came into view.
    came_into_view = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = QLabel()
        self.shown.setObjectName("detailsMuted")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setToolTip(self.tr("Read the waves again (F5)"))
        self.table = QTableView()
        self.table.setObjectName("wavesInProgress")
        # F5 reads the waves again (the controller listens).
        self.refresh_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self._build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.came_into_view.emit()

    def title(self) -> str:
        return self.tr("Waves")

    def _build(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.shown, 1)
        top.addWidget(self.refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(table, 1)
