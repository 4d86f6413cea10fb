"""User queries: adding, listing, (de)activating and a new PIN; never a badge shown."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, true, update
from sqlalchemy.orm import Session

from app.core.audit import Action
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


def add(session: Session, name: str, role: Role, secrets: tuple[str, str], by: Acting) -> User:
    """Insert a user with their `secrets` (badge, PIN hash), the badge kept as its keyed
    hash, and note it, without the badge, in the audit log as `by` added them."""
    badge, pin_hash = secrets
    user = User(name=name, role=role, badge_hash=badge_hash(session, badge), pin_hash=pin_hash)
    session.add(user)
    session.flush()
    audit.record(
        session,
        Action.USER_ADD,
        user_id=by.user_id,
        station=by.station,
        detail=f"{name} ({role}), user {user.id}",
    )
    return user


@dataclass(frozen=True, slots=True)
class Acting:
    """Who made a change and where, as the audit trail names them: the admin's user id
    (None: the demo, a test, the first admin) and the station ("": the command line)."""

    user_id: int | None = None
    station: str = ""


@dataclass(frozen=True, slots=True)
class UserRow:
    """A user as the admin page and `kenpin users list` show them: never their badge."""

    id: int
    name: str
    role: Role
    active: bool


_LISTED = (User.id, User.name, User.role, User.active)


def listing(session: Session) -> list[UserRow]:
    """Every user, active and not, by name."""
    return [UserRow(*row) for row in session.execute(select(*_LISTED).order_by(User.name))]


def by_name(session: Session, name: str) -> UserRow | None:
    """The user called `name`, their row held until the transaction ends; or None."""
    row = session.execute(select(*_LISTED).where(User.name == name).with_for_update()).first()
    return UserRow(*row) if row is not None else None


def active_admins(session: Session) -> int:
    """How many active admins there are (the last one is never deactivated)."""
    found = session.scalar(
        select(func.count()).where(User.role == Role.ADMIN, User.active == true())
    )
    return int(found or 0)


def set_active(session: Session, user_id: int, active: bool) -> None:
    """Let the user sign in again (`active`), or no longer."""
    session.execute(update(User).where(User.id == user_id).values(active=active))


def set_pin_hash(session: Session, user_id: int, pin_hash: str) -> None:
    """Store the user's new PIN hash."""
    session.execute(update(User).where(User.id == user_id).values(pin_hash=pin_hash))
