"""The PIN entry: a supervisor's or admin's badge was scanned, and the PIN is typed here.

Digits only, shown as dots; Enter sends the PIN with the badge, Esc cancels
(nobody signs in). A scanner's burst never lands in the field: the keyboard
wedge takes it as a scan, and the controller closes the entry before sending
that scan on its way.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QWidget

from app.core.signin import PIN_LENGTHS
from app.ui.pack.panels import named_label


class PinEntry(QFrame):
    """A masked field for a PIN; `entered` with the PIN on Enter, `cancelled` on Esc."""

    #: The PIN was typed and Enter pressed.
    entered = Signal(str)
    #: Esc: no PIN.
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinEntry")
        self.prompt = named_label("pinPrompt", "")
        self.field = QLineEdit()
        self.field.setObjectName("pinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(PIN_LENGTHS.stop - 1)
        digits = QRegularExpression(f"[0-9]{{0,{PIN_LENGTHS.stop - 1}}}")
        self.field.setValidator(QRegularExpressionValidator(digits, self.field))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.prompt, 2)
        layout.addWidget(self.field, 1)
        self.field.returnPressed.connect(self.on_return)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.on_escape)
        self.hide()

    def open_for(self, user: str) -> None:
        """Show the field, empty, with the keyboard in it, asking `user`'s PIN."""
        self.prompt.setText(self.tr("PIN for {0}: type it, then Enter (Esc cancels)").format(user))
        self.field.clear()
        self.show()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_entry(self) -> None:
        """Hide the field; what was typed is dropped."""
        self.field.clear()
        self.hide()

    def on_return(self) -> None:
        """Enter: send the PIN (a PIN too short is left to the station to refuse)."""
        pin = self.field.text()
        self.close_entry()
        if pin:
            self.entered.emit(pin)
        else:
            self.cancelled.emit()

    def on_escape(self) -> None:
        """Esc: no PIN, nobody signs in."""
        self.close_entry()
        self.cancelled.emit()
