"""The pack screen driven as a packer drives it: by a keyboard-wedge scanner's key bursts,
on a real SQLite database, in English and in Japanese."""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import subprocess
import sys
import threading
import wave
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.bootstrap import Kenpin
from app.core.gtin import with_check_digit
from app.core.scans import Command, Reason
from app.core.times import as_utc
from app.db.clock import database_time
from app.db.database import Database
from app.db.models import Barcode, Order, Product
from app.db.station_models import StationState
from app.scanning.source import ScriptedScanner
from app.scanning.wedge import KeyboardWedge
from app.services.allocation import allocate
from app.services.station.pack import PackStation
from app.services.users import add_user
from app.ui.main_window import MainWindow
from app.ui.pack.verdicts import reason_sentence
from app.ui.pack.view import PackPage
from app.ui.sounds import SOUNDS, Sound, StationSounds
from app.ui.translation import TRANSLATIONS, install_translation, remove_translation
from tests import ROOT
from tests.scanning.keys import scanner_sends
from tests.stationdata import lease_runs_out, sent, stations_without_labels
from tests.stockdata import add_order, add_product, order_state, receive

pytestmark = pytest.mark.gui

TEA = with_check_digit("490123456789")
CUP = with_check_digit("490123400001")
SOAP = with_check_digit("490000000001")  # in stock, on no order
BADGE, PACKER = "BADGE-0001", "山田 花子"
GIFT = "お誕生日おめでとう"


def _product(session: object, sku: str, name: str, variant: str, code: str, bin_code: str) -> int:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    product_id = add_product(session, sku)
    session.execute(
        update(Product).where(Product.id == product_id).values(name=name, variant=variant)
    )
    session.add(Barcode(code=code, product_id=product_id))
    receive(session, product_id, bin_code, 10)
    return product_id


@pytest.fixture
def bench(sqlite_db: Database) -> Database:
    """Green tea and a mug in bins, #1001 (2 tea, 1 mug), gift #1002 (1 mug), one packer."""
    with sqlite_db.write() as s:
        tea = _product(s, "TEA-20", "緑茶ティーバッグ", "20包", TEA, "A-01-01")
        cup = _product(s, "MUG-AI", "波佐見焼マグ", "藍", CUP, "A-02-03")
        _product(s, "SOAP", "柚子の石けん", "", SOAP, "A-03-01")
        add_order(s, "#1001", [(tea, 2), (cup, 1)])
        gift = add_order(s, "#1002", [(cup, 1)], minutes=1)
        s.execute(update(Order).where(Order.id == gift).values(gift_message=GIFT))
    allocate(sqlite_db)
    add_user(sqlite_db, PACKER, "packer", BADGE)
    # The window does not show the label scan-back yet: its bench prints no labels.
    stations_without_labels(sqlite_db, "PACK-1")
    return sqlite_db


class Bench:
    """A station window and the scanner at its side (whose key times only go forward)."""

    def __init__(self, qtbot: QtBot, db: Database, station: str = "PACK-1") -> None:
        self.qtbot = qtbot
        self.window = MainWindow(Kenpin(db).station_services(), station, [KeyboardWedge()])
        qtbot.addWidget(self.window)
        self.window.show_bench_page()  # as `kenpin station` opens it
        self.window.show()
        # The station is read off the GUI thread; the screen shows it a moment later.
        qtbot.waitUntil(lambda: self.window.pack.view is not None, timeout=5_000)
        self.clock = 10_000

    @property
    def page(self) -> PackPage:
        return self.window.pack_page

    def scan(self, code: str) -> None:
        """The scanner types `code` and Enter into whatever has focus; the verdict is shown."""
        target = QApplication.focusWidget() or self.window
        with self.qtbot.waitSignal(self.window.pack.scan_shown, timeout=5_000):
            self.clock = scanner_sends(target, code, start=self.clock) + 1_000

    def line(self, row: int) -> list[str]:
        return self.page.lines.row_text(row)

    def close(self) -> None:
        self.window.close()


@pytest.fixture
def station(qtbot: QtBot, bench: Database) -> Iterator[Bench]:
    at_bench = Bench(qtbot, bench)
    yield at_bench
    at_bench.close()


