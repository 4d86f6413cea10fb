"""Several stations issuing tracking numbers at once, each in its own process."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from app.core.carriers import CarrierCode
from app.core.tracking import is_valid
from app.db.database import Database
from app.db.tracking import numbers_left
from app.services.carriers import add_range
from tests import ROOT

STATIONS, EACH = 4, 200

# One station: says it is ready, waits for the go file so all start together,
# then issues its numbers one transaction each, as completed packs do.
STATION = """
import sys, time
from pathlib import Path
from app.core.carriers import CarrierCode
from app.db.database import Database
from app.db.tracking import issue_number

url, go, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
db = Database(url)
print("ready", flush=True)
while not go.exists():
    time.sleep(0.01)
for _ in range(count):
    with db.write() as session:
        print(issue_number(session, CarrierCode.YAMATO).digits, flush=True)
db.dispose()
"""


def test_stations_issuing_at_once_never_share_or_skip_a_number(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    # Three blocks of 300 for 800 numbers: stations cross two block ends while racing.
    blocks = [(10_000_000_000, 300), (20_000_000_000, 300), (30_000_000_000, 300)]
    for first, size in blocks:
        add_range(db, "yamato", str(first), str(first + size - 1))
    go = tmp_path / "go"
    stations = [
        subprocess.Popen(
            [sys.executable, "-c", STATION, db_url, str(go), str(EACH)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(STATIONS)
    ]
    for station in stations:
        assert station.stdout is not None
        assert station.stdout.readline().strip() == "ready"
    go.touch()
    issued: list[str] = []
    for station in stations:
        out, err = station.communicate(timeout=300)
        assert station.returncode == 0, err
        issued += out.split()

    assert len(issued) == STATIONS * EACH
    assert [n for n, times in Counter(issued).items() if times > 1] == []
    assert all(is_valid(CarrierCode.YAMATO, n) for n in issued)
    # Oldest block first and nothing skipped: exactly the first 800 numbers were used.
    in_order = [str(first + i) for first, size in blocks for i in range(size)]
    assert sorted(n[:-1] for n in issued) == in_order[: STATIONS * EACH]
    with db.read() as s:
        assert numbers_left(s, CarrierCode.YAMATO) == 900 - STATIONS * EACH
