"""A supervisor signs in at the window: the badge opens the PIN entry (digits, shown as
dots), Enter sends the PIN, Esc cancels, and a scan meanwhile is a scan, never the PIN;
the header names the role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.users import add_user
from tests.scanning.keys import press, type_text
from tests.stationdata import SUPERVISOR_PIN
from tests.ui.pack.test_screen import WAIT_MS, Station
from tests.ui.pack.test_window import BADGE, PACKER, bench  # noqa: F401

pytestmark = pytest.mark.gui

SATO, SUPERVISOR = "BADGE-SUP-9", "佐藤 健"


@pytest.fixture
def station(qtbot: QtBot, bench: Database) -> Iterator[Station]:  # noqa: F811
    add_user(bench, SUPERVISOR, "supervisor", SATO, SUPERVISOR_PIN)
    at_bench = Station(qtbot, bench)
    yield at_bench
    at_bench.close()


def type_pin(station: Station, pin: str) -> int:
    """A person types `pin` into the PIN field, a key every 150 ms; the time after."""
    field = station.page.pin_entry.field
    at = type_text(field, pin, start=station.clock, gap=150)
    station.qtbot.waitUntil(lambda: field.text() == pin, timeout=WAIT_MS)
    station.clock = at + 1_000
    return at


def test_a_supervisor_badge_asks_for_the_pin_and_the_right_one_signs_in(
    qtbot: QtBot, station: Station
) -> None:
    page = station.page
    station.scan(SATO)
    assert not page.logged_in
    assert page.pin_entry.isVisible()
    assert QApplication.focusWidget() is page.pin_entry.field
    assert page.pin_entry.field.echoMode() is QLineEdit.EchoMode.Password
    assert SUPERVISOR in page.pin_entry.prompt.text()
    at = type_pin(station, SUPERVISOR_PIN)
    # Shown as dots: the text on screen is not the PIN.
    assert page.pin_entry.field.displayText() != SUPERVISOR_PIN
    with qtbot.waitSignal(station.window.pack.scan_shown, timeout=WAIT_MS):
        press(page.pin_entry.field, Qt.Key.Key_Return, "\r", at + 150)
    assert page.logged_in
    assert page.user.text() == f"Supervisor: {SUPERVISOR}"
    assert not page.pin_entry.isVisible()
    assert page.pin_entry.field.text() == ""


def test_a_wrong_pin_is_refused_and_letters_never_reach_the_field(
    qtbot: QtBot, station: Station
) -> None:
    page = station.page
    station.scan(SATO)
    at = type_pin(station, "13")
    type_text(page.pin_entry.field, "ab", start=at, gap=150)
    qtbot.wait(400)
    assert page.pin_entry.field.text() == "13"
    field = page.pin_entry.field
    station.clock = type_text(field, "57", start=at + 1_000, gap=150) + 1_000
    qtbot.waitUntil(lambda: field.text() == "1357", timeout=WAIT_MS)
    with qtbot.waitSignal(station.window.pack.scan_shown, timeout=WAIT_MS):
        press(page.pin_entry.field, Qt.Key.Key_Return, "\r", station.clock)
    assert not page.logged_in
    assert page.banner.level == "refused"
    assert page.banner.headline.text() == "Wrong PIN"
    assert SUPERVISOR in page.banner.detail.text()


def test_esc_cancels_and_nobody_signs_in(qtbot: QtBot, station: Station) -> None:
    page = station.page
    station.scan(SATO)
    type_pin(station, "24")
    qtbot.keyClick(page.pin_entry.field, Qt.Key.Key_Escape)
    assert not page.pin_entry.isVisible()
    assert page.pin_entry.field.text() == ""
    assert not page.logged_in
    assert page.banner.headline.text() == "Not signed in"


def test_a_scan_while_the_pin_is_asked_for_is_a_scan_not_the_pin(
    qtbot: QtBot, station: Station
) -> None:
    page = station.page
    station.scan(SATO)
    type_pin(station, "24")
    # The packer's badge, scanned while the field has the keyboard: a scan, the entry closes.
    station.scan(BADGE)
    assert not page.pin_entry.isVisible()
    assert page.logged_in
    assert page.user.text() == f"Packer: {PACKER}"
    assert page.banner.level != "refused"
    assert station.window.pack.view is not None
    assert station.window.pack.view.user is not None
    assert station.window.pack.view.user.name == PACKER


def test_a_locked_badge_is_refused_without_asking(qtbot: QtBot, station: Station) -> None:
    page = station.page
    for _ in range(5):
        station.scan(SATO)
        type_pin(station, "0000")
        with qtbot.waitSignal(station.window.pack.scan_shown, timeout=WAIT_MS):
            press(page.pin_entry.field, Qt.Key.Key_Return, "\r", station.clock)
        station.clock += 1_000
    station.scan(SATO)
    assert not page.pin_entry.isVisible()
    assert page.banner.headline.text() == "Badge locked"
    assert "locked" in page.banner.detail.text()