def test_nobody_logged_in_shows_the_badge_prompt_until_a_badge_is_scanned(
    station: Bench,
) -> None:
    page = station.page
    assert station.window.pages.currentWidget() is page
    assert not page.logged_in
    assert page.login_prompt.text() == "Scan your badge"
    assert not page.header.isVisible()

    station.scan(TEA)
    assert page.banner.level == "refused"
    assert page.banner.detail.text() == reason_sentence(Reason.NOT_LOGGED_IN)
    assert not page.logged_in

    station.scan(BADGE)
    assert page.logged_in
    assert page.user.text() == f"Packer: {PACKER}"
    assert page.order.text() == "No order open"


def test_a_whole_pack_by_scanner_keys(station: Bench, bench: Database) -> None:
    page = station.page
    station.scan(BADGE)
    station.scan("#1001")
    assert page.order.text() == "Order #1001"
    assert page.total.text() == "0 / 3 units"
    assert station.line(0) == ["緑茶ティーバッグ\nTEA-20", "20包", "A-01-01", "0 / 2", "To do"]
    assert station.line(1) == ["波佐見焼マグ\nMUG-AI", "藍", "A-02-03", "0 / 1", "To do"]
    assert not page.gift.isVisible()

    station.scan(SOAP)  # a unit of another product: refused, counted nowhere
    assert page.banner.level == "refused"
    # What was scanned beside what the order needs.
    assert page.banner.detail.text() == (
        "Scanned 柚子の石けん, but the order needs 緑茶ティーバッグ 20包, 波佐見焼マグ 藍."
        " Take it out of the box."
    )
    assert page.banner.code.text() == f"Scanned: {SOAP}"
    assert page.recent.row_text(0)[1:] == [SOAP, "✖ Not on the order"]
    assert page.total.text() == "0 / 3 units"

    station.scan(TEA)
    assert page.banner.level == "accepted"
    assert page.banner.headline.text() == "OK  1 / 2"
    assert station.line(0)[3:] == ["1 / 2", "In progress"]
    assert page.recent.row_text(0)[1:] == [TEA, "✔"]

    station.scan("KCMD:COMPLETE")  # too early: which lines are short, and by how many
    assert page.banner.level == "refused"
    assert (
        page.banner.detail.text()
        == "Still missing: TEA-20 ×1, MUG-AI ×1. Scan them, then COMPLETE."
    )

    station.scan(TEA)
    station.scan(TEA)  # one more than ordered
    assert page.banner.level == "refused"
    assert page.banner.detail.text() == (
        "緑茶ティーバッグ 20包: all 2 ordered are in the box already. Take this one out."
    )
    station.scan(CUP)
    assert [station.line(row)[3:] for row in (0, 1)] == [["2 / 2", "Done"], ["1 / 1", "Done"]]
    assert page.total.text() == "3 / 3 units"

    station.scan("KCMD:COMPLETE")
    assert page.banner.level == "completed"
    assert page.banner.headline.text() == "✔ Pack complete"
    assert "#1001" in page.banner.detail.text()
    assert page.order.text() == "No order open"
    assert order_state(bench, "#1001")[0] == "packed"


def test_a_gift_order_needs_the_card_before_it_completes(station: Bench) -> None:
    page = station.page
    for code in (BADGE, "#1002", CUP):
        station.scan(code)
    assert page.gift.isVisible()
    assert page.gift.message.text() == GIFT
    assert page.gift.card.text() == "Card not confirmed yet: put it in, then scan CARD"

    station.scan("KCMD:COMPLETE")
    assert page.banner.level == "refused"
    assert page.banner.detail.text() == reason_sentence(Reason.CARD_NOT_CONFIRMED)

    station.scan("KCMD:CARD")
    assert page.banner.level == "info"
    assert page.gift.card.text() == "✔ Card is in the box"
    station.scan("KCMD:COMPLETE")
    assert page.banner.level == "completed"
    assert not page.gift.isVisible()


def test_undo_takes_back_the_last_unit_from_a_button_too(qtbot: QtBot, station: Bench) -> None:
    page = station.page
    for code in (BADGE, "#1001", TEA, CUP):
        station.scan(code)
    assert station.line(1)[3] == "1 / 1"
    with qtbot.waitSignal(station.window.pack.scan_shown):
        qtbot.mouseClick(page.buttons[Command.UNDO], Qt.MouseButton.LeftButton)
    assert station.line(1)[3:] == ["0 / 1", "To do"]
    assert page.banner.headline.text() == "Undone"
    assert page.total.text() == "1 / 3 units"


