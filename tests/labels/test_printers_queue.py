"""Print jobs: one attempt, and the retry policy (the window's retries are tested in
tests/ui/pack/test_printing.py)."""

from __future__ import annotations

import pytest

from app.labels.print_queue import JobResult, PrintJob, RetryPolicy, run_job
from app.labels.printer_status import PrinterProblem
from app.labels.printers import RecordingPrinter

LABEL = b"^XA^FD#1001^FS^XZ"


def job(job_id: int = 1, uri: str = "file:///recorded", attempts: int = 0) -> PrintJob:
    return PrintJob(job_id, uri, LABEL, f"#100{job_id}-1", attempts)


@pytest.fixture
def printer() -> RecordingPrinter:
    return RecordingPrinter()


# --- one attempt and the policy ----------------------------------------------------------------


def test_a_job_that_prints_counts_its_attempt(printer: RecordingPrinter) -> None:
    result = run_job(job(attempts=1), lambda uri: printer)
    assert result == JobResult(1, printed=True, attempts=2)
    assert printer.printed == [("#1001-1", LABEL)]


def test_a_printer_problem_is_a_failed_result_kept_for_retry(printer: RecordingPrinter) -> None:
    printer.fail_next(PrinterProblem.PAPER_OUT)
    result = run_job(job(), lambda uri: printer)
    assert (result.printed, result.retryable, result.problem) == (
        False,
        True,
        PrinterProblem.PAPER_OUT,
    )
    assert result.message.startswith("the printer is out of labels")
    assert printer.printed == []


def test_a_bad_printer_uri_fails_the_job_without_retries() -> None:
    result = run_job(job(uri="lp0"))
    assert (result.printed, result.retryable, result.attempts) == (False, False, 1)
    assert "printer 'lp0': not a printer URI" in result.message


def test_retries_wait_2_5_and_15_seconds_then_for_a_reprint() -> None:
    policy = RetryPolicy()
    assert [policy.delay_after(n) for n in range(5)] == [None, 2.0, 5.0, 15.0, None]
