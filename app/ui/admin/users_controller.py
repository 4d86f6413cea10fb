"""The Users tab's logic: the users listed, one added, deactivated or reactivated, given a
new PIN, each on an admin's badge and PIN."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.signin import needs_pin
from app.db.users import UserRow
from app.services.admin import Administration
from app.services.users import NewUser, Where
from app.ui.admin.ask import Ask
from app.ui.admin.users_view import UsersPage
from app.ui.admin.view import fill
from app.ui.admin.words import role_words, yes_no
from app.ui.admin.work import AdminWork


class UsersController(AdminWork[list[UserRow]]):
    """Fills the users table and makes the changes its buttons ask for."""

    def __init__(
        self,
        admin: Administration,
        page: UsersPage,
        ask: Ask,
        where: Where,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(admin.users, ask, where, parent)
        self.admin = admin
        self.page = page
        self.users: list[UserRow] = []
        self._connect_signals()
        self.on_role_chosen()
        self.refresh()

    def _connect_signals(self) -> None:
        page = self.page
        page.table.itemSelectionChanged.connect(self.on_user_chosen)
        page.role.currentIndexChanged.connect(self.on_role_chosen)
        page.deactivate.clicked.connect(self.on_deactivate_clicked)
        page.reactivate.clicked.connect(self.on_reactivate_clicked)
        page.set_pin.clicked.connect(self.on_set_pin_clicked)
        page.add.clicked.connect(self.on_add_clicked)

    def show(self, listing: list[UserRow]) -> None:
        roles = role_words()
        self.users = listing
        fill(self.page.table, [(u.name, roles[u.role], yes_no(u.active)) for u in listing])
        self.on_user_chosen()

    def chosen(self) -> UserRow | None:
        """The user selected in the table, if any."""
        row = self.page.table.currentRow()
        selected = self.page.table.selectionModel().hasSelection()
        return self.users[row] if selected and 0 <= row < len(self.users) else None

    def on_user_chosen(self) -> None:
        """The buttons that fit the selected user are the ones enabled."""
        user = self.chosen()
        self.page.deactivate.setEnabled(user is not None and user.active)
        self.page.reactivate.setEnabled(user is not None and not user.active)
        with_pin = user is not None and needs_pin(user.role)
        self.page.set_pin.setEnabled(with_pin)
        self.page.new_pin.setEnabled(with_pin)

    def on_role_chosen(self) -> None:
        """A packer has no PIN: the field is off for one."""
        with_pin = needs_pin(self.page.chosen_role())
        self.page.pin.setEnabled(with_pin)
        if not with_pin:
            self.page.pin.clear()

    def on_deactivate_clicked(self) -> None:
        self._set_active(False)

    def on_reactivate_clicked(self) -> None:
        self._set_active(True)

    def _set_active(self, active: bool) -> None:
        user = self.chosen()
        if user is None:
            return
        said = (
            self.tr("{0} reactivated: their badge signs in again.")
            if active
            else self.tr("{0} deactivated: their badge no longer signs in.")
        )
        self.change(
            lambda by: self.admin.set_active(by, user.name, active, self.where),
            said.format(user.name),
        )

    def on_set_pin_clicked(self) -> None:
        user = self.chosen()
        if user is None:
            return
        pin = self.page.new_pin.text()
        self.change(
            lambda by: self.admin.reset_pin(by, user.name, pin, self.where),
            self.tr("{0} has a new PIN.").format(user.name),
            self.page.new_pin.clear,
        )

    def on_add_clicked(self) -> None:
        page = self.page
        role = page.chosen_role()
        user = NewUser(
            page.name.text(),
            role.value,
            page.badge.text(),
            page.pin.text() if needs_pin(role) else None,
        )
        self.change(
            lambda by: self.admin.add_user(by, user, self.where),
            self.tr("{0} added as {1}.").format(user.name.strip(), role_words()[role]),
            self._clear_new_user,
        )

    def _clear_new_user(self) -> None:
        for field in (self.page.name, self.page.badge, self.page.pin):
            field.clear()
