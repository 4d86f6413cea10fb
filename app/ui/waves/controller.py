"""The Waves page's logic: read the waves off the GUI thread when asked (Refresh, F5) and
every REFRESH_MS while the page is in view.

`WavesPage` is the layout; this decides what it shows.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTime, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.core.errors import KenpinError
from app.services.wave_progress import WaveProgress, WavesInProgress
from app.ui.jobs import JobLane
from app.ui.waves.model import WavesModel
from app.ui.waves.view import WavesPage

# How often the page reads the waves again while it is shown.
REFRESH_MS = 10_000


class Window(Protocol):
    """What the page needs of the window: a place for it, and the message channel."""

    def add_page(self, page: QWidget, title: str) -> int: ...
    def show_error(self, text: str) -> None: ...


class WavesController(QObject):
    """Keeps the table of waves up to date."""

    # A message for the window's banner.
    problem = Signal(str)
    # The waves just read are on the page.
    shown = Signal()

    def __init__(
        self, waves: WavesInProgress, page: WavesPage, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.waves = waves
        self.page = page
        self.model = WavesModel(self)
        page.table.setModel(self.model)
        self.lane = JobLane("waves", self)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self._connect_signals()
        self.timer.start()

    def _connect_signals(self) -> None:
        # Read when the page is shown, not while the window is being built: the window
        # (and every test that builds one) waits for no read it does not show.
        self.page.came_into_view.connect(self.on_refresh)
        self.page.refresh.clicked.connect(self.on_refresh)
        self.page.refresh_shortcut.activated.connect(self.on_refresh)
        self.timer.timeout.connect(self.on_tick)

    def close(self) -> None:
        """Stop reading (the window is closing)."""
        self.timer.stop()
        self.lane.close()

    def on_refresh(self) -> None:
        """Read the waves again, unless a read is already on its way."""
        if self.lane.pending == 0:
            self.lane.submit(self.waves.waves, done=self.on_read, failed=self.on_failed)

    def on_tick(self) -> None:
        if self.page.isVisible():
            self.on_refresh()

    def on_read(self, waves: list[WaveProgress]) -> None:
        self.model.set_waves(waves)
        at = QTime.currentTime().toString("HH:mm:ss")
        if waves:
            said = self.tr("Waves: {0} · read at {1}").format(len(waves), at)
        else:
            said = self.tr(
                "No wave is being picked (read at {0}). A supervisor makes one with "
                "kenpin wave create."
            ).format(at)
        self.page.shown.setText(said)
        self.shown.emit()

    def on_failed(self, error: KenpinError) -> None:
        self.problem.emit(self.tr("Could not read the waves: {0}").format(error))


def add_waves_page(window: Window, waves: WavesInProgress | None) -> WavesController | None:
    """Add the Waves page to `window` (when it has the wave progress service), wired to its
    message banner."""
    if waves is None:
        return None
    page = WavesPage()
    window.add_page(page, page.title())
    controller = WavesController(waves, page, window if isinstance(window, QObject) else None)
    controller.problem.connect(window.show_error)
    return controller
