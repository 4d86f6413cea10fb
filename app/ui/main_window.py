"""The station's main window: its pages (the bench's screen, pack or pick, and the orders),
the message banner every user-facing message goes through, and a status bar with the
database and the order counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KenpinError
from app.core.orders import OrderStatus
from app.core.station import Mode
from app.scanning.source import ScanSource
from app.services.signin import Credentials
from app.services.station.services import StationServices
from app.ui.admin.controller import AdminSetup, add_admin_page
from app.ui.credentials import ask_credentials
from app.ui.dock.controller import DockController
from app.ui.dock.manifest_close import ManifestCloser
from app.ui.dock.view import DockPage
from app.ui.jobs import JobLane
from app.ui.mails.controller import add_mails_page
from app.ui.mismatches.controller import MismatchesController
from app.ui.mismatches.view import MismatchesPage
from app.ui.orders.controller import OrdersController
from app.ui.orders.history_controller import OrderHistoryController
from app.ui.orders.labels import OrderLabelsController
from app.ui.orders.model import status_labels
from app.ui.orders.view import OrdersPage
from app.ui.pack.controller import PackController
from app.ui.pack.view import PackPage
from app.ui.pick.controller import PickController
from app.ui.pick.view import PickPage
from app.ui.reports.controller import add_reports_page
from app.ui.scanner_test.controller import ScannerTestController
from app.ui.scanner_test.view import ScannerTestPage
from app.ui.settings.controller import ShopSettingsController
from app.ui.settings.view import ShopSettingsPage
from app.ui.sounds import StationSounds
from app.ui.station.controller import BenchController
from app.ui.station.page import BenchPage
from app.ui.stock.controller import add_stock_page
from app.ui.styles import WINDOW_STYLE
from app.ui.waves.controller import add_waves_page

#: Counts are refreshed this often; other stations change statuses all day.
COUNTS_REFRESH_MS = 60_000
#: The statuses someone at the bench acts on, named in the status bar.
_ACTIONABLE = (
    OrderStatus.NEW,
    OrderStatus.ALLOCATED,
    OrderStatus.PICKING,
    OrderStatus.PICKED,
    OrderStatus.BACKORDERED,
    OrderStatus.ON_HOLD,
)


class MessageBanner(QFrame):
    """A strip above the pages for errors and notices; closed by its × button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_message(self, level: str, text: str) -> None:
        """Show `text`, coloured for `level` ("error" or "info")."""
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.text.setText(text)
        self.show()


