"""A station's SQLite file: the log is moved into the file by a thread of its own, so no
scan's commit waits for it, and the file itself soon holds every scan."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from app.bootstrap import Kenpin, open_database
from tests.stationdata import HANAKO, sent, stock_bench

WAIT_S = 10.0  # only reached when something is broken


def scans_in_the_file_itself(path: Path) -> int:
    """The scans the database file holds, its write-ahead log left unread."""
    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as reader:
        return int(reader.execute("SELECT count(*) FROM scans").fetchone()[0])


def test_a_station_never_checkpoints_in_a_scan_and_its_file_soon_holds_every_scan(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kenpin.db"
    before = open_database(f"sqlite:///{path}")
    stock_bench(before)
    before.dispose()  # the last connection closed: SQLite moved its log into the file
    assert scans_in_the_file_itself(path) == 0
    db = open_database(f"sqlite:///{path}", station=True)
    assert db.checkpointer is not None
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0

    station = Kenpin(db).pack_station("S1")
    for code in (HANAKO, "#1001", "4901234567894"):
        station.scan(sent(code))
    deadline = time.monotonic() + WAIT_S
    while scans_in_the_file_itself(path) < 3:
        assert time.monotonic() < deadline, "the log never reached the database file"
        time.sleep(0.05)
    db.dispose()
    assert db.checkpointer._thread is None


def test_other_commands_checkpoint_as_sqlite_does(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'kenpin.db'}")
    assert db.checkpointer is None
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
    db.dispose()
