"""The outbox and the templates as stored: queuing shipped orders' e-mails, claiming one
to send, recording how it went, and what a supervisor needs to see.

Every function works in the caller's session: the service decides where a transaction
ends (a row is committed `sending` before its SMTP transaction starts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.core.mail.outbox import DUE, NEEDING_SUPERVISOR, MailStatus, OutboxEntry
from app.core.mail.template import MailTemplate
from app.core.orders import OrderStatus
from app.db.mail_models import MailOutboxRow, MailTemplateRow
from app.db.models import Order, table

_OUTBOX = table(MailOutboxRow)


def shipped_without_mail(session: Session, since: dt.date) -> dict[str, int]:
    """Number -> id of each order shipped on or after `since` with no outbox row."""
    rows = session.execute(
        select(Order.number, Order.id)
        .where(
            Order.status == OrderStatus.SHIPPED,
            Order.shipped_on >= since,
            ~select(MailOutboxRow.id).where(MailOutboxRow.order_id == Order.id).exists(),
        )
        .order_by(Order.id)
    )
    return {number: order_id for number, order_id in rows}


def add_mails(session: Session, rows: list[dict[str, object]]) -> None:
    """Queue outbox rows; an order queued meanwhile by another sender keeps its own row."""
    if not rows:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(_OUTBOX).on_conflict_do_nothing(index_elements=["order_id"])
    session.execute(statement, rows)


def interrupted_to_check(session: Session, started_before: dt.datetime) -> list[str]:
    """Rows still `sending` that began before `started_before` (their sender died): now
    `check`; their orders' numbers."""
    rows = session.execute(
        update(MailOutboxRow)
        .where(
            MailOutboxRow.status == MailStatus.SENDING,
            MailOutboxRow.attempted_at < started_before,
        )
        .values(
            status=MailStatus.CHECK,
            last_error="the sending was interrupted; the server may have taken the mail",
        )
        .returning(MailOutboxRow.order_id)
    ).all()
    ids = [order_id for (order_id,) in rows]
    return list(session.scalars(select(Order.number).where(Order.id.in_(ids)))) if ids else []


def next_due(
    session: Session, now: dt.datetime, only: Collection[int] | None, tried: Collection[int]
) -> int | None:
    """The id of the row to send next (due longest), of the orders `only` if given, not
    one of the rows `tried` already."""
    query = select(MailOutboxRow.id).where(
        MailOutboxRow.status.in_(DUE), MailOutboxRow.next_attempt_at <= now
    )
    if tried:
        query = query.where(MailOutboxRow.id.not_in(tried))
    if only is not None:
        query = query.where(MailOutboxRow.order_id.in_(only))
    return session.scalar(query.order_by(MailOutboxRow.next_attempt_at, MailOutboxRow.id).limit(1))


def claim(session: Session, row_id: int, now: dt.datetime) -> MailOutboxRow | None:
    """Mark a due row `sending` (one try more); None when another sender took it first."""
    taken = session.execute(
        update(MailOutboxRow)
        .where(MailOutboxRow.id == row_id, MailOutboxRow.status.in_(DUE))
        .values(
            status=MailStatus.SENDING,
            attempts=MailOutboxRow.attempts + 1,
            attempted_at=now,
        )
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return session.get_one(MailOutboxRow, row_id, populate_existing=True)


@dataclass(frozen=True, slots=True)
class TryOutcome:
    """How one try of a row went: its new status, the server's words, when it was tried and
    when it is due again (a `retry` row)."""

    status: MailStatus
    said: str
    at: dt.datetime
    next_at: dt.datetime | None = None


def record_try(session: Session, row_id: int, outcome: TryOutcome) -> None:
    """Write how a `sending` row's try went."""
    sent = outcome.status is MailStatus.SENT
    session.execute(
        update(MailOutboxRow)
        .where(MailOutboxRow.id == row_id, MailOutboxRow.status == MailStatus.SENDING)
        .values(
            status=outcome.status,
            last_error="" if sent else outcome.said[:2000],
            next_attempt_at=outcome.next_at,
            sent_at=outcome.at if sent else None,
        )
    )


def row_of_order(session: Session, number: str) -> tuple[int, MailOutboxRow | None] | None:
    """An order's id and its outbox row (None: not queued); None for no such order."""
    order_id = session.scalar(select(Order.id).where(Order.number == number))
    if order_id is None:
        return None
    row = session.scalar(
        select(MailOutboxRow).where(MailOutboxRow.order_id == order_id).with_for_update()
    )
    return order_id, row


def order_email(session: Session, order_id: int) -> str:
    """The order's e-mail address as it is now ("" for none)."""
    return session.get_one(Order, order_id).email.strip()


def entries(
    session: Session, statuses: Collection[MailStatus] = NEEDING_SUPERVISOR
) -> list[OutboxEntry]:
    """The rows of `statuses` (default: those a supervisor looks at), oldest first."""
    rows = session.execute(
        select(
            Order.number,
            MailOutboxRow.status,
            MailOutboxRow.to_address,
            MailOutboxRow.attempts,
            MailOutboxRow.last_error,
            MailOutboxRow.message_id,
            MailOutboxRow.attempted_at,
        )
        .join(Order, Order.id == MailOutboxRow.order_id)
        .where(MailOutboxRow.status.in_(statuses))
        .order_by(MailOutboxRow.id)
    )
    return [OutboxEntry(*row) for row in rows]


def stored_template(session: Session, language: str) -> MailTemplate | None:
    """The shop's template for `language` (None: the built-in one is used)."""
    row = session.get(MailTemplateRow, language)
    return None if row is None else MailTemplate(row.subject, row.body)


def store_template(
    session: Session, language: str, template: MailTemplate, at: dt.datetime, by: int | None
) -> None:
    """Store the shop's template for `language`, replacing the one before."""
    row = session.get(MailTemplateRow, language, with_for_update=True)
    if row is None:
        session.add(
            MailTemplateRow(
                language=language,
                subject=template.subject,
                body=template.body,
                updated_at=at,
                updated_by_id=by,
            )
        )
    else:
        row.subject, row.body, row.updated_at, row.updated_by_id = (
            template.subject,
            template.body,
            at,
            by,
        )
