"""The pack screen's logic: scans in from every scanner, the station's verdict out to the
screen and the speaker.

The window never waits on the database. Everything the station does there (opening
the station, its first view, each scan, the lease renewals) runs on one JobLane, in
the order it happened, and its result is shown when it comes back, on the GUI
thread. A scan still unanswered after `WAITING_MS` turns the verdict banner into
"waiting for the database"; the packer may keep scanning: later scans queue behind
it, none lost or reordered, and each verdict is shown as it arrives.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.errors import KenpinError
from app.core.scans import Scan
from app.scanning.source import ScannerStatus, ScanSource
from app.services.station.outcome import ScanOutcome, StationView
from app.services.station.pack import PackStation
from app.ui.jobs import JobLane
from app.ui.pack.printing import LabelPrinting
from app.ui.pack.verdicts import Level, changed_line, verdict_words
from app.ui.pack.view import PackPage
from app.ui.pack.widgets import WAITING
from app.ui.sounds import Sound, StationSounds

#: Well inside the station's lease (a minute), so a missed beat or two does no harm.
LEASE_RENEW_MS = 10_000
#: A verdict normally takes a few milliseconds; past this the packer is told the database
#: is slow rather than left wondering whether the scan was read.
WAITING_MS = 200


@dataclass(frozen=True, slots=True, eq=False)
class _Scan:
    """One scan on its way to the station: what the scanner read, and the id it is recorded
    under; `number` counts the scans of this window (1, 2, ...)."""

    reading: Scan
    scan_id: str
    number: int


@dataclass(frozen=True, slots=True)
class _Unrecorded:
    """A scan the database did not take: a second try of the same code reuses its id."""

    code: str
    scan_id: str
    #: How many scans had been made when the packer was told (the later ones saw it).
    told_after: int


class ScannerBridge(QObject):
    """Hands a scanner's callbacks to the GUI thread as signals, whichever thread calls them."""

    scan_arrived = Signal(object)
    status_changed = Signal(bool, str, str)

    def on_scan(self, scan: Scan) -> None:
        """A `ScanSource`'s scan handler."""
        self.scan_arrived.emit(scan)

    def on_status(self, status: ScannerStatus) -> None:
        """A `ScanSource`'s status handler."""
        self.status_changed.emit(status.connected, status.port, status.detail)


