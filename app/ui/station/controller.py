"""What every station mode's screen does with a scan before and apart from its verdict:
scans in from every scanner (and the F2 field, the buttons, the PIN entry) onto the
scan lane, a scan that was not recorded told in red, the scanners' state, the database
waited for, the station's hold kept alive.

Each mode's controller (`PackController`, `PickController`) adds what its verdicts
and views show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.core.errors import DatabaseUnavailable, KenpinError, Refused
from app.core.scans import Fact, Reason, Scan
from app.scanning.normalize import normalise
from app.scanning.source import ScannerStatus, ScanSource
from app.services.station.outcome import ScanOutcome
from app.ui.pack.panels import WAITING
from app.ui.pack.verdicts import Level, reason_sentence
from app.ui.sounds import Sound, StationSounds
from app.ui.station.page import BenchPage
from app.ui.station.scan_queue import BenchStation, ScanQueue, StationT

translate = QCoreApplication.translate

#: Well inside the station's lease (a minute), so a missed beat or two does no harm.
LEASE_RENEW_MS = 10_000

PageT = TypeVar("PageT", bound=BenchPage)

#: The sound of each banner colour (information is silent).
_SOUNDS = {
    Level.COMPLETED: Sound.COMPLETED,
    Level.REFUSED: Sound.REFUSED,
    Level.ACCEPTED: Sound.ACCEPTED,
}


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


class BenchController(QObject, Generic[StationT, PageT]):
    """Sends each scan to the station and tells what is not a verdict; every action is a
    scan. A mode's controller shows the verdicts (`on_scan_applied`, `on_station_read`)."""

    #: An error for the window's message banner (the lease could not be renewed, say).
    problem = Signal(str)
    #: A scan was made and is on its way to the station.
    scan_taken = Signal()
    #: A scan's verdict (or its failure) was shown (tests wait for it).
    scan_shown = Signal(object)
    #: The station's state was shown without a scan: at start, or after its claim was lost.
    view_shown = Signal(object)
    #: The station's hold was renewed with no order open (tests wait for it).
    hold_kept = Signal()

    def __init__(
        self,
        open_station: Callable[[], StationT],
        page: PageT,
        sounds: StationSounds,
        parent: QObject | None = None,
    ) -> None:
        """`open_station` makes the station's pipeline; it is called on the lane, not here."""
        super().__init__(parent)
        #: The scans on their way to the station, and the station's other database work.
        self.scans: ScanQueue[StationT] = ScanQueue(open_station, self)
        self.page = page
        self.sounds = sounds
        #: Given to `start`, which starts them; `stop` closes them.
        self.scanners: list[ScanSource] = []
        self.bridge = ScannerBridge(self)
        self._statuses: dict[str, ScannerStatus] = {}
        self._renewing = False
        #: The supervisor's badge whose PIN the PIN entry asks for.
        self._pin_badge: Scan | None = None
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(LEASE_RENEW_MS)

    def _connect_bench_signals(self) -> None:
        self.bridge.scan_arrived.connect(self.on_scanned)
        self.bridge.status_changed.connect(self.on_scanner_status)
        self.page.command_chosen.connect(self.on_command_chosen)
        self.page.code_typed.connect(self.on_code_typed)
        self.page.pin_entry.entered.connect(self.on_pin_entered)
        self.page.pin_entry.cancelled.connect(self.on_pin_cancelled)
        self.page.sound_switched.connect(self.sounds.set_enabled)
        self._lease_timer.timeout.connect(self.on_lease_timer)
        self.scans.applied.connect(self.on_scan_applied)
        self.scans.station_read.connect(self.on_station_read)
        self.scans.not_recorded.connect(self.on_scan_not_recorded)
        self.scans.waiting.connect(self.on_waiting)
        self.scans.station_not_read.connect(self.on_station_not_read)
        self.scans.lane.idle.connect(self.on_lane_idle)

    def start(self, scanners: Sequence[ScanSource] = ()) -> None:
        """Show the station as stored (a restart resumes its work), then start `scanners`.

        Scans made before the station's view arrives queue behind it.
        """
        self.scanners = list(scanners)
        self.scans.read_station()
        for scanner in self.scanners:
            scanner.start(self.bridge.on_scan, self.bridge.on_status)
        self._lease_timer.start()

    def stop(self) -> None:
        """Stop the scanners and the lease timer, then give the scans already made their
        (bounded) time to reach the database: the window is closing."""
        self._lease_timer.stop()
        for scanner in self.scanners:
            scanner.close()
        self.scans.close()

    # Slots ---------------------------------------------------------------------------

    def on_scanned(self, reading: Scan) -> None:
        """Send one scan to the station, behind those still on their way."""
        if self.scans.closed:  # the window is closing: a scan nobody would see the verdict of
            return
        if self._pin_badge is not None:
            # A scan while the PIN is asked for is a scan, never the PIN: the entry closes.
            self._pin_badge = None
            self.page.pin_entry.close_entry()
        self.page.show_ime_warning(reading.full_width)
        self.scans.add(reading)
        self.scan_taken.emit()
        if self.page.banner.level == WAITING:  # still waiting: one more scan in the count
            self.page.show_waiting(self.scans.unanswered)

    def on_scan_applied(self, reading: Scan, outcome: ScanOutcome, after: Any) -> None:
        """A scan's verdict came back with the station's view after it: the mode shows it."""
        raise NotImplementedError

    def on_station_read(self, view: Any) -> None:
        """The station's first view: the mode shows it."""
        raise NotImplementedError

    def on_scan_not_recorded(self, reading: Scan, error: KenpinError | None) -> None:
        """The database did not take the scan (`error` None: a bug, the excepthook told it):
        say so in red; a rescan reuses its id."""
        reason = translate("Bench", "unexpected error") if error is None else self._problem(error)
        if isinstance(error, DatabaseUnavailable):
            # What to do first, where a tired eye lands; the database's own words after it.
            sentence = f"{reason_sentence(Reason.DATABASE_UNAVAILABLE)} ({reading.code}: {reason})"
        else:
            sentence = translate("Bench", "The scan of {0} could not be saved: {1}").format(
                reading.code, reason
            )
        self.page.banner.show_failure(translate("Bench", "Not recorded: scan again"), sentence)
        self.sounds.play(Sound.REFUSED)
        if self.scans.unanswered:
            # Later verdicts will cover the red banner in a moment; this one must not be missed.
            self.problem.emit(sentence)
        self.scan_shown.emit(None)

    def on_waiting(self, scans: int) -> None:
        """Nothing came back for a while: tell the worker the database is slow."""
        self.page.show_waiting(scans)

    def on_station_not_read(self, error: KenpinError) -> None:
        """The station could not be read at start; its first scan tries again."""
        sentence = translate("Bench", "Could not read the station from the database: {0}").format(
            self._problem(error)
        )
        self.problem.emit(sentence)

    def on_lane_idle(self) -> None:
        """Every job of the scans' lane has come back: a renewal that hit a bug never will."""
        self._renewing = False

    def on_pin_entered(self, pin: str) -> None:
        """The PIN was typed: the badge goes to the station again, with it."""
        badge, self._pin_badge = self._pin_badge, None
        if badge is not None and not self.scans.closed:
            self.scans.add(badge, pin=pin)
            self.scan_taken.emit()

    def on_pin_cancelled(self) -> None:
        """Esc in the PIN entry: nobody signs in."""
        self._pin_badge = None
        self.page.banner.show_idle(
            translate("Bench", "Not signed in"),
            translate("Bench", "No PIN was typed. Scan the badge to try again."),
        )

    def on_code_typed(self, code: str) -> None:
        """A code typed into the F2 field: the same path as a scan, marked as typed."""
        self.on_scanned(replace(normalise(code), typed=True))

    def on_command_chosen(self, command: str) -> None:
        """A button standing in for a command barcode: the same path as scanning it."""
        self.on_scanned(Scan(command))

    def on_scanner_status(self, connected: bool, port: str, detail: str) -> None:
        """A scanner connected or went away."""
        self._statuses[port] = ScannerStatus(connected, port, detail)
        statuses = self._statuses.values()
        # Short enough to stay whole beside the buttons at 1024 px: a scanner that is ready
        # is one word; one that went away is named, in red. Every port is on hover.
        lost = [status.port for status in statuses if not status.connected]
        if lost:
            text = translate("Bench", "Scanner {0} unplugged: plug it in").format(", ".join(lost))
        else:
            text = translate("Bench", "Scanner ready")
        every = [
            translate("Bench", "{0}: connected").format(status.port)
            if status.connected
            else translate("Bench", "{0}: disconnected").format(status.port)
            for status in statuses
        ]
        self.page.show_scanner("disconnected" if lost else "connected", text)
        self.page.scanner_status.setToolTip("\n".join(every))

    def on_lease_timer(self) -> None:
        """Keep the station's hold alive (in the lane, behind the scans made)."""
        if self._renewing:
            # One renewal at a time (a slow database must not pile them up).
            return
        self._renewing = True
        self.scans.run(_keep_hold, self.on_hold_kept, self.on_hold_not_kept)

    def on_hold_kept(self, _result: object) -> None:
        """The station's hold was renewed."""
        self._renewing = False
        self.hold_kept.emit()

    def on_hold_not_kept(self, error: KenpinError) -> None:
        """The hold could not be renewed (another process took the station over, the
        database is down): the refusal's own sentence."""
        self._renewing = False
        self.problem.emit(self._problem(error))

    # Helpers -------------------------------------------------------------------------

    def _open_pin_entry(self, reading: Scan, outcome: ScanOutcome) -> None:
        """A supervisor's badge without its PIN (the last scan made): the PIN entry opens."""
        if not self.scans.unanswered:
            self._pin_badge = reading
            self.page.pin_entry.open_for(outcome.facts.get(Fact.USER, ""))

    def _play(self, level: Level) -> None:
        """The verdict's sound: a beep, a buzz, a chime; information is silent."""
        sound = _SOUNDS.get(level)
        if sound is not None:
            self.sounds.play(sound)

    def _problem(self, error: KenpinError) -> str:
        """A station error in the worker's language where it is one a window meets (the
        station held by another running Kenpin), else as the station said it."""
        text = str(error)
        if isinstance(error, Refused) and "in use by another running Kenpin" in text:
            return translate(
                "Bench",
                "This station is in use by another running Kenpin (a window or a replay): "
                "close it, then scan again.",
            )
        if isinstance(error, Refused) and "taken over by another running Kenpin" in text:
            return translate(
                "Bench",
                "Another running Kenpin took this station over: this window no longer acts "
                "as it. Close it.",
            )
        return text


def _keep_hold(station: BenchStation) -> None:
    """Renew the station's hold (on the scans' lane): no order or wave open, no claim."""
    station.keep_hold()
