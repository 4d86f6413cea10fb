"""What every station mode shares: who is logged in, and what a badge scan does.

A station mode (packing, picking) is a rules function, `decide(scan, snapshot)`,
that starts with these rules: a badge logs its user in (or, scanned again,
out), and nothing but a badge works while nobody is logged in. A supervisor's
or admin's badge logs in only with the right PIN (`app.core.signin`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.core.roles import Role
from app.core.scans import Fact, Note, Reason, VerdictKind
from app.core.signin import PinCheck, until_shown


class Mode(StrEnum):
    """What a station does: `kenpin station --mode` and `kenpin replay --mode` choose it.

    Each mode is a rules function and its effect handlers in the one scan pipeline
    (`app.services.station`); the first is the default.
    """

    PACK = "pack"
    #: Picking a wave by scan (`kenpin station --mode pick`, `kenpin replay --mode pick`).
    PICK = "pick"
    #: Loading parcels onto the carriers' trucks (`kenpin station --mode dock`).
    DOCK = "dock"


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
    #: A supervising badge scanned without its PIN: nobody logs in, the PIN is asked for.
    PIN_NEEDED = "pin_needed"
    WRONG_PIN = "wrong_pin"
    LOCKED = "locked"


@dataclass(frozen=True, slots=True)
class BadgePin:
    """What the PIN given with a badge came to, and the lock that concerns it: for a wrong
    PIN the lock it sets (if it is the last one allowed), for a locked badge its end."""

    check: PinCheck = PinCheck.NOT_NEEDED
    locked_until: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class BadgeOutcome:
    """A badge scan's change, the user it logs in or out, and the words for the log."""

    change: BadgeChange
    user: StationUser | None
    message: str


def badge_scanned(
    current: StationUser | None, badge_user: StationUser | None, pin: BadgePin | None = None
) -> BadgeOutcome:
    """Log in, switch user, or (the same badge again) log out.

    `badge_user` is the active user the badge belongs to, None when nobody's;
    `pin` what the PIN given with it came to. Logging out needs no PIN.
    What a station holds (an open pack) stays with the station either way.
    The words never quote the badge: a badge is a credential.
    """
    if badge_user is None:
        return BadgeOutcome(BadgeChange.UNKNOWN, None, "no active user has this badge")
    if current is not None and current.user_id == badge_user.user_id:
        return BadgeOutcome(BadgeChange.LOG_OUT, current, f"{current.name} logged out")
    refused = _pin_refused(badge_user, pin or BadgePin())
    if refused is not None:
        return refused
    message = f"{badge_user.name} logged in"
    if current is not None:
        message += f"; {current.name} logged out"
    return BadgeOutcome(BadgeChange.LOG_IN, badge_user, message)


def _pin_refused(user: StationUser, pin: BadgePin) -> BadgeOutcome | None:
    """Why a supervising badge does not log in: no PIN, a wrong one, a locked badge."""
    if pin.check is PinCheck.MISSING:
        return BadgeOutcome(BadgeChange.PIN_NEEDED, user, f"{user.name}: enter the PIN")
    if pin.check is PinCheck.LOCKED:
        assert pin.locked_until is not None
        until = until_shown(pin.locked_until)
        return BadgeOutcome(BadgeChange.LOCKED, user, f"{user.name}: badge locked until {until}")
    if pin.check is PinCheck.WRONG:
        message = f"{user.name}: wrong PIN"
        if pin.locked_until is not None:
            message += f"; badge locked until {until_shown(pin.locked_until)}"
        return BadgeOutcome(BadgeChange.WRONG_PIN, user, message)
    return None


@dataclass(frozen=True, slots=True)
class BadgeVerdict:
    """A badge scan's verdict, the same at every station mode: its kind, its reason (a
    refusal) or note, and the facts its words need."""

    verdict: VerdictKind
    reason: Reason | None
    note: Note | None
    facts: dict[Fact, str]


_VERDICTS: dict[BadgeChange, tuple[VerdictKind, Reason | None, Note | None]] = {
    BadgeChange.LOG_IN: (VerdictKind.INFO, None, Note.LOGGED_IN),
    BadgeChange.LOG_OUT: (VerdictKind.INFO, None, Note.LOGGED_OUT),
    BadgeChange.PIN_NEEDED: (VerdictKind.INFO, None, Note.PIN_NEEDED),
    BadgeChange.WRONG_PIN: (VerdictKind.REJECTED, Reason.WRONG_PIN, None),
    BadgeChange.LOCKED: (VerdictKind.REJECTED, Reason.BADGE_LOCKED, None),
    BadgeChange.UNKNOWN: (VerdictKind.REJECTED, Reason.UNKNOWN_BARCODE, None),
}


def badge_verdict(outcome: BadgeOutcome, pin: BadgePin | None) -> BadgeVerdict:
    """How a station words `outcome`: the user it concerns, and until when a wrong PIN or a
    locked badge locks it."""
    verdict, reason, note = _VERDICTS[outcome.change]
    facts: dict[Fact, str] = {}
    if outcome.user is not None:
        facts[Fact.USER] = outcome.user.name
    locked_until = pin.locked_until if pin is not None else None
    if locked_until is not None and outcome.change in (BadgeChange.WRONG_PIN, BadgeChange.LOCKED):
        facts[Fact.UNTIL] = until_shown(locked_until)
    return BadgeVerdict(verdict, reason, note, facts)


@dataclass(frozen=True, slots=True)
class BadgeAnswer:
    """A badge scanned at a station of any mode: what changes, for whom, and how it is said
    (a badge nobody has: `unknown_barcode`)."""

    change: BadgeChange
    user: StationUser | None
    message: str
    said: BadgeVerdict

    @property
    def effect(self) -> str:
        """The station's change, as every mode's effects name it: `login`, `logout`,
        `pin_failed` (the failure kept), else `none`."""
        return _BADGE_EFFECTS.get(self.change, "none")

    def decided(self) -> dict[str, Any]:
        """The fields every mode's decision on a badge takes but its effect: verdict,
        reason, message, user, note and facts."""
        said = self.said
        return {
            "verdict": said.verdict,
            "reason": said.reason,
            "message": self.message,
            "user": self.user,
            "note": said.note,
            "facts": said.facts,
        }


_BADGE_EFFECTS = {
    BadgeChange.LOG_IN: "login",
    BadgeChange.LOG_OUT: "logout",
    BadgeChange.WRONG_PIN: "pin_failed",
}


def badge_answer(
    user: StationUser | None, badge_user: StationUser | None, pin: BadgePin | None
) -> BadgeAnswer:
    """`badge_scanned` and `badge_verdict` together: the answer every mode's rules give."""
    outcome = badge_scanned(user, badge_user, pin)
    return BadgeAnswer(outcome.change, outcome.user, outcome.message, badge_verdict(outcome, pin))
