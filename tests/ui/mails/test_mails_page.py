"""The Mails page: the e-mails a supervisor must look at, and Resend on a badge and PIN,
sent off the GUI thread to a real SMTP server."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.db.database import Database
from app.services.mail.outbox import Mailer
from app.services.signin import Credentials
from app.ui.mails.controller import MailsController
from app.ui.mails.view import MailsPage
from app.ui.main_window import MainWindow
from tests.mailserver import (
    Clock,
    FlakyInbox,
)
from tests.services.mail.shipped import START, SUPERVISOR, shipped_orders, smtp_set_up
from tests.services.mail.test_outbox import plain_post

pytestmark = pytest.mark.gui


def cells(page: MailsPage) -> list[list[str]]:
    table = page.table
    return [
        [table.item(row, column).text() for column in range(4)] for row in range(table.rowCount())
    ]


def listed_page(
    qtbot: QtBot, db: Database, given: Credentials | None
) -> tuple[MailsPage, MailsController]:
    page = MailsPage()
    qtbot.addWidget(page)
    mailer = Mailer(db, post_of=plain_post, now=Clock(START))
    controller = MailsController(mailer, page, lambda _purpose: given, "S1", page)
    with qtbot.waitSignal(controller.shown, timeout=10_000):
        page.show()
    return page, controller


def test_a_mail_to_check_is_resent_once_on_a_supervisors_badge(
    qtbot: QtBot, sqlite_db: Database, inbox: FlakyInbox
) -> None:
    smtp_set_up(sqlite_db, inbox.port)
    shipped_orders(sqlite_db, "a@example.jp", "")
    inbox.drop_after_data = 1
    Mailer(sqlite_db, post_of=plain_post, now=Clock(START)).send()
    page, controller = listed_page(qtbot, sqlite_db, SUPERVISOR)
    assert cells(page) == [
        ["#2001", "check", "a@example.jp", "1"],
        ["#2002", "no address", "—", "0"],
    ]
    assert page.shown.text().startswith("E-mails to look at: 2")
    assert not page.resend.isEnabled()

    page.table.selectRow(0)
    with qtbot.waitSignal(controller.shown, timeout=10_000):
        with qtbot.waitSignal(controller.resend_done, timeout=10_000):
            page.resend.click()
        assert page.shown.text() == "Sent again: #2001"
    assert list(inbox.received.values()) == [2]
    assert cells(page) == [["#2002", "no address", "—", "0"]]


def test_no_badge_given_sends_nothing(qtbot: QtBot, sqlite_db: Database, inbox: FlakyInbox) -> None:
    smtp_set_up(sqlite_db, inbox.port)
    shipped_orders(sqlite_db, "a@example.jp")
    inbox.drop_after_data = 1
    Mailer(sqlite_db, post_of=plain_post, now=Clock(START)).send()
    page, controller = listed_page(qtbot, sqlite_db, None)
    page.table.selectRow(0)
    with qtbot.waitSignal(controller.resend_done, timeout=10_000):
        page.resend.click()
    assert page.shown.text() == "Not sent: no badge and PIN were given."
    assert list(inbox.received.values()) == [1]


def test_the_window_has_the_mails_page(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> None:
    window = MainWindow(Kenpin(sqlite_db).station_services(), "S1")
    qtbot.addWidget(window)
    assert window.mails is not None
    titles = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert "Mails" in titles
