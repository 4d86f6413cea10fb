"""Every way the database can fail is one clear sentence, never a traceback or SQL
parameters; a scan the database did not take is recorded nowhere and, made again once the
database is back, counts once."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.bootstrap import Kenpin, open_database
from app.cli import main
from app.core.errors import DatabaseUnavailable
from app.db import database
from app.db.database import Database
from app.services.station.pack import PackStation
from tests.stationdata import HANAKO, TEA, sent, stock_bench

#: A port nothing listens on.
REFUSED_URL = "postgresql+psycopg://postgres@127.0.0.1:9/kenpin"


class Holder:
    """Another program holding an SQLite file's write lock until `release`."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.held = False

    def take(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.held = True

    def release(self) -> None:
        if self.held:
            self.conn.execute("ROLLBACK")
            self.held = False

    def close(self) -> None:
        self.release()
        self.conn.close()


@pytest.fixture
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite gives up waiting for another program's lock after 0.2 s, not 30."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)


@pytest.fixture
def sqlite_file(tmp_path: Path, sqlite_db: Database) -> Path:
    """The file of a benched SQLite database (schema at head), closed."""
    stock_bench(sqlite_db)
    url = sqlite_db.url
    sqlite_db.dispose()
    return Path(url.removeprefix("sqlite:///"))


@pytest.fixture
def holder(sqlite_file: Path) -> Iterator[Holder]:
    held = Holder(sqlite_file)
    yield held
    held.close()


def _scan_file(tmp_path: Path, *codes: str) -> Path:
    path = tmp_path / "scans.jsonl"
    path.write_text("".join(json.dumps({"scan": code}) + "\n" for code in codes))
    return path


def _terminate_others(url: str) -> int:
    """Cut every other connection to the database, as an administrator would; how many."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            return len(
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).all()
            )
    finally:
        engine.dispose()


def test_a_server_that_refuses_the_connection_is_one_sentence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", REFUSED_URL, "orders", "list"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("kenpin: database unavailable: ")
    assert len(out.err.strip().splitlines()) == 1
    assert "Traceback" not in out.err


@pytest.mark.pg
def test_a_connection_the_server_terminates_is_database_unavailable_and_the_rescan_counts_once(
    pg_copy: str,
) -> None:
    db = open_database(pg_copy)
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    assert station.scan(sent(HANAKO)).seq == 1
    assert station.scan(sent("#1001")).seq == 2
    assert _terminate_others(db.url) >= 1
    with pytest.raises(DatabaseUnavailable) as refused:
        station.scan(sent(TEA), scan_id="tea-1")
    sentence = str(refused.value)
    assert sentence.startswith("database unavailable: the connection to the database was lost")
    assert "\n" not in sentence and TEA not in sentence
    # The database is back: the same scan, made again, is recorded once, as the next scan.
    outcome = station.scan(sent(TEA), scan_id="tea-1")
    assert (outcome.seq, outcome.verdict, outcome.scanned) == (3, "accepted", 1)
    db.dispose()


@pytest.mark.pg
def test_replay_stops_on_a_terminated_connection_with_one_sentence(
    pg_copy: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_database(pg_copy)
    stock_bench(db)
    db.dispose()
    scans = _scan_file(tmp_path, HANAKO, "#1001", TEA, TEA)
    _cut_before_scan(monkeypatch, 3, lambda: _terminate_others(pg_copy))
    assert main(["--db", pg_copy, "replay", str(scans), "--station", "S1"]) == 1
    out = capsys.readouterr()
    lines = [json.loads(line) for line in out.out.splitlines()]
    assert [line["verdict"] for line in lines] == ["info", "info", "rejected"]
    assert lines[-1]["reason"] == "database_unavailable"
    assert lines[-1]["scan"] == TEA and lines[-1]["seq"] is None
    assert out.err.startswith("kenpin: database unavailable: the connection to the database")
    assert len(out.err.strip().splitlines()) == 1


def _cut_before_scan(monkeypatch: pytest.MonkeyPatch, number: int, cut: Any) -> None:
    """Make the database fail (`cut()`) just before the station's `number`th scan."""
    scan = PackStation.scan
    made = [0]

    def scan_then_cut(self: PackStation, *args: Any, **kwargs: Any) -> Any:
        made[0] += 1
        if made[0] == number:
            cut()
        return scan(self, *args, **kwargs)

    monkeypatch.setattr(PackStation, "scan", scan_then_cut)


@pytest.mark.usefixtures("quick_busy")
def test_replay_stops_on_a_locked_database_with_one_sentence_and_no_parameters(
    sqlite_file: Path,
    holder: Holder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    scans = _scan_file(tmp_path, HANAKO, "#1001", TEA, TEA)
    _cut_before_scan(monkeypatch, 3, holder.take)
    url = f"sqlite:///{sqlite_file}"
    assert main(["--db", url, "replay", str(scans), "--station", "S1"]) == 1
    out = capsys.readouterr()
    lines = [json.loads(line) for line in out.out.splitlines()]
    assert [(line["verdict"], line["reason"]) for line in lines] == [
        ("info", None),
        ("info", None),
        ("rejected", "database_unavailable"),
    ]
    assert out.err.startswith("kenpin: database busy: another program held it")
    assert len(out.err.strip().splitlines()) == 1
    assert "Traceback" not in out.err and TEA not in out.err
    # Nothing of the refused scan was recorded: the replay, run again, carries on from it.
    holder.release()
    monkeypatch.undo()
    again = _scan_file(tmp_path, TEA)
    assert main(["--db", url, "replay", str(again), "--station", "S1"]) == 0
    [line] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (line["seq"], line["verdict"], line["scanned"]) == (3, "accepted", 1)


@pytest.mark.usefixtures("quick_busy")
def test_with_debug_a_database_failure_shows_its_traceback(
    sqlite_file: Path, holder: Holder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder.take()
    url = f"sqlite:///{sqlite_file}"
    assert (
        main(["--debug", "--db", url, "users", "add", "Ken", "--role", "packer", "--badge", "B-9"])
        == 1
    )
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert err.strip().splitlines()[-1].startswith("kenpin: database busy")


@pytest.mark.usefixtures("quick_busy")
def test_reading_works_while_another_program_holds_the_write_lock(
    sqlite_file: Path, holder: Holder, capsys: pytest.CaptureFixture[str]
) -> None:
    holder.take()
    assert main(["--db", f"sqlite:///{sqlite_file}", "orders", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {order["number"] for order in listed} >= {"#1001", "#1002"}


@pytest.mark.usefixtures("quick_busy")
def test_opening_a_database_at_head_does_not_wait_for_the_write_lock(
    sqlite_file: Path, holder: Holder
) -> None:
    holder.take()
    opened = open_database(f"sqlite:///{sqlite_file}")
    opened.dispose()


def test_engines_hide_sql_parameters_unless_debugging(tmp_path: Path) -> None:
    quiet = Database(f"sqlite:///{tmp_path / 'a.db'}")
    loud = Database(f"sqlite:///{tmp_path / 'b.db'}", debug=True)
    with pytest.raises(Exception) as hidden, quiet.write() as session:
        session.execute(text("SELECT * FROM nowhere WHERE name = :name"), {"name": "山田花子"})
    assert "山田花子" not in str(hidden.value)
    with pytest.raises(Exception) as shown, loud.write() as session:
        session.execute(text("SELECT * FROM nowhere WHERE name = :name"), {"name": "山田花子"})
    assert "山田花子" in str(shown.value)
    quiet.dispose()
    loud.dispose()
