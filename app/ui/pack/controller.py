"""The pack screen's logic: scans in from every scanner, the station's verdict out to the
screen and the speaker.

A scan is applied on the GUI thread (the station's transaction takes a few
milliseconds); scanners that read on a worker thread (serial) hand their scans
over by signal. The station's claim on its open order is renewed on a timer.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.errors import EnvironmentFailure
from app.scanning.normalize import NormalisedScan
from app.scanning.source import ScannerStatus, ScanSource
from app.services.station.pipeline import PackStation, ScanOutcome, StationView
from app.ui.pack.printing import LabelPrinting
from app.ui.pack.verdicts import Level, changed_line, verdict_words
from app.ui.pack.view import PackPage
from app.ui.sounds import Sound, StationSounds

#: Well inside the station's lease (a minute), so a missed beat or two does no harm.
LEASE_RENEW_MS = 10_000


@dataclass(frozen=True, slots=True)
class _Unrecorded:
    """A scan the database did not take: a second try of the same code reuses its id."""

    code: str
    scan_id: str


class ScannerBridge(QObject):
    """Hands a scanner's callbacks to the GUI thread as signals, whichever thread calls them."""

    scan_arrived = Signal(str, str, bool)
    status_changed = Signal(bool, str, str)

    def on_scan(self, scan: NormalisedScan) -> None:
        """A `ScanSource`'s scan handler."""
        self.scan_arrived.emit(scan.code, scan.symbology or "", scan.full_width)

    def on_status(self, status: ScannerStatus) -> None:
        """A `ScanSource`'s status handler."""
        self.status_changed.emit(status.connected, status.port, status.detail)


