"""A large orders file is written a chunk at a time and stays all or nothing: a station's
scan never waits long behind it, a clash or a killed import leaves no order behind, and
the next import clears or finishes what a killed one left."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.bootstrap import Kenpin
from app.cli import main
from app.db.database import Database
from app.db.models import ImportBatch, Order, OrderLine
from benchmarks.bench_intake import write_products, write_shopify
from tests.intake_support import kenpin_process
from tests.stationdata import HANAKO, sent, stock_bench

pytestmark = pytest.mark.slow


#: A scan normally takes a few milliseconds; one stuck behind a whole file's writes
#: (seconds) comes near this, one behind a chunk's (a few hundred ms at most) does not.
def _files(tmp_path: Path, url: str, lines: int) -> tuple[Path, int]:
    """Products imported and an orders file of about `lines` lines; (its path, its orders)."""
    skus = write_products(tmp_path / "products.csv", 2_000)
    assert main(["--db", url, "import", "products", str(tmp_path / "products.csv")]) == 0
    orders, _lines = write_shopify(tmp_path / "orders.csv", skus, lines)
    return tmp_path / "orders.csv", orders


def _orders_batch(db: Database) -> tuple[str, int] | None:
    """The orders import's batch: (its state, how many orders it has written), or None."""
    with db.read() as s:
        found = s.execute(
            select(ImportBatch.id, ImportBatch.state).where(ImportBatch.kind == "orders")
        ).first()
        if found is None:
            return None
        written = s.scalar(select(func.count()).where(Order.import_batch_id == found.id))
        return found.state, int(written or 0)


def _wait_for(db: Database, importing: subprocess.Popen[bytes], state: str) -> None:
    """Poll until the import's batch is in `state` with orders written."""
    while importing.poll() is None:
        found = _orders_batch(db)
        if found is not None and found[0] == state and found[1] > 0:
            return
        time.sleep(0.01)
    pytest.fail(f"the import ended before its batch was {state}: {importing.stderr!r}")


def _statuses(db: Database) -> Counter[str]:
    with db.read() as s:
        return Counter(str(status) for status in s.scalars(select(Order.status)))


def _lease_runs_out(db: Database) -> None:
    """What a minute without the killed process does to its batch's lease."""
    with db.write() as s:
        s.execute(update(ImportBatch).values(lease_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))


def test_a_scan_made_while_a_large_orders_file_is_written_is_answered_at_once(
    sqlite_db: Database, tmp_path: Path
) -> None:
    stock_bench(sqlite_db)
    path, orders = _files(tmp_path, sqlite_db.url, 100_000)
    station = Kenpin(sqlite_db).pack_station("S1")
    importing = kenpin_process("--db", sqlite_db.url, "import", "orders", str(path))
    # How far the import had written when each scan was answered.
    answered_at: list[tuple[str, int]] = []
    while importing.poll() is None:
        station.scan(sent(HANAKO))  # log in, log out, ...: each scan a write transaction
        batch = _orders_batch(sqlite_db)
        if batch is not None:
            answered_at.append(batch)
        time.sleep(0.05)
    _out, err = importing.communicate()
    assert importing.returncode == 0, err.decode()
    # Scans were answered between the import's chunks, at several points of its writing,
    # not held until it had finished (how long each took is for the benchmarks).
    assert len(set(answered_at)) > 3, answered_at
    statuses = _statuses(sqlite_db)
    assert statuses["new"] == orders
    assert statuses["importing"] == 0


@pytest.mark.parametrize("killed_while", ["staging", "publishing"])
def test_an_import_killed_while_writing_is_cleared_or_finished_by_the_next_import(
    db: Database, tmp_path: Path, killed_while: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, orders = _files(tmp_path, db.url, 60_000)
    importing = kenpin_process("--db", db.url, "import", "orders", str(path))
    _wait_for(db, importing, killed_while)
    os.kill(importing.pid, signal.SIGKILL)
    importing.communicate()
    left = _statuses(db)
    assert left["importing"] > 0  # a half-written file, which no station may take
    # Until its lease runs out the batch is the killed process's: the file is not imported
    # a second time beside it.
    capsys.readouterr()
    assert main(["--db", db.url, "import", "orders", str(path)]) == 1
    assert capsys.readouterr().err == (
        "kenpin: orders.csv: the same file is being imported by another program; nothing "
        "added, run the import again once it has finished\n"
    )
    _lease_runs_out(db)
    assert main(["--db", db.url, "import", "orders", str(path)]) == 0
    assert _statuses(db) == {"new": orders}
    with db.read() as s:
        batches = select(ImportBatch.state).where(ImportBatch.kind == "orders")
        assert s.scalars(batches).all() == ["done"]
        per_order = select(OrderLine.order_id, func.count()).group_by(OrderLine.order_id)
        assert len(s.execute(per_order).all()) == orders


def test_an_order_number_taken_while_the_file_is_written_refuses_it_and_leaves_nothing(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, orders = _files(tmp_path, db.url, 60_000)
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    last = text[-1].split(",")[0]
    (tmp_path / "last.csv").write_text(
        text[0] + "".join(line for line in text if line.startswith(last + ",")),
        encoding="utf-8",
        newline="",
    )
    importing = kenpin_process("--db", db.url, "import", "orders", str(path))
    _wait_for(db, importing, "staging")
    # Another clerk imports the file's last order before the import gets to it.
    assert main(["--db", db.url, "import", "orders", str(tmp_path / "last.csv")]) == 0
    _out, err = importing.communicate()
    assert importing.returncode == 1
    assert "nothing was imported, run the import again" in err.decode()
    assert _statuses(db) == {"new": 1}
    capsys.readouterr()
    assert main(["--db", db.url, "import", "orders", str(path)]) == 0
    assert f"{orders - 1:,} orders" in capsys.readouterr().out
    assert _statuses(db) == {"new": orders}
