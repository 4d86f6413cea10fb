"""Documents the station writes to disk, off the GUI thread: command sheet, pick list, slips."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from app.core.errors import KenpinError


class DocumentWriter(QObject):
    """Runs one document job at a time on a worker thread; `written` or `failed` follows.

    `written` carries the sentence given with the job (translated on the GUI
    thread, before the job starts); `failed` the refusal or the disk problem.
    """

    written = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def write(self, job: Callable[[], object], said: str) -> None:
        """Start `job`; `said` is what to tell the user when it is done."""
        self._pool.start(lambda: self._run(job, said))

    def wait(self) -> None:
        """Block until a document being written is done (before the window goes away)."""
        self._pool.waitForDone()

    def _run(self, job: Callable[[], object], said: str) -> None:
        try:
            job()
        except KenpinError as exc:  # refused, or a disk or font problem: told to the user
            self.failed.emit(str(exc))
        else:
            self.written.emit(said)
