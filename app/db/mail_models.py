"""Tables of the shipment e-mails: the outbox (one row per order's mail) and the templates.

`mail_outbox` holds each shipped order's e-mail once (`order_id` is unique): its
Message-ID, made when the row is queued and kept for a resend, its address and
where it stands (`app.core.mail.outbox`). `mail_templates` holds the shop's own
template for a language; a language without a row uses the built-in one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.mail.outbox import MailStatus
from app.db.models import Base, BigId, checked_enum, utcnow


class MailOutboxRow(Base):
    """One order's shipment e-mail and how its sending went."""

    __tablename__ = "mail_outbox"
    __table_args__ = (
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        # The sender's question: which rows are due now?
        Index("ix_mail_outbox_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), unique=True)
    #: `<kenpin.ORDER.RANDOM@shop-domain>`: made once, sent with every try of this mail.
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    #: "" for an order without an e-mail address (status `no_address`).
    to_address: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(2))
    subject: Mapped[str] = mapped_column(String(400), default="")
    status: Mapped[MailStatus] = mapped_column(
        checked_enum(MailStatus, check="status_known", length=16), default=MailStatus.QUEUED
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: When a `queued` or `retry` row is next due.
    next_attempt_at: Mapped[dt.datetime | None]
    #: When its last try began (a row `sending` long since was left by a sender that died).
    attempted_at: Mapped[dt.datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]
    #: The supervisor who last sent it again (from `check`, `failed` or `no_address`).
    resend_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class MailTemplateRow(Base):
    """The shop's template for one language (`ja`, `en`)."""

    __tablename__ = "mail_templates"

    language: Mapped[str] = mapped_column(String(2), primary_key=True)
    subject: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
