"""User queries."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.roles import Role
from app.db import audit
from app.db.models import User


def name_or_badge_taken(session: Session, name: str, badge: str) -> str | None:
    """Why a new user with this name and badge cannot be added, or None."""
    for user in session.scalars(
        select(User).where((User.name == name) | (User.badge_code == badge))
    ):
        if user.name == name:
            return f"name: a user named {name!r} already exists"
        return f"badge: {badge!r} already belongs to {user.name}"
    return None


def add(session: Session, name: str, role: Role, badge: str, pin_hash: str) -> User:
    """Insert a user and note it in the audit trail (by name and role: never the badge)."""
    user = User(name=name, role=role, badge_code=badge, pin_hash=pin_hash)
    session.add(user)
    session.flush()
    audit.record(session, "user.add", detail=f"{name} ({role}), user {user.id}")
    return user
