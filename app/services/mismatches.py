"""The mismatch log for supervisors: pages of refused scans, the scans around one, the review.

Each call is its own transaction, so reading the log never holds a lock a
packer's scan is waiting for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from app.core.errors import Refused
from app.core.roles import SUPERVISING
from app.core.times import as_utc
from app.db import mismatches as store
from app.db.database import Database
from app.db.mismatches import AroundScan, Choice, LogCursor, MismatchFilter, MismatchRow
from app.db.models import utcnow
from app.services.signin import Credentials, signed_in

__all__ = [
    "PAGE_SIZE",
    "AroundScan",
    "Choice",
    "LogCursor",
    "MismatchDetails",
    "MismatchFilter",
    "MismatchLog",
    "MismatchRow",
]

#: Refusals fetched per page: a few screens' worth, fetched in a few ms.
PAGE_SIZE = 200


@dataclass(frozen=True, slots=True)
class MismatchDetails:
    """A refusal with the scans of the pack session around it."""

    mismatch: MismatchRow
    around: tuple[AroundScan, ...]


def local_days(
    since: dt.date | None, until: dt.date | None, wanted: MismatchFilter | None = None
) -> MismatchFilter:
    """`wanted` (else every refusal) from the start of day `since` to the end of day `until`,
    both in the station's local time (None: open-ended)."""

    def start(day: dt.date) -> dt.datetime:
        return as_utc(dt.datetime.combine(day, dt.time.min).astimezone())

    return replace(
        wanted or MismatchFilter(),
        since=start(since) if since else None,
        until=start(until + dt.timedelta(days=1)) if until else None,
    )


class MismatchLog:
    """Reading and reviewing the mismatch log."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def page(
        self, wanted: MismatchFilter, after: LogCursor | None = None, limit: int = PAGE_SIZE
    ) -> list[MismatchRow]:
        """The next `limit` refusals `wanted` names after `after`, newest first."""
        with self._db.read() as session:
            return store.log_page(session, wanted, after, limit)

    def details(self, mismatch_id: int) -> MismatchDetails | None:
        """The refusal and the scans around it; None when it is gone."""
        with self._db.read() as session:
            row = store.one_mismatch(session, mismatch_id)
            if row is None:
                return None
            return MismatchDetails(row, tuple(store.scans_around(session, row.scan_record_id)))

    def stations(self) -> list[Choice]:
        """The stations the station filter offers."""
        with self._db.read() as session:
            return store.stations(session)

    def packers(self) -> list[Choice]:
        """The users the packer filter offers."""
        with self._db.read() as session:
            return store.packers(session)

    def review(self, mismatch_id: int, by: Credentials, note: str, *, place: str) -> str:
        """Mark the refusal reviewed by the supervisor or admin whose badge and PIN `by` are,
        with `note`; returns the reviewer's name. Refused, nothing recorded, for any other
        badge or a wrong PIN (kept at `place`, as every wrong PIN is: `signin.signed_in`)."""
        reviewer = signed_in(self._db, by, place=place, roles=SUPERVISING)
        with self._db.write() as session:
            if not store.mark_reviewed(
                session, mismatch_id, reviewer.user_id, utcnow(), note.strip()
            ):
                raise Refused(f"no refusal {mismatch_id} in the mismatch log")
            return reviewer.name