class PackController(QObject):
    """Applies each scan at the station and shows the verdict; every action is a scan."""

    #: An error for the window's message banner (the lease could not be renewed, say).
    problem = Signal(str)
    #: A scan was applied and shown (tests wait for it).
    scan_shown = Signal(object)

    def __init__(
        self,
        station: PackStation,
        page: PackPage,
        sounds: StationSounds,
        scanners: Sequence[ScanSource] = (),
        parent: QObject | None = None,
        print_label: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.station = station
        #: Labels print on a worker thread, never on the scan path.
        self.printing = LabelPrinting(print_label, parent=self) if print_label else None
        self.page = page
        self.sounds = sounds
        self.scanners = list(scanners)
        self.bridge = ScannerBridge(self)
        self._statuses: dict[str, ScannerStatus] = {}
        self._view: StationView | None = None
        self._unrecorded: _Unrecorded | None = None
        #: When this window saw each scan (by seq), for the recent-scans list.
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(LEASE_RENEW_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.bridge.scan_arrived.connect(self.on_scanned)
        self.bridge.status_changed.connect(self.on_scanner_status)
        self.page.command_chosen.connect(self.on_command_chosen)
        self._lease_timer.timeout.connect(self.on_lease_timer)
        if self.printing is not None:
            self.printing.failed.connect(self.on_print_failed)

    @property
    def view(self) -> StationView | None:
        """What the screen shows now."""
        return self._view

    def start(self) -> None:
        """Show the station as stored (a restart resumes its pack), then start the scanners."""
        self._view = self.station.view()
        self.page.show_view(self._view)
        self._prompt(self._view)
        for scanner in self.scanners:
            scanner.start(self.bridge.on_scan, self.bridge.on_status)
        self._lease_timer.start()

    def stop(self) -> None:
        """Stop the scanners and the lease timer (the window is closing)."""
        self._lease_timer.stop()
        if self.printing is not None:
            self.printing.close()
        for scanner in self.scanners:
            scanner.close()

    # Slots ---------------------------------------------------------------------------

    def on_scanned(self, code: str, symbology: str, full_width: bool) -> None:
        """Apply one scan and show its verdict."""
        self.page.show_ime_warning(full_width)
        scan_id = self._scan_id(code)
        try:
            outcome = self.station.scan(code, scan_id=scan_id, symbology=symbology or None)
            after = self.station.view()
        except EnvironmentFailure as exc:
            self._unrecorded = _Unrecorded(code, scan_id)
            self.page.banner.show_failure(
                self.tr("Not recorded: scan again"),
                self.tr("The scan of {0} could not be saved: {1}").format(code, exc),
            )
            self.sounds.play(Sound.REFUSED)
            return
        self._unrecorded = None
        self._show(outcome, after)
        if outcome.print_job is not None and self.printing is not None:
            self.printing.submit(outcome.print_job)

    def on_print_failed(self, _job: int, reason: str, again: bool) -> None:
        """The label did not print: say why, and whether it will be tried again by itself."""
        if again:
            self.problem.emit(
                self.tr("The label did not print: {0}. Trying again shortly.").format(reason)
            )
        else:
            self.problem.emit(self.tr("The label did not print: {0}").format(reason))

    def on_command_chosen(self, command: str) -> None:
        """A button standing in for a command barcode: the same path as scanning it."""
        self.on_scanned(command, "", False)

    def on_scanner_status(self, connected: bool, port: str, detail: str) -> None:
        """A scanner connected or went away."""
        self._statuses[port] = ScannerStatus(connected, port, detail)
        parts = []
        for status in self._statuses.values():
            if status.port == "keyboard":
                parts.append(self.tr("Keyboard scanner ready"))
            elif status.connected:
                parts.append(self.tr("Scanner {0}: connected").format(status.port))
            else:
                parts.append(self.tr("Scanner {0}: disconnected, plug it in").format(status.port))
        every_one = all(status.connected for status in self._statuses.values())
        self.page.show_scanner("connected" if every_one else "disconnected", " · ".join(parts))

    def on_lease_timer(self) -> None:
        """Keep the claim on the open order alive; say so when it was lost."""
        try:
            renewed = self.station.renew_lease()
            lost = not renewed and self._view is not None and self._view.order_number is not None
            after = self.station.view() if lost else None
        except EnvironmentFailure as exc:
            self.problem.emit(self.tr("Could not renew the claim on the order: {0}").format(exc))
            return
        if after is not None and self._view is not None and after.order_number is None:
            self.problem.emit(
                self.tr(
                    "Order {0} is no longer held by this station: its claim ran out or another "
                    "station took it over. Scan the order again to carry on."
                ).format(self._view.order_number)
            )
            self._view = after
            self.page.show_view(after, None)

    # Helpers -------------------------------------------------------------------------

    def _scan_id(self, code: str) -> str:
        """A fresh id, or the id of the same code's unrecorded try (so it counts once)."""
        if self._unrecorded is not None and self._unrecorded.code == code:
            return self._unrecorded.scan_id
        return uuid.uuid4().hex

    def _show(self, outcome: ScanOutcome, after: StationView) -> None:
        before, self._view = self._view, after
        words = verdict_words(outcome, before, after)
        line = changed_line(before, after)
        self.page.show_view(after, line.line_id if line else None)
        self.page.banner.show_verdict(words)
        if words.level is Level.COMPLETED:
            self.sounds.play(Sound.COMPLETED)
        elif words.level is Level.REFUSED:
            self.sounds.play(Sound.REFUSED)
        elif words.level is Level.ACCEPTED:
            self.sounds.play(Sound.ACCEPTED)
        self.scan_shown.emit(outcome)

    def _prompt(self, view: StationView) -> None:
        """What to scan next, before the first scan of this window."""
        if view.user is None:
            self.page.banner.clear()
        elif view.order_number is None:
            self.page.banner.show_idle(
                self.tr("Ready"), self.tr("Scan the order number on the pick list.")
            )
        else:
            self.page.banner.show_idle(
                self.tr("Order {0} resumed").format(view.order_number),
                self.tr("Scan the remaining items into the box."),
            )
