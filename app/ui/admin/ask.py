"""Asking for an admin's badge and PIN before a change: a stand-in with two input boxes.

The admin pages take any `Ask` (a callable giving `Credentials`, or None when
the admin cancelled); the window wires this one until the shared credentials
dialog replaces it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from app.services.signin import Credentials

#: Gives the admin's badge and PIN, or None when the admin cancelled.
Ask = Callable[[], Credentials | None]

translate = QCoreApplication.translate


def ask_in_boxes(parent: QWidget) -> Ask:
    """An `Ask` that asks for the badge, then the PIN, each typed unseen."""

    def ask() -> Credentials | None:
        title = translate("Admin", "An admin's badge and PIN")
        badge, given = QInputDialog.getText(
            parent,
            title,
            translate("Admin", "Scan or type an admin's badge:"),
            QLineEdit.EchoMode.Password,
        )
        if not given or not badge.strip():
            return None
        pin, given = QInputDialog.getText(
            parent, title, translate("Admin", "The admin's PIN:"), QLineEdit.EchoMode.Password
        )
        if not given:
            return None
        return Credentials(badge.strip(), pin.strip() or None)

    return ask
