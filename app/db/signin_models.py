"""Tables of supervisors' sign-in: the key that badges are hashed with, and wrong PINs.

Badges are kept as HMAC-SHA256 of the code under `badge_keys`' one key
(`app.db.badges`): the users table holds no badge a person could copy onto
a card. Each wrong PIN is a row of `badge_failures` (the lock it set, if it
was the last one allowed), kept apart from the audit trail.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, BigId, utcnow


class BadgeKey(Base):
    """The secret badges are hashed with: one row, made with the schema (migration 0013).

    Every station hashes a scanned code with it to find the badge, so it lives in
    the shared database rather than in a file each PC would need a copy of.
    """

    __tablename__ = "badge_keys"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    #: 32 random bytes as hex.
    key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BadgeFailure(Base):
    """One wrong PIN given with a supervising badge, where and when."""

    __tablename__ = "badge_failures"
    __table_args__ = (Index("ix_badge_failures_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: The scan's time at a station, the clock's on the command line.
    at: Mapped[dt.datetime]
    #: The station's name, or `cli: <command>`.
    place: Mapped[str] = mapped_column(String(80), default="")
    #: The lock this failure set (the last one allowed), until when.
    locked_until: Mapped[dt.datetime | None] = mapped_column()
