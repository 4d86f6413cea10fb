"""A supervisor's sign-in: the PIN a supervising badge needs, and the lock-out after wrong ones.

A packer signs in with the badge alone. A supervisor's or an admin's badge
needs its PIN as well, at the station (the PIN entry, a replay line's `pin`)
and on the command line (`--badge` with the PIN prompted or `KENPIN_PIN`).
`LOCK_AFTER` wrong PINs for one badge within `LOCK_WINDOW` lock it for
`LOCK_FOR`: while locked every use of it is refused, the right PIN too. The
count runs over the failures of the last `LOCK_WINDOW` only, so it starts
afresh once a lock has run out (the failures that made it are older then).
Plain rules: the caller reads the failures and checks the PIN.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.core.roles import SUPERVISING, Role
from app.core.times import JAPAN, as_utc

#: Wrong PINs within `LOCK_WINDOW` that lock a badge, and for how long.
LOCK_AFTER = 5
LOCK_WINDOW = dt.timedelta(minutes=15)
LOCK_FOR = dt.timedelta(minutes=15)
#: What a PIN may be: 4 to 12 digits.
PIN_LENGTHS = range(4, 13)


class PinCheck(StrEnum):
    """What the PIN given with a badge came to."""

    #: A packer's badge: no PIN asked.
    NOT_NEEDED = "not_needed"
    #: A supervising badge with no PIN given.
    MISSING = "missing"
    RIGHT = "right"
    WRONG = "wrong"
    #: The badge is locked: the PIN was not even looked at.
    LOCKED = "locked"


@dataclass(frozen=True, slots=True)
class BadgeGuard:
    """What is known of a badge's wrong PINs when it is used at `at`."""

    #: Wrong PINs for it within `LOCK_WINDOW` before `at`.
    recent_failures: int = 0
    #: Until when it is locked (UTC), if a lock still runs at `at`.
    locked_until: dt.datetime | None = None


def needs_pin(role: Role) -> bool:
    """True for the roles that sign in with badge and PIN: supervisors and admins."""
    return role in SUPERVISING


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be a PIN, or None."""
    if pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS:
        return None
    return f"must be {PIN_LENGTHS.start} to {PIN_LENGTHS.stop - 1} digits"


def still_locked(locked_until: dt.datetime | None, at: dt.datetime) -> dt.datetime | None:
    """The end of a lock that still runs at `at`, else None."""
    if locked_until is None or as_utc(locked_until) <= as_utc(at):
        return None
    return as_utc(locked_until)


def lock_after_failure(guard: BadgeGuard, at: dt.datetime) -> dt.datetime | None:
    """The lock a wrong PIN at `at` sets (until when), when it is the `LOCK_AFTER`th
    within `LOCK_WINDOW`; None when it sets none."""
    if guard.recent_failures + 1 >= LOCK_AFTER:
        return as_utc(at) + LOCK_FOR
    return None


def check_pin(
    role: Role, pin: str | None, guard: BadgeGuard, matches: bool | None = None
) -> PinCheck:
    """What the PIN given with a badge of `role` comes to: `matches` is whether it is the
    stored PIN (None when not checked). A lock comes first: the PIN is not looked at."""
    if not needs_pin(role):
        return PinCheck.NOT_NEEDED
    if guard.locked_until is not None:
        return PinCheck.LOCKED
    if not pin:
        return PinCheck.MISSING
    return PinCheck.RIGHT if matches else PinCheck.WRONG


def until_shown(moment: dt.datetime) -> str:
    """A lock's end as people read it: Japan time, `2026-12-01 16:05`."""
    return as_utc(moment).astimezone(JAPAN).strftime("%Y-%m-%d %H:%M")
