"""The dock screen's logic: each scan's verdict out to the screen and the speaker, with the
pack bench's red and green, sounds and words; the scans travel as at the pack bench
(`BenchController`: one lane, in order, off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from app.core.scans import Note, Scan
from app.services.station.dock import DockStation, DockView
from app.services.station.outcome import ScanOutcome
from app.ui.dock.verdicts import dock_verdict
from app.ui.dock.view import DockPage
from app.ui.sounds import StationSounds
from app.ui.station.controller import BenchController

translate = QCoreApplication.translate


class DockController(BenchController[DockStation, DockPage]):
    """Applies each scan at the dock station and shows the verdict; every action is a scan."""

    def __init__(
        self,
        open_station: Callable[[], DockStation],
        page: DockPage,
        sounds: StationSounds,
        parent: QObject | None = None,
    ) -> None:
        """`open_station` makes the station's pipeline; it is called on the lane, not here."""
        super().__init__(open_station, page, sounds, parent)
        self._view: DockView | None = None
        self._scans = 0
        self._connect_bench_signals()

    @property
    def view(self) -> DockView | None:
        """What the screen shows now (None until the station's first view came back)."""
        return self._view

    def refresh(self) -> None:
        """Read the station's view again (a manifest closed meanwhile ends its truck)."""
        self.scans.run(
            lambda station: station.view(), self.on_station_read, self.on_station_not_read
        )

    def on_scan_applied(self, reading: Scan, outcome: ScanOutcome, after: DockView) -> None:
        """A scan's verdict came back: show it; a supervisor's badge without its PIN opens
        the PIN entry."""
        self._view = after
        self._scans += 1
        words = dock_verdict(outcome)
        self.page.show_view(after)
        self.page.banner.show_verdict(words, self._scans)
        self._play(words.level)
        if outcome.note is Note.PIN_NEEDED:
            self._open_pin_entry(reading, outcome)
        self.scan_shown.emit(outcome)

    def on_station_read(self, view: DockView) -> None:
        """The station's view: who is logged in, the truck it loads."""
        self._view = view
        self.page.show_view(view)
        if view.user is None:
            self.page.banner.clear()
        else:
            self.page.banner.show_idle(translate("Dock", "Ready, {0}").format(view.user.name))
        self.view_shown.emit(view)
