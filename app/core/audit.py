"""The audit trail's chain: each row's hash covers its content and the row before it.

A row's hash is SHA-256 over one canonical text of the previous row's hash
and the row's own fields (its number, its time in UTC, the user's id, the
station, the action and the detail), so changing any field of any row, or
taking a row out, breaks the chain from there on. `ChainWalk` checks a chain
row by row in number order, holding only the row before, so a chain of
millions of rows is checked in constant memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum

from app.core.times import as_utc


class Action(StrEnum):
    """What an audit row records (its `action`), as `kenpin audit list --action` names it."""

    USER_ADD = "user.add"
    STATION_LOGIN = "station.login"
    STATION_LOGOUT = "station.logout"
    #: A wrong PIN given with a supervisor's or an admin's badge (at a station or a command).
    PIN_FAILED = "pin.failed"
    #: That wrong PIN was one too many: the badge is locked for a while.
    BADGE_LOCKED = "badge.locked"
    LABEL_REPRINT = "label.reprint"
    LABEL_VOID = "label.void"
    CLAIM_TAKEOVER = "claim.takeover"
    SETTINGS_SET = "settings.set"
    USER_DEACTIVATE = "user.deactivate"
    USER_REACTIVATE = "user.reactivate"
    USER_PIN_RESET = "user.pin_reset"
    STATION_SET = "station.set"
    TRACKING_ADD_RANGE = "tracking.add_range"
    #: A stock file's units added to the ledger (`kenpin import stock`).
    STOCK_IMPORT = "stock.import"
    #: Supervisor overrides at the bench (the detail says which override and whose).
    OVERRIDE_LOCKOUT = "override.lockout"
    OVERRIDE_SHORT = "override.short"
    OVERRIDE_TAKEOVER = "override.takeover"
    OVERRIDE_ALIAS = "override.alias"
    #: A supervisor approved an override a packer asked for; an override left with CANCEL.
    OVERRIDE_APPROVED = "override.approved"
    OVERRIDE_CANCELLED = "override.cancelled"
    #: A supervisor released a wave: its orders still being picked are allocated again.
    WAVE_RELEASE = "wave.release"
    #: A carrier's manifest closed (by the supervisor who left parcels behind, if any did).
    MANIFEST_CLOSE = "manifest.close"
    #: A supervisor sent a shipment e-mail again (one listed check, failed or no address).
    MAIL_RESEND = "mail.resend"
    #: An admin stored the shop's shipment e-mail template for a language.
    MAIL_TEMPLATE_SET = "mail.template_set"


#: What the first row chains to.
GENESIS = "0" * 64
#: The canonical text's JSON: compact, UTF-8 kept as it is (one encoder for every row).
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit row's content: what its hash covers (besides the hash before it)."""

    id: int
    at: dt.datetime
    user_id: int | None
    station: str
    action: str
    detail: str


def canonical(prev_hash: str, row: AuditRow) -> bytes:
    """The one text a row's hash is taken over: a compact JSON array, UTF-8.

    JSON quotes every text, so no two different rows share a canonical text;
    the time is UTC to the microsecond whatever zone it was given or read in.
    """
    at = as_utc(row.at).isoformat(timespec="microseconds")
    fields = [prev_hash, row.id, at, row.user_id, row.station, row.action, row.detail]
    return _JSON.encode(fields).encode()


def chain_hash(prev_hash: str, row: AuditRow) -> str:
    """The row's hash, in hex, chained to `prev_hash`."""
    return hashlib.sha256(canonical(prev_hash, row)).hexdigest()


class Flaw(StrEnum):
    """How a link of the chain is broken."""

    #: The row's content does not give its hash: it was changed after it was written.
    CHANGED = "changed"
    #: The row does not chain to the row before it.
    UNLINKED = "unlinked"
    #: Rows are missing before this one: numbers were skipped.
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Break:
    """The first broken link: the row where the chain stops holding, and how."""

    row: AuditRow
    flaw: Flaw
    #: The number of the row that should have come before (0 at the start).
    previous_id: int

    def __str__(self) -> str:
        row = self.row
        named = f"audit row {row.id} ({as_utc(row.at):%Y-%m-%d %H:%M:%S} UTC, {row.action})"
        if self.flaw is Flaw.MISSING:
            first, last = self.previous_id + 1, row.id - 1
            gone = f"row {first} is" if first == last else f"rows {first} to {last} are"
            if not self.previous_id:
                return f"{gone} missing: the chain begins at {named}"
            return f"{gone} missing: {named} follows row {self.previous_id}"
        if self.flaw is Flaw.UNLINKED:
            before = f"row {self.previous_id}'s hash" if self.previous_id else "the chain's start"
            return f"{named} does not chain to {before}"
        return f"{named} was changed after it was written: its content does not match its hash"


@dataclass(slots=True)
class ChainWalk:
    """Checks a chain fed one stored row at a time, in number order."""

    rows: int = 0
    last_id: int = 0
    last_hash: str = GENESIS

    def step(self, row: AuditRow, prev_hash: str, stored_hash: str) -> Break | None:
        """Take the next row (with its stored hashes); the break it shows, if any."""
        if row.id != self.last_id + 1:
            return Break(row, Flaw.MISSING, self.last_id)
        if prev_hash != self.last_hash:
            return Break(row, Flaw.UNLINKED, self.last_id)
        if chain_hash(prev_hash, row) != stored_hash:
            return Break(row, Flaw.CHANGED, self.last_id)
        self.rows += 1
        self.last_id = row.id
        self.last_hash = stored_hash
        return None

    def summary(self) -> str:
        """The walk so far in one line, for a chain found whole."""
        tail = f"; last hash {self.last_hash}" if self.rows else ""
        return f"{self.rows:,} audit rows, chain intact{tail}"
