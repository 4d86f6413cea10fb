"""Labels print off the GUI thread and are tried again by themselves after a failure."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from app.core.errors import EnvironmentFailure
from app.labels.print_queue import RetryPolicy
from app.ui.pack.printing import LabelPrinting

pytestmark = pytest.mark.gui


class Printer:
    """Fails the first `failures` tries, then prints; remembers the thread it ran on."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.tries: list[int] = []
        self.threads: set[int] = set()

    def __call__(self, job: int) -> None:
        self.tries.append(job)
        self.threads.add(threading.get_ident())
        if len(self.tries) <= self.failures:
            raise EnvironmentFailure("the printer is out of labels")


def test_a_failed_label_is_tried_again_until_it_prints(qtbot: QtBot) -> None:
    printer = Printer(failures=2)
    printing = LabelPrinting(printer, RetryPolicy((0.01, 0.01, 0.01)))
    failures: list[tuple[int, str, bool]] = []
    printing.failed.connect(lambda *args: failures.append(args))
    with qtbot.waitSignal(printing.printed, timeout=5_000) as done:
        printing.submit(7)
    assert done.args == [7]
    assert printer.tries == [7, 7, 7]
    assert failures == [(7, "the printer is out of labels", True)] * 2
    assert threading.get_ident() not in printer.threads
    assert printing.retry_pending is None
    printing.close()


def test_after_the_last_retry_the_label_waits_for_a_reprint(qtbot: QtBot) -> None:
    printer = Printer(failures=99)
    printing = LabelPrinting(printer, RetryPolicy((0.01,)))
    failures: list[bool] = []
    printing.failed.connect(lambda _job, _reason, again: failures.append(again))
    printing.submit(3)
    qtbot.waitUntil(lambda: failures == [True, False], timeout=5_000)
    assert printer.tries == [3, 3]
    assert printing.retry_pending is None  # nothing more by itself: it waits for REPRINT
    # KCMD:REPRINT queues a new job, which prints as soon as the printer is back.
    printer.failures = 0
    with qtbot.waitSignal(printing.printed, timeout=5_000) as done:
        printing.submit(4)
    assert done.args == [4]
    printing.close()


def test_the_delays_are_the_retry_policys_2_5_and_15_seconds(qtbot: QtBot) -> None:
    printing = LabelPrinting(Printer(failures=99))
    assert printing.policy == RetryPolicy()
    with qtbot.waitSignal(printing.failed, timeout=5_000) as failed:
        printing.submit(5)
    assert failed.args == [5, "the printer is out of labels", True]
    assert printing.retry_pending == 5
    printing.close()  # the window closing drops the retry due in 2 s
    assert printing.retry_pending is None


def test_a_new_job_drops_the_retries_of_an_older_one(qtbot: QtBot) -> None:
    printer = Printer(failures=1)
    printing = LabelPrinting(printer, RetryPolicy((3600.0,)))
    with qtbot.waitSignal(printing.failed, timeout=5_000):
        printing.submit(1)
    assert printing.retry_pending == 1
    with qtbot.waitSignal(printing.printed, timeout=5_000):
        printing.submit(2)  # the reprint, before job 1's retry is due
    assert printer.tries == [1, 2]
    assert printing.retry_pending is None  # job 1 will not print a second label
    printing.close()
