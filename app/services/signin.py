"""Signing in with badge and PIN: at the station (the scan's facts) and for the command line.

One rule for both (`app.core.signin`): a supervisor's or admin's badge needs
its PIN, checked against the stored scrypt hash (its digest made here from the
stored salt, compared by the database layer: `app.db.badges`); a wrong PIN is kept in
`badge_failures` and the fifth within 15 minutes locks the badge for 15
minutes. A station checks the PIN inside the scan's transaction, and the
scan's record keeps the refusal; the command line checks it in a transaction
of its own that is committed before the command is refused, so a failure is
kept though the command changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.orm import Session

from app.core.audit import Action
from app.core.errors import Refused
from app.core.roles import SUPERVISING, Role
from app.core.signin import PinCheck, check_pin, lock_after_failure, needs_pin, until_shown
from app.core.station import BadgePin, StationUser
from app.core.times import as_utc
from app.db import audit, badges
from app.db.database import Database
from app.db.models import utcnow
from app.db.station import badge_user
from app.services.pins import pin_digest


@dataclass(frozen=True, slots=True)
class Credentials:
    """A badge and the PIN given with it (never shown: both are secrets)."""

    badge: str = field(repr=False)
    pin: str | None = field(default=None, repr=False)


class Why(StrEnum):
    """Why a badge and PIN did not sign anyone in for a command."""

    #: The badge is no active user's.
    NOBODY = "nobody"
    #: The user's role may not do this.
    ROLE = "role"
    PIN_MISSING = "pin_missing"
    PIN_WRONG = "pin_wrong"
    LOCKED = "locked"


class SignInRefused(Refused):
    """Badge and PIN refused for a command: the command line's sentence, and the facts a
    window words in its own language (never the badge or the PIN)."""

    def __init__(
        self,
        message: str,
        why: Why,
        *,
        name: str = "",
        roles: Collection[Role] = (),
        locked_until: dt.datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.why = why
        #: The badge's user ("" when the badge is nobody's).
        self.name = name
        #: The roles the command needs.
        self.roles = frozenset(roles)
        #: When the badge's lock ends (locked, or locked by this wrong PIN).
        self.locked_until = locked_until


def pin_given(session: Session, user: StationUser, pin: str | None, at: dt.datetime) -> BadgePin:
    """What `pin`, given with `user`'s badge at `at`, comes to: for a wrong PIN, the lock it
    sets (the caller keeps the failure, `keep_failure`); for a locked badge, its end."""
    if not needs_pin(user.role):
        return BadgePin()
    stored = badges.credentials(session, user.user_id, at)
    matches = None
    if pin and stored.guard.locked_until is None:
        # The digest is compared where the hash is: on PostgreSQL the station may not read it.
        matches = stored.salt is not None and badges.digest_matches(
            session, user.user_id, pin_digest(pin, stored.salt)
        )
    check = check_pin(user.role, pin, stored.guard, matches)
    if check is PinCheck.LOCKED:
        return BadgePin(check, stored.guard.locked_until)
    if check is PinCheck.WRONG:
        return BadgePin(check, lock_after_failure(stored.guard, at))
    return BadgePin(check)


def keep_failure(
    session: Session, user: StationUser, pin: BadgePin, at: dt.datetime, place: str
) -> None:
    """Keep a wrong PIN for `user`'s badge, with the lock it set, and write both to the audit
    trail (`pin.failed`, then `badge.locked` when this failure set the lock) at `place`: the
    station, or the command. The rows name the user, never the badge or the PIN."""
    badges.record_failure(session, user.user_id, at, place, pin.locked_until)
    named = {"user": user.name, "role": str(user.role)}
    audit.record(
        session, Action.PIN_FAILED, user_id=user.user_id, station=place, detail=_json(named)
    )
    if pin.locked_until is not None:
        until = as_utc(pin.locked_until).isoformat(timespec="seconds")
        audit.record(
            session,
            Action.BADGE_LOCKED,
            user_id=user.user_id,
            station=place,
            detail=_json({**named, "until": until}),
        )


def _json(detail: dict[str, str]) -> str:
    return json.dumps(detail, ensure_ascii=False)


def signed_in(
    db: Database,
    credentials: Credentials,
    *,
    place: str,
    roles: Collection[Role] = SUPERVISING,
    at: dt.datetime | None = None,
) -> StationUser:
    """The user whose badge and PIN `credentials` are, for a command of `roles` (`place`
    names it in the failures kept); refused, changing nothing but the failures kept, when
    the badge is nobody's, its role not one of `roles`, the PIN missing or wrong, or the
    badge locked."""
    moment = at or utcnow()
    with db.write() as session:
        user = badge_user(session, credentials.badge.strip())
        if user is None:
            raise SignInRefused("--badge: not the badge of an active user", Why.NOBODY)
        if user.role not in roles:
            raise SignInRefused(
                f"--badge: {user.name} is {_a(user.role)}; this needs {_wanted(roles)}",
                Why.ROLE,
                name=user.name,
                roles=roles,
            )
        pin = pin_given(session, user, credentials.pin, moment)
        if pin.check is PinCheck.WRONG:
            keep_failure(session, user, pin, moment, place)
    # Committed: a wrong PIN is kept though the command is refused.
    problem = _refusal(user, pin)
    if problem is not None:
        raise problem
    return user


def _a(role: Role) -> str:
    """A role with its article: "a packer", "an admin"."""
    return f"{'an' if role[0] in 'aeiou' else 'a'} {role}"


def _wanted(roles: Collection[Role]) -> str:
    """Whose badge a command needs: "a supervisor's or an admin's badge"."""
    return " or ".join(f"{_a(role)}'s" for role in Role if role in roles) + " badge"


def _refusal(user: StationUser, pin: BadgePin) -> SignInRefused | None:
    """Why `user` is not signed in with the PIN as it came out, or None."""
    name, until = user.name, pin.locked_until
    if pin.check is PinCheck.MISSING:
        return SignInRefused(
            f"PIN: {name}'s PIN is needed (typed when asked, or KENPIN_PIN)",
            Why.PIN_MISSING,
            name=name,
        )
    if pin.check is PinCheck.LOCKED:
        assert until is not None
        return SignInRefused(
            f"--badge: locked after too many wrong PINs until {until_shown(until)} (Japan time)",
            Why.LOCKED,
            name=name,
            locked_until=until,
        )
    if pin.check is PinCheck.WRONG:
        said = f"PIN: wrong PIN for {name}"
        if until is not None:
            said += f"; the badge is locked until {until_shown(until)} (Japan time)"
        return SignInRefused(said, Why.PIN_WRONG, name=name, locked_until=until)
    return None
