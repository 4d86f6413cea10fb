"""The dock screen driven as a loader drives it: by a keyboard-wedge scanner's key bursts and
the touch buttons, on a real SQLite database, in `kenpin station --mode dock`'s window; the
manifest closed from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.core.scans import Command
from app.core.station import Mode
from app.db.database import Database
from app.db.models import Order
from app.scanning.wedge import KeyboardWedge
from app.services.shop_settings import ShopSettings
from app.services.signin import Credentials
from app.services.station.pack import PackStation
from app.services.users import add_user
from app.ui.dock.controller import DockController
from app.ui.dock.view import DockPage
from app.ui.main_window import MainWindow
from tests.dockdata import LOADER, PACKED_AT, Parcels, dock_bench
from tests.scanning.keys import scanner_sends
from tests.stationdata import SUPERVISOR_PIN, sent

pytestmark = pytest.mark.gui


class DockBench:
    """A dock station's window and the scanner in the loader's hand."""

    def __init__(self, qtbot: QtBot, db: Database) -> None:
        self.qtbot = qtbot
        later = PACKED_AT + dt.timedelta(hours=1)
        kenpin = Kenpin(db, clock=lambda: later.astimezone(dt.UTC))
        self.window = MainWindow(
            kenpin.station_services(), "DOCK-1", [KeyboardWedge()], mode=Mode.DOCK
        )
        qtbot.addWidget(self.window)
        self.window.show_bench_page()
        self.window.resize(1024, 768)
        self.window.show()
        qtbot.waitUntil(lambda: self.controller.view is not None, timeout=5_000)
        self.clock = 10_000

    @property
    def page(self) -> DockPage:
        page = self.window.bench_page
        assert isinstance(page, DockPage)
        return page

    @property
    def controller(self) -> DockController:
        controller = self.window.bench
        assert isinstance(controller, DockController)
        return controller

    def scan(self, code: str) -> None:
        """The scanner types `code` and Enter into whatever has focus; the verdict is shown."""
        target = QApplication.focusWidget() or self.window
        with self.qtbot.waitSignal(self.controller.scan_shown, timeout=5_000):
            self.clock = scanner_sends(target, code, start=self.clock) + 1_000

    def press(self, command: Command) -> None:
        with self.qtbot.waitSignal(self.controller.scan_shown, timeout=5_000):
            self.qtbot.mouseClick(self.page.buttons[command], Qt.MouseButton.LeftButton)

    @property
    def verdict(self) -> tuple[str, str, str]:
        banner = self.page.banner
        return banner.level, banner.headline.text(), banner.detail.text()


@pytest.fixture
def parcels(sqlite_db: Database) -> Parcels:
    made = dock_bench(sqlite_db)
    ShopSettings(sqlite_db).set_up(
        {"yamato.customer_code": "0123456789", "yamato.freight_code": "01"}
    )
    return made


@pytest.fixture
def dock(qtbot: QtBot, sqlite_db: Database, parcels: Parcels) -> Iterator[DockBench]:
    bench = DockBench(qtbot, sqlite_db)
    yield bench
    bench.window.close()


def test_the_dock_loads_a_truck_and_refuses_every_wrong_parcel_in_red(
    dock: DockBench, parcels: Parcels
) -> None:
    page = dock.page
    assert dock.window.pages.tabText(dock.window.pages.currentIndex()) == "Dock"
    assert page.login_prompt.text() == "Scan your badge"
    dock.scan(LOADER)
    assert page.user.text() == "Loader: Kenji"
    assert page.next_action.text() == "Scan a parcel's label to start a truck"

    dock.scan(parcels.yamato)
    assert dock.verdict[:2] == ("accepted", "Loaded: #1001")
    assert page.card.carrier.text() == "Yamato Transport's truck"
    assert page.card.count.text() == "1 / 1"
    assert page.next_action.text() == "Every Yamato Transport parcel is loaded: close the manifest"

    dock.scan(parcels.sagawa)
    assert dock.verdict == (
        "refused",
        "Wrong carrier",
        "This parcel goes with Sagawa Express; this is Yamato Transport's truck. "
        "Put it with Sagawa Express.",
    )
    dock.scan(parcels.unverified)
    assert dock.verdict[:2] == ("refused", "Label not scanned back")
    assert "#1003" in dock.verdict[2]
    dock.scan(parcels.yamato)
    assert dock.verdict[:2] == ("refused", "Loaded already")
    assert page.card.count.text() == "1 / 1"

    dock.press(Command.UNDO)
    assert dock.verdict[:2] == ("info", "Taken off: #1001")
    assert page.card.count.text() == "0 / 1"
    dock.scan(parcels.yamato)
    assert page.card.count.text() == "1 / 1"


def test_closing_the_manifest_from_the_dock_ships_the_orders_and_ends_the_truck(
    dock: DockBench, parcels: Parcels, sqlite_db: Database, tmp_path: Path
) -> None:
    dock.scan(LOADER)
    dock.scan(parcels.yamato)
    closer = dock.window.manifests_closer()
    assert closer is not None
    out = tmp_path / "manifests"
    out.mkdir()
    closer.close("yamato", out, None)
    dock.qtbot.waitUntil(lambda: dock.page.card.carrier.text() == "No truck being loaded")
    assert "Yamato Transport manifest closed: 1 parcel(s), 1 order(s) shipped" in (
        dock.window.banner.text.text()
    )
    assert sorted(path.suffix for path in out.iterdir()) == [".csv", ".pdf"]
    with sqlite_db.read() as s:
        status = s.scalar(select(Order.status).where(Order.number == "#1001"))
    assert status == "shipped"


def test_the_close_button_asks_a_supervisor_to_leave_a_parcel_behind(
    dock: DockBench,
    parcels: Parcels,
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The button's questions (Qt's dialogs answered here, as the loader would): the parcel
    not loaded is named, a supervisor's badge and PIN leave it behind, the files go to the
    folder chosen."""
    # #1003's label scanned back at last: on the manifest, but not on the truck.
    PackStation(sqlite_db, "S1").scan(sent(parcels.unverified), at=PACKED_AT)
    add_user(sqlite_db, "Sachiko", "supervisor", "B-BOSS", SUPERVISOR_PIN)
    dock.scan(LOADER)
    dock.scan(parcels.yamato)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    out = tmp_path / "manifests"
    out.mkdir()
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(out))
    monkeypatch.setattr(
        dock.window, "ask_credentials", lambda _why: Credentials("B-BOSS", SUPERVISOR_PIN)
    )
    dock.window.on_close_manifest_requested()
    dock.qtbot.waitUntil(lambda: dock.page.card.carrier.text() == "No truck being loaded")
    assert "1 parcel(s) loaded" in asked[0] and "#1003" in asked[0]
    assert sorted(path.suffix for path in out.iterdir()) == [".csv", ".pdf"]
    with sqlite_db.read() as s:
        statuses = dict(s.execute(select(Order.number, Order.status)).all())
    assert (statuses["#1001"], statuses["#1003"]) == ("shipped", "verified")
