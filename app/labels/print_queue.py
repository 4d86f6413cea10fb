"""Print jobs run off the GUI thread, retried by themselves a few times, then kept for a reprint.

The pack is committed before its label job runs, so a printer that is off
never loses a pack: the job fails with a message for the packer, is tried
again after 2, 5 and 15 seconds, and then waits for `KCMD:REPRINT` (which
submits it again and starts the retries afresh). Nothing here touches Qt or
the database: the window turns the worker's callbacks into signals, and
the caller records each attempt with the job.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.core.errors import Refused
from app.labels.printer_status import PrinterProblem, PrinterUnavailable
from app.labels.printers import Printer, open_printer

PrinterFactory = Callable[[str], Printer]


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One label (or document) to print: `attempts` counts the tries made so far."""

    id: int
    printer_uri: str
    data: bytes
    name: str
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class JobResult:
    """How one attempt at a job went.

    `attempts` includes this one; `message` is for the packer when it failed;
    `retryable` is False when trying again cannot help (a printer URI that
    names no printer); `retry_in` is the seconds until the worker tries
    again by itself, None when the job now waits for `KCMD:REPRINT`.
    """

    job_id: int
    printed: bool
    attempts: int
    message: str = ""
    problem: PrinterProblem | None = None
    retryable: bool = False
    retry_in: float | None = None


ResultHandler = Callable[[JobResult], None]


def run_job(job: PrintJob, printer_factory: PrinterFactory = open_printer) -> JobResult:
    """Try to print a job once; a printer problem is a failed result, never an exception."""
    attempts = job.attempts + 1
    try:
        printer_factory(job.printer_uri).send(job.data, job.name)
    except PrinterUnavailable as exc:
        return JobResult(job.id, False, attempts, str(exc), exc.problem, retryable=True)
    except Refused as exc:
        return JobResult(job.id, False, attempts, str(exc))
    return JobResult(job.id, True, attempts)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Automatic retries: the waits after the 1st, 2nd, 3rd... failure in a row."""

    delays: tuple[float, ...] = (2.0, 5.0, 15.0)

    def delay_after(self, failures: int) -> float | None:
        """Seconds until the next try after `failures` failures in a row; None: await a reprint."""
        if 1 <= failures <= len(self.delays):
            return self.delays[failures - 1]
        return None

    def next_try_at(self, failures: int, failed_at: float) -> float | None:
        """The clock reading at which to try again, or None to wait for a reprint."""
        delay = self.delay_after(failures)
        return None if delay is None else failed_at + delay


@dataclass(frozen=True, slots=True)
class _Cancel:
    job_id: int


class _Stop:
    """Put in the inbox by `close`."""


@dataclass(frozen=True, slots=True)
class _Retry:
    due: float
    job: PrintJob
    failures: int


class PrintWorker:
    """Runs print jobs one at a time on its own thread.

    `submit` may be called from any thread (the GUI's). `on_printed` and
    `on_failed` are called on the worker's thread with each attempt's
    JobResult: they must not touch widgets (the window hands them on by
    signal). Submitting a job that is waiting for a retry prints it now.
    Retries still waiting when the worker is closed are dropped: the job
    stays recorded unprinted, and the station submits it again.
    """

    def __init__(
        self,
        on_printed: ResultHandler,
        on_failed: ResultHandler,
        *,
        printer_factory: PrinterFactory = open_printer,
        policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._on_printed = on_printed
        self._on_failed = on_failed
        self._factory = printer_factory
        self._policy = policy or RetryPolicy()
        self._clock = clock
        self._inbox: queue.Queue[PrintJob | _Cancel | _Stop] = queue.Queue()
        self._lock = threading.Lock()
        self._retries: dict[int, _Retry] = {}
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the worker's thread."""
        if self._thread is not None:
            raise RuntimeError("the print worker is already running")
        self._thread = threading.Thread(target=self._run, name="print worker", daemon=True)
        self._thread.start()

    def submit(self, job: PrintJob) -> None:
        """Print this job (again) as soon as the jobs before it are done."""
        self._inbox.put(job)

    def cancel(self, job_id: int) -> None:
        """Stop retrying a job (its label was voided or reprinted elsewhere)."""
        self._inbox.put(_Cancel(job_id))

    def waiting(self) -> list[int]:
        """Ids of the jobs waiting for an automatic retry."""
        with self._lock:
            return sorted(self._retries)

    def close(self, timeout: float = 30.0) -> None:
        """Stop after the job being printed now; waits up to `timeout` seconds for it."""
        if self._thread is None:
            return
        self._inbox.put(_Stop())
        self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        while True:
            item: PrintJob | _Cancel | _Stop | None
            try:
                item = self._inbox.get(timeout=self._until_next_retry())
            except queue.Empty:
                item = None  # a retry fell due
            if isinstance(item, _Stop):
                return
            if isinstance(item, _Cancel):
                with self._lock:
                    self._retries.pop(item.job_id, None)
            elif isinstance(item, PrintJob):
                with self._lock:
                    self._retries.pop(item.id, None)
                self._attempt(item, failures=0)
            for retry in self._due_retries():
                self._attempt(retry.job, retry.failures)

    def _until_next_retry(self) -> float | None:
        with self._lock:
            if not self._retries:
                return None
            due = min(r.due for r in self._retries.values())
        return max(due - self._clock(), 0.0)

    def _due_retries(self) -> list[_Retry]:
        now = self._clock()
        with self._lock:
            due = sorted((r for r in self._retries.values() if r.due <= now), key=lambda r: r.due)
            for retry in due:
                del self._retries[retry.job.id]
        return due

    def _attempt(self, job: PrintJob, failures: int) -> None:
        try:
            result = run_job(job, self._factory)
        except Exception as exc:
            # A bug, not a printer problem: the packer still hears the label did not print,
            # and the excepthook gets the traceback.
            failed = JobResult(job.id, False, job.attempts + 1, f"printing failed: {exc}")
            self._report(self._on_failed, failed)
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        if result.printed:
            self._report(self._on_printed, result)
            return
        failures += 1
        at = self._policy.next_try_at(failures, self._clock()) if result.retryable else None
        if at is not None:
            later = replace(job, attempts=result.attempts)
            with self._lock:
                self._retries[job.id] = _Retry(at, later, failures)
            result = replace(result, retry_in=self._policy.delay_after(failures))
        self._report(self._on_failed, result)

    @staticmethod
    def _report(handler: ResultHandler, result: JobResult) -> None:
        try:
            handler(result)
        except Exception as exc:
            # The worker must outlive a broken handler, or no label would ever print again.
            sys.excepthook(type(exc), exc, exc.__traceback__)
