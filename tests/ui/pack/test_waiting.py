"""The pack screen never waits on the database: a slow or locked database shows "waiting for
the database", the packer keeps scanning, and every scan gets its verdict, in order."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.core.errors import DatabaseUnavailable, EnvironmentFailure
from app.core.scans import Scan
from app.db.database import Database
from app.scanning.wedge import KeyboardWedge
from app.services.order_queue import OrderQueue
from app.services.station.outcome import ScanOutcome, StationView
from app.services.station.pack import PackStation
from app.services.station.services import StationServices
from app.ui.main_window import MainWindow
from app.ui.pack.view import PackPage
from tests.scanning.keys import scanner_sends
from tests.ui.pack.test_window import BADGE, CUP, TEA, bench  # noqa: F401  (the fixture)

pytestmark = pytest.mark.gui

WAIT_MS = 10_000  # only reached when something is broken


class GatedStation(PackStation):
    """The real station, whose database work first waits at `gate` (a slow database), and
    which can be told to fail its next scans; it remembers each scan's id and thread."""

    def __init__(self, db: Database, name: str, gate: threading.Event) -> None:
        super().__init__(db, name)
        self.gate = gate
        self.failures: list[Exception] = []
        self.scan_ids: list[tuple[str, str]] = []
        self.threads: set[int] = set()

    def _at_gate(self) -> None:
        self.threads.add(threading.get_ident())
        assert self.gate.wait(WAIT_MS / 1000), "the test never opened the gate"

    def scan(self, scan: Scan, *args: Any, **kwargs: Any) -> ScanOutcome:
        self._at_gate()
        self.scan_ids.append((scan.code, kwargs["scan_id"]))
        if self.failures:
            raise self.failures.pop(0)
        return super().scan(scan, *args, **kwargs)

    def view(self) -> StationView:
        self._at_gate()
        return super().view()

    def renew_lease(self, *args: Any, **kwargs: Any) -> bool:
        self._at_gate()
        return super().renew_lease(*args, **kwargs)


class Bench:
    """A station window; unless `gated` is False, on a station whose database work waits at
    a gate the test opens."""

    def __init__(
        self,
        qtbot: QtBot,
        db: Database,
        services: StationServices | None = None,
        *,
        gated: bool = True,
    ) -> None:
        self.qtbot = qtbot
        self.gate = threading.Event()
        self.gate.set()
        self.stations: list[GatedStation] = []
        services = services or Kenpin(db).station_services()
        if gated:
            services = dataclasses.replace(services, pack_station=self._open_station(db))
        self.window = MainWindow(services, "PACK-1", [KeyboardWedge()])
        qtbot.addWidget(self.window)
        self.window.show_bench_page()
        self.window.show()
        qtbot.waitUntil(lambda: self.window.pack.view is not None, timeout=WAIT_MS)
        self.clock = 10_000
        self.shown: list[tuple[str, str, str]] = []
        self.window.pack.scan_shown.connect(self._on_shown)

    def _open_station(self, db: Database) -> Callable[[str], PackStation]:
        def opened(name: str) -> GatedStation:
            self.stations.append(GatedStation(db, name, self.gate))
            return self.stations[-1]

        return opened

    @property
    def station(self) -> GatedStation:
        return self.stations[-1]

    @property
    def page(self) -> PackPage:
        return self.window.pack_page

    def _on_shown(self, outcome: ScanOutcome | None) -> None:
        """What the packer sees as each verdict arrives: the code, the banner, the count."""
        code = outcome.scan if outcome is not None else ""
        self.shown.append((code, self.page.banner.level, self.page.total.text()))

    def send(self, code: str) -> None:
        """The scanner types `code` and Enter; nothing waits for the verdict."""
        target = QApplication.focusWidget() or self.window
        self.clock = scanner_sends(target, code, start=self.clock) + 1_000

    def scan(self, code: str) -> None:
        """The scanner types `code`; its verdict is shown."""
        with self.qtbot.waitSignal(self.window.pack.scan_shown, timeout=WAIT_MS):
            self.send(code)

    def wait_for_waiting(self) -> None:
        self.qtbot.waitUntil(lambda: self.page.banner.level == "waiting", timeout=WAIT_MS)


