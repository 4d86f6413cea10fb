"""What every station mode shares: who is logged in, and what a badge scan does.

A station mode (packing today) is a rules function, `decide(scan, snapshot)`,
that starts with these rules: a badge logs its user in (or, scanned again,
out), and nothing but a badge works while nobody is logged in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.roles import Role


class Mode(StrEnum):
    """What a station does: `kenpin station --mode` and `kenpin replay --mode` choose it.

    Each mode is a rules function and its effect handlers in the one scan pipeline
    (`app.services.station`); the first is the default.
    """

    PACK = "pack"


@dataclass(frozen=True, slots=True)
class StationUser:
    """The user logged in at a station (or the one a badge names)."""

    user_id: int
    name: str
    role: Role


class BadgeChange(StrEnum):
    """What a badge scan does at a station."""

    LOG_IN = "log_in"
    LOG_OUT = "log_out"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class BadgeOutcome:
    """A badge scan's change, the user it logs in or out, and the words for the log."""

    change: BadgeChange
    user: StationUser | None
    message: str


def badge_scanned(
    code: str, current: StationUser | None, badge_user: StationUser | None
) -> BadgeOutcome:
    """Log in, switch user, or (the same badge again) log out.

    `badge_user` is the active user the badge belongs to, None when nobody's.
    What a station holds (an open pack) stays with the station either way.
    """
    if badge_user is None:
        return BadgeOutcome(BadgeChange.UNKNOWN, None, f"{code}: no user has this badge")
    if current is not None and current.user_id == badge_user.user_id:
        return BadgeOutcome(BadgeChange.LOG_OUT, current, f"{current.name} logged out")
    message = f"{badge_user.name} logged in"
    if current is not None:
        message += f"; {current.name} logged out"
    return BadgeOutcome(BadgeChange.LOG_IN, badge_user, message)
