"""Badges as stored: keyed hashes, and each supervising badge's wrong PINs.

A badge code is never stored: `users.badge_hash` holds HMAC-SHA256 of it
under the key in `badge_keys` (made by migration 0013), so finding a badge is
still one equality on a unique index, and the users table, its backups and
whatever is exported from it give no code to copy onto a card. The key is
read once per engine: it never changes while a database lives.

A PIN is checked by its scrypt digest (`app.services.pins.pin_digest`): the
salt is asked for first, then whether the digest made from it and the PIN
given is the stored one. On SQLite both answers come from `users.pin_hash`;
on PostgreSQL always from the two functions of migration 0017, as the station
role may not read that column (`kenpin db grant`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import weakref
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, func, insert, select
from sqlalchemy.orm import Session

from app.core.signin import LOCK_WINDOW, BadgeGuard, still_locked
from app.db.models import User, table
from app.db.signin_models import BadgeFailure, BadgeKey
from app.db.sql import core, on_postgresql

_KEYS: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()
_KEY = select(table(BadgeKey).c.key).order_by(table(BadgeKey).c.id).limit(1)
_FAILURES = table(BadgeFailure).c
_USERS = table(User).c
_RECENT = select(func.count()).where(
    _FAILURES.user_id == bindparam("user_id"), _FAILURES.at > bindparam("since")
)
_LAST_LOCK = select(func.max(_FAILURES.locked_until)).where(
    _FAILURES.user_id == bindparam("user_id")
)
_PIN_HASH = select(_USERS.pin_hash).where(_USERS.id == bindparam("user_id"))
_STORED = re.compile(r"scrypt\$([0-9a-f]+)\$([0-9a-f]+)")
_SALT_PG = select(func.kenpin_pin_salt(bindparam("user_id")))
_MATCHES_PG = select(func.kenpin_pin_matches(bindparam("user_id"), bindparam("digest")))


def badge_key(session: Session) -> bytes:
    """The database's badge key (read once per engine)."""
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    key = _KEYS.get(engine)
    if key is None:
        stored = core(session).scalar(_KEY)
        if stored is None:
            raise LookupError("the database has no badge key: run `kenpin db upgrade`")
        key = _KEYS[engine] = bytes.fromhex(stored)
    return key


def badge_hash(session: Session, code: str) -> str:
    """The badge `code` as stored: HMAC-SHA256 under the database's key, as hex."""
    return hmac.new(badge_key(session), code.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Credentials:
    """The salt of a supervising user's stored PIN hash (None: they have no PIN), and their
    badge's wrong PINs as of a moment."""

    salt: str | None
    guard: BadgeGuard


def credentials(session: Session, user_id: int, at: dt.datetime) -> Credentials:
    """User `user_id`'s PIN salt, their wrong PINs within the lock-out window before `at`,
    and the lock still running at `at`, if any (the last one set: locks never overlap, as
    a locked badge's PIN is not checked)."""
    connection = core(session)
    if on_postgresql(session):
        # kenpin_pin_salt holds the user's row until the transaction ends: two wrong PINs
        # at once are counted one after the other, so the last one allowed sets the lock.
        # (SQLite's write transactions already take turns.)
        salt = connection.scalar(_SALT_PG, {"user_id": user_id})
    else:
        salt = _stored_parts(connection.scalar(_PIN_HASH, {"user_id": user_id}))[0]
    count = connection.scalar(_RECENT, {"user_id": user_id, "since": at - LOCK_WINDOW}) or 0
    locked_until = connection.scalar(_LAST_LOCK, {"user_id": user_id})
    return Credentials(salt, BadgeGuard(int(count), still_locked(locked_until, at)))


def digest_matches(session: Session, user_id: int, digest: str) -> bool:
    """True when `digest` (the scrypt digest of a PIN under the user's salt, as hex) is the
    one stored for user `user_id`."""
    connection = core(session)
    if on_postgresql(session):
        return bool(connection.scalar(_MATCHES_PG, {"user_id": user_id, "digest": digest}))
    stored = _stored_parts(connection.scalar(_PIN_HASH, {"user_id": user_id}))[1]
    return stored is not None and hmac.compare_digest(stored, digest)


def _stored_parts(stored: str | None) -> tuple[str | None, str | None]:
    """The salt and digest of a stored `scrypt$SALT$DIGEST`; (None, None) for no PIN (the
    same pattern as kenpin_pin_salt's)."""
    found = _STORED.fullmatch(stored or "")
    return (found[1], found[2]) if found is not None else (None, None)


def record_failure(
    session: Session, user_id: int, at: dt.datetime, place: str, locked_until: dt.datetime | None
) -> None:
    """Keep one wrong PIN for user `user_id`'s badge (and the lock it set)."""
    core(session).execute(
        insert(table(BadgeFailure)),
        {"user_id": user_id, "at": at, "place": place[:80], "locked_until": locked_until},
    )
