"""Times as Kenpin keeps and shows them: stored in UTC, shown in the station's local time."""

from __future__ import annotations

import datetime as dt

#: Japan time, where shops' files and scans without an offset are; Japan has no daylight saving.
JAPAN = dt.timezone(dt.timedelta(hours=9), "JST")


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored time as an aware UTC time (SQLite hands it back without its zone)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def local_time(moment: dt.datetime) -> str:
    """A stored time as the station's local date and time: `2026-01-05 10:00`."""
    return as_utc(moment).astimezone().strftime("%Y-%m-%d %H:%M")


#: How far ahead of the database's clock a scan's given time (a replay line's `at`) may be:
#: clocks drift a little, but a time beyond this would be recorded as a scan not yet made.
SCAN_TIME_TOLERANCE = dt.timedelta(minutes=2)


def too_far_ahead(at: dt.datetime, now: dt.datetime) -> str | None:
    """Why a scan said to be made `at` cannot be taken when the database's clock says `now`;
    None when it can."""
    if at - now <= SCAN_TIME_TOLERANCE:
        return None
    minutes = round(SCAN_TIME_TOLERANCE.total_seconds() / 60)
    return (
        f"{at.isoformat()} is more than {minutes} minutes ahead of the database's clock "
        f"({as_utc(now):%Y-%m-%d %H:%M:%S} UTC)"
    )
