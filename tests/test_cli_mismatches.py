"""`kenpin mismatches export`: the refused scans as a spreadsheet-safe CSV, and as a scan file
that `kenpin replay` plays back to the same refusals."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from app.bootstrap import Kenpin, open_database
from app.cli import main
from app.core.scans import Scan
from app.db.database import Database
from app.services.mismatch_export import CSV_HEADER
from app.services.mismatches import MismatchFilter, MismatchLog
from app.services.signin import Credentials
from app.services.users import add_user
from tests.mismatchlog import BOSS, SHIFT
from tests.stationdata import HANAKO, SOAP, TEA, later, sent, stock_bench

README = Path(__file__).resolve().parent.parent / "README.md"
HOSTILE = '=HYPERLINK("http://x","y")'


def shift(db: Database) -> None:
    """Hanako packs #1001 at S1 with two refusals, then keys in a hostile code; the boss
    reviews that one with a note a spreadsheet would run too."""
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    for n, code in enumerate(SHIFT):
        station.scan(sent(code), at=later(n))
    station.scan(Scan(HOSTILE, typed=True), at=later(20))
    add_user(db, BOSS[0], "supervisor", BOSS[1], "2468")
    log = MismatchLog(db)
    newest = log.page(MismatchFilter(), limit=1)[0].id
    log.review(newest, Credentials(BOSS[1], "2468"), "@SUM(A1) asked about it", place="S1")


def _csv(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel in Japan reads it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_csv_export_lists_every_refusal_oldest_first_with_hostile_cells_neutralised(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shift(db)
    out = tmp_path / "mismatches.csv"
    assert main(["--db", db.url, "mismatches", "export", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"3 refused scans written to {out}"
    rows = _csv(out)
    assert list(rows[0]) == list(CSV_HEADER)
    assert [(r["station"], r["packer"], r["order"], r["reason"]) for r in rows] == [
        ("S1", "Hanako", "#1001", "not_on_order"),
        ("S1", "Hanako", "#1001", "over_quantity"),
        ("S1", "Hanako", "#1001", "unknown_barcode"),
    ]
    soap, tea, hostile = rows
    assert (soap["scanned"], soap["sku"], soap["item"]) == (SOAP, "SOAP", "item SOAP")
    assert "item TEA" in soap["expected"] and soap["typed"] == "0"
    assert tea["sku"] == "TEA" and tea["item"] == "item TEA"
    assert hostile["scanned"] == "'" + HOSTILE and hostile["typed"] == "1"
    assert (hostile["reviewed_by"], hostile["review_note"]) == ("Boss", "'@SUM(A1) asked about it")
    assert re.fullmatch(r"2026-04-01T\d\d:\d\d:\d\d[+-]\d\d:\d\d", soap["at"])


def test_csv_export_keeps_the_days_asked_for(db: Database, tmp_path: Path) -> None:
    shift(db)
    out = tmp_path / "none.csv"
    args = ["--db", db.url, "mismatches", "export", "--out", str(out)]
    assert main([*args, "--since", "2026-04-03"]) == 0
    assert _csv(out) == []
    assert main([*args, "--since", "2026-03-30", "--until", "2026-04-02"]) == 0
    assert len(_csv(out)) == 3


def test_a_date_that_is_no_date_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["mismatches", "export", "--out", str(tmp_path / "x.csv"), "--since", "April"])
    assert exit_.value.code == 2
    assert "'April' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_the_replay_file_plays_back_to_the_same_refusals(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shift(db)
    out = tmp_path / "mismatches.jsonl"
    assert (
        main(["--db", db.url, "mismatches", "export", "--out", str(out), "--format", "replay"]) == 0
    )
    capsys.readouterr()
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # The pack session of #1001 scan by scan (its badge left out), then the typed code.
    assert [line["scan"] for line in lines] == [*SHIFT[1:], HOSTILE]
    assert lines[-1]["typed"] is True and "typed" not in lines[0]
    assert all(set(line) <= {"scan", "at", "typed", "unreadable"} for line in lines)

    # A supervisor replays it at a bench of their own, logged in with a badge of theirs.
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    stock_bench(copy)
    replay = tmp_path / "replay.jsonl"
    replay.write_text(
        json.dumps({"scan": HANAKO}) + "\n" + out.read_text(encoding="utf-8"), encoding="utf-8"
    )
    copy.dispose()
    url = f"sqlite:///{tmp_path / 'copy.db'}"
    assert main(["--db", url, "replay", str(replay), "--station", "R1"]) == 0
    played = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [
        (p["scan"], p["verdict"], p["reason"]) for p in played if p["verdict"] == "rejected"
    ] == [
        (SOAP, "rejected", "not_on_order"),
        (TEA, "rejected", "over_quantity"),
        (HOSTILE, "rejected", "unknown_barcode"),
    ]


def test_the_readme_lists_the_command() -> None:
    table = [
        line
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `kenpin")
    ]
    assert any(line.startswith("| `kenpin mismatches export --out FILE") for line in table)
