"""The pick screen's logic: each scan's verdict out to the screen and the speaker, the
same red and green, sounds and words as the pack bench.

The scans travel to the station as at the pack bench (`BenchController`: one lane, in
order, off the GUI thread); this module shows what comes back: the verdict banner, the
next action and the instruction from the station's view after the scan.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from app.core.scans import Note, Scan
from app.services.station.outcome import ScanOutcome
from app.services.station.pick import PickStation, PickView
from app.ui.pick.verdicts import pick_verdict
from app.ui.pick.view import PickPage
from app.ui.sounds import StationSounds
from app.ui.station.controller import BenchController

translate = QCoreApplication.translate


class PickController(BenchController[PickStation, PickPage]):
    """Applies each scan at the pick station and shows the verdict; every action is a scan."""

    def __init__(
        self,
        open_station: Callable[[], PickStation],
        page: PickPage,
        sounds: StationSounds,
        parent: QObject | None = None,
    ) -> None:
        """`open_station` makes the station's pipeline; it is called on the lane, not here."""
        super().__init__(open_station, page, sounds, parent)
        self._view: PickView | None = None
        #: The wave this window saw picked to its end, until another opens or the picker
        #: leaves: "W-000001 picked — scan the next wave".
        self._done_wave: str | None = None
        #: Verdicts shown since the wave open changed: "scan 7" in the banner.
        self._wave_scans = 0
        self._connect_bench_signals()

    @property
    def view(self) -> PickView | None:
        """What the screen shows now (None until the station's first view came back)."""
        return self._view

    @staticmethod
    def _renew(station: PickStation) -> PickView | None:
        """Renew the claim on the wave being picked; the station's view when it was not
        renewed (another station took the wave over). Runs on the scans' lane."""
        return None if station.renew_lease() else station.view()

    # Slots ---------------------------------------------------------------------------

    def on_lease_timer(self) -> None:
        """Keep the claim on the wave alive while the picker walks (in the lane, behind the
        scans made); with no wave open, the station's hold only."""
        if self._renewing or self._view is None or self._view.wave is None:
            super().on_lease_timer()
            return
        self._renewing = True
        self.scans.run(self._renew, self.on_pick_renewed, self.on_hold_not_kept)

    def on_pick_renewed(self, after: PickView | None) -> None:
        """The claim was renewed, or (`after` given) the station no longer holds the wave."""
        self._renewing = False
        self.hold_kept.emit()
        if after is not None and self._view is not None and after.wave != self._view.wave:
            self._view = after
            self.page.show_view(after, self._done_wave)
            self.view_shown.emit(after)

    def on_scan_applied(self, reading: Scan, outcome: ScanOutcome, after: PickView) -> None:
        """A scan's verdict came back: show it; a supervisor's badge without its PIN opens
        the PIN entry."""
        before, self._view = self._view, after
        if outcome.note is Note.PICK_DONE and before is not None and before.wave:
            self._done_wave = before.wave
        elif after.wave is not None or after.user is None:
            self._done_wave = None
        if after.wave != (before.wave if before else None):
            self._wave_scans = 0  # another wave: its scans count from 1
        self._wave_scans += 1
        words = pick_verdict(outcome, before, after)
        self.page.show_view(after, self._done_wave)
        self.page.banner.show_verdict(words, self._wave_scans)
        self._play(words.level)
        if outcome.note is Note.PIN_NEEDED:
            self._open_pin_entry(reading, outcome)
        self.scan_shown.emit(outcome)

    def on_station_read(self, view: PickView) -> None:
        """The station's first view: who is logged in, the wave it resumes."""
        self._view = view
        self.page.show_view(view)
        if view.user is None:
            self.page.banner.clear()
        elif view.wave is None:
            self.page.banner.show_idle(translate("Pick", "Ready, {0}").format(view.user.name))
        else:
            self.page.banner.show_idle(
                translate("Pick", "{0} resumed").format(view.wave),
                translate("Pick", "Carry on where it stopped: the instruction is below."),
            )
        self.view_shown.emit(view)
