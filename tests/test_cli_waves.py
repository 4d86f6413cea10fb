"""`kenpin wave create`, `kenpin wave release` and `kenpin print pick-list --wave`, and what
the pack bench makes of an order in a wave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.bootstrap import Kenpin
from app.cli import main
from app.db.database import Database
from app.db.models import Order
from app.services.users import add_user
from tests.services.station.test_labels import scan_all
from tests.services.test_waves import BOSS, read_pdf, statuses
from tests.stationdata import HANAKO, SUPERVISOR_PIN, stock_bench


@pytest.fixture
def bench(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    stock_bench(db)
    add_user(db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    monkeypatch.setenv("KENPIN_PIN", SUPERVISOR_PIN)
    return db


def wave(db: Database, *args: str) -> int:
    return main(["--db", db.url, "wave", *args])


def test_create_prints_the_waves_number_or_its_json(
    bench: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wave(bench, "create", "--max-orders", "1") == 0
    assert capsys.readouterr().out == "W-000001\n"
    assert wave(bench, "create", "--carrier", "yamato", "--json") == 0
    assert json.loads(capsys.readouterr().out) == {
        "number": "W-000002",
        "orders": ["#1002", "#1003"],
        "lines": 2,
        "units": 3,
    }


def test_create_from_a_list_refuses_naming_the_order_and_why_making_nothing(
    bench: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wave(bench, "create", "--orders", "#1001,#1004") == 1
    assert capsys.readouterr().err == (
        "kenpin: no wave created: #1004: is on_hold, not allocated\n"
    )
    assert statuses(bench)["#1001"] == "allocated"
    assert wave(bench, "create", "--orders", "#1001,#1002") == 0
    assert capsys.readouterr().out == "W-000001\n"


def test_an_order_in_a_wave_is_refused_at_the_pack_bench_until_picked(bench: Database) -> None:
    assert wave(bench, "create", "--orders", "#1001") == 0
    station = Kenpin(bench).pack_station("S1")
    assert scan_all(station, [HANAKO, "#1001"]) == [
        ("info", None),
        ("rejected", "order_not_packable"),
    ]
    assert "order #1001 is being picked" in station.view().recent[0].message
    with bench.write() as s:
        s.execute(update(Order).where(Order.number == "#1001").values(status="picked"))
    assert scan_all(station, ["#1001"], at=10) == [("info", None)]
    with bench.read() as s:
        assert s.scalar(select(Order.status).where(Order.number == "#1001")) == "packing"


def test_release_by_a_supervisor_and_not_by_a_packer(
    bench: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wave(bench, "create") == 0
    capsys.readouterr()
    assert wave(bench, "release", "W-000001", "--badge", HANAKO) == 1
    assert capsys.readouterr().err == (
        "kenpin: --badge: Hanako is a packer; this needs a supervisor's or an admin's badge\n"
    )
    assert statuses(bench)["#1001"] == "picking"
    assert wave(bench, "release", "W-000001", "--badge", BOSS) == 0
    assert capsys.readouterr().out == "wave W-000001 released: 3 order(s) allocated again\n"
    assert statuses(bench)["#1001"] == "allocated"


def test_print_pick_list_of_a_wave(
    bench: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wave(bench, "create") == 0
    assert capsys.readouterr().err == "wave W-000001: 3 order(s), 4 line(s), 8 unit(s)\n"
    out = tmp_path / "wave.pdf"
    args = ["--db", bench.url, "print", "pick-list", "--wave", "W-000001", "--out", str(out)]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith(f"pick list written to {out}: 3 orders")
    barcodes, text = read_pdf(out)
    assert barcodes[0] == "W-000001"
    assert "slot 3 #1003 ×2" in text
    assert main([*args, "--limit", "2"]) == 1
    assert "--wave: the wave's orders are the list" in capsys.readouterr().err
