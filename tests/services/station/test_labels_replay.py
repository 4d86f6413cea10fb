"""Label scan-back through `kenpin replay --printer file:///folder`: each label is printed
into the folder once its scan is committed, and the JSON lines keep INTERFACES.md's format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.database import Database
from app.services.users import add_user
from tests.services.station.test_labels import BOSS, PACK_1001, number
from tests.services.station.test_replay import KEYS, scan_file
from tests.stationdata import (
    CUP,
    CUP_CASE,
    HANAKO,
    RICE_L1,
    SUPERVISOR_PIN,
    TEA,
    parcels_of,
    print_jobs_of,
    stock_bench,
    tracking_block,
)
from tests.stockdata import order_state


def replay(
    db: Database, path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> list[tuple[str, str, str | None, str | None]]:
    """Run `kenpin replay` with a folder printer; (scan, verdict, reason, order) of each line."""
    args = ["--db", db.url, "replay", str(path), "--station", "S1", "--printer", f"file://{folder}"]
    assert main(args) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(list(obj) == KEYS for obj in objects)
    return [(o["scan"], o["verdict"], o["reason"], o["order"]) for o in objects]


def labels_in(folder: Path) -> dict[str, bytes]:
    """The ZPL files the folder printer wrote, by file name."""
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.zpl"))}


def test_right_label_reprint_another_orders_label_and_a_voided_one(
    db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stock_bench(db)
    tracking_block(db)
    add_user(db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    folder = tmp_path / "labels"
    first = scan_file(
        tmp_path,
        "first.jsonl",
        [
            *(*PACK_1001, "KCMD:COMPLETE", TEA, "KCMD:REPRINT", number(0)),
            *("#1003", RICE_L1, RICE_L1, "KCMD:COMPLETE", number(0)),
        ],
    )

    lines = replay(db, first, folder, capsys)

    assert lines[6:] == [
        ("KCMD:COMPLETE", "accepted", None, "#1001"),
        (TEA, "rejected", "label_pending", None),
        ("KCMD:REPRINT", "info", None, None),
        (number(0), "accepted", None, None),
        ("#1003", "info", None, "#1003"),
        (RICE_L1, "accepted", None, "#1003"),
        (RICE_L1, "accepted", None, "#1003"),
        ("KCMD:COMPLETE", "accepted", None, "#1003"),
        (number(0), "rejected", "label_mismatch", None),
    ]
    assert order_state(db, "#1001")[0] == "verified"
    printed = labels_in(folder)
    assert sorted(printed) == [f"{number(0)}-2.zpl", f"{number(0)}.zpl", f"{number(1)}.zpl"]
    assert number(0).encode() in printed[f"{number(0)}.zpl"]
    assert number(1).encode() in printed[f"{number(1)}.zpl"]
    assert [status for _n, status, _by in print_jobs_of(db, "#1001")] == ["printed"] * 2

    monkeypatch.setenv("KENPIN_PIN", SUPERVISOR_PIN)
    assert main(["--db", db.url, "label", "void", number(1), "--badge", BOSS]) == 0
    assert f"new label {number(2)}" in capsys.readouterr().out
    second = scan_file(tmp_path, "second.jsonl", [number(1), number(2)])
    assert replay(db, second, folder, capsys) == [
        (number(1), "rejected", "label_voided", None),
        (number(2), "accepted", None, None),
    ]
    assert parcels_of(db, "#1003") == [(1, number(1), "voided"), (1, number(2), "verified")]
    assert order_state(db, "#1003")[0] == "verified"


def test_two_cartons_and_then_no_numbers_left(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    tracking_block(db, "10000000000", "10000000001")  # two numbers
    folder = tmp_path / "labels"
    path = scan_file(
        tmp_path,
        "cartons.jsonl",
        [
            *(HANAKO, "#1001", TEA, TEA, "KCMD:NEWCARTON", CUP, number(0)),
            *(CUP_CASE, CUP, "KCMD:COMPLETE", number(1)),
            *("#1003", RICE_L1, RICE_L1, "KCMD:COMPLETE"),
        ],
    )

    lines = replay(db, path, folder, capsys)

    assert [(verdict, reason) for _scan, verdict, reason, _order in lines[4:]] == [
        ("info", None),  # NEWCARTON: carton 1 closed, its label printed
        ("rejected", "label_pending"),
        ("accepted", None),  # carton 1's label
        ("accepted", None),
        ("accepted", None),
        ("accepted", None),  # COMPLETE: carton 2's label
        ("accepted", None),
        ("info", None),
        ("accepted", None),
        ("accepted", None),
        ("rejected", "no_tracking_number"),  # no numbers left: #1003 stays open
    ]
    assert lines[-1][3] == "#1003"
    assert parcels_of(db, "#1001") == [(1, number(0), "verified"), (2, number(1), "verified")]
    assert order_state(db, "#1001")[0] == "verified"
    assert order_state(db, "#1003")[0] == "packing"
    printed = labels_in(folder)
    assert sorted(printed) == [f"{number(0)}.zpl", f"{number(1)}.zpl"]
    assert all(name[:-4].encode() in data for name, data in printed.items())
