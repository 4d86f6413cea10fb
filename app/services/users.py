"""Users who log in by badge (and, supervising, a PIN): added, listed, deactivated and
reactivated, given a new PIN.

`add_user_as` is what people reach (`kenpin users add`, the admin page): it
needs an admin's badge and PIN, except for the very first user of an empty
database, who must be an admin. `add_user` itself checks no credentials: it
is the setup step of the demo and of tests. Every other change needs an
admin's badge and PIN too, and is written to the audit trail (never the
badge). A listing never holds a badge: it is a credential.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.audit import Action
from app.core.codes import code_problem
from app.core.errors import Refused
from app.core.roles import Role
from app.core.scans import ScanKind
from app.core.signin import needs_pin, pin_problem
from app.core.text import check_text
from app.db import users as store
from app.db.audit import record
from app.db.codes import code_owners
from app.db.database import Database
from app.services.pins import hash_pin, pin_matches
from app.services.signin import Credentials, signed_in

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "NewUser",
    "Where",
    "add_user",
    "add_user_as",
    "hash_pin",
    "pin_matches",
    "reset_pin_as",
    "set_active_as",
    "user_listing",
]

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


@dataclass(frozen=True, slots=True)
class Where:
    """Where a change is asked for: `place` names it in a wrong PIN's record, `station` in
    the audit trail ("" on the command line)."""

    place: str
    station: str = ""


def add_user_as(
    db: Database, by: Credentials | None, user: NewUser, where: Where | None = None
) -> None:
    """Create `user` on the word of the admin whose badge and PIN `by` are; without `by`,
    only the first user of a database that has none, and only as an admin."""
    where = where or Where("cli: users add")
    checked = _checked(user)
    admin = None
    if by is not None:
        admin = signed_in(db, by, place=where.place, roles={Role.ADMIN}).user_id
    with db.write() as session:
        if admin is None and store.any_user(session):
            raise Refused("--as: an admin's badge is needed to add a user (and the admin's PIN)")
        if admin is None and checked.role is not Role.ADMIN:
            raise Refused("--role: the first user of a database must be an admin")
        _add(session, checked, by=admin, station=where.station)


def user_listing(db: Database) -> list[store.UserRow]:
    """Every user by name: name, role and whether active; never a badge."""
    with db.read() as session:
        return store.listing(session)


def set_active_as(db: Database, by: Credentials, name: str, active: bool, where: Where) -> str:
    """Deactivate user `name` (their badge no longer signs in, at once, at every station)
    or reactivate them, on an admin's word; what was done. The last active admin is never
    deactivated: nobody could administer the users after."""
    admin = signed_in(db, by, place=where.place, roles={Role.ADMIN}).user_id
    with db.write() as session:
        user = _existing(session, name)
        if user.active == active:
            return f"{user.name} is already {'active' if active else 'inactive'}: nothing changed"
        if not active and user.role is Role.ADMIN and store.active_admins(session) <= 1:
            raise Refused(f"{user.name} is the last active admin: add another admin first")
        store.set_active(session, user.id, active)
        action = Action.USER_REACTIVATE if active else Action.USER_DEACTIVATE
        record(session, action, user_id=admin, station=where.station, detail=_named(user))
    return f"{user.name} {'reactivated' if active else 'deactivated'}"


def reset_pin_as(db: Database, by: Credentials, name: str, pin: str, where: Where) -> str:
    """Give supervisor or admin `name` a new PIN on an admin's word; what was done. A
    packer signs in with the badge alone and has none. A lock already running stays."""
    problem = pin_problem(pin)
    if problem is not None:
        raise Refused(f"pin: {problem}")
    admin = signed_in(db, by, place=where.place, roles={Role.ADMIN}).user_id
    pin_hash = hash_pin(pin)
    with db.write() as session:
        user = _existing(session, name)
        if not needs_pin(user.role):
            raise Refused(f"{user.name} is a packer: packers sign in with the badge alone")
        store.set_pin_hash(session, user.id, pin_hash)
        record(
            session,
            Action.USER_PIN_RESET,
            user_id=admin,
            station=where.station,
            detail=_named(user),
        )
    return f"{user.name}'s PIN changed"


def _existing(session: Session, name: str) -> store.UserRow:
    user = store.by_name(session, name.strip())
    if user is None:
        raise Refused(f"user {name.strip()!r}: no such user")
    return user


def _named(user: store.UserRow) -> str:
    """A user as the audit trail names them: name, role and id; never the badge."""
    return f"{user.name} ({user.role}), user {user.id}"


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


def _add(session: Session, user: _Checked, by: int | None, station: str = "") -> None:
    taken = store.name_or_badge_taken(session, user.name, user.badge)
    if taken:
        raise Refused(taken)
    problem = code_problem(user.badge, ScanKind.BADGE, code_owners(session, [user.badge]))
    if problem:
        raise Refused(f"badge: {problem}")
    pin_hash = hash_pin(user.pin) if user.pin else ""
    store.add(session, user.name, user.role, (user.badge, pin_hash), store.Acting(by, station))
