"""User queries."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.roles import Role
from app.db import audit
from app.db.badges import badge_hash
from app.db.models import User


def name_or_badge_taken(session: Session, name: str, badge: str) -> str | None:
    """Why a new user with this name and badge cannot be added, or None (the badge is
    never quoted: it is a credential)."""
    digest = badge_hash(session, badge)
    # Names only: on PostgreSQL the station role may not read every column of users.
    for taken in session.scalars(
        select(User.name).where((User.name == name) | (User.badge_hash == digest))
    ):
        if taken == name:
            return f"name: a user named {name!r} already exists"
        return f"badge: already belongs to {taken}"
    return None


def any_user(session: Session) -> bool:
    """True when the database has a user (the first admin is added without credentials)."""
    return session.scalar(select(User.id).limit(1)) is not None


def add(session: Session, name: str, role: Role, secrets: tuple[str, str], by: int | None) -> User:
    """Insert a user with their `secrets` (badge, PIN hash), the badge kept as its keyed
    hash, and note it, without the badge, in the audit log; `by` is the admin who added
    them (None: the demo, a test, the first admin)."""
    badge, pin_hash = secrets
    user = User(name=name, role=role, badge_hash=badge_hash(session, badge), pin_hash=pin_hash)
    session.add(user)
    session.flush()
    audit.record(session, "user.add", user_id=by, detail=f"{name} ({role}), user {user.id}")
    return user