def test_a_full_width_scan_is_read_and_the_packer_is_told_to_switch_the_ime_off(
    station: Bench,
) -> None:
    page = station.page
    station.scan("ＢＡＤＧＥ－０００１")
    assert page.logged_in
    assert page.ime_warning.isVisible()
    assert "IME" in page.ime_warning.text()
    station.scan("#1001")
    assert not page.ime_warning.isVisible()


def test_a_restarted_window_resumes_the_open_pack(qtbot: QtBot, bench: Database) -> None:
    first = Bench(qtbot, bench)
    for code in (BADGE, "#1001", TEA):
        first.scan(code)
    first.close()

    again = Bench(qtbot, bench)
    page = again.page
    assert page.logged_in
    assert page.user.text() == f"Packer: {PACKER}"
    assert page.order.text() == "Order #1001"
    assert again.line(0)[3:] == ["1 / 2", "In progress"]
    assert page.banner.headline.text() == "Order #1001 resumed"
    # The packer's scans of the open pack (the login before it is not one of them).
    recent = [page.recent.row_text(row) for row in range(2)]
    assert [row[1] for row in recent] == [TEA, "#1001"]
    # The times come from the scan records, so a restart still shows when each scan was.
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d", row[0]) for row in recent)
    for code in (TEA, CUP, "KCMD:COMPLETE"):
        again.scan(code)
    assert page.banner.level == "completed"
    again.close()
    assert order_state(bench, "#1001")[0] == "packed"


def test_a_scan_reaches_the_pack_screen_from_the_orders_page(station: Bench) -> None:
    window = station.window
    window.show_orders_page()
    window.orders_page.search.setFocus()
    station.scan(BADGE)
    assert window.pages.currentWidget() is window.pack_page
    assert station.page.logged_in
    assert window.orders_page.search.text() == ""


def test_a_pack_another_station_took_over_is_cleared_with_a_message(
    qtbot: QtBot, bench: Database
) -> None:
    window = MainWindow(Kenpin(bench).station_services(), "PACK-1")
    qtbot.addWidget(window)
    window.show()
    for code in (BADGE, "#1001", TEA):
        with qtbot.waitSignal(window.pack.scan_shown):
            window.pack.on_command_chosen(code)  # the path every scanner and button takes
    add_user(bench, "佐藤 健", "packer", "BADGE-0002")
    other = PackStation(bench, "PACK-2")
    lease_runs_out(bench, "#1001")
    other.scan(sent("BADGE-0002"))
    other.scan(sent("#1001"))

    with qtbot.waitSignal(window.pack.problem):
        window.pack.on_lease_timer()
    assert "#1001" in window.banner.text.text()
    assert window.banner.isVisible()
    assert window.pack_page.order.text() == "No order open"
    window.close()


def test_a_window_with_no_order_open_keeps_holding_its_station(
    qtbot: QtBot, bench: Database
) -> None:
    window = MainWindow(Kenpin(bench, holder="4242@bench-pc").station_services(), "PACK-1")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.pack.scan_shown):
        window.pack.on_command_chosen(BADGE)  # logged in, no order open
    with bench.write() as s:  # the hold as it stands 29 s later, on the database's clock
        s.execute(update(StationState).values(held_until=database_time(s)))

    with qtbot.waitSignal(window.pack.hold_kept):
        window.pack.on_lease_timer()

    with bench.read() as s:
        held_by, until = s.execute(select(StationState.held_by, StationState.held_until)).one()
        assert held_by == "4242@bench-pc"
        assert as_utc(until) > database_time(s) + dt.timedelta(seconds=20)
    window.close()


def test_a_serial_scanner_reading_on_its_own_thread_and_its_plug(
    qtbot: QtBot, bench: Database
) -> None:
    scanner = ScriptedScanner(name="/dev/ttyACM0")
    window = MainWindow(Kenpin(bench).station_services(), "PACK-1", [scanner])
    qtbot.addWidget(window)
    window.show()
    page = window.pack_page
    assert page.scanner_status.text() == "Scanner ready"
    assert page.scanner_status.toolTip() == "/dev/ttyACM0: connected"

    with qtbot.waitSignal(window.pack.scan_shown):
        # As the serial reader does: the scan is reported from the reading thread.
        reader = threading.Thread(target=scanner.scan, args=(BADGE,))
        reader.start()
    reader.join()
    assert page.logged_in

    scanner.unplug()
    assert page.scanner_status.text() == "Scanner /dev/ttyACM0 unplugged: plug it in"
    assert page.scanner_status.property("state") == "disconnected"
    scanner.plug_in()
    assert page.scanner_status.property("state") == "connected"
    window.close()
    assert scanner.closed


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_translation("ja")
    yield
    remove_translation(translators)


