"""The Printers tab's layout: every printer the stations use, and a box to check one or
send it a test label. `PrintersController` decides what it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.ui.admin.stations_view import PRINTER_EXAMPLES
from app.ui.admin.view import button_row, form_box, hint, listing_table


class PrintersPage(QWidget):
    """Printers: which station prints where; is a printer ready, does a label come out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = listing_table([self.tr("Printer"), self.tr("Stations")])
        self.uri = QLineEdit()
        self.uri.setMaxLength(400)
        self.uri.setPlaceholderText(PRINTER_EXAMPLES)
        self.check = QPushButton(self.tr("Check printer"))
        self.test_label = QPushButton(self.tr("Print a test label"))
        self._build()

    def _build(self) -> None:
        box, form = form_box(self.tr("A printer"), [(self.tr("Printer URI"), self.uri)])
        form.addRow(button_row(self.check, self.test_label))
        form.addRow(
            hint(
                self.tr(
                    "Check asks the printer how it is (a Zebra on tcp:// tells paper, ribbon "
                    "and head). A test label shows the shop's sender and no tracking number. "
                    "A station's printer is set on the Stations tab."
                )
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
