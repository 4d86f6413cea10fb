"""Who may approve what at the bench, through `kenpin replay`: every override (short ship,
take-over, a new code, lifting the lock-out) as approved by a packer, a supervisor, an
admin, and with nobody logged in. Only a supervisor's or admin's badge with its PIN
approves; a packer's is refused `not_authorised` and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.database import Database
from app.db.models import AuditEntry, Order
from app.db.station_models import ScanRecord
from app.services.users import add_user
from tests.services.station.test_replay import replay, scan_file
from tests.stationdata import (
    CUP,
    HANAKO,
    SOAP,
    SUPERVISOR_PIN,
    TARO,
    TEA,
    stock_bench,
    tracking_block,
)

SATO, KEN, ADMIN_PIN = "BADGE-S1", "BADGE-A1", "13579"
NEW_CODE = "4909999999998"

#: Each override: the scans before the approval, and the scans after it that carry it out.
OVERRIDES: dict[str, tuple[list[str], list[str]]] = {
    "short": ([HANAKO, "#1001", TEA, TEA, CUP, "KCMD:SHORT"], ["KCMD:REASON:DAMAGED"]),
    "takeover": ([TARO, "KCMD:TAKEOVER"], ["#1001"]),
    "alias": ([HANAKO, "#1001", "KCMD:ALIAS"], [NEW_CODE, TEA]),
    "lockout": ([HANAKO, "#1001", SOAP, SOAP, SOAP], []),
}
#: The badge offered to approve, with its PIN, by role.
APPROVERS: dict[str, dict[str, Any] | str] = {
    "packer": TARO,
    "supervisor": {"scan": SATO, "pin": SUPERVISOR_PIN},
    "admin": {"scan": KEN, "pin": ADMIN_PIN},
}


@pytest.fixture
def bench(db: Database) -> Database:
    stock_bench(db)
    tracking_block(db)
    add_user(db, "佐藤 健", "supervisor", SATO, SUPERVISOR_PIN)
    add_user(db, "Ken", "admin", KEN, ADMIN_PIN)
    return db


def _overrides_done(db: Database) -> list[str]:
    with db.read() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    return [a for a in actions if a.startswith("override.") and a != "override.cancelled"]


@pytest.mark.parametrize("override", list(OVERRIDES))
@pytest.mark.parametrize("role", list(APPROVERS))
def test_only_a_supervisor_or_an_admin_approves(
    bench: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], override: str, role: str
) -> None:
    before, after = OVERRIDES[override]
    if override == "takeover":
        # Another station holds #1001.
        replay_at(bench, tmp_path, capsys, "S2", [HANAKO, "#1001", TEA])
    scans = [*before, APPROVERS[role], *after]
    lines = [
        json.loads(line) for line in replay(bench, scan_file(tmp_path, "m.jsonl", scans), capsys)
    ]
    approval = lines[len(before)]
    if role == "packer":
        assert (approval["verdict"], approval["reason"]) == ("rejected", "not_authorised")
        assert _overrides_done(bench) == []
        assert all(line["verdict"] == "rejected" for line in lines[len(before) + 1 :])
    else:
        assert approval["verdict"] == "info" and approval["reason"] is None
        done = _overrides_done(bench)
        assert f"override.{override}" in done, done
        assert all(line["verdict"] != "rejected" for line in lines[len(before) :])


@pytest.mark.parametrize("command", ["KCMD:SHORT", "KCMD:TAKEOVER", "KCMD:ALIAS"])
def test_nobody_logged_in_starts_no_override(
    bench: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    scans = [command, {"scan": SATO, "pin": SUPERVISOR_PIN}]
    lines = [
        json.loads(line) for line in replay(bench, scan_file(tmp_path, "n.jsonl", scans), capsys)
    ]
    assert (lines[0]["verdict"], lines[0]["reason"]) == ("rejected", "not_logged_in")
    # The supervisor's badge then simply logs the supervisor in.
    assert lines[1]["verdict"] == "info"
    assert _overrides_done(bench) == []
    with bench.read() as s:
        assert s.scalar(select(Order.status).where(Order.number == "#1001")) == "allocated"


def replayed(
    db: Database, folder: Path, capsys: pytest.CaptureFixture[str], scans: list[Any]
) -> list[dict[str, Any]]:
    """`kenpin replay` of `scans` at S1: its output lines, read."""
    return [json.loads(line) for line in replay(db, scan_file(folder, "s1.jsonl", scans), capsys)]


def replay_at(
    db: Database, folder: Path, capsys: pytest.CaptureFixture[str], station: str, scans: list[str]
) -> None:
    path = scan_file(folder, f"{station}.jsonl", list(scans))
    assert main(["--db", db.url, "replay", str(path), "--station", station]) == 0
    capsys.readouterr()


def test_a_replay_line_with_a_note_that_is_no_note_is_refused_before_anything(
    bench: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scan_file(
        tmp_path,
        "bad.jsonl",
        [HANAKO, {"scan": "KCMD:SHORT", "note": 7}, {"scan": "KCMD:SHORT", "note": "x" * 501}],
    )
    assert main(["--db", bench.url, "replay", str(path), "--station", "S1"]) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl:2: note: not a string" in err
    assert "bad.jsonl:3: note: longer than 500 characters" in err
    with bench.read() as s:
        assert s.scalar(select(func.count()).select_from(ScanRecord)) == 0
