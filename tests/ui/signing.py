"""Answering the credentials dialog in a GUI test: the dialog is modal (`exec()` runs its own
event loop), so the answer is typed from a timer once it is up, as a person at the bench
types it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.credentials import CredentialsDialog

#: How often the timer looks for the dialog; it is up within a few event-loop turns.
_LOOK_MS = 10


def when_asked(act: Callable[[CredentialsDialog], None]) -> None:
    """Run `act` on the next credentials dialog once it is open."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, CredentialsDialog) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(_LOOK_MS, look)

    QTimer.singleShot(0, look)


def will_sign(qtbot: QtBot, badge: str, pin: str) -> list[CredentialsDialog]:
    """The next dialog gets `badge` typed, Enter, `pin` typed, Enter; the dialogs answered."""
    answered: list[CredentialsDialog] = []

    def sign(dialog: CredentialsDialog) -> None:
        answered.append(dialog)
        qtbot.keyClicks(dialog.badge, badge)
        qtbot.keyClick(dialog.badge, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.pin, pin)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    when_asked(sign)
    return answered


def will_cancel(qtbot: QtBot) -> None:
    """The next dialog is left with Esc."""
    when_asked(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
