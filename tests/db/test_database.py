"""Units of work on SQLite: a database another program keeps locked is told, not a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.bootstrap import Kenpin, open_database
from app.core.errors import DatabaseUnavailable
from app.db import database
from tests.stationdata import HANAKO, sent, stock_bench


def test_a_database_held_locked_past_the_busy_timeout_says_so_and_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "kenpin.db"
    db = open_database(f"sqlite:///{path}")
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseUnavailable, match="database busy"):
            station.scan(sent(HANAKO))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Nothing of the refused attempt was kept: the scan, made again, is the station's first.
    outcome = station.scan(sent(HANAKO))
    assert (outcome.seq, outcome.message) == (1, "Hanako logged in")
    db.dispose()
