"""A large stock file is staged and posted a chunk at a time and stays all or nothing: a
station's scan never waits long behind it, and the next import clears or finishes what a
killed one left, every row posted exactly once."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import Kenpin
from app.cli import main
from app.db import stock
from app.db.database import Database
from app.db.models import ImportBatch, StockImportRow, StockMove
from benchmarks.bench_intake import write_products
from tests.intake_support import kenpin_process
from tests.services.intake.test_large_imports import _scan_waits, _stock_file
from tests.services.intake.test_staged_imports import _lease_runs_out
from tests.stationdata import stock_bench

pytestmark = pytest.mark.slow


def _files(tmp_path: Path, url: str, megabytes: int) -> tuple[Path, int]:
    """Products imported and a stock file of about `megabytes` MB; (its path, its rows)."""
    skus = write_products(tmp_path / "products.csv", 200)
    assert main(["--db", url, "import", "products", str(tmp_path / "products.csv")]) == 0
    path = tmp_path / "stock.csv"
    return path, _stock_file(path, skus, megabytes)


def _imported_units(db: Database) -> int:
    with db.read() as s:
        moves = select(func.coalesce(func.sum(StockMove.on_hand_delta), 0))
        return int(s.scalar(moves.where(StockMove.reason == "import")) or 0)


def _stock_batch(db: Database) -> tuple[str, int, int] | None:
    """The stock import's batch: (its state, rows still staged, units posted), or None."""
    with db.read() as s:
        found = s.execute(
            select(ImportBatch.id, ImportBatch.state).where(ImportBatch.kind == "stock")
        ).first()
        if found is None:
            return None
        staged = s.scalar(select(func.count()).where(StockImportRow.batch_id == found.id))
    return found.state, int(staged or 0), _imported_units(db)


def test_a_scan_made_while_a_large_stock_file_is_written_is_answered_at_once(
    sqlite_db: Database, tmp_path: Path
) -> None:
    stock_bench(sqlite_db)
    path, rows = _files(tmp_path, sqlite_db.url, 2)
    station = Kenpin(sqlite_db).pack_station("S1")
    importing = kenpin_process("--db", sqlite_db.url, "import", "stock", str(path))
    waits = _scan_waits(station, importing)
    _out, err = importing.communicate()
    assert importing.returncode == 0, err.decode()
    assert len(waits) > 5
    assert _imported_units(sqlite_db) == 3 * rows
    with sqlite_db.read() as s:
        assert stock.check(s) == []
        assert s.scalar(select(func.count()).select_from(StockImportRow)) == 0


@pytest.mark.parametrize("killed_while", ["staging", "publishing"])
def test_a_stock_import_killed_while_writing_is_cleared_or_finished_by_the_next(
    db: Database, tmp_path: Path, killed_while: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, rows = _files(tmp_path, db.url, 1)
    importing = kenpin_process("--db", db.url, "import", "stock", str(path))
    while importing.poll() is None:
        found = _stock_batch(db)
        # Killed once rows are staged (staging) or some are posted (publishing).
        if (
            found is not None
            and found[0] == killed_while
            and (found[1] if killed_while == "staging" else found[2])
        ):
            break
        time.sleep(0.005)
    else:
        pytest.fail(f"the import ended before it was {killed_while}")
    os.kill(importing.pid, signal.SIGKILL)
    importing.communicate()
    posted_before = _imported_units(db)
    assert posted_before < 3 * rows  # a half-written file
    capsys.readouterr()
    # Until its lease runs out the batch is the killed process's: no second import beside it.
    assert main(["--db", db.url, "import", "stock", str(path)]) == 1
    assert "being imported by another program" in capsys.readouterr().err
    _lease_runs_out(db)
    assert main(["--db", db.url, "import", "stock", str(path)]) == 0
    # Every row posted exactly once, whether the killed import's rows were cleared or
    # finished; nothing left staged, the ledger and the balances agree.
    assert _imported_units(db) == 3 * rows
    with db.read() as s:
        assert s.scalars(select(ImportBatch.state).where(ImportBatch.kind == "stock")).all() == [
            "done"
        ]
        assert s.scalar(select(func.count()).select_from(StockImportRow)) == 0
        assert stock.check(s) == []
