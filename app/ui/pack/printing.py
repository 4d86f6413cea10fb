"""Label printing for the pack window: on a lane of its own, with automatic retries.

A label job that fails (printer off, out of paper, unreachable) is tried again
after the delays of `RetryPolicy` (2, 5 and 15 seconds); `KCMD:REPRINT` queues a
new job at any time, and a new job drops the retries still pending for older
ones, so one box never gets two labels from a retry and a reprint.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.core.errors import KenpinError
from app.labels.print_queue import RetryPolicy
from app.labels.printer_status import PrinterProblem
from app.ui.jobs import JobLane

translate = QCoreApplication.translate

#: What the print service says of a station without a printer (`run_print_job`).
NO_PRINTER = "the station has no printer"


def printer_reason(reason: str) -> str:
    """Why a label did not print, in the packer's language: the printer's known problems
    (and a station without a printer) translated, anything else as the printer said it."""
    if reason.startswith(NO_PRINTER):
        return translate("Printer", "this station has no printer: ask a supervisor to set one up")
    for problem in PrinterProblem:
        if reason.startswith(problem.advice):
            return _ADVICE[problem]()
    return reason


_ADVICE = {
    PrinterProblem.OFF: lambda: translate(
        "Printer", "the printer is off or unreachable: switch it on and check its cable"
    ),
    PrinterProblem.TIMED_OUT: lambda: translate(
        "Printer", "the printer did not answer in time: check it is on and not busy"
    ),
    PrinterProblem.PAPER_OUT: lambda: translate(
        "Printer", "the printer is out of labels: load a new roll"
    ),
    PrinterProblem.RIBBON_OUT: lambda: translate(
        "Printer", "the printer is out of ribbon: load a new ribbon"
    ),
    PrinterProblem.HEAD_OPEN: lambda: translate("Printer", "the printer's head is open: close it"),
    PrinterProblem.PAUSED: lambda: translate(
        "Printer", "the printer is paused: press its pause button"
    ),
    PrinterProblem.NO_QUEUE: lambda: translate(
        "Printer", "the printer queue does not exist: ask a supervisor to set it up"
    ),
    PrinterProblem.NOT_ALLOWED: lambda: translate(
        "Printer", "Kenpin may not use this printer: ask a supervisor"
    ),
    PrinterProblem.FAILED: lambda: translate("Printer", "the printer refused the label"),
}


class LabelPrinting(QObject):
    """Prints label jobs one at a time off the GUI thread; `printed` or `failed` follows."""

    printed = Signal(int)
    #: The job, why it failed, and whether it will be tried again by itself.
    failed = Signal(int, str, bool)

    def __init__(
        self,
        print_label: Callable[[int], None],
        policy: RetryPolicy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._print_label = print_label
        self.policy = policy or RetryPolicy()
        #: Failures in a row of the job still to print; only the newest job is kept.
        self._failures: dict[int, int] = {}
        self.lane = JobLane("labels", self)

    def submit(self, job: int) -> None:
        """Print `job` now; retries pending for older jobs are dropped."""
        self._failures = {job: 0}
        self._start(job)

    @property
    def retry_pending(self) -> int | None:
        """The job that will be tried again by itself, if one failed and has tries left."""
        return next((job for job, failures in self._failures.items() if failures), None)

    def close(self) -> None:
        """Drop the retries and wait (bounded) for a label being printed (the window closes)."""
        self._failures.clear()
        self.lane.close()

    def on_printed(self, job: int) -> None:
        self._failures.pop(job, None)
        self.printed.emit(job)

    def on_not_printed(self, job: int, error: KenpinError) -> None:
        if job not in self._failures:  # a newer job took over
            return
        failures = self._failures[job] + 1
        delay = self.policy.delay_after(failures)
        if delay is None:
            self._failures.pop(job)
        else:
            self._failures[job] = failures
            QTimer.singleShot(int(delay * 1000), self, lambda: self._retry(job))
        self.failed.emit(job, str(error), delay is not None)

    def _retry(self, job: int) -> None:
        if job in self._failures:
            self._start(job)

    def _start(self, job: int) -> None:
        self.lane.submit(
            partial(self._print_label, job),
            lambda _none: self.on_printed(job),
            partial(self.on_not_printed, job),
        )
