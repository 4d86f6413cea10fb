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
