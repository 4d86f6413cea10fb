"""Creating users who log in by badge (and, supervising, a PIN).

`add_user_as` is what people reach (`kenpin users add`): it needs an admin's
badge and PIN, except for the very first user of an empty database, who must
be an admin. `add_user` itself checks no credentials: it is the setup step of
the demo and of tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.codes import code_problem
from app.core.errors import Refused
from app.core.roles import Role
from app.core.scans import ScanKind
from app.core.signin import needs_pin, pin_problem
from app.core.text import check_text
from app.db import users as store
from app.db.codes import code_owners
from app.db.database import Database
from app.services.pins import hash_pin, pin_matches
from app.services.signin import Credentials, signed_in

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["NewUser", "add_user", "add_user_as", "hash_pin", "pin_matches"]

#: The longest user name and badge code the users table holds.
MAX_NAME, MAX_BADGE = 100, 64


@dataclass(frozen=True, slots=True)
class NewUser:
    """A user to add: name, role, badge and (for supervisors and admins) PIN."""

    name: str
    role: str
    badge: str = field(repr=False)
    pin: str | None = field(default=None, repr=False)


def add_user(db: Database, name: str, role: str, badge: str, pin: str | None = None) -> None:
    """Create a user; refused when the role is unknown, the name or badge is taken, the badge
    would scan as something else (a product, a command, an order, a bin), or a supervisor or
    admin comes without a PIN. Checks no credentials (see `add_user_as`)."""
    user = _checked(NewUser(name, role, badge, pin))
    with db.write() as session:
        _add(session, user, by=None)


def add_user_as(db: Database, by: Credentials | None, user: NewUser) -> None:
    """Create `user` on the word of the admin whose badge and PIN `by` are; without `by`,
    only the first user of a database that has none, and only as an admin."""
    checked = _checked(user)
    admin = None
    if by is not None:
        admin = signed_in(db, by, place="cli: users add", roles={Role.ADMIN}).user_id
    with db.write() as session:
        if admin is None and store.any_user(session):
            raise Refused("--as: an admin's badge is needed to add a user (and the admin's PIN)")
        if admin is None and checked.role is not Role.ADMIN:
            raise Refused("--role: the first user of a database must be an admin")
        _add(session, checked, by=admin)


@dataclass(frozen=True, slots=True)
class _Checked:
    name: str
    role: Role
    badge: str = field(repr=False)
    pin: str | None = field(repr=False)


def _checked(user: NewUser) -> _Checked:
    """The user's fields, stripped and checked (not yet against the database)."""
    name, badge = user.name.strip(), user.badge.strip()
    try:
        role = Role(user.role)
    except ValueError:
        raise Refused(f"role: {user.role!r} is not one of {', '.join(Role)}") from None
    if not name:
        raise Refused("name: empty")
    if not badge:
        raise Refused("badge: empty")
    check_text("name", name, MAX_NAME)
    check_text("badge", badge, MAX_BADGE)
    if user.pin is not None and (problem := pin_problem(user.pin)) is not None:
        raise Refused(f"pin: {problem}")
    if user.pin is None and needs_pin(role):
        raise Refused(f"--pin: {role}s sign in with badge and PIN: give one")
    return _Checked(name, role, badge, user.pin)


def _add(session: Session, user: _Checked, by: int | None) -> None:
    taken = store.name_or_badge_taken(session, user.name, user.badge)
    if taken:
        raise Refused(taken)
    problem = code_problem(user.badge, ScanKind.BADGE, code_owners(session, [user.badge]))
    if problem:
        raise Refused(f"badge: {problem}")
    pin_hash = hash_pin(user.pin) if user.pin else ""
    store.add(session, user.name, user.role, (user.badge, pin_hash), by)
