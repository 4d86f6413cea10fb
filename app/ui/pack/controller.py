"""The pack screen's logic: scans in from every scanner, the station's verdict out to the
screen and the speaker.

The scans travel to the station through a `ScanQueue`, off the GUI thread and in order
(`app.ui.station.controller.BenchController` sends them and tells what is not a verdict);
this module decides what the packer sees and hears as each answer comes back (the
verdict banner, the sounds, the page, the scanners' state), keeps the claim on the open
order alive, and says when a label did not print.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.core.errors import KenpinError
from app.core.scans import Note, Scan
from app.services.station.outcome import ScanOutcome, StationView
from app.services.station.pack import PackStation
from app.ui.pack.printing import LabelPrinting, printer_reason
from app.ui.pack.verdicts import changed_line, verdict_words
from app.ui.pack.view import PackPage
from app.ui.sounds import Sound, StationSounds
from app.ui.station.controller import BenchController


class PackController(BenchController[PackStation, PackPage]):
    """Applies each scan at the station and shows the verdict; every action is a scan."""

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
        super().__init__(open_station, page, sounds, parent)
        #: Labels print on a lane of their own: a scan never waits behind a printer.
        self.printing = LabelPrinting(print_label, parent=self) if print_label else None
        self._view: StationView | None = None
        #: Why the awaited label did not print (in the packer's words), until one prints.
        self._print_error: str | None = None
        #: Verdicts shown since the open order changed: "scan 7" in the banner.
        self._pack_scans = 0
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._connect_bench_signals()
        if self.printing is not None:
            self.printing.failed.connect(self.on_print_failed)
            self.printing.printed.connect(self.on_printed)

    @property
    def view(self) -> StationView | None:
        """What the screen shows now (None until the station's first view came back)."""
        return self._view

    def stop(self) -> None:
        """Stop the scanners and the lease timer, then give the scans already made their
        (bounded) time to reach the database: the window is closing."""
        super().stop()
        if self.printing is not None:
            self.printing.close()

    @staticmethod
    def _renew(station: PackStation) -> StationView | None:
        """Renew the claim on the open order; the station's view when it was not renewed.

        Runs on the scans' lane, behind the scans already made."""
        return None if station.renew_lease() else station.view()

    # Slots ---------------------------------------------------------------------------

    def on_scan_applied(self, reading: Scan, outcome: ScanOutcome, after: StationView) -> None:
        """A scan's verdict came back: show it, and print the label it queued; a supervisor's
        badge without its PIN opens the PIN entry."""
        self._show(outcome, after)
        if outcome.note is Note.PIN_NEEDED:
            self._open_pin_entry(reading, outcome)
        if outcome.print_job is not None and self.printing is not None:
            self.printing.submit(outcome.print_job)

    def on_station_read(self, view: StationView) -> None:
        """The station's first view: who is logged in, the pack it resumes."""
        self._view = view
        self.page.show_view(view)
        self._prompt(view)
        self.view_shown.emit(view)

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
        self._play(words.level)
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
