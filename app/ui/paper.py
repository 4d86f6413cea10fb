"""Documents the station writes to disk, off the GUI thread: the command sheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from app.core.errors import KenpinError


class CommandSheetWriter(QObject):
    """Writes the command sheet PDF on a worker thread; `written` or `failed` follows."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(
        self, write: Callable[[Path, str], None], station: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._write = write
        self._station = station
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def write(self, path: Path) -> None:
        """Start writing the sheet to `path`."""
        self._pool.start(lambda: self._run(path))

    def wait(self) -> None:
        """Block until a sheet being written is done (before the window goes away)."""
        self._pool.waitForDone()

    def _run(self, path: Path) -> None:
        try:
            self._write(path, self._station)
        except KenpinError as exc:  # a disk or font problem, told to the user
            self.failed.emit(str(exc))
        else:
            self.written.emit(str(path))
