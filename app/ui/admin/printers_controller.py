"""The Printers tab's logic: the printers the stations use, and a printer checked or sent
a test label off the GUI thread (neither changes anything stored, so neither asks for an
admin's badge)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.errors import KenpinError
from app.labels.printer_status import PrinterStatus
from app.services.admin import Administration
from app.services.stations import StationShown
from app.services.users import Where
from app.ui.admin.ask import Ask
from app.ui.admin.printers_view import PrintersPage
from app.ui.admin.view import fill
from app.ui.admin.work import AdminWork
from app.ui.pack.printing import printer_reason


class PrintersController(AdminWork[list[StationShown]]):
    """Fills the printers table; checks and test-prints the printer in the box."""

    def __init__(
        self,
        admin: Administration,
        page: PrintersPage,
        ask: Ask,
        where: Where,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(admin.stations, ask, where, parent)
        self.admin = admin
        self.page = page
        self.printers: list[str] = []
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.page.table.itemSelectionChanged.connect(self.on_printer_chosen)
        self.page.check.clicked.connect(self.on_check_clicked)
        self.page.test_label.clicked.connect(self.on_test_label_clicked)

    def show(self, listing: list[StationShown]) -> None:
        used: dict[str, list[str]] = {}
        for station in listing:
            used.setdefault(station.printer, []).append(station.name)
        self.printers = sorted(used)
        fill(
            self.page.table,
            [(uri or self.tr("(none)"), ", ".join(used[uri])) for uri in self.printers],
        )
        station_printer = next((s.printer for s in listing if s.name == self.where.station), "")
        if not self.page.uri.text():
            self.page.uri.setText(station_printer)

    def on_printer_chosen(self) -> None:
        row = self.page.table.currentRow()
        if 0 <= row < len(self.printers):
            self.page.uri.setText(self.printers[row])

    def on_check_clicked(self) -> None:
        uri = self.page.uri.text()
        self.lane.submit(lambda: self.admin.printer_status(uri), self.on_status, self.on_trouble)

    def on_test_label_clicked(self) -> None:
        uri = self.page.uri.text().strip()
        self.lane.submit(
            lambda: self.admin.print_test_label(uri),
            lambda _said: self.notice.emit(self.tr("Test label sent to {0}.").format(uri)),
            self.on_trouble,
        )

    def on_status(self, status: PrinterStatus) -> None:
        """What the printer said of itself."""
        if status.ready and status.known:
            self.notice.emit(self.tr("{0}: ready.").format(status.uri))
        elif status.ready:
            self.notice.emit(
                self.tr("{0}: connected (the printer does not report its state).").format(
                    status.uri
                )
            )
        else:
            self.problem.emit(f"{status.uri}: {printer_reason(status.message)}")

    def on_trouble(self, error: KenpinError) -> None:
        """A URI that names no printer, or a printer that did not take the label."""
        self.problem.emit(self.tr("Printer: {0}").format(printer_reason(str(error))))
