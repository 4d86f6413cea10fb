"""The pack screen's logic: scans in from every scanner, the station's verdict out to the
screen and the speaker.

The scans travel to the station through a `ScanQueue`, off the GUI thread and in order;
this module decides what the packer sees and hears as each answer comes back (the
verdict banner, the sounds, the page, the scanners' state), keeps the claim on the open
order alive, and says when a label did not print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.errors import DatabaseUnavailable, KenpinError, Refused
from app.core.scans import Fact, Note, Reason, Scan
from app.scanning.normalize import normalise
from app.scanning.source import ScannerStatus, ScanSource
from app.services.station.outcome import ScanOutcome, StationView
from app.services.station.pack import PackStation
from app.ui.pack.panels import WAITING
from app.ui.pack.printing import LabelPrinting, printer_reason
from app.ui.pack.scan_queue import ScanQueue
from app.ui.pack.verdicts import Level, changed_line, reason_sentence, verdict_words
from app.ui.pack.view import PackPage
from app.ui.sounds import Sound, StationSounds

#: Well inside the station's lease (a minute), so a missed beat or two does no harm.
LEASE_RENEW_MS = 10_000


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
    #: The station's hold was renewed with no order open (tests wait for it).
    hold_kept = Signal()
    #: A label print's result was shown: True printed, False not (tests wait for it).
    print_shown = Signal(bool)

    def __init__(
        self,
        open_station: Callable[[], PackStation],
        page: PackPage,
        sounds: StationSounds,
        parent: QObject | None = None,
        print_label: Callable[[int], None] | None = None,
    ) -> None:
        """`open_station` makes the station's pipeline; it is called on the lane, not here."""
        super().__init__(parent)
        #: The scans on their way to the station, and the station's other database work.
        self.scans = ScanQueue(open_station, self)
        #: Labels print on a lane of their own: a scan never waits behind a printer.
        self.printing = LabelPrinting(print_label, parent=self) if print_label else None
        self.page = page
        self.sounds = sounds
        #: Given to `start`, which starts them; `stop` closes them.
        self.scanners: list[ScanSource] = []
        self.bridge = ScannerBridge(self)
        self._statuses: dict[str, ScannerStatus] = {}
        self._view: StationView | None = None
        #: Why the awaited label did not print (in the packer's words), until one prints.
        self._print_error: str | None = None
        #: Verdicts shown since the open order changed: "scan 7" in the banner.
        self._pack_scans = 0
        self._renewing = False
        #: The supervisor's badge whose PIN the PIN entry asks for.
        self._pin_badge: Scan | None = None
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(LEASE_RENEW_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.bridge.scan_arrived.connect(self.on_scanned)
        self.bridge.status_changed.connect(self.on_scanner_status)
        self.page.command_chosen.connect(self.on_command_chosen)
        self.page.code_typed.connect(self.on_code_typed)
        self.page.pin_entry.entered.connect(self.on_pin_entered)
        self.page.pin_entry.cancelled.connect(self.on_pin_cancelled)
        self.page.sound_switched.connect(self.sounds.set_enabled)
        self._lease_timer.timeout.connect(self.on_lease_timer)
        self.scans.applied.connect(self.on_scan_applied)
        self.scans.not_recorded.connect(self.on_scan_not_recorded)
        self.scans.waiting.connect(self.on_waiting)
        self.scans.station_read.connect(self.on_station_read)
        self.scans.station_not_read.connect(self.on_station_not_read)
        self.scans.lane.idle.connect(self.on_lane_idle)
        if self.printing is not None:
            self.printing.failed.connect(self.on_print_failed)
            self.printing.printed.connect(self.on_printed)

    @property
    def view(self) -> StationView | None:
        """What the screen shows now (None until the station's first view came back)."""
        return self._view

    def start(self, scanners: Sequence[ScanSource] = ()) -> None:
        """Show the station as stored (a restart resumes its pack), then start `scanners`.

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
        if self.printing is not None:
            self.printing.close()

    @staticmethod
    def _renew(station: PackStation) -> StationView | None:
        """Renew the claim on the open order; the station's view when it was not renewed.

        Runs on the scans' lane, behind the scans already made."""
        return None if station.renew_lease() else station.view()

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

    def on_scan_applied(self, reading: Scan, outcome: ScanOutcome, after: StationView) -> None:
        """A scan's verdict came back: show it, and print the label it queued; a supervisor's
        badge without its PIN opens the PIN entry."""
        self._show(outcome, after)
        if outcome.note is Note.PIN_NEEDED and not self.scans.unanswered:
            self._pin_badge = reading
            self.page.pin_entry.open_for(outcome.facts.get(Fact.USER, ""))
        if outcome.print_job is not None and self.printing is not None:
            self.printing.submit(outcome.print_job)

    def on_scan_not_recorded(self, reading: Scan, error: KenpinError | None) -> None:
        """The database did not take the scan (`error` None: a bug, the excepthook told it):
        say so in red; a rescan reuses its id."""
        reason = self.tr("unexpected error") if error is None else self._problem(error)
        if isinstance(error, DatabaseUnavailable):
            # What to do first, where a tired eye lands; the database's own words after it.
            sentence = f"{reason_sentence(Reason.DATABASE_UNAVAILABLE)} ({reading.code}: {reason})"
        else:
            sentence = self.tr("The scan of {0} could not be saved: {1}").format(
                reading.code, reason
            )
        self.page.banner.show_failure(self.tr("Not recorded: scan again"), sentence)
        self.sounds.play(Sound.REFUSED)
        if self.scans.unanswered:
            # Later verdicts will cover the red banner in a moment; this one must not be missed.
            self.problem.emit(sentence)
        self.scan_shown.emit(None)

    def on_waiting(self, scans: int) -> None:
        """Nothing came back for a while: tell the packer the database is slow."""
        self.page.show_waiting(scans)

    def on_station_read(self, view: StationView) -> None:
        """The station's first view: who is logged in, the pack it resumes."""
        self._view = view
        self.page.show_view(view)
        self._prompt(view)
        self.view_shown.emit(view)

    def on_station_not_read(self, error: KenpinError) -> None:
        """The station could not be read at start; its first scan tries again."""
        sentence = self.tr("Could not read the station from the database: {0}").format(
            self._problem(error)
        )
        self.problem.emit(sentence)

    def on_lane_idle(self) -> None:
        """Every job of the scans' lane has come back: a renewal that hit a bug never will."""
        self._renewing = False

    def on_print_failed(self, _job: int, reason: str, again: bool) -> None:
        """The label did not print: a red verdict saying why and what to do, which stays
        until a label prints (the next action says it too)."""
        said = printer_reason(reason)
        if again and said == self._print_error:
            # The same failure on a retry: the banner may show a newer scan's verdict by now,
            # and the next action already says to fix the printer.
            self.print_shown.emit(False)
            return
        self._print_error = said
        if again:
            detail = self.tr("{0}. Kenpin tries again by itself; or fix it, then scan REPRINT.")
        else:
            detail = self.tr("{0}. Fix it, then scan REPRINT.")
        self.page.banner.show_failure(
            self.tr("Label NOT printed"), detail.format(_sentence_start(said)), reason
        )
        self._show_state()
        self.sounds.play(Sound.REFUSED)
        self.print_shown.emit(False)

    def on_printed(self, _job: int) -> None:
        """A label printed: a print failure on screen is over."""
        if self._print_error is None:
            self.print_shown.emit(True)
            return
        self._print_error = None
        self.page.banner.show_idle(
            self.tr("Label printed"), self.tr("Put it on the box and scan it.")
        )
        self._show_state()
        self.print_shown.emit(True)

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
            self.tr("Not signed in"), self.tr("No PIN was typed. Scan the badge to try again.")
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
            text = self.tr("Scanner {0} unplugged: plug it in").format(", ".join(lost))
        else:
            text = self.tr("Scanner ready")
        every = [
            self.tr("{0}: connected").format(status.port)
            if status.connected
            else self.tr("{0}: disconnected").format(status.port)
            for status in statuses
        ]
        self.page.show_scanner("disconnected" if lost else "connected", text)
        self.page.scanner_status.setToolTip("\n".join(every))

    def on_lease_timer(self) -> None:
        """Keep the claim on the open order alive (in the lane, behind the scans made)."""
        if self._renewing or self._view is None:
            # One renewal at a time (a slow database must not pile them up).
            return
        self._renewing = True
        if self._view.order_number is None:
            # No pack, no claim; the station stays held, so no other process acts as it.
            self.scans.run(PackStation.keep_hold, self.on_hold_kept, self.on_hold_not_kept)
            return
        self.scans.run(self._renew, self.on_lease_renewed, self.on_lease_not_renewed)

    def on_hold_kept(self, _result: object) -> None:
        """The station's hold was renewed."""
        self._renewing = False
        self.hold_kept.emit()

    def on_hold_not_kept(self, error: KenpinError) -> None:
        """The hold could not be renewed (another process took the station over, the
        database is down): the refusal's own sentence."""
        self._renewing = False
        self.problem.emit(self._problem(error))

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
        """The claim could not be renewed (the database is down, say): say so."""
        self._renewing = False
        self.problem.emit(self.tr("Could not renew the claim on the order: {0}").format(error))

    # Helpers -------------------------------------------------------------------------

    def _problem(self, error: KenpinError) -> str:
        """A station error in the packer's language where it is one a window meets (the
        station held by another running Kenpin), else as the station said it."""
        text = str(error)
        if isinstance(error, Refused) and "in use by another running Kenpin" in text:
            return self.tr(
                "This station is in use by another running Kenpin (a window or a replay): "
                "close it, then scan again."
            )
        if isinstance(error, Refused) and "taken over by another running Kenpin" in text:
            return self.tr(
                "Another running Kenpin took this station over: this window no longer acts "
                "as it. Close it."
            )
        return text

    def _show(self, outcome: ScanOutcome, after: StationView) -> None:
        before, self._view = self._view, after
        words = verdict_words(outcome, before, after)
        line = changed_line(before, after)
        opened = after.order_number is not None
        if opened and after.order_number != (before.order_number if before else None):
            self._pack_scans = 0  # a new pack: its scans count from 1
        self._pack_scans += 1
        if after.awaiting is None:
            self._print_error = None  # the label was verified, or its parcel let go
        self.page.show_view(after, line.line_id if line else None, self._print_error is not None)
        self.page.banner.show_verdict(words, self._pack_scans)
        if words.level is Level.COMPLETED:
            self.sounds.play(Sound.COMPLETED)
        elif words.level is Level.REFUSED:
            self.sounds.play(Sound.REFUSED)
        elif words.level is Level.ACCEPTED:
            self.sounds.play(Sound.ACCEPTED)
        self.scan_shown.emit(outcome)

    def _show_state(self) -> None:
        """Show the station's state again (the printer's state changed)."""
        if self._view is not None:
            self.page.show_view(self._view, None, self._print_error is not None)

    def _prompt(self, view: StationView) -> None:
        """The state the station is in, before the first scan of this window."""
        if view.user is None:
            self.page.banner.clear()
        elif view.awaiting is not None:
            self.page.banner.show_idle(
                self.tr("Label of order {0} not scanned yet").format(view.awaiting.order_number),
                self.tr("Find its box, put the label on it and scan the label."),
            )
        elif view.order_number is None:
            self.page.banner.show_idle(self.tr("Ready, {0}").format(view.user.name))
        else:
            self.page.banner.show_idle(
                self.tr("Order {0} resumed").format(view.order_number),
                self.tr("Carry on where it stopped: scan the remaining items."),
            )


def _sentence_start(text: str) -> str:
    """`text` with a capital first letter (a printer's reason opens the sentence)."""
    return text[:1].upper() + text[1:]
