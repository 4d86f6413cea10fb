"""Print jobs: one attempt at a job, and how long to wait before trying a failed one again.

The pack is committed before its label job runs, so a printer that is off
never loses a pack: the job fails with a message for the packer, is tried
again after the delays of `RetryPolicy` (2, 5 and 15 seconds), and then waits
for `KCMD:REPRINT` (which submits it again and starts the retries afresh).
Nothing here touches Qt or the database: the window runs the attempts off the
GUI thread (`app.ui.pack.printing`), and the caller records each attempt with
the job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    names no printer).
    """

    job_id: int
    printed: bool
    attempts: int
    message: str = ""
    problem: PrinterProblem | None = None
    retryable: bool = False


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
    """Automatic retries of a label: the waits after the 1st, 2nd, 3rd... failure in a row.

    The one place the delays live; after the last one a job waits for `KCMD:REPRINT`.
    """

    delays: tuple[float, ...] = (2.0, 5.0, 15.0)

    def delay_after(self, failures: int) -> float | None:
        """Seconds until the next try after `failures` failures in a row; None: await a reprint."""
        if 1 <= failures <= len(self.delays):
            return self.delays[failures - 1]
        return None
