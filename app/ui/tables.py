"""Tables of rows to read and pick one from, set up alike on every page."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Table = TypeVar("Table", bound=QTableView)


def row_table(table: Table, name: str) -> Table:
    """`table` named `name` (for the style sheet and tests), read-only, one whole row selected
    at a time, alternate rows shaded, columns as wide as their contents."""
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table
