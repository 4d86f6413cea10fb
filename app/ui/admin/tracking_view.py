"""The Tracking numbers tab's layout: every carrier's blocks with the numbers left, and a
box to register a new block. `TrackingController` decides what it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.core.carriers import CarrierCode
from app.ui.admin.view import button_row, form_box, hint, listing_table
from app.ui.orders.model import carrier_short_labels


class TrackingPage(QWidget):
    """Tracking number blocks the carriers handed out, and how many are left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = listing_table(
            [
                self.tr("Carrier"),
                self.tr("First"),
                self.tr("Last"),
                self.tr("Left"),
                self.tr("Added"),
            ]
        )
        self.left = QLabel()
        self.left.setObjectName("adminTotals")
        self.left.setWordWrap(True)
        self.carrier = QComboBox()
        for code, words in carrier_short_labels().items():
            self.carrier.addItem(words, str(code))
        self.first = QLineEdit()
        self.last = QLineEdit()
        for field in (self.first, self.last):
            field.setMaxLength(20)
        self.add = QPushButton(self.tr("Add block"))
        self._build()

    def _build(self) -> None:
        box, form = form_box(
            self.tr("Add a block the carrier issued"),
            [
                (self.tr("Carrier"), self.carrier),
                (self.tr("First number"), self.first),
                (self.tr("Last number"), self.last),
            ],
        )
        form.addRow(
            hint(
                self.tr(
                    "Numbers without their check digit, as the carrier's sheet gives them. A "
                    "block that shares a number with one already added is refused."
                )
            )
        )
        form.addRow(button_row(self.add))
        layout = QVBoxLayout(self)
        layout.addWidget(self.left)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)

    def chosen_carrier(self) -> CarrierCode:
        return CarrierCode(self.carrier.currentData())