class PackController(QObject):
    """Applies each scan at the station and shows the verdict; every action is a scan."""

    #: An error for the window's message banner (the lease could not be renewed, say).
    problem = Signal(str)
    #: A scan was made and is on its way to the station.
    scan_taken = Signal()
    #: A scan's verdict (or its failure) was shown (tests wait for it).
    scan_shown = Signal(object)
    #: The station's state was shown without a scan: at start, or after its claim was lost.
    view_shown = Signal(object)

    def __init__(
        self,
        open_station: Callable[[], PackStation],
        page: PackPage,
        sounds: StationSounds,
        scanners: Sequence[ScanSource] = (),
        parent: QObject | None = None,
        print_label: Callable[[int], None] | None = None,
    ) -> None:
        """`open_station` makes the station's pipeline; it is called on the lane, not here."""
        super().__init__(parent)
        self._open_station = open_station
        #: Opened by the lane's first job, and only ever used on the lane's thread.
        self._station: PackStation | None = None
        #: The station's database work, in the order it happened.
        self.lane = JobLane("scans", self)
        #: Labels print on a lane of their own: a scan never waits behind a printer.
        self.printing = LabelPrinting(print_label, parent=self) if print_label else None
        self.page = page
        self.sounds = sounds
        self.scanners = list(scanners)
        self.bridge = ScannerBridge(self)
        self._statuses: dict[str, ScannerStatus] = {}
        self._view: StationView | None = None
        self._made = 0
        #: Scans in the lane, oldest first, until their verdict (or failure) is shown.
        self._unanswered: list[_Scan] = []
        self._unrecorded: list[_Unrecorded] = []
        self._starting = False
        self._renewing = False
        self._stopped = False
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(LEASE_RENEW_MS)
        self._waiting_timer = QTimer(self)
        self._waiting_timer.setSingleShot(True)
        self._waiting_timer.setInterval(WAITING_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.bridge.scan_arrived.connect(self.on_scanned)
        self.bridge.status_changed.connect(self.on_scanner_status)
        self.page.command_chosen.connect(self.on_command_chosen)
        self._lease_timer.timeout.connect(self.on_lease_timer)
        self._waiting_timer.timeout.connect(self.on_waiting_timer)
        self.lane.idle.connect(self.on_lane_idle)
        if self.printing is not None:
            self.printing.failed.connect(self.on_print_failed)

    @property
    def view(self) -> StationView | None:
        """What the screen shows now (None until the station's first view came back)."""
        return self._view

    @property
    def waiting(self) -> int:
        """Scans made and not answered yet."""
        return len(self._unanswered)

    def start(self) -> None:
        """Show the station as stored (a restart resumes its pack), then start the scanners.

        Scans made before the station's view arrives queue behind it.
        """
        self._starting = True
        self.lane.submit(self._look, self.on_station_read, self.on_station_not_read)
        for scanner in self.scanners:
            scanner.start(self.bridge.on_scan, self.bridge.on_status)
        self._lease_timer.start()
        self._follow_waiting()

    def stop(self) -> None:
        """Stop the scanners and the lease timer, then give the scans already made their
        (bounded) time to reach the database: the window is closing."""
        self._lease_timer.stop()
        self._waiting_timer.stop()
        for scanner in self.scanners:
            scanner.close()
        self._stopped = True
        self.lane.close()
        if self.printing is not None:
            self.printing.close()

    # The station, on the lane's thread -------------------------------------------------

    def _opened(self) -> PackStation:
        """The station's pipeline, opened by the first job that needs it (again after a
        failed open, so a station started while the database was down recovers)."""
        if self._station is None:
            self._station = self._open_station()
        return self._station

    def _apply(self, scan: _Scan) -> tuple[ScanOutcome, StationView]:
        """Apply one scan at the station: its verdict, and the station's view after it."""
        # One call, one transaction: the verdict and the view read with it.
        outcome = self._opened().scan(scan.reading, scan_id=scan.scan_id)
        assert outcome.view is not None
        return outcome, outcome.view

    def _look(self) -> StationView:
        return self._opened().view()

    def _renew(self) -> StationView | None:
        """Renew the claim on the open order; the station's view when it was not renewed."""
        station = self._opened()
        return None if station.renew_lease() else station.view()

    # Slots ---------------------------------------------------------------------------

    def on_scanned(self, reading: Scan) -> None:
        """Send one scan to the station, behind those still on their way."""
        if self._stopped:  # the window is closing: a scan nobody would see the verdict of
            return
        self.page.show_ime_warning(reading.full_width)
        self._made += 1
        scan = _Scan(reading, self._scan_id(reading.code), self._made)
        self._unanswered.append(scan)
        self.lane.submit(
            partial(self._apply, scan),
            partial(self.on_scan_applied, scan),
            partial(self.on_scan_not_recorded, scan),
        )
        self.scan_taken.emit()
        self._follow_waiting()

    def on_scan_applied(self, scan: _Scan, result: tuple[ScanOutcome, StationView]) -> None:
        """A scan's verdict came back: show it, and print the label it queued."""
        outcome, after = result
        self._answered(scan)
        # Failures the packer had seen before making this scan are behind them now.
        self._unrecorded = [u for u in self._unrecorded if u.told_after >= scan.number]
        self._show(outcome, after)
        self._follow_waiting(answered=True)
        if outcome.print_job is not None and self.printing is not None:
            self.printing.submit(outcome.print_job)

    def on_scan_not_recorded(self, scan: _Scan, error: KenpinError) -> None:
        """The database did not take the scan: say so in red; a rescan reuses its id."""
        self._answered(scan)
        self._not_recorded(scan, str(error))
        self._follow_waiting(answered=True)

    def on_station_read(self, view: StationView) -> None:
        """The station's first view: who is logged in, the pack it resumes."""
        self._starting = False
        self._view = view
        self.page.show_view(view)
        self._prompt(view)
        self._follow_waiting(answered=True)
        self.view_shown.emit(view)

    def on_station_not_read(self, error: KenpinError) -> None:
        """The station could not be read at start; its first scan tries again."""
        self._starting = False
        self._follow_waiting()
        sentence = self.tr("Could not read the station from the database: {0}").format(error)
        self.problem.emit(sentence)

    def on_lane_idle(self) -> None:
        """Every job has come back. A scan still unanswered hit a bug (the excepthook told
        it): it may not be recorded."""
        self._renewing = False
        self._starting = False
        lost, self._unanswered = self._unanswered, []
        for scan in lost:
            self._not_recorded(scan, self.tr("unexpected error"))
        self._follow_waiting()

    def on_waiting_timer(self) -> None:
        """Nothing came back for a while: tell the packer the database is slow."""
        if self._unanswered or self._starting:
            self.page.show_waiting(len(self._unanswered))

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
        self.on_scanned(Scan(command))

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
        """Keep the claim on the open order alive (in the lane, behind the scans made)."""
        if self._renewing or self._view is None or self._view.order_number is None:
            # One renewal at a time (a slow database must not pile them up); no pack, no claim.
            return
        self._renewing = True
        self.lane.submit(self._renew, self.on_lease_renewed, self.on_lease_not_renewed)

    def on_lease_renewed(self, after: StationView | None) -> None:
        """The claim was renewed, or (`after` given) the station no longer holds its order."""
        self._renewing = False
        shown = self._view.order_number if self._view is not None else None
        # A scan made before the renewal (COMPLETE, CANCEL) may have let the order go already.
        if after is None or shown is None or after.order_number is not None:
            return
        self.problem.emit(
            self.tr(
                "Order {0} is no longer held by this station: its claim ran out or another "
                "station took it over. Scan the order again to carry on."
            ).format(shown)
        )
        self._view = after
        self.page.show_view(after, None)
        self.view_shown.emit(after)

    def on_lease_not_renewed(self, error: KenpinError) -> None:
        self._renewing = False
        self.problem.emit(self.tr("Could not renew the claim on the order: {0}").format(error))

    # Helpers -------------------------------------------------------------------------

    def _scan_id(self, code: str) -> str:
        """A fresh id, or the id of the same code's unrecorded try (so it counts once)."""
        for position, unrecorded in enumerate(self._unrecorded):
            if unrecorded.code == code:
                del self._unrecorded[position]
                return unrecorded.scan_id
        return uuid.uuid4().hex

    def _answered(self, scan: _Scan) -> None:
        """`scan` came back. Answers come in scan order, so a scan made before it that is
        still unanswered hit a bug (the excepthook told it): it may not be recorded."""
        position = next((n for n, waiting in enumerate(self._unanswered) if waiting is scan), -1)
        if position < 0:  # already given up on by `on_lane_idle`
            return
        lost = self._unanswered[:position]
        del self._unanswered[: position + 1]
        for earlier in lost:
            self._not_recorded(earlier, self.tr("unexpected error"))

    def _follow_waiting(self, answered: bool = False) -> None:
        """Keep the waiting banner true: due `WAITING_MS` after the screen last changed while
        a scan (or the station's first view) is outstanding, and counting the scans."""
        if not self._unanswered and not self._starting:
            self._waiting_timer.stop()
            return
        if answered or not self._waiting_timer.isActive():
            self._waiting_timer.start()
        if self.page.banner.level == WAITING:
            self.page.show_waiting(len(self._unanswered))

    def _not_recorded(self, scan: _Scan, reason: str) -> None:
        code = scan.reading.code
        if all(u.scan_id != scan.scan_id for u in self._unrecorded):
            self._unrecorded.append(_Unrecorded(code, scan.scan_id, self._made))
        sentence = self.tr("The scan of {0} could not be saved: {1}").format(code, reason)
        self.page.banner.show_failure(self.tr("Not recorded: scan again"), sentence)
        self.sounds.play(Sound.REFUSED)
        if self._unanswered:
            # Later verdicts will cover the red banner in a moment; this one must not be missed.
            self.problem.emit(sentence)
        self.scan_shown.emit(None)

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