def test_the_japanese_window_speaks_japanese(japanese: None, station: Bench) -> None:
    page = station.page
    assert station.window.pages.tabText(1) == "梱包"
    assert page.login_prompt.text() == "バッジをスキャンしてください"
    station.scan(BADGE)
    station.scan("#1002")
    assert page.gift.title.text() == "ギフト: メッセージカードを入れてください"
    station.scan(SOAP)
    assert page.banner.headline.text() == "注文外の商品"
    assert page.banner.detail.text() == (
        "スキャンしたのは 柚子の石けん。注文の商品は 波佐見焼マグ 藍 です。"
        "箱から取り出してください。"
    )
    assert page.buttons[Command.COMPLETE].text() == "梱包完了"


def test_every_refusal_has_its_own_japanese_sentence(japanese: None) -> None:
    sentences = {reason: reason_sentence(reason) for reason in Reason}
    assert len(set(sentences.values())) == len(Reason)
    for reason, sentence in sentences.items():
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in sentence), (
            reason
        )


# The shipped translation ----------------------------------------------------------------

TOOLS = Path(sys.executable).parent


def _lupdate(ts: Path) -> None:
    # Every module of app/ui, the feature packages (pack/, orders/) included.
    sources = sorted(str(path) for path in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run(
        [TOOLS / "pyside6-lupdate", *sources, "-locations", "none", "-no-obsolete", "-ts", ts],
        check=True,
        capture_output=True,
    )


def test_every_text_of_the_window_has_a_japanese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "kenpin_ja.ts"
    shutil.copy(TRANSLATIONS / "kenpin_ja.ts", ts)
    _lupdate(ts)
    missing = [
        message.findtext("source")
        for message in ElementTree.parse(ts).getroot().iter("message")
        if not message.findtext("translation")
        or message.find("translation[@type='unfinished']") is not None
    ]
    assert missing == []


#: Calls that put a text on screen, and the position of the text among their arguments.
_SHOWN = {
    "setText": 0,
    "setToolTip": 0,
    "setWindowTitle": 0,
    "setPlaceholderText": 0,
    "QLabel": 0,
    "QPushButton": 0,
    "addTab": 1,
    "show_message": 1,
    "show_idle": 0,
    "show_failure": 0,
}


def _english_literals() -> list[str]:
    """`file:line` of each text put on screen as a literal (or an f-string with words)
    rather than through `tr`/`translate`, where lupdate would never see it."""
    found = []
    for path in sorted((ROOT / "app" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _SHOWN or len(node.args) <= _SHOWN[name]:
                continue
            text = node.args[_SHOWN[name]]
            words = ""
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                words = text.value
            elif isinstance(text, ast.JoinedStr):
                words = "".join(str(v.value) for v in text.values if isinstance(v, ast.Constant))
            if re.search("[A-Za-z]{2}", words):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_text_reaches_the_screen_without_going_through_the_translation() -> None:
    assert _english_literals() == []


def test_the_compiled_translation_says_what_its_source_says(qapp: QApplication) -> None:
    # Compared message by message rather than byte by byte: another lrelease version may
    # lay out the same translations differently.
    compiled = QTranslator()
    assert compiled.load(str(TRANSLATIONS / "kenpin_ja.qm"))
    stale = []
    for context in ElementTree.parse(TRANSLATIONS / "kenpin_ja.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source, wanted = message.findtext("source") or "", message.findtext("translation")
            if compiled.translate(name, source) != wanted:
                stale.append((name, source))
    assert stale == []


# Sounds ----------------------------------------------------------------------------------


def test_three_short_distinct_sounds_ship() -> None:
    frames = {}
    for sound in Sound:
        with wave.open(str(SOUNDS / f"{sound.value}.wav")) as clip:
            assert (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()) == (2, 2, 48_000)
            assert 0.05 < clip.getnframes() / clip.getframerate() < 1.0
            frames[sound] = clip.readframes(clip.getnframes())
    assert len(set(frames.values())) == 3


def test_a_station_without_an_audio_output_stays_silent(qapp: QApplication) -> None:
    sounds = StationSounds()
    for sound in Sound:
        sounds.play(sound)  # nothing to hear, nothing raised, nothing logged
    missing = StationSounds(folder=Path("/nonexistent"))
    assert not missing.audible
    missing.play(Sound.REFUSED)
