"""The credentials dialog, typed into as a supervisor does: badge (masked) and PIN (digits,
masked), a scanner's burst into the badge, Esc; and its refusals worded."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.core.roles import Role
from app.core.scans import Scan
from app.scanning.source import ScanSwitch
from app.scanning.wedge import KeyboardWedge
from app.services.signin import Credentials, SignInRefused, Why
from app.ui.credentials import CredentialsDialog, ask_credentials, refusal_words
from tests.scanning.keys import person_types, scanner_sends
from tests.ui.signing import when_asked, will_cancel, will_sign

pytestmark = pytest.mark.gui


def test_a_typed_badge_and_pin_come_back_as_credentials(qtbot: QtBot) -> None:
    answered = will_sign(qtbot, "BADGE-S1", "2468")
    given = ask_credentials(None, "Void the label 1000000000006 of #1001")
    assert given == Credentials("BADGE-S1", "2468")
    dialog = answered[0]
    assert dialog.purpose.text() == "Void the label 1000000000006 of #1001"
    # The title names no role: the purpose says whose badge (an admin's, for the shop).
    assert dialog.windowTitle() == "Badge and PIN"
    # Both are secrets: neither is shown as typed.
    assert dialog.badge.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.pin.echoMode() is QLineEdit.EchoMode.Password


def test_esc_cancels(qtbot: QtBot) -> None:
    will_cancel(qtbot)
    assert ask_credentials(None, "Save the shop settings") is None


def test_enter_after_the_badge_goes_on_to_the_pin_and_the_pin_takes_digits_only(
    qtbot: QtBot,
) -> None:
    dialog = CredentialsDialog("Mark reviewed")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.badge, "BADGE-S1")
    qtbot.keyClick(dialog.badge, Qt.Key.Key_Return)
    # Enter after the badge (a scanner ends its code with one) does not close the dialog.
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.waitUntil(dialog.pin.hasFocus)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.pin, "24a8-6")
    assert dialog.pin.text() == "2486"
    assert dialog.ok.isEnabled()
    assert dialog.credentials() == Credentials("BADGE-S1", "2486")


def test_a_scanner_burst_lands_in_the_badge_and_never_reaches_the_station(
    qtbot: QtBot,
) -> None:
    wedge = KeyboardWedge()
    switch = ScanSwitch(wedge)
    at_station: list[Scan] = []
    switch.start(at_station.append, lambda _status: None)

    def scan_then_type_pin(dialog: CredentialsDialog) -> None:
        dialog.badge.setFocus()
        after = scanner_sends(dialog.badge, "BADGE-S1")
        qtbot.waitUntil(dialog.pin.hasFocus)
        person_types(dialog.pin, "2468", start=after + 500)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)
    try:
        when_asked(scan_then_type_pin)
        given = ask_credentials(None, "Mark reviewed", [switch])
        # Once the dialog is closed, scans go to the station again.
        scanner_sends(elsewhere, "#1001", start=90_000)
    finally:
        switch.close()
    assert given == Credentials("BADGE-S1", "2468")
    assert [scan.code for scan in at_station] == ["#1001"]


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (SignInRefused("x", Why.NOBODY), "That badge is not an active user's badge."),
        (
            SignInRefused("x", Why.ROLE, name="Hanako", roles={Role.ADMIN}),
            "Hanako may not do this: it needs an admin.",
        ),
        (
            SignInRefused("x", Why.ROLE, name="Hanako", roles={Role.SUPERVISOR, Role.ADMIN}),
            "Hanako may not do this: it needs a supervisor or an admin.",
        ),
        (SignInRefused("x", Why.PIN_WRONG, name="佐藤 健"), "Wrong PIN for 佐藤 健."),
        (
            SignInRefused(
                "x",
                Why.PIN_WRONG,
                name="佐藤 健",
                locked_until=dt.datetime(2026, 12, 1, 7, 5, tzinfo=dt.UTC),
            ),
            "Wrong PIN for 佐藤 健. The badge is now locked until 2026-12-01 16:05 (Japan time).",
        ),
        (
            SignInRefused(
                "x", Why.LOCKED, locked_until=dt.datetime(2026, 12, 1, 7, 5, tzinfo=dt.UTC)
            ),
            "This badge is locked after too many wrong PINs until 2026-12-01 16:05 (Japan time).",
        ),
    ],
)
def test_refusals_are_worded_for_the_window(error: SignInRefused, said: str) -> None:
    assert refusal_words(error) == said
