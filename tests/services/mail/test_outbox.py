"""Shipment e-mails against a real SMTP server on 127.0.0.1 that refuses once and cuts a
connection once: every order mailed exactly once or listed as "check", never twice."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from app.core.errors import Refused
from app.core.mail.outbox import MailStatus
from app.core.mail.settings import SmtpSettings
from app.db.database import Database
from app.db.mail_models import MailOutboxRow
from app.db.models import AuditEntry, Order
from app.services.mail.outbox import Mailer
from app.services.mail.smtp import Post, SmtpPost
from tests.mailserver import (
    Clock,
    FlakyInbox,
)
from tests.services.mail.shipped import START, SUPERVISOR, shipped_orders, smtp_set_up


def plain_post(settings: SmtpSettings) -> Post:
    return SmtpPost(settings, None, timeout=5)


def mailer(db: Database, clock: Clock) -> Mailer:
    return Mailer(db, post_of=plain_post, now=clock)


def statuses(db: Database) -> dict[str, str]:
    with db.read() as s:
        rows = s.execute(select(MailOutboxRow.order_id, MailOutboxRow.status)).all()

        names = dict(s.execute(select(Order.id, Order.number)).all())
    return {names[order_id]: status.value for order_id, status in rows}


def message_ids(db: Database) -> dict[str, str]:
    with db.read() as s:
        rows = s.execute(
            select(Order.number, MailOutboxRow.message_id).join(
                Order, Order.id == MailOutboxRow.order_id
            )
        )
        return dict(rows.all())


def test_each_order_is_mailed_once_or_listed_to_check_never_twice(
    db: Database, inbox: FlakyInbox
) -> None:
    smtp_set_up(db, inbox.port)
    orders = shipped_orders(db, "a@example.jp", "b@example.jp", "c@example.jp", "d@example.jp", "")
    inbox.refuse_rcpt, inbox.drop_after_data = 1, 1
    clock = Clock(START)

    first = mailer(db, clock).send()
    assert first.queued == orders[:4] and first.no_address == ["#2005"]
    # #2001 refused (451) before its message went out; #2002 cut off after its message.
    assert (first.retry, first.check, first.sent) == (["#2001"], ["#2002"], ["#2003", "#2004"])
    again = mailer(db, clock).send()
    assert again.lines() == ["no e-mail was due"], "the retry waits its minute"
    clock.wait(seconds=61)
    assert mailer(db, clock).send().sent == ["#2001"]
    clock.wait(hours=3)
    assert mailer(db, clock).send().lines() == ["no e-mail was due"]

    ids = message_ids(db)
    assert inbox.received == Counter({ids[number]: 1 for number in orders[:4]})
    assert statuses(db) == {
        "#2001": "sent",
        "#2002": "check",
        "#2003": "sent",
        "#2004": "sent",
        "#2005": "no_address",
    }
    listed = mailer(db, clock).listed()
    assert [(entry.order, entry.status) for entry in listed] == [
        ("#2002", MailStatus.CHECK),
        ("#2005", MailStatus.NO_ADDRESS),
    ]
    assert "may have been delivered" in listed[0].last_error

    # The supervisor looked and sends #2002 again: the same Message-ID, once more.
    resent = mailer(db, clock).resend("#2002", SUPERVISOR)
    assert resent.sent == ["#2002"]
    assert inbox.received[ids["#2002"]] == 2
    assert sum(inbox.received.values()) == 5
    assert [entry.order for entry in mailer(db, clock).listed()] == ["#2005"]
    with db.read() as s:
        details = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "mail.resend"))
        assert [ids["#2002"] in detail for detail in details] == [True]


def test_the_mail_says_what_shipped_and_how_to_follow_it(db: Database, inbox: FlakyInbox) -> None:
    smtp_set_up(db, inbox.port)
    shipped_orders(db, "hanako@example.jp")
    assert mailer(db, Clock(START)).send().sent == ["#2001"]
    (message,) = inbox.messages
    assert message["To"] == "hanako@example.jp"
    assert "shop@example.jp" in message["From"]
    body = message.get_content()
    assert "山田 1 様" in body and "item TEA × 2" in body and "ヤマト運輸" in body
    assert "number01=300000000001" in body
    assert str(message["Subject"]).endswith("（注文番号 #2001）")


def test_a_refusal_is_tried_again_with_growing_pauses_then_listed_failed(
    db: Database, inbox: FlakyInbox
) -> None:
    smtp_set_up(db, inbox.port)
    shipped_orders(db, "a@example.jp")
    inbox.refuse_rcpt = 99
    clock = Clock(START)
    tries = []
    for waited in (0, 59, 1, 299, 1, 30 * 60, 2 * 3600, 24 * 3600):
        clock.wait(seconds=waited)
        mailer(db, clock).send()
        tries.append(inbox.rcpt_tries)
    # Tried at once, after 1 min, 5 min, 30 min and 2 h: five tries, then failed.
    assert tries == [1, 1, 2, 2, 3, 4, 5, 5]
    assert statuses(db) == {"#2001": "failed"}
    assert [entry.status for entry in mailer(db, clock).listed()] == [MailStatus.FAILED]
    assert not inbox.received


def test_a_mailbox_refused_for_good_is_listed_failed_at_once(
    db: Database, inbox: FlakyInbox
) -> None:
    smtp_set_up(db, inbox.port)
    shipped_orders(db, "gone@example.jp", "b@example.jp")
    inbox.unknown = {"gone@example.jp"}
    run = mailer(db, Clock(START)).send()
    assert (run.failed, run.sent) == (["#2001"], ["#2002"])
    assert "550" in mailer(db, Clock(START)).listed()[0].last_error


class DiesMidway:
    """A sender that dies while the server has the message (the PC lost power)."""

    def deliver(self, message: object, recipient: str) -> object:
        raise SystemExit("power cut")


def test_a_mail_left_sending_by_a_sender_that_died_is_listed_to_check_not_sent_again(
    db: Database, inbox: FlakyInbox
) -> None:
    smtp_set_up(db, inbox.port)
    shipped_orders(db, "a@example.jp")
    clock = Clock(START)
    with pytest.raises(SystemExit):
        Mailer(db, post_of=lambda _settings: DiesMidway(), now=clock).send()  # type: ignore[arg-type, return-value]
    assert statuses(db) == {"#2001": "sending"}
    clock.wait(minutes=11)
    run = mailer(db, clock).send()
    assert (run.check, run.sent) == (["#2001"], [])
    assert not inbox.received
    assert [entry.status for entry in mailer(db, clock).listed()] == [MailStatus.CHECK]


def test_a_server_that_cannot_be_reached_stops_the_run_and_keeps_the_mails(db: Database) -> None:
    from tests.mailserver import free_port

    smtp_set_up(db, free_port())
    shipped_orders(db, "a@example.jp", "b@example.jp")
    run = mailer(db, Clock(START)).send()
    assert run.retry == ["#2001"] and run.stopped
    assert statuses(db) == {"#2001": "retry", "#2002": "queued"}


def test_sending_without_an_smtp_server_set_is_refused_naming_the_settings(db: Database) -> None:
    shipped_orders(db, "a@example.jp")
    with pytest.raises(Refused, match=r"smtp\.host and smtp\.from not set"):
        mailer(db, Clock(START)).send()
    assert statuses(db) == {}


def test_only_a_listed_mail_is_sent_again(db: Database, inbox: FlakyInbox) -> None:
    smtp_set_up(db, inbox.port)
    shipped_orders(db, "a@example.jp", "")
    mailer(db, Clock(START)).send()
    with pytest.raises(Refused, match="its e-mail is sent; only failed, check and no_address"):
        mailer(db, Clock(START)).resend("#2001", SUPERVISOR)
    with pytest.raises(Refused, match="#2002 still has no e-mail address"):
        mailer(db, Clock(START)).resend("#2002", SUPERVISOR)
    assert sum(inbox.received.values()) == 1
