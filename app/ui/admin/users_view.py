"""The Users tab's layout: every user (name, role, active; never a badge), the selected
user's buttons, and a box to add one. `UsersController` decides what it shows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.roles import Role
from app.core.signin import PIN_LENGTHS
from app.ui.admin.view import button_row, form_box, hint, listing_table
from app.ui.admin.words import role_words


def secret_field() -> QLineEdit:
    """A field for a badge or a PIN: typed unseen."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class UsersPage(QWidget):
    """Users: who signs in at the stations, and as what."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = listing_table([self.tr("Name"), self.tr("Role"), self.tr("Active")])
        self.deactivate = QPushButton(self.tr("Deactivate"))
        self.reactivate = QPushButton(self.tr("Reactivate"))
        self.new_pin = secret_field()
        self.new_pin.setMaxLength(PIN_LENGTHS.stop - 1)
        self.new_pin.setPlaceholderText(self.tr("new PIN"))
        self.set_pin = QPushButton(self.tr("Set new PIN"))
        for button in (self.deactivate, self.reactivate, self.set_pin):
            button.setEnabled(False)

        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.role = QComboBox()
        for role, words in role_words().items():
            self.role.addItem(words, role.value)
        self.badge = secret_field()
        self.badge.setMaxLength(64)
        self.pin = secret_field()
        self.pin.setMaxLength(PIN_LENGTHS.stop - 1)
        self.add = QPushButton(self.tr("Add user"))
        self._build()

    def _build(self) -> None:
        selected = QHBoxLayout()
        selected.addWidget(self.deactivate)
        selected.addWidget(self.reactivate)
        selected.addStretch(1)
        selected.addWidget(self.new_pin)
        selected.addWidget(self.set_pin)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(selected)
        left.addWidget(
            hint(
                self.tr(
                    "A deactivated user's badge no longer signs in, at once, at every "
                    "station. Packers have no PIN."
                )
            )
        )
        box, form = form_box(
            self.tr("Add a user"),
            [
                (self.tr("Name"), self.name),
                (self.tr("Role"), self.role),
                (self.tr("Badge"), self.badge),
                (self.tr("PIN"), self.pin),
            ],
        )
        form.addRow(
            hint(
                self.tr(
                    "Scan or type the badge: it is never shown again. Supervisors and "
                    "admins need a PIN of {0} to {1} digits."
                ).format(PIN_LENGTHS.start, PIN_LENGTHS.stop - 1)
            )
        )
        form.addRow(button_row(self.add))
        right = QVBoxLayout()
        right.addWidget(box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())
