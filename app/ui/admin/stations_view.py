"""The Stations tab's layout: every station with its printer, labels, lock-out and scanner
settings, and a box to set the selected (or a new) station's. `StationsController`
decides what it shows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.bench_settings import MAX_LOCKOUT_AFTER
from app.ui.admin.view import button_row, form_box, hint, listing_table

#: The printer URIs a station may name, as the field's placeholder shows them.
PRINTER_EXAMPLES = "tcp://HOST:9100, cups://QUEUE, device:///dev/usb/lp0, file:///folder"


class StationsPage(QWidget):
    """Stations: each bench's printer, whether it prints labels, its error lock-out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = listing_table(
            [
                self.tr("Station"),
                self.tr("Printer"),
                self.tr("Labels"),
                self.tr("Lock-out"),
                self.tr("Scanner"),
            ]
        )
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.printer = QLineEdit()
        self.printer.setMaxLength(400)
        self.printer.setPlaceholderText(PRINTER_EXAMPLES)
        self.labels = QCheckBox(self.tr("Prints shipping labels"))
        self.lockout = QSpinBox()
        self.lockout.setRange(0, MAX_LOCKOUT_AFTER)
        self.lockout.setSpecialValueText(self.tr("Off"))
        self.lockout.setSuffix(self.tr(" refused scans in a row"))
        self.save = QPushButton(self.tr("Save station"))
        self._build()

    def _build(self) -> None:
        box, form = form_box(
            self.tr("The selected station"),
            [
                (self.tr("Station"), self.name),
                (self.tr("Printer URI"), self.printer),
                ("", self.labels),
                (self.tr("Lock-out after"), self.lockout),
            ],
        )
        form.addRow(
            hint(
                self.tr(
                    "Lock-out: after this many refused product scans in a row within one "
                    "pack, the station waits for a supervisor (Off: never). An empty printer "
                    "leaves the station without one. Scanner settings are set on the "
                    "Scanner test page."
                )
            )
        )
        form.addRow(button_row(self.save))
        row = QHBoxLayout()
        row.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
