"""A running station process holds its station: no other process acts as that station.

The window open on a station, and a `kenpin replay` in progress, each hold
their station while they run: another process (a replay given the same
`--station`, a second window) is refused with one sentence, and changes
nothing (not the station's printer, not its packer's pack). A hold lapses
`HOLD_SECONDS` after its last renewal on the database's clock, so a process
that crashed on another PC leaves no station held for ever; on the same PC a
holder whose process is gone is passed over at once.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.core.errors import Refused
from app.db import station_hold as store
from app.db.clock import database_time

#: How long a hold lasts unless renewed (the window renews every 10 s, a replay every
#: `HOLD_SECONDS / 3` between its scans).
HOLD_SECONDS = 30


def this_process() -> str:
    """This process as a holder: `PID@HOST`."""
    return f"{os.getpid()}@{socket.gethostname()}"


@dataclass(slots=True)
class StationHold:
    """The hold a process takes on the station it runs (`by` is `this_process()`)."""

    by: str
    seconds: int = HOLD_SECONDS
    _renewed: float = field(default=-1e9, repr=False)

    def take(self, session: Session, station_id: int, name: str) -> None:
        """Hold the station, or refuse when another live process holds it."""
        holder, until = store.holder(session, station_id)
        now = database_time(session)
        live = until is not None and until > now
        if holder not in (None, self.by) and live and _alive_here_or_elsewhere(holder):
            raise Refused(
                f"station {name} is in use by another running Kenpin ({holder}): "
                "close its window or let its replay finish, then try again"
            )
        store.hold(session, station_id, self.by, self._until(now))
        self._renewed = time.monotonic()

    def keep(self, session: Session, station_id: int, name: str, *, now: bool = False) -> None:
        """Renew the hold when a third of it has gone by (`now`: at once); refuse when
        another process has taken the station over meanwhile."""
        if not now and time.monotonic() - self._renewed < self.seconds / 3:
            return
        if not store.renew(session, station_id, self.by, self._until(database_time(session))):
            raise Refused(
                f"station {name} was taken over by another running Kenpin; "
                "this process no longer acts as it"
            )
        self._renewed = time.monotonic()

    def release(self, session: Session, station_id: int) -> None:
        """Let go of the station (the process is done with it)."""
        store.release(session, station_id, self.by)

    def _until(self, now: dt.datetime) -> dt.datetime:
        return now + dt.timedelta(seconds=self.seconds)


def _alive_here_or_elsewhere(holder: str) -> bool:
    """False only for a holder on this PC whose process is gone."""
    pid, _, host = holder.partition("@")
    # Signal 0 asks whether a process is there (POSIX only: on Windows os.kill ends it).
    if os.name != "posix" or host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # there, but another user's
        return True
    return True
