"""Label printing for the pack window: off the GUI thread, with automatic retries.

A label job that fails (printer off, out of paper, unreachable) is tried
again after 2, 5 and 15 seconds; `KCMD:REPRINT` queues a new job at any time,
and a new job drops the retries still pending for older ones, so one box never
gets two labels from a retry and a reprint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from app.core.errors import KenpinError

RETRY_AFTER_S = (2.0, 5.0, 15.0)


class LabelPrinting(QObject):
    """Runs label print jobs one at a time on a worker thread; `printed` or `failed` follows."""

    printed = Signal(int)
    #: The job, why it failed, and whether it will be tried again by itself.
    failed = Signal(int, str, bool)
    # From the worker thread back to this object's (the GUI) thread.
    _succeeded = Signal(int)
    _did_not_print = Signal(int, str)

    def __init__(
        self,
        print_label: Callable[[int], None],
        retry_after: Sequence[float] = RETRY_AFTER_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._print_label = print_label
        self._retry_after = tuple(retry_after)
        self._failures: dict[int, int] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._succeeded.connect(self.on_succeeded)
        self._did_not_print.connect(self.on_did_not_print)

    def submit(self, job: int) -> None:
        """Print `job` now; retries pending for older jobs are dropped."""
        self._failures = {job: 0}
        self._start(job)

    def wait(self) -> None:
        """Block until a label being printed is done (before the window goes away)."""
        self._failures.clear()
        self._pool.waitForDone()

    def on_succeeded(self, job: int) -> None:
        self._failures.pop(job, None)
        self.printed.emit(job)

    def on_did_not_print(self, job: int, reason: str) -> None:
        if job not in self._failures:  # a newer job took over
            return
        failures = self._failures[job]
        again = failures < len(self._retry_after)
        if again:
            self._failures[job] = failures + 1
            delay_ms = int(self._retry_after[failures] * 1000)
            QTimer.singleShot(delay_ms, self, lambda: self._retry(job))
        else:
            self._failures.pop(job)
        self.failed.emit(job, reason, again)

    def _retry(self, job: int) -> None:
        if job in self._failures:
            self._start(job)

    def _start(self, job: int) -> None:
        self._pool.start(lambda: self._run(job))

    def _run(self, job: int) -> None:
        try:
            self._print_label(job)
        except KenpinError as exc:  # the printer's problem, told to the packer
            self._did_not_print.emit(job, str(exc))
        else:
            self._succeeded.emit(job)
