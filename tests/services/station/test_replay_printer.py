"""`kenpin replay --printer`: a printer URI is checked whole when it is set, before any scan."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.database import Database
from app.db.models import Station
from app.db.station_models import ScanRecord
from tests.services.station.test_replay import scan_file
from tests.stationdata import CUP, HANAKO, TEA, stock_bench, stored_state, tracking_block

PACK_1001 = [HANAKO, "#1001", TEA, TEA, CUP, CUP, CUP, "KCMD:COMPLETE"]


def station_printer(db: Database) -> str | None:
    with db.read() as s:
        return s.scalar(select(Station.printer_uri).where(Station.name == "S1"))


@pytest.mark.parametrize(
    ("uri", "told"),
    [
        ("file:///tmp/labels%00", "control character U+0000 in the path"),
        ("device:///dev/usb/lp0%00", "control character U+0000 in the path"),
        ("device://{notes}", "is not a printer's device"),
    ],
)
def test_a_printer_that_cannot_print_is_refused_before_the_first_scan(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], uri: str, told: str
) -> None:
    stock_bench(db)
    tracking_block(db)
    notes = tmp_path / "notes.txt"
    notes.write_text("the packing notes\n")
    path = scan_file(tmp_path, "pack.jsonl", PACK_1001)
    before = stored_state(db)
    uri = uri.format(notes=notes)

    status = main(["--db", db.url, "replay", str(path), "--station", "S1", "--printer", uri])

    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert err.startswith(f"kenpin: --printer: {uri!r} is not a printer URI")
    assert told in err and len(err.splitlines()) == 1
    assert notes.read_text() == "the packing notes\n"
    assert stored_state(db) == before
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ScanRecord)) == 0
    assert station_printer(db) is None


def test_the_null_device_is_a_printer(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    tracking_block(db)
    path = scan_file(tmp_path, "pack.jsonl", PACK_1001)
    args = [
        "--db",
        db.url,
        "replay",
        str(path),
        "--station",
        "S1",
        "--printer",
        "device:///dev/null",
    ]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert '"verdict": "accepted"' in out.splitlines()[-1] and err == ""
    assert station_printer(db) == "device:///dev/null"
