"""The pick screen driven as a picker drives it: by a keyboard-wedge scanner's key bursts
and the touch buttons, on a real SQLite database, in `kenpin station --mode pick`'s
window."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.bootstrap import Kenpin
from app.core.gtin import with_check_digit
from app.core.scans import Command
from app.core.station import Mode
from app.core.waves import WaveRequest
from app.db.database import Database
from app.db.models import Barcode, Product
from app.db.pick_models import PickSession
from app.scanning.wedge import KeyboardWedge
from app.services.users import add_user
from app.services.waves import create_wave
from app.ui.main_window import MainWindow
from app.ui.pick.controller import PickController
from app.ui.pick.view import PickPage
from app.ui.translation import install_translation, remove_translation
from tests import ROOT
from tests.scanning.keys import press, scanner_sends, type_text
from tests.stationdata import (
    AT,
    CUP,
    CUP_CASE,
    HANAKO,
    RICE_L1,
    SUPERVISOR_PIN,
    TARO,
    TEA,
    rice,
    sent,
    stock_bench,
)
from tests.stockdata import add_product, order_state, receive

pytestmark = pytest.mark.gui

#: The same tea in another size: the wrong variant at the tea's bin.
TEA_200 = with_check_digit("490123456790")
EXPIRED_RICE = rice("L1", dt.date(2025, 1, 31))


def _named(db: Database, product_id: int, name: str, variant: str) -> None:
    with db.write() as s:
        s.execute(
            update(Product).where(Product.id == product_id).values(name=name, variant=variant)
        )


@pytest.fixture
def shelves(sqlite_db: Database) -> Database:
    """The station tests' bench, its products named as a picker reads them, and a bigger
    tea (another variant) on the shelf beside it.

    #1001: 2 × 緑茶 100g in A-01, 3 × 波佐見焼マグ 藍 in A-02 (a case holds 2);
    #1003: 2 × 新米 5kg of lot L1 in C-01.
    """
    bench = stock_bench(sqlite_db)
    _named(sqlite_db, bench.tea, "緑茶", "100g")
    _named(sqlite_db, bench.cup, "波佐見焼マグ", "藍")
    _named(sqlite_db, bench.rice, "新米", "5kg")
    with sqlite_db.write() as s:
        bigger = add_product(s, "TEA-200")
        s.add(Barcode(code=TEA_200, product_id=bigger))
        receive(s, bigger, "A-04", 5, walk_seq=5)
    _named(sqlite_db, bigger, "緑茶", "200g")
    return sqlite_db


class PickBench:
    """A pick station's window and the scanner at the picker's side."""

    def __init__(self, qtbot: QtBot, db: Database, station: str = "PICK-1") -> None:
        self.qtbot = qtbot
        # The scans happen on the morning the orders were allocated (the rice is in date).
        kenpin = Kenpin(db, clock=lambda: AT.astimezone(dt.UTC))
        self.window = MainWindow(
            kenpin.station_services(), station, [KeyboardWedge()], mode=Mode.PICK
        )
        qtbot.addWidget(self.window)
        self.window.show_bench_page()
        self.window.resize(800, 600)
        self.window.show()
        qtbot.waitUntil(lambda: self.controller.view is not None, timeout=5_000)
        self.clock = 10_000

    @property
    def page(self) -> PickPage:
        assert self.window.pick_page is not None
        return self.window.pick_page

    @property
    def controller(self) -> PickController:
        assert self.window.pick is not None
        return self.window.pick

    def scan(self, code: str) -> None:
        """The scanner types `code` and Enter into whatever has focus; the verdict is shown."""
        target = QApplication.focusWidget() or self.window
        with self.qtbot.waitSignal(self.controller.scan_shown, timeout=5_000):
            self.clock = scanner_sends(target, code, start=self.clock) + 1_000

    def press(self, command: Command) -> None:
        """A finger on a touch button; the verdict is shown."""
        with self.qtbot.waitSignal(self.controller.scan_shown, timeout=5_000):
            self.qtbot.mouseClick(self.page.buttons[command], Qt.MouseButton.LeftButton)

    @property
    def next_action(self) -> str:
        return self.page.next_action.text()

    @property
    def verdict(self) -> tuple[str, str, str]:
        banner = self.page.banner
        return banner.level, banner.headline.text(), banner.detail.text()

    def refused(self, code: str, detail: str) -> None:
        """`code` is refused in red with `detail`, and nothing is counted."""
        counted = self.page.total.text()
        self.scan(code)
        assert self.verdict == ("refused", self.verdict[1], detail)
        assert self.page.banner.code.text() == f"Scanned: {code}"
        assert self.page.total.text() == counted


@pytest.fixture
def picker(qtbot: QtBot, shelves: Database) -> Iterator[PickBench]:
    at_cart = PickBench(qtbot, shelves)
    yield at_cart
    at_cart.window.close()


def test_the_pick_station_s_window_opens_on_the_pick_screen(picker: PickBench) -> None:
    window = picker.window
    assert window.pages.currentWidget() is picker.page
    assert window.pack_page is None  # no pack screen at a pick station
    assert window.pages.tabText(window.pages.currentIndex()) == "Pick"
    assert picker.page.login_prompt.text() == "Scan your badge"
    assert not picker.page.logged_in
    assert not any(button.isVisible() for button in picker.page.buttons.values())


def test_a_cart_of_two_orders_is_picked_in_walk_order_and_every_wrong_scan_is_refused(
    picker: PickBench, shelves: Database
) -> None:
    wave = create_wave(shelves, WaveRequest(orders=("#1001", "#1003"))).number
    page = picker.page
    picker.scan(HANAKO)
    assert page.logged_in
    assert page.user.text() == "Picker: Hanako"
    assert picker.next_action == "Scan a wave (W-…) or an order number"

    picker.scan(wave)
    assert picker.verdict[:2] == ("info", f"{wave} open")
    assert page.wave.text() == wave
    assert page.total.text() == "line 1 of 3 · 0 / 7 units"
    assert picker.next_action == "Go to bin A-01"
    assert (page.card.bin.text(), page.card.product.text()) == ("A-01", "緑茶 100g")
    assert page.card.qty.text() == "2 ×"
    assert page.card.step == "bin"
    assert page.card.where.text().startswith("Order #1001")

    picker.refused("A-02", "A-02 is not the bin: go to bin A-01 and scan its label.")
    assert page.banner.headline.text() == "Wrong bin"
    picker.refused(TEA, "Scan bin A-01's label first, then the units.")

    picker.scan("A-01")
    assert picker.next_action == "Take 2 × 緑茶 100g"
    assert page.card.step == "units"
    picker.refused(
        TEA_200,
        "Scanned 緑茶 200g, but this instruction is 緑茶 100g. Put it back, take 緑茶 100g.",
    )
    assert page.recent.row_text(0)[1:] == [TEA_200, "✖ Not this product"]

    picker.scan(TEA)
    assert picker.verdict == ("accepted", "OK  1 / 2", "Put it in slot 1 and scan the slot.")
    assert picker.next_action == "Put it in slot 1, scan the slot's label"
    assert page.card.step == "slot"
    assert page.total.text() == "line 1 of 3 · 1 / 7 units"
    picker.refused(
        "SLOT-02", "The unit is for order #1001: put it in slot 1 and scan that slot's label."
    )
    picker.scan("SLOT-01")
    assert picker.verdict[:2] == ("accepted", "In slot 1")
    assert picker.next_action == "Take 1 × 緑茶 100g"
    assert page.card.qty_caption.text() == "Take (1 of 2 taken)"
    for code in (TEA, "SLOT-01"):
        picker.scan(code)
    assert picker.next_action == "Go to bin A-02"

    picker.scan("A-02")
    picker.scan(CUP_CASE)  # a case of 2 counts 2
    assert picker.verdict[1] == "OK  2 / 3"
    assert page.total.text() == "line 2 of 3 · 4 / 7 units"
    picker.scan("SLOT-01")
    assert picker.next_action == "Take 1 × 波佐見焼マグ 藍"
    picker.refused(
        CUP_CASE, "波佐見焼マグ 藍: all 3 ordered are in the box already. Take this one out."
    )
    for code in (CUP, "SLOT-01", "C-01"):
        picker.scan(code)

    assert picker.next_action == "Take 2 × 新米 5kg (lot L1)"
    assert page.card.lot.text() == "Lot L1 · use by 2026-12-31"
    picker.refused(EXPIRED_RICE, "Use by 2025-01-31: past. Take another unit.")
    assert page.banner.headline.text() == "Expired: set this unit aside"
    picker.scan(RICE_L1)  # the GS1 code with its lot
    assert picker.verdict[:2] == ("accepted", "OK  1 / 2")
    for code in ("SLOT-02", RICE_L1):
        picker.scan(code)
    picker.scan("SLOT-02")

    assert picker.verdict[:2] == ("completed", f"✔ {wave} picked")
    assert picker.next_action == f"{wave} picked — scan the next wave"
    assert page.wave.text() == "No wave open"
    assert order_state(shelves, "#1001")[0] == "picked"
    assert order_state(shelves, "#1003")[0] == "picked"


def test_a_short_pick_sends_the_picker_to_the_other_bin_and_undo_puts_a_unit_back(
    picker: PickBench, shelves: Database
) -> None:
    with shelves.write() as s:  # more tea on another shelf, before the first bin in the walk
        tea = s.scalar(select(Product.id).where(Product.sku == "TEA"))
        assert tea is not None
        receive(s, tea, "B-01", 5, walk_seq=1)
    page = picker.page
    for code in (HANAKO, "#1001"):  # one order, picked on its own: into a tote
        picker.scan(code)
    assert picker.next_action == "Scan a tote (TOTE-…) for order #1001"
    assert picker.verdict[2] == "One order on its own: scan an empty tote's label (TOTE-…)."
    picker.refused(
        "A-01", "Order #1001 goes into a tote: scan an empty tote's label (TOTE-…) first."
    )
    assert picker.page.banner.headline.text() == "Tote first"
    picker.scan("TOTE-07")
    assert picker.verdict[:2] == ("info", "Order #1001 → TOTE-07")
    assert picker.next_action == "Go to bin A-01"
    assert not page.buttons[Command.SHORTPICK].isEnabled()  # not at a bin yet
    picker.scan("A-01")
    assert page.buttons[Command.SHORTPICK].isEnabled()
    picker.scan(TEA)
    assert picker.verdict[1] == "OK  1 / 2"
    assert picker.next_action == "Take 1 × 緑茶 100g"

    picker.press(Command.UNDO)
    assert picker.verdict[:2] == ("accepted", "Undone")
    assert page.total.text() == "line 1 of 2 · 0 / 5 units"
    assert picker.next_action == "Take 2 × 緑茶 100g"
    picker.scan(TEA)

    picker.press(Command.SHORTPICK)  # A-01 held only the one
    assert picker.verdict[:2] == ("info", "Short at A-01")
    assert picker.next_action == "Go to bin B-01"
    assert page.card.bin.text() == "B-01"
    assert page.card.qty.text() == "1 ×"
    picker.scan("B-01")
    picker.scan(TEA)
    assert page.total.text() == "line 3 of 3 · 2 / 5 units"

    picker.press(Command.LOGOUT)
    assert picker.verdict[:2] == ("info", "Logged out")
    assert not page.logged_in
    assert not any(button.isVisible() for button in page.buttons.values())


#: Runs `kenpin ARGS…` in a process of its own and, once its window's event loop runs, says
#: which screen is in front and ends the run (an application that ran its event loop to the
#: end cannot run another: never in the test process).
LOOK_AT_THE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.cli import main
from app.ui.app import make_application
from app.ui.main_window import MainWindow

def look():
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            front = window.pages.currentWidget()
            print(type(front).__name__, window.pages.tabText(window.pages.currentIndex()))
            window.close()
    QApplication.quit()

make_application()
QTimer.singleShot(0, look)
sys.exit(main(sys.argv[1:]))
"""


