"""Shipment e-mails through the outbox: each shipped order mailed once, or listed.

`Mailer.send` queues every shipped order without a row, then sends the rows due. A
row is committed `sending` before its SMTP transaction, so a crash or a lost
connection can never lead to a second mail without a person deciding it
(`app.core.mail.outbox`). The lead's manifest close calls `after_manifest_closed`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage

from sqlalchemy.orm import Session

from app.core import shop
from app.core.audit import Action
from app.core.errors import Refused
from app.core.mail.outbox import (
    RESENDABLE,
    SENDING_GIVEN_UP,
    MailStatus,
    OutboxEntry,
    after_failure,
    message_id,
)
from app.core.mail.settings import (
    Language,
    SmtpSettings,
    mail_language,
    mails_on_close,
    smtp_settings,
)
from app.core.mail.template import DEFAULT_TEMPLATES, MailTemplate, written
from app.core.times import JAPAN
from app.db import audit, shipments
from app.db import mail as store
from app.db.database import Database
from app.db.mail_models import MailOutboxRow
from app.db.models import utcnow
from app.services.mail.password import smtp_password
from app.services.mail.smtp import Post, SmtpPost, Tried, Verdict, shipment_message
from app.services.shop_settings import Overrides, values_in_force
from app.services.signin import Credentials, signed_in

Clock = Callable[[], dt.datetime]
#: Orders shipped this many days back are mailed when first found; older ones never (a shop
#: that sets up e-mail does not mail last year's customers).
QUEUE_DAYS = 7


@dataclass(slots=True)
class MailRun:
    """What one run did: orders by what became of their e-mail."""

    queued: list[str] = field(default_factory=list)
    no_address: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    check: list[str] = field(default_factory=list)
    #: Why the run stopped early (the server unreachable, the login refused), or "".
    stopped: str = ""

    def lines(self) -> list[str]:
        """One line per kind of outcome, for the command's output."""
        said = []
        for name, orders in (
            ("queued", self.queued),
            ("no e-mail address (listed)", self.no_address),
            ("sent", self.sent),
            ("to be tried again", self.retry),
            ("failed (listed)", self.failed),
            ("to check: may have been delivered (listed)", self.check),
        ):
            if orders:
                said.append(f"{name}: {len(orders)} ({', '.join(orders)})")
        if self.stopped:
            said.append(f"stopped: {self.stopped}")
        return said or ["no e-mail was due"]


