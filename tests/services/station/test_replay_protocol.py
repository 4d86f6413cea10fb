"""The scan protocol's refusals of issue 9 through `kenpin replay`: another order while a pack
is open, a card on an order without a gift message, a scan that was not read, a typed code,
and a voided label with no label awaited."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import main
from app.core.scans import BADGE_RECORDED
from app.db.database import Database
from app.db.station_models import Mismatch, ScanRecord
from app.services.users import add_user
from tests.services.station.test_labels import BOSS, number
from tests.services.station.test_replay import KEYS, scan_file
from tests.stationdata import (
    CUP,
    CUP_CASE,
    HANAKO,
    SUPERVISOR_PIN,
    TEA,
    mismatches,
    stock_bench,
    tracking_block,
)
from tests.stockdata import order_state


def replay(db: Database, path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """Run `kenpin replay` at station S1; its JSON objects, each with INTERFACES.md's keys."""
    assert main(["--db", db.url, "replay", str(path), "--station", "S1"]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(list(obj) == KEYS for obj in objects)
    return objects


def test_pack_open_no_card_unreadable_and_typed_scans(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    path = scan_file(
        tmp_path,
        "bench.jsonl",
        [
            {"scan": "49", "unreadable": True},  # nobody logged in yet: still "scan again"
            HANAKO,
            "#1001",
            "#1003",  # #1001 is still open
            "#1001",  # the open order again: shown
            "KCMD:CARD",  # #1001 has no gift message
            {"scan": TEA, "typed": True},
            {"scan": "NO-SUCH-CODE", "typed": True},
            {"scan": TEA, "unreadable": True},  # not counted, whatever it held
            {"scan": "", "unreadable": True},
        ],
    )

    lines = replay(db, path, capsys)

    assert [(o["scan"], o["kind"], o["verdict"], o["reason"], o["order"]) for o in lines] == [
        ("49", "unknown", "rejected", "unreadable", None),
        (BADGE_RECORDED, "badge", "info", None, None),
        ("#1001", "order", "info", None, "#1001"),
        ("#1003", "order", "rejected", "pack_open", "#1001"),
        ("#1001", "order", "info", None, "#1001"),
        ("KCMD:CARD", "command", "rejected", "no_card", "#1001"),
        (TEA, "product", "accepted", None, "#1001"),
        ("NO-SUCH-CODE", "unknown", "rejected", "unknown_barcode", "#1001"),
        (TEA, "unknown", "rejected", "unreadable", "#1001"),
        ("", "unknown", "rejected", "unreadable", "#1001"),
    ]
    assert [o["scanned"] for o in lines[6:]] == [1, 1, 1, 1]
    assert order_state(db, "#1001")[0] == "packing"
    assert order_state(db, "#1003")[0] == "allocated"
    assert [(reason, scanned, order) for _s, reason, scanned, order in mismatches(db)] == [
        ("unreadable", "49", None),
        ("pack_open", "#1003", "#1003"),
        ("no_card", "KCMD:CARD", "#1001"),
        ("unknown_barcode", "NO-SUCH-CODE", "#1001"),
        ("unreadable", TEA, "#1001"),
        ("unreadable", "", "#1001"),
    ]
    with db.read() as s:
        typed = s.execute(select(ScanRecord.seq, ScanRecord.typed).order_by(ScanRecord.seq)).all()
        refused_typed = s.execute(
            select(Mismatch.scanned, Mismatch.typed).order_by(Mismatch.id)
        ).all()
    assert [seq for seq, was_typed in typed if was_typed] == [7, 8]
    assert [scanned for scanned, was_typed in refused_typed if was_typed] == ["NO-SUCH-CODE"]


def test_a_voided_label_is_refused_with_no_label_awaited_and_a_verified_one_is_info(
    db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stock_bench(db)
    tracking_block(db)
    add_user(db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    packed = scan_file(
        tmp_path, "pack.jsonl", [HANAKO, "#1001", TEA, TEA, CUP_CASE, CUP, "KCMD:COMPLETE"]
    )
    replay(db, packed, capsys)
    monkeypatch.setenv("KENPIN_PIN", SUPERVISOR_PIN)
    assert main(["--db", db.url, "label", "void", number(0), "--badge", BOSS]) == 0
    capsys.readouterr()
    path = scan_file(tmp_path, "labels.jsonl", [number(1), number(0), number(1)])

    lines = replay(db, path, capsys)

    assert [(o["scan"], o["verdict"], o["reason"]) for o in lines] == [
        (number(1), "accepted", None),  # the new label, awaited
        (number(0), "rejected", "label_voided"),  # no label awaited now: still refused
        (number(1), "info", None),  # already verified
    ]
    assert order_state(db, "#1001")[0] == "verified"
    assert mismatches(db)[-1][1:3] == ("label_voided", number(0))
