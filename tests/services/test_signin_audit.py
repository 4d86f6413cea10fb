"""Wrong PINs and badge locks in the audit trail: at a station (the use case and `kenpin
replay`) and on the command line, each a row naming the user and the place, never the badge
or the PIN; the chain still verifies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.cli import main
from app.core.audit import Action
from app.core.scans import Reason
from app.db.database import Database
from app.db.models import AuditEntry, User
from tests.services.station.test_replay import scan_file
from tests.services.station.test_signin import ADMIN, SATO, WRONG, at, bench  # noqa: F401
from tests.stationdata import SUPERVISOR_PIN, sent

FAILURES = (Action.PIN_FAILED, Action.BADGE_LOCKED)


def failure_rows(db: Database) -> list[tuple[str, str, str, str]]:
    """The audit rows of wrong PINs and locks: action, user's name, station, detail."""
    with db.read() as s:
        rows = s.execute(
            select(AuditEntry.action, User.name, AuditEntry.station, AuditEntry.detail)
            .join(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.action.in_([str(action) for action in FAILURES]))
            .order_by(AuditEntry.id)
        ).all()
    return [(action, name, station, detail) for action, name, station, detail in rows]


def verified(db: Database, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["--db", db.url, "audit", "verify"]) == 0
    return capsys.readouterr().out


def test_five_wrong_pins_at_a_station_are_five_rows_and_the_lock_a_sixth(
    bench: Database,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    here = Kenpin(bench).pack_station("S1")
    for n in range(5):
        assert here.scan(sent(SATO), at=at(n), pin=WRONG).reason is Reason.WRONG_PIN
    rows = failure_rows(bench)
    assert [(action, name, station) for action, name, station, _ in rows] == [
        *[("pin.failed", "佐藤 健", "S1")] * 5,
        ("badge.locked", "佐藤 健", "S1"),
    ]
    assert json.loads(rows[-1][3])["until"].startswith("20")
    for _action, _name, _station, detail in rows:
        assert SATO not in detail and WRONG not in detail and SUPERVISOR_PIN not in detail
    assert "audit rows, chain intact" in verified(bench, capsys)


def test_a_wrong_pin_in_a_replayed_line_is_an_audit_row(
    bench: Database,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = scan_file(tmp_path, "pins.jsonl", [{"scan": SATO, "pin": "86420"}])
    assert main(["--db", bench.url, "replay", str(path), "--station", "S1"]) == 0
    assert [row[:3] for row in failure_rows(bench)] == [("pin.failed", "佐藤 健", "S1")]
    assert "86420" not in failure_rows(bench)[0][3]
    assert "audit rows, chain intact" in verified(bench, capsys)


def test_a_wrong_pin_on_the_command_line_is_an_audit_row_at_the_command(
    bench: Database,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KENPIN_PIN", WRONG)
    args = ["--db", bench.url, "settings", "set", "shop.name", "さくら堂", "--badge", ADMIN]
    assert main(args) == 1
    assert "PIN: wrong PIN for Ken" in capsys.readouterr().err
    assert [row[:3] for row in failure_rows(bench)] == [("pin.failed", "Ken", "cli: settings set")]
    assert "audit rows, chain intact" in verified(bench, capsys)
