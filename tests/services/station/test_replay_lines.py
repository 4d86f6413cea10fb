"""`kenpin replay` and the lines of its file: refused lines change nothing, a line's id
applies it once, and `--resume` runs a whole file again after a crash."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.database import Database
from app.db.station_models import ScanRecord
from tests import ROOT
from tests.services.station.test_replay import scan_file
from tests.stationdata import CUP, HANAKO, TEA, logged_in, stock_bench, stored_state
from tests.stockdata import order_state


def scans_recorded(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ScanRecord)) or 0)


def run(db: Database, path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    """`kenpin replay` at station S1 in this process; its JSON lines."""
    assert main(["--db", db.url, "replay", str(path), "--station", "S1", *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize(
    ("line", "told"),
    [
        ('{"scan": "#10\\u000001"}', "bad.jsonl:2: scan: control character U+0000"),
        ('{"scan": "\\u0000"}', "bad.jsonl:2: scan: control character U+0000"),
        ('{"scan": "#1001\\ud800"}', "bad.jsonl:2: scan: lone surrogate U+D800"),
        ('{"scan": "#1001", "at": "0001-01-01T00:00:00+09:00"}', "bad.jsonl:2: at: "),
        ('{"scan": "#1001", "at": "9999-12-31T23:59:59-12:00"}', "bad.jsonl:2: at: "),
        ('{"scan": "#1001", "id": "a\\u0000"}', "bad.jsonl:2: id: control character U+0000"),
    ],
)
def test_a_line_no_station_could_scan_is_refused_at_its_line_and_nothing_is_replayed(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, told: str
) -> None:
    stock_bench(db)
    path = tmp_path / "bad.jsonl"
    path.write_text(f'{{"scan": "{HANAKO}"}}\n{line}\n{{"scan": "{TEA}"}}\n')
    before = stored_state(db)

    assert main(["--db", db.url, "replay", str(path), "--station", "S1"]) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"kenpin: {told}")
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert scans_recorded(db) == 0
    assert stored_state(db) == before


def test_a_line_whose_id_is_recorded_is_answered_from_its_record(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    path = scan_file(
        tmp_path,
        "ids.jsonl",
        [{"id": "b", "scan": HANAKO}, {"id": "o", "scan": "#1001"}, {"id": "t1", "scan": TEA}],
    )
    first = run(db, path, capsys)
    again = scan_file(
        tmp_path,
        "again.jsonl",
        [{"id": "b", "scan": HANAKO}, {"id": "t1", "scan": TEA}, {"id": "t2", "scan": TEA}],
    )

    second = run(db, again, capsys)

    # The badge is not scanned twice (that would log Hanako out), nor the tea counted twice.
    assert second[:2] == [first[0], first[2]]
    assert (second[2]["seq"], second[2]["verdict"], second[2]["scanned"]) == (4, "accepted", 2)
    assert scans_recorded(db) == 4
    assert list(logged_in(db).values()) == [bench_user(db)]


def bench_user(db: Database) -> int:
    from app.db.badges import badge_hash
    from app.db.models import User

    with db.read() as s:
        return int(s.scalar(select(User.id).where(User.badge_hash == badge_hash(s, HANAKO))) or 0)


def test_the_same_line_id_at_another_station_is_another_scan(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    path = scan_file(tmp_path, "ids.jsonl", [{"id": "1", "scan": HANAKO}])
    run(db, path, capsys)
    assert main(["--db", db.url, "replay", str(path), "--station", "S2"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (out[0]["seq"], out[0]["verdict"]) == (1, "info")
    assert scans_recorded(db) == 2


def test_resume_runs_a_whole_file_again_after_a_crash_and_each_line_applies_once(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    lines = [HANAKO, "#1001", TEA, TEA, CUP, CUP, CUP]
    path = scan_file(tmp_path, "shift.jsonl", lines)
    command = [sys.executable, "-m", "app", "--db", db.url, "replay", str(path)]
    crashed = subprocess.Popen(
        [*command, "--station", "S1", "--resume"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert crashed.stdout is not None
    # Killed as soon as its first scan is out: some of the file applied, the rest not.
    crashed.stdout.readline()
    crashed.kill()
    crashed.wait(timeout=60)
    crashed.stdout.close()
    applied = scans_recorded(db)
    assert 1 <= applied <= len(lines)

    out = run(db, path, capsys, "--resume")

    assert [o["seq"] for o in out] == list(range(1, len(lines) + 1))
    assert scans_recorded(db) == len(lines)
    assert [(o["verdict"], o["scanned"]) for o in out[2:]] == [("accepted", n) for n in range(1, 6)]
    assert list(logged_in(db).values()) == [bench_user(db)]
    assert order_state(db, "#1001")[0] == "packing"
    # Once more, whole: nothing new.
    assert run(db, path, capsys, "--resume") == out
    assert scans_recorded(db) == len(lines)


def test_without_resume_a_file_run_twice_is_scanned_twice(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    path = scan_file(tmp_path, "twice.jsonl", [HANAKO])
    run(db, path, capsys)
    out = run(db, path, capsys)
    assert out[0]["seq"] == 2
    assert list(logged_in(db).values()) == [None]
