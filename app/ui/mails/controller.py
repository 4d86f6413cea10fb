"""The Mails page's logic: read the listed e-mails off the GUI thread, and send one again
on a supervisor's badge and PIN (the credentials dialog); SMTP runs on the page's lane,
never on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTime, Signal
from PySide6.QtWidgets import QWidget

from app.core.errors import KenpinError
from app.core.mail.outbox import OutboxEntry
from app.services.mail.outbox import Mailer, MailRun
from app.services.signin import Credentials
from app.ui.credentials import refusal_words
from app.ui.jobs import JobLane
from app.ui.mails.view import MailsPage


class Window(Protocol):
    """What the page needs of the window: a place, the message channel, credentials."""

    def add_page(self, page: QWidget, title: str) -> int: ...
    def show_error(self, text: str) -> None: ...
    def ask_credentials(self, purpose: str) -> Credentials | None: ...


class MailsController(QObject):
    """Keeps the list of e-mails a supervisor must look at, and resends one."""

    #: A message for the window's banner.
    problem = Signal(str)
    #: The list just read is on the page.
    shown = Signal()
    #: A resend went out or was refused (its words on the page): tests wait for it.
    resend_done = Signal()

    def __init__(
        self,
        mails: Mailer,
        page: MailsPage,
        ask: Callable[[str], Credentials | None],
        place: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.mails = mails
        self.page = page
        self.ask = ask
        self.place = place
        self.lane = JobLane("mails", self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.page.came_into_view.connect(self.on_refresh)
        self.page.refresh.clicked.connect(self.on_refresh)
        self.page.refresh_shortcut.activated.connect(self.on_refresh)
        self.page.resend.clicked.connect(self.on_resend)
        self.page.table.itemSelectionChanged.connect(self.on_picked)

    def close(self) -> None:
        """Stop (the window is closing)."""
        self.lane.close()

    def on_refresh(self) -> None:
        """Read the list again, unless a read or a resend is on its way."""
        if self.lane.pending == 0:
            self.lane.submit(self.mails.listed, done=self.on_read, failed=self.on_failed)

    def on_picked(self) -> None:
        self.page.resend.setEnabled(self.page.picked_order() is not None)

    def on_read(self, entries: list[OutboxEntry]) -> None:
        self.page.show_entries(entries)
        at = QTime.currentTime().toString("HH:mm:ss")
        if entries:
            said = self.tr("E-mails to look at: {0} · read at {1}").format(len(entries), at)
        else:
            said = self.tr("No shipment e-mail needs a supervisor (read at {0}).").format(at)
        self.page.shown.setText(said)
        self.shown.emit()

    def on_failed(self, error: KenpinError) -> None:
        self.problem.emit(self.tr("Could not read the e-mails: {0}").format(error))

    def on_resend(self) -> None:
        """Ask a supervisor's badge and PIN, then send the picked e-mail again."""
        order = self.page.picked_order()
        if order is None or self.lane.pending:
            return
        by = self.ask(
            self.tr("Send the e-mail of order {0} again: a supervisor's badge and PIN.").format(
                order
            )
        )
        if by is None:
            self.page.shown.setText(self.tr("Not sent: no badge and PIN were given."))
            self.resend_done.emit()
            return
        self.page.resend.setEnabled(False)
        self.page.shown.setText(self.tr("Sending the e-mail of order {0}…").format(order))
        self.lane.submit(
            lambda: self.mails.resend(order, by, place=self.place),
            done=self.on_resent,
            failed=self.on_not_resent,
        )

    def on_resent(self, run: MailRun) -> None:
        if run.sent:
            said = self.tr("Sent again: {0}").format(", ".join(run.sent))
        else:
            said = self.tr("Not sent: {0}").format("; ".join(run.lines()))
        self.page.shown.setText(said)
        self.resend_done.emit()
        self.on_refresh()

    def on_not_resent(self, error: KenpinError) -> None:
        self.page.shown.setText(self.tr("Not sent: {0}").format(refusal_words(error)))
        self.resend_done.emit()


def add_mails_page(window: Window, mails: Mailer | None, station: str) -> MailsController | None:
    """Add the Mails page to `window` (when it has the mail service), wired to its banner."""
    if mails is None:
        return None
    page = MailsPage()
    window.add_page(page, page.title())
    controller = MailsController(
        mails,
        page,
        window.ask_credentials,
        station,
        window if isinstance(window, QObject) else None,
    )
    controller.problem.connect(window.show_error)
    return controller
