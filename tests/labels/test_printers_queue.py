"""Print jobs: one attempt, the retry policy, and the worker thread that retries by itself."""

from __future__ import annotations

import queue
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

from app.labels.print_queue import JobResult, PrintJob, PrintWorker, RetryPolicy, run_job
from app.labels.printer_status import PrinterProblem
from app.labels.printers import Printer, RecordingPrinter, open_printer

WAIT = 10.0  # seconds; only reached when something is broken
LABEL = b"^XA^FD#1001^FS^XZ"
FAST = RetryPolicy((0.01, 0.01, 0.01))


def job(job_id: int = 1, uri: str = "file:///recorded", attempts: int = 0) -> PrintJob:
    return PrintJob(job_id, uri, LABEL, f"#100{job_id}-1", attempts)


class Bench:
    """What the window would receive from the print worker's thread."""

    def __init__(self) -> None:
        self.results: queue.Queue[JobResult] = queue.Queue()

    def next(self) -> JobResult:
        return self.results.get(timeout=WAIT)


@pytest.fixture
def bench() -> Bench:
    return Bench()


@pytest.fixture
def printer() -> RecordingPrinter:
    return RecordingPrinter()


def worker_for(
    bench: Bench, printer: Printer | None = None, policy: RetryPolicy = FAST
) -> PrintWorker:
    factory = open_printer if printer is None else lambda uri: printer
    worker = PrintWorker(
        bench.results.put, bench.results.put, printer_factory=factory, policy=policy
    )
    worker.start()
    return worker


@pytest.fixture
def running(bench: Bench, printer: RecordingPrinter) -> Iterator[PrintWorker]:
    worker = worker_for(bench, printer)
    yield worker
    worker.close()


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
    assert policy.next_try_at(2, failed_at=100.0) == 105.0
    assert policy.next_try_at(4, failed_at=100.0) is None


# --- the worker thread -------------------------------------------------------------------------


def test_the_worker_retries_until_the_printer_is_back(
    bench: Bench, printer: RecordingPrinter, running: PrintWorker
) -> None:
    printer.fail_next(PrinterProblem.OFF, PrinterProblem.PAPER_OUT)
    running.submit(job())
    first, second, third = bench.next(), bench.next(), bench.next()
    assert (first.printed, first.attempts, first.problem, first.retry_in) == (
        False,
        1,
        PrinterProblem.OFF,
        0.01,
    )
    assert (second.printed, second.attempts, second.problem) == (False, 2, PrinterProblem.PAPER_OUT)
    assert (third.printed, third.attempts) == (True, 3)
    assert printer.printed == [("#1001-1", LABEL)]
    assert running.waiting() == []


def test_after_the_last_retry_the_job_waits_for_a_reprint(
    bench: Bench, printer: RecordingPrinter, running: PrintWorker
) -> None:
    printer.fail_next(*[PrinterProblem.HEAD_OPEN] * 4)
    running.submit(job())
    results = [bench.next() for _ in range(4)]
    assert [r.retry_in for r in results] == [0.01, 0.01, 0.01, None]
    assert "head is open" in results[-1].message
    assert running.waiting() == []
    assert printer.printed == []

    running.submit(job(attempts=4))  # KCMD:REPRINT
    reprinted = bench.next()
    assert (reprinted.printed, reprinted.attempts) == (True, 5)
    assert printer.printed == [("#1001-1", LABEL)]


def test_a_reprint_while_a_retry_is_waiting_prints_now_and_only_once(
    bench: Bench, printer: RecordingPrinter
) -> None:
    worker = worker_for(bench, printer, RetryPolicy((3600.0,)))
    try:
        printer.fail_next(PrinterProblem.PAUSED)
        worker.submit(job())
        assert bench.next().retry_in == 3600.0
        assert worker.waiting() == [1]
        worker.submit(job(attempts=1))
        assert bench.next().printed
        assert worker.waiting() == []
    finally:
        worker.close()
    assert printer.printed == [("#1001-1", LABEL)]


def test_a_cancelled_job_is_not_retried(bench: Bench, printer: RecordingPrinter) -> None:
    worker = worker_for(bench, printer, RetryPolicy((3600.0,)))
    try:
        printer.fail_next(PrinterProblem.OFF)
        worker.submit(job(1))
        assert bench.next().retry_in == 3600.0
        assert worker.waiting() == [1]
        worker.cancel(1)
        worker.submit(job(2))  # handled after the cancel: the inbox is first in, first out
        assert bench.next().job_id == 2
        assert worker.waiting() == []
    finally:
        worker.close()
    assert printer.printed == [("#1002-1", LABEL)]


def test_jobs_print_in_the_order_they_were_submitted(
    bench: Bench, printer: RecordingPrinter, running: PrintWorker
) -> None:
    for job_id in (1, 2, 3):
        running.submit(job(job_id))
    assert [bench.next().job_id for _ in range(3)] == [1, 2, 3]
    assert [name for name, _ in printer.printed] == ["#1001-1", "#1002-1", "#1003-1"]


def test_the_worker_prints_to_a_real_folder_once_it_can_be_made(
    bench: Bench, tmp_path: Path
) -> None:
    blocked = tmp_path / "labels"
    blocked.write_text("a file where the folder should be")
    worker = worker_for(bench, policy=RetryPolicy((0.05, 0.05, 0.05, 0.05, 0.05)))
    try:
        worker.submit(job(uri=f"file://{blocked}"))
        failed = bench.next()
        assert (failed.printed, failed.problem) == (False, PrinterProblem.NOT_ALLOWED)
        assert f"cannot create the folder {blocked}" in failed.message
        blocked.unlink()
        while not (result := bench.next()).printed:
            assert result.retry_in is not None, "gave up while the folder could be made"
    finally:
        worker.close()
    assert (blocked / "1001-1.zpl").read_bytes() == LABEL


def test_a_broken_handler_does_not_stop_the_printing(
    bench: Bench, printer: RecordingPrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        hooked.append(exc)

    monkeypatch.setattr(sys, "excepthook", excepthook)
    calls = 0

    def on_printed(result: JobResult) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("the window was closing")
        bench.results.put(result)

    worker = PrintWorker(on_printed, bench.results.put, printer_factory=lambda uri: printer)
    worker.start()
    try:
        worker.submit(job(1))
        worker.submit(job(2))
        assert bench.next().job_id == 2
    finally:
        worker.close()
    assert [str(e) for e in hooked] == ["the window was closing"]
    assert len(printer.printed) == 2