@pytest.fixture
def at_bench(qtbot: QtBot, bench: Database) -> Iterator[Bench]:  # noqa: F811
    opened = Bench(qtbot, bench)
    for code in (BADGE, "#1001"):
        opened.scan(code)
    yield opened
    opened.gate.set()
    opened.window.close()


def test_a_locked_database_shows_waiting_and_three_scans_are_shown_in_order_after(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
) -> None:
    at = Bench(qtbot, bench, gated=False)  # the real station, on a real SQLite file
    window = at.window
    for code in (BADGE, "#1001"):
        at.scan(code)
    page = at.page
    assert page.total.text() == "0 / 3 units"

    # Another program holds SQLite's write lock (a long import, say).
    path = bench.engine.url.database
    assert path is not None
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")
    try:
        at.send(TEA)
        at.wait_for_waiting()  # the GUI thread ran the 200 ms timer: it was never blocked
        assert page.banner.headline.text() == "Waiting for the database…"
        assert page.banner.detail.text() == "Keep scanning: your scans are kept in order."
        assert page.banner.code.text() == "Scans waiting: 1"
        at.send(TEA)
        at.send(CUP)
        assert page.banner.level == "waiting"
        assert page.banner.code.text() == "Scans waiting: 3"
        assert page.total.text() == "0 / 3 units"  # nothing shown before it is recorded
    finally:
        locker.rollback()
        locker.close()

    qtbot.waitUntil(lambda: window.pack.scans.unanswered == 0, timeout=WAIT_MS)
    assert at.shown[-3:] == [
        (TEA, "accepted", "1 / 3 units"),
        (TEA, "accepted", "2 / 3 units"),
        (CUP, "accepted", "3 / 3 units"),
    ]
    assert page.banner.level == "accepted"
    assert page.banner.headline.text() == "OK  1 / 1"
    assert [page.recent.row_text(row)[1] for row in range(3)] == [CUP, TEA, TEA]
    window.close()


def test_scans_never_run_on_the_gui_thread_and_queue_in_order(
    qtbot: QtBot, at_bench: Bench
) -> None:
    at_bench.gate.clear()
    at_bench.send(TEA)
    at_bench.wait_for_waiting()
    for code in (CUP, TEA):
        at_bench.send(code)
    assert at_bench.page.banner.code.text() == "Scans waiting: 3"
    with qtbot.waitSignals([at_bench.window.pack.scan_shown] * 3, timeout=WAIT_MS):
        at_bench.gate.set()
    assert [code for code, _level, _total in at_bench.shown[-3:]] == [TEA, CUP, TEA]
    assert at_bench.page.total.text() == "3 / 3 units"
    assert at_bench.page.banner.level == "accepted"
    assert threading.get_ident() not in at_bench.station.threads


def test_a_scan_the_database_did_not_take_is_red_and_its_rescan_counts_once(
    qtbot: QtBot, at_bench: Bench
) -> None:
    page = at_bench.page
    at_bench.station.failures.append(DatabaseUnavailable("database unavailable: disk I/O error"))
    at_bench.scan(TEA)
    assert page.banner.level == "refused"
    assert page.banner.headline.text() == "Not recorded: scan again"
    assert TEA in page.banner.detail.text() and "disk I/O error" in page.banner.detail.text()
    assert page.total.text() == "0 / 3 units"

    at_bench.scan(TEA)  # the packer scans the same unit again
    assert page.banner.level == "accepted"
    assert page.total.text() == "1 / 3 units"
    [(_, failed_id), (_, rescan_id)] = at_bench.station.scan_ids[-2:]
    assert rescan_id == failed_id


def test_a_failure_among_queued_scans_stays_on_the_message_banner(
    qtbot: QtBot, at_bench: Bench
) -> None:
    window, page = at_bench.window, at_bench.page
    at_bench.station.failures.append(EnvironmentFailure("database unavailable: disk full"))
    at_bench.gate.clear()
    at_bench.send(TEA)
    at_bench.send(CUP)
    at_bench.wait_for_waiting()
    with qtbot.waitSignals([window.pack.scan_shown] * 2, timeout=WAIT_MS):
        at_bench.gate.set()
    # The cup's green covers the red at once; the window's banner still says what to redo.
    assert page.banner.level == "accepted"
    assert window.banner.isVisible()
    assert window.banner.text.text() == (
        f"The scan of {TEA} could not be saved: database unavailable: disk full"
    )
    assert page.total.text() == "1 / 3 units"
    at_bench.scan(TEA)  # the rescan the banner asked for: the same scan id
    assert page.total.text() == "2 / 3 units"
    ids = [scan_id for code, scan_id in at_bench.station.scan_ids if code == TEA]
    assert ids[-1] == ids[-2]