def test_kenpin_station_mode_pick_opens_the_pick_window(shelves: Database) -> None:
    args = ["--db", shelves.url, "station", "--station", "PICK-2", "--mode", "pick"]
    run = subprocess.run(
        [sys.executable, "-c", LOOK_AT_THE_WINDOW, *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KENPIN_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["PickPage Pick"]


def test_a_short_pick_nothing_else_covers_tells_the_picker_to_put_back_its_order_s_units(
    picker: PickBench, shelves: Database
) -> None:
    wave = create_wave(shelves, WaveRequest(orders=("#1001", "#1003"))).number
    for code in (HANAKO, wave, "A-01", TEA, "SLOT-01"):
        picker.scan(code)
    assert picker.page.total.text() == "line 1 of 3 · 1 / 7 units"

    picker.press(Command.SHORTPICK)  # no other bin holds tea: #1001 leaves the wave

    level, headline, detail = picker.verdict
    assert (level, headline) == ("info", "Short at A-01")
    assert detail.startswith("Order #1001 is backordered: ")
    assert "1 unit(s)" in detail  # the tea already on the cart goes back
    # #1003's rice is all that is left.
    assert picker.page.total.text() == "line 1 of 1 · 0 / 2 units"
    assert picker.next_action == "Go to bin C-01"
    assert order_state(shelves, "#1001")[0] == "backordered"


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_translation("ja")
    yield
    remove_translation(translators)


def test_the_japanese_pick_screen_speaks_japanese(
    japanese: None, qtbot: QtBot, shelves: Database
) -> None:
    wave = create_wave(shelves, WaveRequest(orders=("#1001", "#1003"))).number
    picker = PickBench(qtbot, shelves)
    page = picker.page
    assert picker.window.pages.tabText(1) == "ピッキング"
    for code in (HANAKO, wave):
        picker.scan(code)
    assert page.user.text() == "ピッキング担当: Hanako"
    assert picker.next_action == "棚 A-01 へ"
    assert page.card.bin_caption.text() == "棚番"
    picker.scan("A-02")
    assert page.banner.headline.text() == "棚違い"
    assert page.banner.detail.text() == (
        "A-02 は違う棚です。棚 A-01 へ行き、棚ラベルをスキャンしてください。"
    )
    picker.scan("A-01")
    assert picker.next_action == "緑茶 100g を 2 点取る"
    assert page.buttons[Command.SHORTPICK].text() == "欠品"
    picker.window.close()


def test_a_supervisor_s_badge_at_the_pick_station_asks_for_the_pin(
    picker: PickBench, shelves: Database
) -> None:
    add_user(shelves, "佐藤 健", "supervisor", "BADGE-SUP-9", SUPERVISOR_PIN)
    page = picker.page
    picker.scan("BADGE-SUP-9")
    assert not page.logged_in
    assert page.pin_entry.isVisible()
    assert "佐藤 健" in page.pin_entry.prompt.text()
    field = page.pin_entry.field
    at = type_text(field, SUPERVISOR_PIN, start=picker.clock, gap=150)
    picker.qtbot.waitUntil(lambda: field.text() == SUPERVISOR_PIN, timeout=5_000)
    with picker.qtbot.waitSignal(picker.controller.scan_shown, timeout=5_000):
        press(field, Qt.Key.Key_Return, "\r", at + 150)
    assert page.logged_in
    assert page.user.text() == "Supervisor: 佐藤 健"
    assert not page.pin_entry.isVisible()


def test_the_window_renews_the_wave_s_lease_while_the_picker_walks(
    picker: PickBench, shelves: Database
) -> None:
    wave = create_wave(shelves, WaveRequest(orders=("#1001", "#1003"))).number
    for code in (HANAKO, wave, "A-01"):
        picker.scan(code)
    lapsed = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    with shelves.write() as s:
        s.execute(update(PickSession).values(lease_expires_at=lapsed))

    with picker.qtbot.waitSignal(picker.controller.hold_kept, timeout=5_000):
        picker.controller.on_lease_timer()

    with shelves.read() as s:
        renewed = s.scalar(select(PickSession.lease_expires_at))
    assert renewed is not None and renewed.replace(tzinfo=dt.UTC) > dt.datetime.now(dt.UTC)
    assert picker.page.wave.text() == wave


def test_two_pickers_scanning_one_wave_only_one_holds_it(
    qtbot: QtBot, picker: PickBench, shelves: Database
) -> None:
    wave = create_wave(shelves, WaveRequest(orders=("#1001", "#1003"))).number
    other = PickBench(qtbot, shelves, station="PICK-2")

    def scan(at: PickBench, code: str) -> None:
        # Two windows in one process share the keyboard: each scan goes to its own station.
        with qtbot.waitSignal(at.controller.scan_shown, timeout=5_000):
            at.controller.on_scanned(sent(code))

    try:
        scan(picker, HANAKO)
        scan(other, TARO)
        scan(picker, wave)
        scan(other, wave)
        assert other.verdict[0] == "refused"
        assert other.verdict[2] == f"{wave} is being picked at station PICK-1. Scan another wave."
        assert other.page.wave.text() == "No wave open"
        assert picker.page.wave.text() == wave
        scan(picker, "A-01")
        assert picker.verdict[0] == "info"  # the holder picks on
    finally:
        other.window.close()
