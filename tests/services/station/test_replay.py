"""`kenpin replay`: a recorded scan file through the station pipeline, one JSON line per scan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.database import Database
from app.db.models import Station
from app.db.station_models import ScanRecord
from tests import ROOT
from tests.stationdata import (
    AT,
    CUP,
    CUP_CASE,
    HANAKO,
    RICE_L1,
    TEA,
    rice,
    stock_bench,
    tracking_block,
)
from tests.stockdata import order_state

KEYS = ["seq", "scan", "kind", "verdict", "reason", "order", "scanned", "expected"]


def scan_file(folder: Path, name: str, scans: list[str | dict[str, Any]]) -> Path:
    """A JSON-lines scan file: a plain string becomes `{"scan": ...}`."""
    path = folder / name
    lines = [
        json.dumps(s if isinstance(s, dict) else {"scan": s}, ensure_ascii=False) for s in scans
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def replay(db: Database, path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    """Run `kenpin replay` in this process; its output lines."""
    assert main(["--db", db.url, "replay", str(path), "--station", "S1", *extra]) == 0
    return capsys.readouterr().out.splitlines()


def test_replay_prints_one_protocol_line_per_scan(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    path = scan_file(tmp_path, "scans.jsonl", [HANAKO, "#1001", TEA, "ＮＯ－ＳＵＣＨ", TEA, TEA])

    lines = replay(db, path, capsys)

    objects = [json.loads(line) for line in lines]
    assert all(list(obj) == KEYS for obj in objects)
    assert objects[2] == {
        "seq": 3,
        "scan": TEA,
        "kind": "product",
        "verdict": "accepted",
        "reason": None,
        "order": "#1001",
        "scanned": 1,
        "expected": 5,
    }
    assert [(o["kind"], o["verdict"], o["reason"]) for o in objects] == [
        ("badge", "info", None),
        ("order", "info", None),
        ("product", "accepted", None),
        ("unknown", "rejected", "unknown_barcode"),
        ("product", "accepted", None),
        ("product", "rejected", "over_quantity"),
    ]
    assert objects[0]["order"] is objects[0]["scanned"] is objects[0]["expected"] is None
    # Written as the station received it, not \u-escaped.
    assert '"scan": "ＮＯ－ＳＵＣＨ"' in lines[3]
    assert lines[0] == (
        '{"seq": 1, "scan": "[badge]", "kind": "badge", "verdict": "info", "reason": null, '
        '"order": null, "scanned": null, "expected": null}'
    )


def test_a_second_replay_on_the_same_station_continues_where_the_first_stopped(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    tracking_block(db)
    first = scan_file(tmp_path, "morning.jsonl", [HANAKO, "#1001", TEA, CUP])
    second = scan_file(tmp_path, "afternoon.jsonl", [TEA, CUP_CASE, "KCMD:COMPLETE"])

    replay(db, first, capsys)
    lines = [json.loads(line) for line in replay(db, second, capsys)]

    assert [(o["seq"], o["verdict"], o["order"], o["scanned"]) for o in lines] == [
        (5, "accepted", "#1001", 3),
        (6, "accepted", "#1001", 5),
        (7, "accepted", "#1001", 5),
    ]
    assert order_state(db, "#1001")[0] == "labelled"


def test_replay_takes_each_scan_time_from_the_file(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    expiring = rice("L1", AT.date().replace(day=2))
    path = scan_file(
        tmp_path,
        "times.jsonl",
        [
            {"scan": HANAKO, "at": "2026-04-01T10:00:00+09:00"},
            {"scan": "#1003", "at": "2026-04-01T10:00:05+09:00"},
            {"scan": expiring, "at": "2026-04-01T10:00:10+09:00"},
            # 00:30 on the 3rd in Japan (still the 2nd in UTC): expired there.
            {"scan": expiring, "at": "2026-04-02T15:30:00+00:00"},
            {"scan": RICE_L1, "at": "2026-04-02T15:30:05+00:00"},
        ],
    )

    lines = [json.loads(line) for line in replay(db, path, capsys)]

    assert [o["reason"] for o in lines] == [None, None, None, "expired", None]
    with db.read() as s:
        stamped = s.scalars(select(ScanRecord.at).order_by(ScanRecord.seq)).all()
    assert stamped[0].replace(tzinfo=None).isoformat() == "2026-04-01T01:00:00"


def test_replay_stores_the_printer_and_refuses_one_it_cannot_use(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    path = scan_file(tmp_path, "s.jsonl", [HANAKO])
    replay(db, path, capsys, "--printer", "tcp://10.0.0.9:9100")
    with db.read() as s:
        assert s.scalar(select(Station.printer_uri).where(Station.name == "S1")) == (
            "tcp://10.0.0.9:9100"
        )

    args = ["--db", db.url, "replay", str(path), "--station", "S1", "--printer", "lp0"]
    assert main(args) == 1
    assert "--printer: 'lp0' is not a printer URI" in capsys.readouterr().err


def test_a_bad_scan_file_is_refused_whole_with_its_line_named(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    path = tmp_path / "bad.jsonl"
    path.write_text(f'{{"scan": "{HANAKO}"}}\n{{"scan": "#1001", "at": "yesterday"}}\n')

    assert main(["--db", db.url, "replay", str(path), "--station", "S1"]) == 1

    err = capsys.readouterr().err
    assert "bad.jsonl:2: at:" in err
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ScanRecord)) == 0


def test_replay_runs_as_a_command(db: Database, tmp_path: Path) -> None:
    stock_bench(db)
    path = scan_file(tmp_path, "scans.jsonl", [HANAKO, "#1001", TEA, "KCMD:COMPLETE"])
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", db.url, "replay", str(path), "--station", "S1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    objects = [json.loads(line) for line in done.stdout.splitlines()]
    assert [list(o) for o in objects] == [KEYS] * 4
    assert [(o["seq"], o["verdict"], o["reason"]) for o in objects] == [
        (1, "info", None),
        (2, "info", None),
        (3, "accepted", None),
        (4, "rejected", "pack_incomplete"),
    ]
