"""The Admin page's layout: a tab each for users, stations, printers and tracking number
blocks, and the parts they share (a read-only table, a box of fields)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from app.ui.styles import ADMIN_STYLE


def listing_table(headings: Sequence[str]) -> QTableWidget:
    """A table of rows to pick one of, never edited in place."""
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(list(headings))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Put `rows` into `table`, keeping the row selected before when there still is one."""
    selected = table.currentRow()
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    if 0 <= selected < len(rows):
        table.selectRow(selected)


def form_box(title: str, rows: Sequence[tuple[str, QWidget]]) -> tuple[QGroupBox, QFormLayout]:
    """A titled box of captioned fields."""
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    for caption, field in rows:
        form.addRow(caption, field)
    return box, form


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side at the left of a box."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def hint(text: str) -> QLabel:
    """A grey line saying how a box works."""
    label = QLabel(text)
    label.setObjectName("adminHint")
    label.setWordWrap(True)
    return label


class AdminPage(QTabWidget):
    """The admin's tabs; each is added by `AdminController`."""

    #: The page came into view: what other stations changed meanwhile is read again.
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.setStyleSheet(ADMIN_STYLE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def title(self) -> str:
        """The page's name on the window's tab."""
        return self.tr("Admin")
