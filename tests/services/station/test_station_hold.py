"""A running station process holds its station: `kenpin replay` may not act as a station
that another running process (its window, another replay) holds, and a crashed holder
leaves no station held for ever."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.bootstrap import Kenpin
from app.cli import main
from app.core.errors import Refused
from app.db.clock import database_time
from app.db.database import Database
from app.db.models import Station
from app.db.station_models import ScanRecord, StationState
from app.services.station.hold import this_process
from tests import ROOT
from tests.services.station.test_replay import scan_file
from tests.stationdata import CUP, HANAKO, TEA, logged_in, open_sessions, stock_bench

#: A station window's process, as far as the database can tell: it opens station S1 the
#: way the window does, scans what it is given, says "held" and runs until told to stop.
WINDOW = """
import sys
from app.bootstrap import bootstrap
from app.scanning.normalize import normalise

kenpin = bootstrap(database_url=sys.argv[1], station=True)
station = kenpin.station_services().pack_station("S1")
for code in sys.argv[2:]:
    station.scan(normalise(code))
print("held", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def window(db: Database) -> Iterator[subprocess.Popen[str]]:
    """Station S1's window in another process: Hanako logged in, #1001 open, one tea in."""
    stock_bench(db)
    process = subprocess.Popen(
        [sys.executable, "-c", WINDOW, db.url, HANAKO, "#1001", TEA],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    yield process
    process.kill()
    process.wait(timeout=60)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def station_printer(db: Database) -> str | None:
    with db.read() as s:
        return s.scalar(select(Station.printer_uri).where(Station.name == "S1"))


def scans_recorded(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ScanRecord)) or 0)


def replay_args(db: Database, path: Path, *extra: str) -> list[str]:
    return ["--db", db.url, "replay", str(path), "--station", "S1", *extra]


def test_replay_may_not_act_as_a_station_another_running_process_holds(
    db: Database,
    window: subprocess.Popen[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = scan_file(tmp_path, "cancel.jsonl", ["KCMD:CANCEL", HANAKO])
    before = (open_sessions(db), logged_in(db), scans_recorded(db))

    status = main(replay_args(db, path, "--printer", f"file://{tmp_path}/labels"))

    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert err == (
        f"kenpin: station S1 is in use by another running Kenpin ({window.pid}@"
        f"{this_process().partition('@')[2]}): close its window or let its replay finish, "
        "then try again\n"
    )
    # Packer One's pack is still open at S1, she is still logged in, the printer unchanged.
    assert (open_sessions(db), logged_in(db), scans_recorded(db)) == before
    assert open_sessions(db)[0][0] == "#1001"
    assert station_printer(db) == ""
    # A second window on the same station is refused alike.
    with pytest.raises(Refused, match="station S1 is in use by another running Kenpin"):
        Kenpin(db, holder=this_process()).station_services().pack_station("S1")


def test_a_holder_that_crashed_on_this_pc_holds_nothing(
    db: Database,
    window: subprocess.Popen[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    window.kill()
    window.wait(timeout=60)
    path = scan_file(tmp_path, "more.jsonl", [TEA, CUP])

    assert main(replay_args(db, path)) == 0

    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["seq"], o["verdict"], o["scanned"]) for o in out] == [
        (4, "accepted", 2),
        (5, "accepted", 3),
    ]


def hold_from_another_pc(db: Database, seconds: float) -> None:
    """Station S1 held by a process on another PC, until `seconds` from the database's now."""
    with db.write() as s:
        until = database_time(s) + dt.timedelta(seconds=seconds)
        s.execute(update(StationState).values(held_by="4242@another-pc", held_until=until))


def test_a_hold_from_another_pc_lapses_on_the_databases_clock(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    path = scan_file(tmp_path, "badge.jsonl", [HANAKO])
    assert main(replay_args(db, path)) == 0
    capsys.readouterr()
    hold_from_another_pc(db, 30)

    assert main(replay_args(db, path)) == 1
    assert "(4242@another-pc)" in capsys.readouterr().err

    hold_from_another_pc(db, -1)  # its last renewal was more than a hold ago: it crashed
    assert main(replay_args(db, path)) == 0
    assert json.loads(capsys.readouterr().out)["seq"] == 2
    with db.read() as s:  # let go once the replay was done
        assert s.execute(select(StationState.held_by, StationState.held_until)).one() == (
            None,
            None,
        )


def test_a_window_renews_its_hold_and_the_replay_stays_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    station = Kenpin(db, holder="4242@another-pc").pack_station("S1")
    with db.write() as s:
        s.execute(update(StationState).values(held_until=database_time(s) - dt.timedelta(1)))

    station.renew_lease()  # the window's timer, every few seconds

    path = scan_file(tmp_path, "badge.jsonl", [HANAKO])
    assert main(replay_args(db, path)) == 1
    assert "(4242@another-pc)" in capsys.readouterr().err


def test_two_replays_started_at_once_never_act_as_one_station_together(
    db: Database, tmp_path: Path
) -> None:
    stock_bench(db)
    for _ in range(3):
        path = scan_file(tmp_path, "badges.jsonl", [HANAKO] * 40)
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "app", *replay_args(db, path)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        done = [run.communicate(timeout=120) for run in runs]
        ran = []
        for run, (out, err) in zip(runs, done, strict=True):
            if run.returncode == 1:
                assert "is in use by another running Kenpin" in err and out == ""
                continue
            assert run.returncode == 0, err
            seqs = [json.loads(line)["seq"] for line in out.splitlines()]
            ran.append(seqs)
            # One replay's scans follow each other: no other process scanned in between.
            assert seqs == list(range(seqs[0], seqs[0] + 40))
        assert ran


def test_a_window_for_a_station_another_process_holds_is_refused_before_it_opens(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    Kenpin(db).pack_station("S1")
    hold_from_another_pc(db, 30)
    capsys.readouterr()
    assert main(["--db", db.url, "station", "--station", "S1"]) == 1
    assert capsys.readouterr().err == (
        "kenpin: station S1 is in use by another running Kenpin (4242@another-pc): close its "
        "window or let its replay finish, then try again\n"
    )
