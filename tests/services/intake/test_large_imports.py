"""Large imports on a station's SQLite file: a scan made while one runs is answered at
once (the file is checked before the write lock is taken), and a large stock file is
read as a stream, so the import's memory does not grow with the file."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.bootstrap import Kenpin
from app.cli import main
from app.db.database import Database
from app.services.station.pack import PackStation
from benchmarks.bench_intake import write_products, write_shopify
from tests.intake_support import kenpin_process, row_counts, unmeasured_env
from tests.stationdata import HANAKO, sent, stock_bench

pytestmark = pytest.mark.slow

#: A scan normally takes a few milliseconds; only one stuck behind an import's checking
#: (seconds) comes near this.
#: Peak memory allowed to a stock import, whatever the file's size.
MEMORY_BOUND_MB = 300


def _scan_waits(station: PackStation, importing: subprocess.Popen[bytes]) -> list[float]:
    """Scan at the station every 50 ms while the import runs; how long each scan took."""
    waits = []
    while importing.poll() is None:
        start = time.monotonic()
        station.scan(sent(HANAKO))  # log in, log out, ...: each scan a write transaction
        waits.append(time.monotonic() - start)
        time.sleep(0.05)
    return waits


def test_a_scan_made_while_a_large_orders_file_is_checked_is_answered_at_once(
    sqlite_db: Database, tmp_path: Path
) -> None:
    stock_bench(sqlite_db)
    skus = write_products(tmp_path / "products.csv", 2_000)
    write_shopify(tmp_path / "orders.csv", skus, 120_000)
    url = sqlite_db.url
    assert main(["--db", url, "import", "products", str(tmp_path / "products.csv")]) == 0
    first = kenpin_process("--db", url, "import", "orders", str(tmp_path / "orders.csv"))
    assert first.wait() == 0
    # The same orders in another export: every row is checked, nothing is new.
    again = (tmp_path / "orders.csv").read_text(encoding="utf-8").replace("\r\n", ",\r\n")
    (tmp_path / "again.csv").write_text(again, encoding="utf-8", newline="")
    station = Kenpin(sqlite_db).pack_station("S1")
    importing = kenpin_process("--db", url, "import", "orders", str(tmp_path / "again.csv"))
    waits = _scan_waits(station, importing)
    out, err = importing.communicate()
    assert importing.returncode == 0, err.decode()
    assert b"0 orders (0 lines) added" in out
    assert len(waits) > 5  # the scans ran all through the import


def test_a_scan_made_while_a_large_stock_file_is_checked_and_refused_is_answered_at_once(
    sqlite_db: Database, tmp_path: Path
) -> None:
    stock_bench(sqlite_db)
    skus = write_products(tmp_path / "products.csv", 200)
    url = sqlite_db.url
    assert main(["--db", url, "import", "products", str(tmp_path / "products.csv")]) == 0
    path = tmp_path / "stock.csv"
    rows = _stock_file(path, skus, 16)
    with path.open("a", newline="", encoding="utf-8") as out:
        csv.writer(out).writerow(["NOPE", "R-1-1", 3, "", ""])
    before = row_counts(sqlite_db)
    station = Kenpin(sqlite_db).pack_station("S1")
    importing = kenpin_process("--db", url, "import", "stock", str(path))
    waits = _scan_waits(station, importing)
    _out, err = importing.communicate()
    assert importing.returncode == 1
    assert (
        err.decode().strip() == f'kenpin: stock.csv:{rows + 2}: sku: "NOPE" is not a known product'
    )
    assert len(waits) > 5
    after = row_counts(sqlite_db)
    assert {table: after[table] for table in before} == before


def _stock_file(path: Path, skus: list[str], megabytes: int, aisles: int = 40) -> int:
    """A stock file of about `megabytes` MB, a receipt per row into one of `aisles`² bins;
    how many rows."""
    rnd = random.Random(3)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["sku", "location", "qty", "lot", "expiry"])
        while out.tell() < megabytes * 1_000_000:
            sku = rnd.choice(skus)
            writer.writerow([sku, f"R-{rnd.randrange(aisles)}-{rnd.randrange(aisles)}", 3, "", ""])
            rows += 1
    return rows


def _peak_rss_mb(*args: str) -> tuple[int, str, float]:
    """Run `kenpin ARGS` in a child of a child; (exit status, stderr, the child's peak MB)."""
    probe = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run([sys.executable, '-m', 'app', *sys.argv[1:]], "
        "capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(done.returncode, peak, file=sys.stdout)\n"
        "print(done.stderr, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        check=True,
        env=unmeasured_env(),
    )
    code, peak_kb = done.stdout.split()
    return int(code), done.stderr, int(peak_kb) / 1024


def test_a_large_stock_file_is_imported_in_bounded_memory(
    sqlite_db: Database, tmp_path: Path
) -> None:
    skus = write_products(tmp_path / "products.csv", 500)
    url = sqlite_db.url
    assert main(["--db", url, "import", "products", str(tmp_path / "products.csv")]) == 0
    rows = _stock_file(tmp_path / "stock.csv", skus, 8, aisles=10)
    code, err, peak = _peak_rss_mb("--db", url, "import", "stock", str(tmp_path / "stock.csv"))
    assert code == 0, err
    assert peak < MEMORY_BOUND_MB, f"the import peaked at {peak:.0f} MB"
    assert row_counts(sqlite_db)["stock_moves"] == rows
