"""The scan queue on its own, with a fake station: scans reach the station one at a time, in
order, off the GUI thread, and a scan that was not recorded is counted once when scanned again,
never when a later unit of the same product is."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.core.errors import DatabaseUnavailable, KenpinError
from app.core.scans import Scan, ScanKind, VerdictKind
from app.services.station.outcome import ScanOutcome, StationView
from app.ui.station.scan_queue import ScanQueue

pytestmark = pytest.mark.gui

TEA, CUP = "4901234567894", "4901234000014"
VIEW = StationView("PACK-1", None, "#1001", "", False, (), None, None, ())


class FakeStation:
    """Takes every scan (or fails the next ones with `failures`); remembers each scan's code,
    id and thread."""

    def __init__(self) -> None:
        self.failures: list[Exception] = []
        self.scans: list[tuple[str, str]] = []
        self.threads: set[int] = set()

    def scan(self, scan: Scan, *, scan_id: str, pin: str | None = None) -> ScanOutcome:
        self.threads.add(threading.get_ident())
        self.scans.append((scan.code, scan_id))
        if self.failures:
            raise self.failures.pop(0)
        return ScanOutcome(
            seq=len(self.scans),
            scan=scan.code,
            kind=ScanKind.PRODUCT,
            verdict=VerdictKind.ACCEPTED,
            reason=None,
            order="#1001",
            scanned=None,
            expected=None,
            view=VIEW,
        )

    def view(self) -> StationView:
        return VIEW


class Bench:
    """A queue on a fake station, and what it told, in order."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.station = FakeStation()
        self.queue = ScanQueue(lambda: self.station)
        self.told: list[tuple[str, str, KenpinError | None]] = []
        self.queue.applied.connect(self._on_applied)
        self.queue.not_recorded.connect(self._on_not_recorded)

    def _on_applied(self, reading: Scan, _outcome: ScanOutcome, _after: StationView) -> None:
        self.told.append(("applied", reading.code, None))

    def _on_not_recorded(self, reading: Scan, error: KenpinError | None) -> None:
        self.told.append(("not recorded", reading.code, error))

    def send(self, *codes: str) -> None:
        """Scan `codes` one after the other, then wait until all of them came back."""
        with self.qtbot.waitSignal(self.queue.lane.idle, timeout=5_000):
            for code in codes:
                self.queue.add(Scan(code))

    def ids(self, code: str) -> list[str]:
        return [scan_id for scanned, scan_id in self.station.scans if scanned == code]


@pytest.fixture
def bench(qtbot: QtBot) -> Iterator[Bench]:
    opened = Bench(qtbot)
    yield opened
    opened.queue.close()


def test_scans_reach_the_station_in_order_off_the_gui_thread_each_under_its_own_id(
    bench: Bench,
) -> None:
    bench.send(TEA, CUP, TEA)
    assert bench.told == [("applied", TEA, None), ("applied", CUP, None), ("applied", TEA, None)]
    assert [code for code, _id in bench.station.scans] == [TEA, CUP, TEA]
    assert len({scan_id for _code, scan_id in bench.station.scans}) == 3
    assert threading.get_ident() not in bench.station.threads
    assert bench.queue.unanswered == 0


def test_the_rescan_of_a_scan_not_recorded_is_recorded_under_its_id_and_the_next_unit_is_new(
    bench: Bench,
) -> None:
    failure = DatabaseUnavailable("database unavailable: disk I/O error")
    bench.station.failures.append(failure)
    bench.send(TEA)
    assert bench.told == [("not recorded", TEA, failure)]
    bench.send(TEA)  # the packer scans the same unit again
    bench.send(TEA)  # and the next unit
    assert bench.told[1:] == [("applied", TEA, None), ("applied", TEA, None)]
    failed, rescan, next_unit = bench.ids(TEA)
    assert rescan == failed and next_unit != failed


def test_a_unit_scanned_after_the_packer_moved_on_is_not_taken_for_the_one_not_recorded(
    bench: Bench,
) -> None:
    bench.station.failures.append(DatabaseUnavailable("database unavailable: disk full"))
    bench.send(TEA)
    bench.send(CUP)  # the packer saw the red banner and went on with the cup
    bench.send(TEA)
    failed, later = bench.ids(TEA)
    assert later != failed


def test_a_scan_a_bug_swallowed_is_given_up_when_the_next_one_answers(
    qtbot: QtBot, bench: Bench
) -> None:
    bench.station.failures.append(KeyError("line"))
    with qtbot.capture_exceptions() as caught:
        bench.send(TEA, CUP)
    assert [type(error) for _kind, error, _trace in caught] == [KeyError]
    # Told before the cup's verdict, so the packer reads them in the order they scanned.
    assert bench.told == [("not recorded", TEA, None), ("applied", CUP, None)]
    bench.send(TEA)  # the rescan the red banner asked for
    failed, rescan = bench.ids(TEA)
    assert rescan == failed
