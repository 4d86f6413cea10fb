"""Creating users who log in by badge."""

from __future__ import annotations

import hashlib
import hmac
import os

from app.core.codes import code_problem
from app.core.errors import Refused
from app.core.roles import Role
from app.core.scans import ScanKind
from app.core.text import check_text
from app.db import users as store
from app.db.codes import code_owners
from app.db.database import Database

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
#: The longest user name and badge code the users table holds.
MAX_NAME, MAX_BADGE = 100, 64


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of a PIN, as stored."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """True when `pin` is the PIN `stored` was made from."""
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    again = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(again.hex(), digest)


def add_user(db: Database, name: str, role: str, badge: str, pin: str | None = None) -> None:
    """Create a user; refused when the role is unknown, the name or badge is taken, or the
    badge would scan as something else (a product, a command, an order, a bin)."""
    name, badge = name.strip(), badge.strip()
    try:
        known_role = Role(role)
    except ValueError:
        raise Refused(f"role: {role!r} is not one of {', '.join(Role)}") from None
    if not name:
        raise Refused("name: empty")
    if not badge:
        raise Refused("badge: empty")
    check_text("name", name, MAX_NAME)
    check_text("badge", badge, MAX_BADGE)
    if pin is not None and not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise Refused("pin: must be 4 to 12 digits")
    with db.write() as session:
        taken = store.name_or_badge_taken(session, name, badge)
        if taken:
            raise Refused(taken)
        problem = code_problem(badge, ScanKind.BADGE, code_owners(session, [badge]))
        if problem:
            raise Refused(f"badge: {problem}")
        store.add(session, name, known_role, badge, hash_pin(pin) if pin else "")
