"""The credentials dialog: a supervisor's (or an admin's) badge and PIN for one action of the
window, shared by every page that needs them (`ask_credentials`).

The badge is a secret, so its field is masked like the PIN's. A badge is
scanned or typed: a scanner types its code and Enter, and Enter in the badge
field moves on to the PIN rather than closing the dialog. In the station
window the keyboard wedge reads a scanner's burst as a scan before any field
sees it (and a serial scanner types nothing at all), so while the dialog is
open the window's scanners are turned aside into the badge field
(`ScanSwitch.divert`): the scan never reaches the pack station. Enter in the
PIN field signs; Esc cancels. What the dialog returns is checked by the
service the page calls (`app.services.signin.signed_in`), never here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KenpinError
from app.core.roles import Role
from app.core.scans import Scan
from app.core.signin import PIN_LENGTHS, until_shown
from app.scanning.source import ScanSwitch
from app.services.signin import Credentials, SignInRefused, Why

translate = QCoreApplication.translate

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CredentialsDialog(QDialog):
    """Asks a badge and its PIN for `purpose`; `credentials()` once accepted."""

    #: A scan from one of the window's scanners, from whatever thread read it: the badge.
    scan_arrived = Signal(object)

    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialsDialog")
        self.setWindowTitle(self.tr("Badge and PIN"))
        self.setModal(True)
        self.purpose = QLabel(purpose)
        self.purpose.setObjectName("credentialsPurpose")
        self.purpose.setWordWrap(True)
        self.hint = QLabel(
            self.tr(
                "Scan your badge (or type it and press Enter), then type your PIN and press "
                "Enter. Esc cancels."
            )
        )
        self.hint.setWordWrap(True)
        self.badge = QLineEdit()
        self.badge.setObjectName("credentialsBadge")
        self.badge.setEchoMode(QLineEdit.EchoMode.Password)
        self.badge.setMaxLength(64)
        self.pin = QLineEdit()
        self.pin.setObjectName("credentialsPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_LENGTHS.stop - 1)
        digits = QRegularExpression(f"[0-9]{{0,{PIN_LENGTHS.stop - 1}}}")
        self.pin.setValidator(QRegularExpressionValidator(digits, self.pin))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Sign"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                # Enter belongs to the fields: a scanner's Enter after the badge must not sign.
                button.setAutoDefault(False)
                button.setDefault(False)
        self._build()
        self._connect_signals()
        self.on_edited()
        self.setMinimumWidth(440)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Badge"), self.badge)
        form.addRow(self.tr("PIN"), self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.purpose)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.scan_arrived.connect(self.on_scan)
        self.badge.returnPressed.connect(self.on_badge_entered)
        self.pin.returnPressed.connect(self.on_pin_entered)
        self.badge.textChanged.connect(self.on_edited)
        self.pin.textChanged.connect(self.on_edited)
        self.buttons.accepted.connect(self.on_pin_entered)
        self.buttons.rejected.connect(self.reject)

    def credentials(self) -> Credentials | None:
        """The badge and PIN given, once both are there."""
        badge, pin = self.badge.text().strip(), self.pin.text()
        return Credentials(badge, pin) if badge and pin else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QDialog presses its default button on Enter; here Enter is the fields' business.
        if event.key() in _ENTER_KEYS:
            event.accept()
            return
        super().keyPressEvent(event)

    # Slots ---------------------------------------------------------------------

    def on_scan(self, scan: Scan) -> None:
        """A scan while the dialog is open is the badge: in its field, then on to the PIN."""
        if scan.unreadable or not scan.code:
            self.badge.clear()
            self.badge.setFocus()
            return
        self.badge.setText(scan.code)
        self.on_badge_entered()

    def on_badge_entered(self) -> None:
        """Enter after the badge (a scanner's, or typed): on to the PIN."""
        if self.badge.text().strip():
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_pin_entered(self) -> None:
        """Enter after the PIN (or Sign): done once both are there."""
        if not self.badge.text().strip():
            self.badge.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.pin.text():
            self.accept()

    def on_edited(self, _text: str = "") -> None:
        """Sign is offered once a badge and a PIN are both there."""
        self.ok.setEnabled(self.credentials() is not None)


def ask_credentials(
    parent: QWidget | None, purpose: str, scanners: Sequence[ScanSwitch] = ()
) -> Credentials | None:
    """Ask a supervisor's or admin's badge and PIN for `purpose` (a sentence naming the
    action); None when cancelled. `scanners` (the window's) scan into the badge field while
    the dialog is open, then go back to the station."""
    dialog = CredentialsDialog(purpose, parent)
    for switch in scanners:
        switch.divert(dialog.scan_arrived.emit)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        given = dialog.credentials() if accepted else None
    finally:
        for switch in scanners:
            switch.divert(None)
        dialog.deleteLater()
    return given


def refusal_words(error: KenpinError) -> str:
    """Why the badge and PIN were refused, in the window's language (a sign-in refusal), or
    the refusal as the service said it (anything else)."""
    if not isinstance(error, SignInRefused):
        return str(error)
    if error.why is Why.NOBODY:
        return translate("Credentials", "That badge is not an active user's badge.")
    if error.why is Why.ROLE:
        if error.roles == {Role.ADMIN}:
            return translate("Credentials", "{0} may not do this: it needs an admin.").format(
                error.name
            )
        return translate(
            "Credentials", "{0} may not do this: it needs a supervisor or an admin."
        ).format(error.name)
    if error.why is Why.PIN_MISSING:
        return translate("Credentials", "The PIN for {0} is needed.").format(error.name)
    until = until_shown(error.locked_until) if error.locked_until is not None else ""
    if error.why is Why.LOCKED:
        return translate(
            "Credentials", "This badge is locked after too many wrong PINs until {0} (Japan time)."
        ).format(until)
    said = translate("Credentials", "Wrong PIN for {0}.").format(error.name)
    if until:
        said += " " + translate(
            "Credentials", "The badge is now locked until {0} (Japan time)."
        ).format(until)
    return said