def test_a_bug_in_a_scan_does_not_leave_the_screen_waiting(qtbot: QtBot, at_bench: Bench) -> None:
    at_bench.station.failures.append(KeyError("line"))
    at_bench.gate.clear()
    at_bench.send(TEA)
    at_bench.wait_for_waiting()
    with qtbot.capture_exceptions() as caught:
        at_bench.gate.set()
        qtbot.waitUntil(lambda: at_bench.window.pack.scans.unanswered == 0, timeout=WAIT_MS)
    assert [type(error) for _kind, error, _trace in caught] == [KeyError]
    assert at_bench.page.banner.level == "refused"
    assert at_bench.page.banner.headline.text() == "Not recorded: scan again"


def test_a_scan_never_waits_behind_a_count_or_a_label(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
) -> None:
    held = threading.Event()

    class SlowCounts(OrderQueue):
        def counts_by_status(self) -> dict[str, int]:
            held.wait(WAIT_MS / 1000)
            return super().counts_by_status()

    def printer_not_answering(_job: int) -> None:
        held.wait(WAIT_MS / 1000)

    services = dataclasses.replace(
        Kenpin(bench).station_services(),
        orders=SlowCounts(bench),
        print_label=printer_not_answering,
    )
    at = Bench(qtbot, bench, services)
    try:
        window = at.window
        assert window.pack.printing is not None
        window.pack.printing.submit(99)  # a label stuck in a printer that does not answer
        window.refresh_counts()
        for code in (BADGE, "#1001", TEA):
            at.scan(code)
        assert at.page.total.text() == "1 / 3 units"
        assert window.counts.pending == 1 and window.pack.printing.lane.pending == 1
        assert window.counts_label.text() == "Counting orders…"
    finally:
        held.set()
        window.close()


def test_lease_renewals_queue_behind_the_scans_one_at_a_time(qtbot: QtBot, at_bench: Bench) -> None:
    pack = at_bench.window.pack
    at_bench.gate.clear()
    at_bench.send(TEA)
    pack.on_lease_timer()  # returns at once: the renewal waits in the lane
    pack.on_lease_timer()  # the last one is still waiting: no second one
    assert pack.scans.lane.pending == 2
    with qtbot.waitSignal(pack.scans.lane.idle, timeout=WAIT_MS):
        at_bench.gate.set()
    assert at_bench.page.total.text() == "1 / 3 units"
    assert not at_bench.window.banner.isVisible()  # the claim was renewed


def test_the_station_is_read_off_the_gui_thread_at_start(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
) -> None:
    gate = threading.Event()
    stations: list[GatedStation] = []

    def opened(name: str) -> GatedStation:
        stations.append(GatedStation(bench, name, gate))
        return stations[-1]

    services = dataclasses.replace(Kenpin(bench).station_services(), pack_station=opened)
    window = MainWindow(services, "PACK-1", [KeyboardWedge()])  # returns with the view pending
    qtbot.addWidget(window)
    window.show_bench_page()
    window.show()
    page = window.pack_page
    qtbot.waitUntil(lambda: page.banner.level == "waiting", timeout=WAIT_MS)
    assert page.banner.headline.text() == "Waiting for the database…"
    assert not page.banner.code.isVisible()  # no scans made yet
    with qtbot.waitSignal(window.pack.view_shown, timeout=WAIT_MS):
        gate.set()
    assert page.login_prompt.isVisible() and page.banner.level != "waiting"
    assert threading.get_ident() not in stations[0].threads
    window.close()


def test_closing_the_window_waits_for_the_scans_already_made(
    qtbot: QtBot,
    at_bench: Bench,
    bench: Database,  # noqa: F811
) -> None:
    at_bench.gate.clear()
    for code in (TEA, CUP):
        at_bench.send(code)
    at_bench.wait_for_waiting()
    assert at_bench.window.pack.scans.unanswered == 2
    at_bench.gate.set()
    at_bench.window.close()  # the scans are recorded by the time it returns
    assert PackStation(bench, "PACK-1").view().scanned == 2
