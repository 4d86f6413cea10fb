"""The outbox's rules: each shipped order's e-mail is one row, sent at most once.

A row is `queued` when its order shipped (or `no_address` when the order has no
e-mail address: listed, never failed). Before its SMTP transaction it is marked
`sending` and committed; afterwards it is `sent`, `retry` (refused or cut off
before the server could have taken it: tried again after a pause that grows),
`failed` (refused for good, or too many tries) or `check` (cut off after the whole
message went out, before the server's answer; or found still `sending`, so the
sender died mid-way). A `check` row may have reached the customer, so it is never
sent again by itself: a supervisor looks and presses Resend, which sends it under
the same Message-ID (a mail program shows a duplicate once).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum


class MailStatus(StrEnum):
    """Where one order's shipment e-mail stands."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    RETRY = "retry"
    FAILED = "failed"
    CHECK = "check"
    NO_ADDRESS = "no_address"


#: Rows sent when due.
DUE = (MailStatus.QUEUED, MailStatus.RETRY)
#: Rows a supervisor looks at (the Mails page, `kenpin notify list`).
NEEDING_SUPERVISOR = (MailStatus.FAILED, MailStatus.CHECK, MailStatus.NO_ADDRESS)
#: Rows a supervisor may send again (a `no_address` one once its order has an address).
RESENDABLE = NEEDING_SUPERVISOR

#: The pause before the next try after the first, second, ... failed one; after the last,
#: the row is `failed`.
BACKOFF = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
)
MOST_ATTEMPTS = len(BACKOFF) + 1

#: A row `sending` for longer than this was left by a sender that died (one SMTP
#: transaction takes at most a few timeouts of 30 s): it becomes `check`.
SENDING_GIVEN_UP = dt.timedelta(minutes=10)


def after_failure(attempts: int, now: dt.datetime) -> dt.datetime | None:
    """When a row that failed its `attempts`-th try is tried next; None: it has `failed`."""
    if attempts >= MOST_ATTEMPTS:
        return None
    return now + BACKOFF[max(attempts, 1) - 1]


def message_id(order: str, domain: str) -> str:
    """A new Message-ID for an order's e-mail: made once, when it is queued, and kept."""
    tidy = re.sub(r"[^A-Za-z0-9-]", "", order)[:40] or "order"
    return f"<kenpin.{tidy}.{secrets.token_hex(8)}@{domain}>"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One order's e-mail as a supervisor sees it (`kenpin notify list`, the Mails page)."""

    order: str
    status: MailStatus
    to_address: str
    attempts: int
    last_error: str
    message_id: str
    #: When its last try began (None: never tried).
    attempted_at: dt.datetime | None

    def as_json(self) -> dict[str, object]:
        """What `kenpin notify list --json` prints for it."""
        return {
            "order": self.order,
            "status": self.status.value,
            "to": self.to_address,
            "attempts": self.attempts,
            "last_error": self.last_error,
            "message_id": self.message_id,
            "attempted_at": None if self.attempted_at is None else self.attempted_at.isoformat(),
        }
