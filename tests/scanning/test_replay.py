"""Reading a recorded scan file for `kenpin replay`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core.errors import InputRejected
from app.scanning.replay import RecordedScan, read_scan_file


def written(tmp_path: Path, text: str, *, bom: bool = False) -> Path:
    path = tmp_path / "scans.jsonl"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_scans_come_in_file_order_with_their_times(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        '{"scan": "BADGE-0007"}\n'
        "\n"
        '{"scan": "#1001", "at": "2026-01-05T10:00:00+09:00"}\n'
        '{"scan": "4901234567894", "at": "2026-01-05T01:00:03Z"}\n',
    )
    assert read_scan_file(path) == [
        RecordedScan("BADGE-0007", None),
        RecordedScan("#1001", dt.datetime(2026, 1, 5, 1, 0, tzinfo=dt.UTC)),
        RecordedScan("4901234567894", dt.datetime(2026, 1, 5, 1, 0, 3, tzinfo=dt.UTC)),
    ]


def test_a_time_without_a_zone_is_the_stations_local_time(tmp_path: Path) -> None:
    path = written(tmp_path, '{"scan": "#1001", "at": "2026-01-05T10:00:00"}\n')
    (scan,) = read_scan_file(path)
    assert scan.at == dt.datetime(2026, 1, 5, 10, 0).astimezone().astimezone(dt.UTC)


def test_codes_are_kept_as_recorded_and_replay_output_can_be_fed_back(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        '{"scan": "]C10104901234567894\\u001d10L1"}\n'
        '{"seq": 3, "scan": "KCMD:UNDO", "kind": "command", "verdict": "info"}\n',
        bom=True,
    )
    assert [scan.code for scan in read_scan_file(path)] == [
        "]C10104901234567894\x1d10L1",
        "KCMD:UNDO",
    ]


def test_every_bad_line_is_named_and_nothing_is_read(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        '{"scan": "BADGE-0007"}\n'
        '{"scan": "#1001"\n'
        '["4901234567894"]\n'
        '{"code": "4901234567894"}\n'
        '{"scan": 4901234567894}\n'
        '{"scan": "  "}\n'
        '{"scan": "#1001", "at": "yesterday"}\n'
        '{"scan": "#1001", "at": 20260105}\n'
        '{"scan": "KCMD:COMPLETE"}\n',
    )
    with pytest.raises(InputRejected) as refused:
        read_scan_file(path)
    assert str(refused.value).splitlines() == [
        "scans.jsonl:2: not valid JSON: Expecting ',' delimiter at character 17",
        'scans.jsonl:3: not a JSON object (expected {"scan": "..."})',
        "scans.jsonl:4: scan: missing",
        "scans.jsonl:5: scan: 4901234567894 is not a string",
        "scans.jsonl:6: scan: empty",
        'scans.jsonl:7: at: "yesterday" is not an ISO 8601 time',
        "scans.jsonl:8: at: 20260105 is not an ISO 8601 time",
    ]


def test_a_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match=r"^nowhere\.jsonl: no such file$"):
        read_scan_file(tmp_path / "nowhere.jsonl")


def test_a_file_that_is_not_utf8_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "scans.jsonl"
    path.write_bytes(b'{"scan": "#1001"}\n{"scan": "\x93\xfa\x96\x7b"}\n')
    with pytest.raises(InputRejected, match=r"^scans\.jsonl:2: not UTF-8 text$"):
        read_scan_file(path)
