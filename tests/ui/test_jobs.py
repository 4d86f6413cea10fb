"""The window's lanes: jobs run one at a time, in order, off the GUI thread, and their results,
refusals and bugs come back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.core.errors import EnvironmentFailure, KenpinError, Refused
from app.ui.jobs import JobLane

pytestmark = pytest.mark.gui


@pytest.fixture
def lane(qtbot: QtBot) -> Iterator[JobLane]:
    opened = JobLane("test")
    yield opened
    opened.close()


def on_gui(seen: list[tuple[str, object]], name: str) -> Callable[[object], None]:
    """A callback recording what it got, and failing when not called on the GUI thread."""
    gui = threading.get_ident()

    def record(value: object) -> None:
        assert threading.get_ident() == gui
        seen.append((name, value))

    return record


def test_jobs_run_in_order_off_the_gui_thread_and_come_back_on_it(
    qtbot: QtBot, lane: JobLane
) -> None:
    gui = threading.get_ident()
    ran_on: list[int] = []
    seen: list[tuple[str, object]] = []

    def job(n: int) -> Callable[[], int]:
        def work() -> int:
            ran_on.append(threading.get_ident())
            return n * 10

        return work

    with qtbot.waitSignal(lane.idle, timeout=5_000):
        for n in range(1, 6):
            lane.submit(job(n), on_gui(seen, f"job {n}"))
        assert lane.pending == 5
    assert seen == [(f"job {n}", n * 10) for n in range(1, 6)]
    assert len(set(ran_on)) == 1 and gui not in ran_on
    assert lane.pending == 0


def test_a_refusal_goes_to_failed_and_the_next_job_still_runs(qtbot: QtBot, lane: JobLane) -> None:
    seen: list[tuple[str, object]] = []

    def printer_off() -> None:
        raise EnvironmentFailure("the printer is off")

    with qtbot.waitSignal(lane.idle, timeout=5_000):
        lane.submit(printer_off, on_gui(seen, "done"), on_gui(seen, "failed"))
        lane.submit(lambda: "next", on_gui(seen, "done"), on_gui(seen, "failed"))
    [(kind, error), after] = seen
    assert kind == "failed" and isinstance(error, EnvironmentFailure)
    assert str(error) == "the printer is off"
    assert after == ("done", "next")


def test_a_bug_reaches_the_excepthook_on_the_gui_thread_and_the_lane_goes_on(
    qtbot: QtBot, lane: JobLane
) -> None:
    seen: list[tuple[str, object]] = []

    def broken() -> None:
        raise KeyError("bin")

    with qtbot.capture_exceptions() as caught, qtbot.waitSignal(lane.idle, timeout=5_000):
        lane.submit(broken, on_gui(seen, "done"), on_gui(seen, "failed"))
        lane.submit(lambda: 2, on_gui(seen, "done"))
    assert [type(error) for _kind, error, _trace in caught] == [KeyError]
    assert seen == [("done", 2)]  # the broken job's callbacks were not called


def test_a_refusal_nobody_handles_reaches_the_excepthook(qtbot: QtBot, lane: JobLane) -> None:
    def refused() -> None:
        raise Refused("order #1001 has no gift message")

    with qtbot.capture_exceptions() as caught, qtbot.waitSignal(lane.idle, timeout=5_000):
        lane.submit(refused)
    assert [str(error) for _kind, error, _trace in caught] == ["order #1001 has no gift message"]
    assert isinstance(caught[0][1], KenpinError)


def test_the_gui_thread_keeps_going_while_a_job_waits(qtbot: QtBot, lane: JobLane) -> None:
    release = threading.Event()
    seen: list[tuple[str, object]] = []
    lane.submit(lambda: release.wait(10), on_gui(seen, "slow"))
    lane.submit(lambda: "behind", on_gui(seen, "behind"))
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5_000)
    timer.stop()
    assert seen == [] and lane.pending == 2  # both still waiting, in order
    with qtbot.waitSignal(lane.idle, timeout=5_000):
        release.set()
    assert seen == [("slow", True), ("behind", "behind")]


def test_closing_runs_the_jobs_already_submitted_then_takes_no_more(qtbot: QtBot) -> None:
    lane = JobLane("closing")
    release = threading.Event()
    ran: list[str] = []
    lane.submit(lambda: (release.wait(10), ran.append("first")))
    lane.submit(lambda: ran.append("second"))
    release.set()
    assert lane.close()
    assert ran == ["first", "second"]
    assert lane.submit(lambda: ran.append("late")) == 0
    assert lane.closed and ran == ["first", "second"]


def test_closing_is_bounded_when_a_job_hangs(qtbot: QtBot) -> None:
    lane = JobLane("stuck")
    release = threading.Event()
    lane.submit(lambda: release.wait(10))
    assert not lane.close(timeout=0.05)  # the window closes anyway
    release.set()
