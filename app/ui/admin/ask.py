"""Asking for an admin's badge and PIN before a change: a stand-in with two input boxes.

The admin pages take any `Ask` (a callable giving `Credentials`, or None when
the admin cancelled); the window wires this one until the shared credentials
dialog replaces it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from app.services.signin import Credentials
from app.ui.admin.badge_scans import BadgeScans

#: Gives the admin's badge and PIN, or None when the admin cancelled.
Ask = Callable[[], Credentials | None]

translate = QCoreApplication.translate


def ask_in_boxes(parent: QWidget, scans: BadgeScans | None = None) -> Ask:
    """An `Ask` that asks for the badge (scanned into the box through `scans`, or typed),
    then the PIN, each unseen."""

    def ask() -> Credentials | None:
        badge = _asked(parent, translate("Admin", "Scan or type an admin's badge:"), scans)
        if not badge:
            return None
        pin = _asked(parent, translate("Admin", "The admin's PIN:"), None)
        if pin is None:
            return None
        return Credentials(badge, pin or None)

    return ask


def _asked(parent: QWidget, label: str, scans: BadgeScans | None) -> str | None:
    """What was typed (or scanned) into a box, stripped; None when it was cancelled."""
    box = QInputDialog(parent)
    box.setWindowTitle(translate("Admin", "An admin's badge and PIN"))
    box.setLabelText(label)
    box.setTextEchoMode(QLineEdit.EchoMode.Password)
    field = box.findChild(QLineEdit)
    if scans is not None and field is not None:
        scans.watch(field)
    answered = box.exec() == QDialog.DialogCode.Accepted
    if scans is not None:
        scans.release()
    return box.textValue().strip() if answered else None
