"""Leases run on the database's clock: a scan's own time (a station's clock, a replay line's
`at`) is only recorded, can neither take an order another station holds nor lock one, and
a time too far ahead of the database's clock is refused."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import Kenpin
from app.cli import main
from app.core.errors import Refused
from app.core.scans import Reason, VerdictKind
from app.db.database import Database
from app.db.models import Station
from app.db.station_models import ScanRecord
from app.services.station.pack import PackStation
from tests.stationdata import HANAKO, TARO, TEA, open_sessions, sent, stock_bench


def iso(moment: dt.datetime) -> str:
    return moment.isoformat()


def from_now(**delta: float) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(**delta)


def scan_file(folder: Path, name: str, scans: list[tuple[str, str]]) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps({"scan": code, "at": at}) + "\n" for code, at in scans))
    return path


def holder(db: Database, number: str) -> str | None:
    """The name of the station holding the order's open pack."""
    with db.read() as s:
        names = dict(s.execute(select(Station.id, Station.name)).all())
    held = dict(open_sessions(db)).get(number)
    return names[int(held)] if held else None


def scans_at(db: Database, station: str) -> int:
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(ScanRecord)
                .join(Station, Station.id == ScanRecord.station_id)
                .where(Station.name == station)
            )
            or 0
        )


def test_a_replay_five_minutes_ahead_takes_no_order_another_station_holds(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    packing = Kenpin(db).pack_station("S1")
    for code in (HANAKO, "#1001", TEA):  # the window's scans: the station's own clock
        packing.scan(sent(code))
    ahead = iso(from_now(minutes=5))
    path = scan_file(tmp_path, "s2.jsonl", [(TARO, ahead), ("#1001", ahead)])

    assert main(["--db", db.url, "replay", str(path), "--station", "S2"]) == 1

    err = capsys.readouterr().err
    assert f"s2.jsonl:1: at: {ahead} is more than 2 minutes ahead of the database" in err
    assert "s2.jsonl:2: at:" in err
    assert holder(db, "#1001") == "S1"
    assert scans_at(db, "S2") == 0
    assert packing.scan(sent(TEA)).verdict is VerdictKind.ACCEPTED


def test_a_scan_time_inside_the_tolerance_still_cannot_outrun_a_lease(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    # Recorded scans of an hour ago open the order: its lease runs from now all the same.
    an_hour_ago = iso(from_now(hours=-1))
    opened = scan_file(tmp_path, "s1.jsonl", [(HANAKO, an_hour_ago), ("#1001", an_hour_ago)])
    assert main(["--db", db.url, "replay", str(opened), "--station", "S1"]) == 0
    # A minute and a half ahead of the database: allowed, but the lease still runs.
    ahead = iso(from_now(seconds=90))
    other = scan_file(tmp_path, "s2.jsonl", [(TARO, ahead), ("#1001", ahead)])
    capsys.readouterr()

    assert main(["--db", db.url, "replay", str(other), "--station", "S2"]) == 0

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (lines[1]["verdict"], lines[1]["reason"]) == ("rejected", "order_locked")
    assert holder(db, "#1001") == "S1"


def test_a_replay_dated_2099_is_refused_and_locks_nothing(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    far = "2099-01-01T00:00:00+09:00"
    path = scan_file(tmp_path, "s1.jsonl", [(HANAKO, far), ("#1001", far)])

    assert main(["--db", db.url, "replay", str(path), "--station", "S1"]) == 1

    assert "s1.jsonl:2: at: 2098-12-31T15:00:00+00:00 is more than 2 minutes ahead" in (
        capsys.readouterr().err
    )
    assert open_sessions(db) == []
    # Nor through the station itself.
    station = Kenpin(db).pack_station("S1")
    with pytest.raises(Refused, match=r"at: .* ahead of the database's clock"):
        station.scan(sent(HANAKO), at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC))
    assert scans_at(db, "S1") == 0
    other = Kenpin(db).pack_station("S2")
    assert other.scan(sent(TARO)).verdict is VerdictKind.INFO
    assert other.scan(sent("#1001")).verdict is VerdictKind.INFO
    assert holder(db, "#1001") == "S2"


def test_a_crashed_station_s_lease_runs_out_by_the_database_s_clock(db: Database) -> None:
    stock_bench(db)
    crashed = PackStation(db, "S1", lease_seconds=1)
    # Its last scans were stamped 100 s ahead (within the tolerance), then it stopped.
    for code in (HANAKO, "#1001"):
        crashed.scan(sent(code), at=from_now(seconds=100))
    other = Kenpin(db).pack_station("S2")
    other.scan(sent(TARO))
    time.sleep(1.5)  # longer than the crashed station's lease, by the one clock there is

    taken = other.scan(sent("#1001"))

    assert (taken.verdict, taken.reason, taken.order) == (VerdictKind.INFO, None, "#1001")
    assert holder(db, "#1001") == "S2"
    fenced = crashed.scan(sent(TEA))  # back up: told who has the order now
    assert fenced.reason is Reason.ORDER_LOCKED and "S2" in fenced.message
