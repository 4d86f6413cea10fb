"""The supervisors' wave progress on SQLite and PostgreSQL: each wave with its picker, lines
and units picked, short picks; a wave nobody picks yet shows no picker and no pace."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.database import Database
from app.services.wave_progress import WavesInProgress
from tests.services.station.test_pick import pick_replay, two_waves
from tests.services.station.test_replay import scan_file
from tests.stationdata import CUP, HANAKO, TARO, TEA


def pick_some(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Hanako picks the 2 tea and 1 of 3 cups of W-000001 at P1; Taro says W-000002's one
    tea short at P2."""
    wave, other = two_waves(db)
    first = [HANAKO, wave, "A-01", TEA, "SLOT-01", TEA, "SLOT-01", "A-02", CUP, "SLOT-01"]
    pick_replay(db, scan_file(tmp_path, "p1.jsonl", first), capsys, "P1")
    second = [TARO, other, "TOTE-02", "A-01", "KCMD:SHORTPICK"]
    pick_replay(db, scan_file(tmp_path, "p2.jsonl", second), capsys, "P2")


def test_each_wave_shows_its_picker_lines_units_and_short_picks(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pick_some(db, tmp_path, capsys)

    shown = WavesInProgress(db).waves()

    assert [
        (
            w.number,
            w.status,
            w.orders,
            w.picker,
            w.station,
            (w.lines_picked, w.lines),
            (w.units_picked, w.units),
            w.short_picks,
        )
        for w in shown
    ] == [
        # Its only order was short and backordered: it left the wave's lines, and the short
        # pick is still counted.
        ("W-000002", "done", 1, "Taro", "P2", (0, 0), (0, 0), 1),
        ("W-000001", "open", 2, "Hanako", "P1", (1, 3), (3, 7), 0),
    ]
    assert shown[1].seconds_per_line is not None


def test_a_wave_nobody_picks_yet_has_no_picker_and_no_pace(db: Database) -> None:
    two_waves(db)

    shown = WavesInProgress(db).waves()

    assert [(w.number, w.picker, w.lines_picked, w.lines, w.units) for w in shown] == [
        ("W-000002", None, 0, 1, 1),
        ("W-000001", None, 0, 3, 7),
    ]
    assert [w.seconds_per_line for w in shown] == [None, None]