@dataclass(frozen=True, slots=True)
class Mailer:
    """The shipment e-mails of one database, sent through `post_of`'s server."""

    db: Database
    overrides: Overrides = field(default_factory=dict)
    #: KENPIN_SMTP_PASSWORD (None: the OS keyring's, if any).
    password: str | None = field(default=None, repr=False)
    #: The server e-mails go to (tests give theirs); None: the shop's SMTP server.
    post_of: Callable[[SmtpSettings], Post] | None = None
    now: Clock = utcnow

    def send(self, since: dt.date | None = None) -> MailRun:
        """Queue the shipped orders not yet queued (shipped on or after `since`, default
        QUEUE_DAYS ago), then send every row due."""
        values = self._values()
        smtp = smtp_settings(values)
        run = MailRun()
        now = self.now()
        since = since or (now.astimezone(JAPAN).date() - dt.timedelta(days=QUEUE_DAYS))
        with self.db.write() as session:
            self._queue(session, values, smtp, since, run)
        return self.send_due(run=run)

    def after_manifest_closed(self) -> MailRun | None:
        """Send the e-mails now if mail.on_close says so (None: it does not, or no SMTP
        server is set)."""
        return self.send() if mails_on_close(self._values()) else None

    def send_due(self, only: Collection[int] | None = None, run: MailRun | None = None) -> MailRun:
        """Send the rows due (of the orders `only`, if given), each at most once a run."""
        run = run or MailRun()
        values = self._values()
        smtp = smtp_settings(values)
        post = (
            self.post_of(smtp)
            if self.post_of is not None
            else SmtpPost(smtp, smtp_password(smtp.user, self.password))
        )
        with self.db.write() as session:
            run.check += store.interrupted_to_check(session, self.now() - SENDING_GIVEN_UP)
        tried: set[int] = set()
        while True:
            now = self.now()
            with self.db.write() as session:
                row_id = store.next_due(session, now, only, tried)
                if row_id is None:
                    break
                tried.add(row_id)
                row = store.claim(session, row_id, now)
                if row is None:
                    continue  # another sender took it first
                number, message = self._message(session, row, values, smtp, now)
                to_address = row.to_address
            # Committed `sending`: from here a crash leaves the row for `check`.
            outcome = post.deliver(message, to_address)
            self._record(row_id, number, outcome, run)
            if outcome.server_down:
                run.stopped = outcome.said
                break
        return run

    def resend(self, order: str, by: Credentials, *, place: str = "cli: notify resend") -> MailRun:
        """Send a listed e-mail (check, failed, no address) again under its Message-ID, on a
        supervisor's word; audited. Refused, nothing changed, for any other."""
        smtp_settings(self._values())
        supervisor = signed_in(self.db, by, place=place)
        with self.db.write() as session:
            order_id, row = _listed_row(session, order.strip())
            was = row.status
            if was is MailStatus.NO_ADDRESS:
                row.to_address = store.order_email(session, order_id)
                if not row.to_address:
                    raise Refused(f"order {order.strip()} still has no e-mail address")
            row.status, row.attempts, row.last_error = MailStatus.QUEUED, 0, ""
            row.next_attempt_at, row.resend_by_id = self.now(), supervisor.user_id
            detail = {"order": order.strip(), "message_id": row.message_id, "was": was.value}
            audit.record(
                session,
                Action.MAIL_RESEND,
                user_id=supervisor.user_id,
                station=place,
                detail=json.dumps(detail, ensure_ascii=False),
            )
        return self.send_due(only=[order_id])

    def listed(self) -> list[OutboxEntry]:
        """The e-mails a supervisor looks at: failed, check and no address."""
        with self.db.read() as session:
            return store.entries(session)

    def _values(self) -> dict[str, str]:
        with self.db.read() as session:
            return values_in_force(session, self.overrides)

    def _queue(
        self,
        session: Session,
        values: Mapping[str, str],
        smtp: SmtpSettings,
        since: dt.date,
        run: MailRun,
    ) -> None:
        now = self.now()
        language = mail_language(values)
        template = _template(session, language.value)
        rows = []
        shop_name = values.get(shop.SHOP_NAME, "")
        ids = store.shipped_without_mail(session, since)
        for shipment in shipments.shipped_orders(session, ids.values()):
            number, address = shipment.order_number, shipment.email.strip()
            order_id = ids[number]
            rows.append(
                {
                    "order_id": order_id,
                    "message_id": message_id(number, smtp.domain),
                    "to_address": address,
                    "language": language.value,
                    "subject": written(template, shipment, language, values, shop_name).subject,
                    "status": MailStatus.QUEUED if address else MailStatus.NO_ADDRESS,
                    "attempts": 0,
                    "next_attempt_at": now if address else None,
                    "last_error": "" if address else "the order has no e-mail address",
                    "created_at": now,
                }
            )
            (run.queued if address else run.no_address).append(number)
        store.add_mails(session, rows)

    def _message(
        self,
        session: Session,
        row: MailOutboxRow,
        values: Mapping[str, str],
        smtp: SmtpSettings,
        now: dt.datetime,
    ) -> tuple[str, EmailMessage]:
        language = Language(row.language)
        [shipment] = shipments.shipped_orders(session, [row.order_id])
        template = _template(session, row.language)
        words = written(template, shipment, language, values, values.get(shop.SHOP_NAME, ""))
        message = shipment_message(smtp.sender, row.to_address, words, row.message_id, now)
        return shipment.order_number, message

    def _record(self, row_id: int, number: str, outcome: Tried, run: MailRun) -> None:
        now = self.now()
        with self.db.write() as session:
            if outcome.verdict is Verdict.RETRY:
                attempts = session.get_one(MailOutboxRow, row_id).attempts
                next_at = after_failure(attempts, now)
                status = MailStatus.RETRY if next_at is not None else MailStatus.FAILED
            else:
                status, next_at = MailStatus(outcome.verdict.value), None
            store.record_try(session, row_id, store.TryOutcome(status, outcome.said, now, next_at))
        {
            MailStatus.SENT: run.sent,
            MailStatus.RETRY: run.retry,
            MailStatus.FAILED: run.failed,
            MailStatus.CHECK: run.check,
        }[status].append(number)


def _template(session: Session, language: str) -> MailTemplate:
    return store.stored_template(session, language) or DEFAULT_TEMPLATES[Language(language)]


def _listed_row(session: Session, order: str) -> tuple[int, MailOutboxRow]:
    found = store.row_of_order(session, order)
    if found is None:
        raise Refused(f"order {order}: no such order")
    order_id, row = found
    if row is None:
        raise Refused(f"order {order}: no shipment e-mail yet (kenpin notify send queues it)")
    if row.status not in RESENDABLE:
        raise Refused(
            f"order {order}: its e-mail is {row.status.value}; only failed, check and "
            "no_address e-mails are sent again"
        )
    return order_id, row
