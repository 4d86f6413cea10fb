"""Two stations (two `kenpin replay` processes) racing to open and pack the same orders."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.database import Database
from app.db.models import Barcode, Order, OrderLine, StockBalance, StockMove
from app.db.station_models import PackSession
from app.services.allocation import allocate
from app.services.users import add_user
from benchmarks.bulkdata import add_orders, add_products
from tests import ROOT
from tests.stationdata import stations_without_labels

ORDERS = 40


def pack_everything_file(db: Database, folder: Path, name: str, badge: str) -> Path:
    """A scan file that logs `badge` in, then opens and packs every allocated order in turn."""
    with db.read() as s:
        codes = dict(s.execute(select(Barcode.product_id, Barcode.code)).all())
        rows = s.execute(
            select(Order.number, OrderLine.product_id, OrderLine.qty)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.status == "allocated")
            .order_by(Order.id, OrderLine.line_no)
        ).all()
    units: dict[str, list[str]] = defaultdict(list)
    for number, product_id, qty in rows:
        units[number] += [codes[product_id]] * qty
    scans = [badge]
    for number, order_units in units.items():
        scans += [number, *order_units, "KCMD:COMPLETE"]
    path = folder / name
    path.write_text("".join(json.dumps({"scan": code}) + "\n" for code in scans))
    return path


@pytest.mark.parametrize(
    "db_url", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)], indirect=True
)
def test_two_stations_never_pack_the_same_order_twice(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    products = add_products(db, 12, stock_each=20)
    add_orders(db, ORDERS, products, lines_per_order=2, seed=3)
    allocate(db)
    add_user(db, "Hanako", "packer", "B-001")
    add_user(db, "Taro", "packer", "B-002")
    # The scan files cannot know the tracking numbers to scan back: these stations print no
    # labels (label scan-back is tested in tests/test_labels_station.py).
    stations_without_labels(db, "S1", "S2")
    with db.read() as s:
        wanted = dict(
            s.execute(
                select(Order.number, func.sum(OrderLine.qty))
                .join(OrderLine, OrderLine.order_id == Order.id)
                .where(Order.status == "allocated")
                .group_by(Order.number)
            ).all()
        )
    assert len(wanted) >= ORDERS // 2
    files = [
        pack_everything_file(db, tmp_path, f"{badge}.jsonl", badge) for badge in ("B-001", "B-002")
    ]

    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "--db", db_url, "replay", str(path), "--station", name],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, path in zip(("S1", "S2"), files, strict=True)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err

    completed: Counter[str] = Counter()
    for out, _err in outputs:
        for line in out.splitlines():
            outcome = json.loads(line)
            if outcome["scan"] == "KCMD:COMPLETE" and outcome["verdict"] == "accepted":
                completed[outcome["order"]] += 1
    # Every order was packed, by exactly one of the two stations.
    assert completed == Counter(dict.fromkeys(wanted, 1))
    with db.read() as s:
        statuses = Counter(
            s.scalars(select(Order.status).where(Order.number.in_(list(wanted)))).all()
        )
        sessions = Counter(
            s.scalars(
                select(Order.number)
                .join(PackSession, PackSession.order_id == Order.id)
                .where(PackSession.status == "completed")
            ).all()
        )
        shipped = dict(
            s.execute(
                select(StockMove.reference, -func.sum(StockMove.on_hand_delta))
                .where(StockMove.reason == "pack")
                .group_by(StockMove.reference)
            ).all()
        )
        ledger = s.execute(
            select(
                StockMove.balance_id, StockMove.on_hand_delta, StockMove.reserved_delta
            ).order_by(StockMove.id)
        ).all()
        lowest = s.scalar(select(func.min(StockBalance.on_hand)))
    assert statuses == Counter({"packed": len(wanted)})
    assert sessions == Counter(dict.fromkeys(wanted, 1))
    assert shipped == wanted  # each order's units left the shelf once
    # Replaying the ledger in order, no balance ever went below zero.
    running: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for balance_id, on_hand, reserved in ledger:
        running[balance_id][0] += on_hand
        running[balance_id][1] += reserved
        assert 0 <= running[balance_id][1] <= running[balance_id][0]
    assert lowest is not None and lowest >= 0
    assert main(["--db", db_url, "stock", "check"]) == 0
    assert "every balance matches its ledger" in capsys.readouterr().out