class MainWindow(QMainWindow):
    """The station window: one page per job, messages on top, database and counts below."""

    def __init__(
        self,
        services: StationServices,
        station: str,
        scanners: Sequence[ScanSource] = (),
        parent: QWidget | None = None,
        mode: Mode = Mode.PACK,
    ) -> None:
        """The window of station `station` in `mode`, taking scans from `scanners`.

        The composition root passes the keyboard wedge (and a serial scanner);
        without any, only the buttons act, and keys typed anywhere stay keys.
        """
        super().__init__(parent)
        self.station = station
        self.setWindowTitle(self.tr("Kenpin — {0}").format(station))
        self.setStyleSheet(WINDOW_STYLE)
        self.resize(1360, 860)
        self._statuses = status_labels()

        self.banner = MessageBanner()
        self.pages = QTabWidget()
        self.pages.setDocumentMode(False)
        #: The pick screen must fit a handheld's 800×600: there every other page scrolls rather
        #: than widen the window (and the pick screen with it) past the screen.
        self._pages_scroll = mode is Mode.PICK
        self.orders_page = OrdersPage()
        # Its tool row is wider than a 1024×768 bench screen: it scrolls there rather than
        # widening the window (and the pack screen with it) past the screen.
        self.orders_scroll = _scrolled(self.orders_page)
        self.pages.addTab(self.orders_scroll, self.tr("Orders"))
        self.orders = OrdersController(services.orders, self.orders_page, self)
        self.order_labels = (
            OrderLabelsController(
                services.label_desk(station),
                services.print_label,
                self.orders,
                self.ask_credentials,
                self,
            )
            if services.label_desk is not None
            else None
        )
        self.order_history = (
            OrderHistoryController(services.order_history, self.orders, self)
            if services.order_history is not None
            else None
        )
        if self.order_history is None:
            self.orders_page.details.drop_history()
        self.pack_page: PackPage | None = None
        self.pack: PackController | None = None
        self.pick_page: PickPage | None = None
        self.pick: PickController | None = None
        self.manifest_closer: ManifestCloser | None = None
        #: The bench's screen: the pack screen, or in pick mode the pick screen.
        self.bench_page: BenchPage
        self.bench: BenchController[Any, Any]
        self._add_bench(services, station, mode)
        # The scanner test page: while it is shown, scans go to it, not to the pack station.
        self.scanner_test_page = ScannerTestPage(station)
        self.add_page(self.scanner_test_page, self.tr("Scanner test"))
        self.scanner_test = ScannerTestController(
            services.scanner_setup, station, scanners, self.scanner_test_page, self
        )
        self.shop_page = ShopSettingsPage()
        self.add_page(self.shop_page, self.tr("Shop settings"))
        self.shop = ShopSettingsController(
            services.shop_settings, self.shop_page, self.ask_credentials, station, self
        )
        self.mismatches_page = MismatchesPage()
        self.add_page(self.mismatches_page, self.tr("Mismatches"))
        self.mismatches = MismatchesController(
            services.mismatches, self.mismatches_page, self.ask_credentials, station, self
        )
        self.reports = add_reports_page(self, services.reports)
        self.waves = add_waves_page(self, services.waves)
        self.stock = add_stock_page(self, services.stock)
        self.mails = add_mails_page(self, services.mails, station)
        self.admin = add_admin_page(
            self,
            services.admin,
            station,
            AdminSetup(
                ask=lambda: self.ask_credentials(self.tr("Change the shop's users and stations")),
                scanners=self.scanner_test.station_scanners,
            ),
        )
        self._services = services
        self._station = station
        #: Paper (command sheet, pick list, slips) is written here, never on the GUI thread.
        self.documents = JobLane("documents", self)
        centre = QWidget()
        centre.setObjectName("centre")
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(centre)

        self.database = QLabel(self.tr("Database: {0}").format(services.orders.database_label))
        self.counts_label = QLabel(self.tr("Counting orders…"))
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.database)

        #: Order counts are counted here: a count never holds up the window or a scan.
        self.counts = JobLane("counts", self)
        self._counts_timer = QTimer(self)
        self._counts_timer.setInterval(COUNTS_REFRESH_MS)
        self._connect_signals()
        self.bench.start(self.scanner_test.station_scanners)
        self.refresh_counts()
        self._counts_timer.start()

    def _connect_signals(self) -> None:
        self._counts_timer.timeout.connect(self.refresh_counts)
        self.orders.refresh_requested.connect(self.refresh_counts)
        self.bench.problem.connect(self.show_error)
        self.bench.scan_taken.connect(self.on_scan_taken)
        self.bench_page.command_sheet_requested.connect(self.on_command_sheet_requested)
        self.orders.pick_list_requested.connect(self.on_pick_list_requested)
        self.orders.packing_slip_requested.connect(self.on_packing_slip_requested)
        self.orders.message_card_requested.connect(self.on_message_card_requested)
        if self.order_labels is not None:
            self.order_labels.said.connect(self.on_label_said)
            self.order_labels.labels_changed.connect(self.on_labels_changed)

    def _add_bench(self, services: StationServices, station: str, mode: Mode) -> None:
        """The bench's screen as the station's first page after the orders: the pick screen
        in pick mode, else the pack screen."""
        if mode is Mode.DOCK and services.dock_station is not None:
            self._add_dock(services, station)
            return
        if mode is Mode.PICK and services.pick_station is not None:
            self.pick_page = PickPage(station)
            self.pages.addTab(self.pick_page, self.tr("Pick"))
            self.pick = PickController(
                partial(services.pick_station, station),
                self.pick_page,
                StationSounds(parent=self),
                parent=self,
            )
            self.bench_page, self.bench = self.pick_page, self.pick
            return
        self.pack_page = PackPage(station)
        self.add_page(self.pack_page, self.tr("Pack"))
        self.pack = PackController(
            partial(services.pack_station, station),
            self.pack_page,
            StationSounds(parent=self),
            parent=self,
            print_label=services.print_label,
        )
        self.bench_page, self.bench = self.pack_page, self.pack

    def _add_dock(self, services: StationServices, station: str) -> None:
        """The dock screen, and its button that closes a carrier's manifest."""
        assert services.dock_station is not None
        self.dock_page = DockPage(station)
        self.pages.addTab(self.dock_page, self.tr("Dock"))
        self.dock = DockController(
            partial(services.dock_station, station),
            self.dock_page,
            StationSounds(parent=self),
            parent=self,
        )
        self.bench_page, self.bench = self.dock_page, self.dock
        self.dock_page.close_button.setEnabled(services.manifests is not None)
        self._manifests = services.manifests(station) if services.manifests else None
        self.dock_page.close_manifest_requested.connect(self.on_close_manifest_requested)

    def on_close_manifest_requested(self) -> None:
        """The dock's button: close the manifest of the truck being loaded (or one chosen);
        its reads and the close run on the documents' lane."""
        closer = self.manifests_closer()
        if closer is not None:
            view = self.dock.view
            closer.start(view.carrier if view is not None else None)

    def manifests_closer(self) -> ManifestCloser | None:
        """What closes the carriers' manifests from the dock screen (made when first asked
        for: the documents' lane it runs on comes after the bench); None without manifests."""
        if self._manifests is not None and self.manifest_closer is None:
            self.manifest_closer = ManifestCloser(
                self._manifests, self.documents, self, self.ask_credentials, self.on_manifest_said
            )
            self.manifest_closer.closed = lambda _closed: self.dock.refresh()
        return self.manifest_closer

    def on_manifest_said(self, text: str, error: bool) -> None:
        """What closing a manifest came to, on the banner."""
        if error:
            self.show_error(text)
        else:
            self.show_info(text)

    def ask_credentials(self, purpose: str) -> Credentials | None:
        """A supervisor's or admin's badge and PIN for `purpose`, from the credentials dialog
        (None: cancelled). While it is open the station's scanners scan into its badge field,
        never into the pack. Pages that need credentials are given this."""
        return ask_credentials(self, purpose, self.scanner_test.station_scanners)

    def add_page(self, page: QWidget, title: str) -> int:
        """Add a page (the pack screen, say) as a tab; returns its position. At a pick
        station it scrolls where it is wider or taller than the window."""
        return self.pages.addTab(_scrolled(page) if self._pages_scroll else page, title)

    # The message channel -------------------------------------------------------

    def show_error(self, text: str) -> None:
        """Tell the user something went wrong, on the banner until dismissed."""
        self.banner.show_message("error", text)

    def show_info(self, text: str) -> None:
        """Tell the user something worth knowing, on the banner until dismissed."""
        self.banner.show_message("info", text)

    # Slots ---------------------------------------------------------------------

    def refresh_counts(self) -> None:
        """Count the orders per status off the GUI thread; the status bar follows."""
        if self.counts.pending:  # a count is still running (a busy database): no pile-up
            return
        self.counts.submit(
            self._services.orders.counts_by_status, self.on_counts_ready, self.on_counts_failed
        )

    def on_counts_ready(self, counts: dict[str, int]) -> None:
        """Fresh counts per status: into the status bar and the status filter."""
        total = sum(counts.values())
        parts = [self.tr("{0:,} orders").format(total)]
        parts += [
            f"{self._statuses[status]} {counts[status]:,}"
            for status in _ACTIONABLE
            if counts.get(status)
        ]
        self.counts_label.setText(" · ".join(parts))
        self.counts_label.setToolTip(
            "\n".join(f"{self._statuses.get(s, s)}: {n:,}" for s, n in sorted(counts.items()))
        )
        self.orders.show_counts(counts)

    def on_counts_failed(self, error: KenpinError) -> None:
        """Counting failed (database gone?): say so on the banner."""
        self.counts_label.setText(self.tr("Order counts unavailable"))
        self.show_error(self.tr("Could not count the orders: {0}").format(error))

    def on_label_said(self, level: str, text: str) -> None:
        """A void or reprint from the Orders page: how it went, on the banner."""
        self.banner.show_message(level, text)

    def on_labels_changed(self) -> None:
        """A label was voided or printed again: the queue's statuses and the pack screen
        (this station may now wait for the new label) are read again."""
        self.orders.on_refresh()
        self.bench.scans.read_station()

    def show_bench_page(self) -> None:
        """Bring the bench's screen (pack or pick) to the front, where a station starts."""
        self.pages.setCurrentWidget(self.bench_page)

    def show_orders_page(self) -> None:
        """Bring the order queue to the front."""
        self.pages.setCurrentWidget(self.orders_scroll)

    def on_scan_taken(self) -> None:
        """A scan arrived: the worker wants its verdict, so the bench's screen comes up and a
        dialog in front of it (the command sheet's save dialog, say) closes unanswered."""
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            dialog.reject()
        self.show_bench_page()

    def on_command_sheet_requested(self) -> None:
        """Ask where to save the command sheet, then write it there."""
        path = self._save_as(self.tr("Save the command sheet"), "kenpin-command-sheet.pdf")
        if path:
            self.save_command_sheet(path)

    def save_command_sheet(self, path: Path) -> None:
        """Write the command sheet to `path` off the GUI thread, then say where."""
        self._write_document(
            lambda: self._services.command_sheet(path, self._station),
            self.tr("Command sheet saved to {0}: print it and keep it at the bench.").format(path),
        )

    def on_pick_list_requested(self) -> None:
        """Ask where to save the pick list of every allocated order, then write it."""
        path = self._save_as(self.tr("Save the pick list"), "kenpin-pick-list.pdf")
        if path:
            self.save_pick_list(path)

    def save_pick_list(self, path: Path) -> None:
        """Write the pick list to `path` off the GUI thread, then say where."""
        self._write_document(
            lambda: self._services.pick_list(path),
            self.tr("Pick list saved to {0}.").format(path),
        )

    def on_packing_slip_requested(self, number: str) -> None:
        """Ask where to save the order's packing slip, then write it."""
        path = self._save_as(self.tr("Save the packing slip"), f"packing-slip-{number}.pdf")
        if path:
            self.save_packing_slip(number, path)

    def save_packing_slip(self, number: str, path: Path) -> None:
        """Write the order's packing slip (納品書) to `path`, then say where."""
        self._write_document(
            lambda: self._services.packing_slip(number, path),
            self.tr("Packing slip of {0} saved to {1}.").format(number, path),
        )

    def on_message_card_requested(self, number: str) -> None:
        """Ask where to save the order's message card, then write it."""
        path = self._save_as(self.tr("Save the message card"), f"message-card-{number}.pdf")
        if path:
            self.save_message_card(number, path)

    def save_message_card(self, number: str, path: Path) -> None:
        """Write the gift order's message card to `path`, then say where."""
        self._write_document(
            lambda: self._services.message_card(number, path),
            self.tr("Message card of {0} saved to {1}.").format(number, path),
        )

    def _write_document(self, write: Callable[[], object], said: str) -> None:
        """Run `write` on the documents' lane; `said` (translated here, on the GUI thread)
        goes on the banner when it is done, the refusal or disk problem when it is not."""
        self.documents.submit(
            write, lambda _written: self.show_info(said), lambda error: self.show_error(str(error))
        )

    def _save_as(self, title: str, name: str) -> Path | None:
        # Qt's own dialog, not the desktop's: a scan made while it is open must reach the
        # window (and close it) rather than be typed into another toolkit's file name box.
        path, _ = QFileDialog.getSaveFileName(
            self,
            title,
            str(Path.home() / name.replace("#", "")),
            self.tr("PDF files (*.pdf)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        return Path(path) if path else None

    def closeEvent(self, event: QCloseEvent) -> None:
        # Bounded waits: the scans already made first, then a count or a document under way.
        self.bench.stop()
        self.scanner_test.close()
        self.shop.close()
        self.mismatches.close()
        if self.order_labels is not None:
            self.order_labels.close()
        if self.order_history is not None:
            self.order_history.close()
        self._counts_timer.stop()
        self.counts.close()
        self.documents.close()
        if self.reports is not None:
            self.reports.close()
        if self.waves is not None:
            self.waves.close()
        if self.stock is not None:
            self.stock.close()
        if self.mails is not None:
            self.mails.close()
        if self.admin is not None:
            self.admin.close()
        super().closeEvent(event)


def _scrolled(page: QWidget) -> QScrollArea:
    """`page` in a scroll area of its own, without a frame."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll
