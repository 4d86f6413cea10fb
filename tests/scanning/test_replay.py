"""Reading a recorded scan file for `kenpin replay`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import InputRejected
from app.core.scans import Scan
from app.scanning.normalize import InputSettings
from app.scanning.replay import RecordedScan, parse_scan_lines, read_scan_file


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
        RecordedScan(Scan("BADGE-0007", sent="BADGE-0007"), None, line=1),
        RecordedScan(
            Scan("#1001", sent="#1001"), dt.datetime(2026, 1, 5, 1, 0, tzinfo=dt.UTC), line=3
        ),
        RecordedScan(
            Scan("4901234567894", sent="4901234567894"),
            dt.datetime(2026, 1, 5, 1, 0, 3, tzinfo=dt.UTC),
            line=4,
        ),
    ]


def test_a_time_without_a_zone_is_the_stations_local_time(tmp_path: Path) -> None:
    path = written(tmp_path, '{"scan": "#1001", "at": "2026-01-05T10:00:00"}\n')
    (scan,) = read_scan_file(path)
    assert scan.at == dt.datetime(2026, 1, 5, 10, 0).astimezone().astimezone(dt.UTC)


def test_codes_are_read_as_a_scanner_sends_them_and_replay_output_can_be_fed_back(
    tmp_path: Path,
) -> None:
    path = written(
        tmp_path,
        '{"scan": "]C10104901234567894<GS>10L1"}\n'
        '{"scan": "\uff2b\uff23\uff2d\uff24:UNDO"}\n'
        '{"seq": 3, "scan": "KCMD:CARD", "kind": "command", "verdict": "info"}\n',
        bom=True,
    )
    # Normalised once, here, as a live scanner's code is where it is read; the file's
    # own text stays with the scan (the replay's output echoes it).
    assert [recorded.scan for recorded in read_scan_file(path)] == [
        Scan("0104901234567894\x1d10L1", "]C1", sent="]C10104901234567894<GS>10L1"),
        Scan("KCMD:UNDO", full_width=True, sent="ＫＣＭＤ:UNDO"),
        Scan("KCMD:CARD", sent="KCMD:CARD"),
    ]


def test_the_stations_stand_in_for_the_group_separator_is_used(tmp_path: Path) -> None:
    path = written(tmp_path, '{"scan": "]C10104901234567894~10L1"}\n')
    (recorded,) = read_scan_file(path, InputSettings(group_separator="~"))
    assert recorded.scan.code == "0104901234567894\x1d10L1"


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


def test_a_line_is_cut_only_at_a_line_feed(tmp_path: Path) -> None:
    # Raw U+2028, U+2029 and U+0085 are valid inside a JSON string; replay's own output
    # carries them raw (an order number holding one), so the line must stay whole.
    path = written(
        tmp_path,
        '{"scan": "A\u2028B"}\r\n'
        '{"seq": 2, "scan": "#1001", "order": "#10\u008501", "note": "x\u2029y"}\n',
    )
    assert [recorded.scan.code for recorded in read_scan_file(path)] == ["A\u2028B", "#1001"]


def test_control_characters_in_a_scan_are_refused_at_their_line(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        '{"scan": "]C10104901234567894\\u001d10L1"}\n'
        '{"scan": "#10\\u000001"}\n'
        '{"scan": "4901234567894\\u0007"}\n'
        '{"scan": "BADGE\\ud800"}\n'
        '{"scan": "B-001\\r\\n"}\n',
    )
    with pytest.raises(InputRejected) as refused:
        read_scan_file(path)
    assert str(refused.value).splitlines() == [
        "scans.jsonl:2: scan: control character U+0000 at character 4",
        "scans.jsonl:3: scan: control character U+0007 at character 14",
        "scans.jsonl:4: scan: lone surrogate U+D800 at character 6",
    ]


@pytest.mark.parametrize(
    "at",
    [
        "0001-01-01T00:00:00+09:00",
        "0001-01-01T00:00:00",
        "9999-12-31T23:59:59-09:00",
        "9999-12-31T23:59:59.999999",
        "1969-12-31T23:59:59Z",
    ],
)
def test_a_time_outside_the_calendar_a_station_uses_is_refused(tmp_path: Path, at: str) -> None:
    path = written(tmp_path, f'{{"scan": "B-001"}}\n{{"scan": "#1001", "at": "{at}"}}\n')
    with pytest.raises(InputRejected) as refused:
        read_scan_file(path)
    assert str(refused.value) == (f'scans.jsonl:2: at: "{at}" is not a time between 1970 and 9998')


def test_a_line_may_carry_its_own_id(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        '{"id": "a-1", "scan": "B-001"}\n'
        '{"scan": "#1001"}\n'
        '{"id": "", "scan": "#1001"}\n'
        '{"id": 7, "scan": "#1001"}\n'
        '{"id": "x\\u0000", "scan": "#1001"}\n',
    )
    with pytest.raises(InputRejected) as refused:
        read_scan_file(path)
    assert str(refused.value).splitlines() == [
        "scans.jsonl:3: id: empty",
        "scans.jsonl:4: id: 7 is not a string",
        "scans.jsonl:5: id: control character U+0000 at character 2",
    ]
    path.write_text('{"id": "a-1", "scan": "B-001"}\n\n{"scan": "#1001"}\n')
    assert [(r.line_id, r.line) for r in read_scan_file(path)] == [("a-1", 1), (None, 3)]


def test_a_line_may_say_its_code_was_typed_or_not_read(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        '{"scan": "#1001", "typed": true}\n'
        '{"scan": "49", "unreadable": true}\n'
        '{"scan": "", "unreadable": true}\n'
        '{"scan": "B-001", "typed": false, "unreadable": false}\n',
    )
    assert [r.scan for r in read_scan_file(path)] == [
        Scan("#1001", sent="#1001", typed=True),
        Scan("49", sent="49", unreadable=True),
        Scan("", sent="", unreadable=True),
        Scan("B-001", sent="B-001"),
    ]
    path = written(
        tmp_path,
        '{"scan": "#1001", "typed": 1}\n'
        '{"scan": "#1001", "typed": "yes"}\n'
        '{"scan": "#1001", "unreadable": null}\n'
        '{"scan": "", "typed": true}\n'
        '{"scan": "#1001", "typed": true, "unreadable": true}\n'
        '{"scan": "\\u0000", "unreadable": true}\n',
    )
    with pytest.raises(InputRejected) as refused:
        read_scan_file(path)
    assert str(refused.value).splitlines() == [
        "scans.jsonl:1: typed: 1 is not true or false",
        'scans.jsonl:2: typed: "yes" is not true or false',
        "scans.jsonl:3: unreadable: null is not true or false",
        "scans.jsonl:4: scan: empty",
        "scans.jsonl:5: unreadable: a typed code is never unreadable",
        "scans.jsonl:6: scan: control character U+0000 at character 1",
    ]


def test_resumed_lines_get_ids_from_the_file_the_station_and_the_line(tmp_path: Path) -> None:
    path = written(tmp_path, '{"scan": "B-001"}\n{"id": "mine", "scan": "#1001"}\n')
    first = read_scan_file(path, resume=True)
    assert first == read_scan_file(path, resume=True)
    assert first[1].line_id == "mine"
    ids = {r.scan_id("S1") for r in first} | {r.scan_id("S2") for r in first}
    assert len(ids) == 4 and None not in ids
    assert all(len(i) <= 64 for i in ids if i)
    path.write_text('{"scan": "B-001"}\n{"id": "mine", "scan": "#1001"}\n{"scan": "X"}\n')
    assert read_scan_file(path, resume=True)[0].scan_id("S1") != first[0].scan_id("S1")
    assert read_scan_file(path)[0].scan_id("S1") is None


def test_a_time_too_far_ahead_of_the_database_clock_is_refused_at_its_line(
    tmp_path: Path,
) -> None:
    now = dt.datetime(2026, 1, 5, 1, 0, tzinfo=dt.UTC)
    path = written(
        tmp_path,
        '{"scan": "BADGE-0007", "at": "2026-01-05T10:01:59+09:00"}\n'
        '{"scan": "#1001", "at": "2026-01-05T01:02:01Z"}\n'
        '{"scan": "#1001", "at": "2025-01-05T01:00:00Z"}\n'
        '{"scan": "#1001", "at": "2099-01-01T00:00:00+09:00"}\n',
    )
    with pytest.raises(InputRejected) as refused:
        read_scan_file(path, now=now)
    ahead = "is more than 2 minutes ahead of the database's clock (2026-01-05 01:00:00 UTC)"
    assert str(refused.value).splitlines() == [
        f"scans.jsonl:2: at: 2026-01-05T01:02:01+00:00 {ahead}",
        f"scans.jsonl:4: at: 2098-12-31T15:00:00+00:00 {ahead}",
    ]
    # Without the database's clock (reading only), every time is taken.
    assert len(read_scan_file(path)) == 4


_FLAG = st.sampled_from(["true", "false", "null", "1", '"true"'])
_LINE = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda code, at, typed, unreadable: (
            f'{{"scan": {code}, "at": {at}, "typed": {typed}, "unreadable": {unreadable}}}'
        ),
        st.sampled_from(['"#1001"', '""', "1", "null", '"KCMD:COMPLETE"', '"\\u0000"']),
        st.one_of(
            st.sampled_from(
                [
                    '"2026-01-05T10:00:00+09:00"',
                    '"0001-01-01T00:00:00+09:00"',
                    '"9999-12-31T23:59:59-09:00"',
                    "0",
                    "null",
                ]
            ),
            st.text(max_size=30).map(json.dumps),
        ),
        _FLAG,
        _FLAG,
    ),
)


@given(lines=st.lists(_LINE, max_size=8))
def test_any_scan_file_is_read_or_refused_with_located_lines(lines: list[str]) -> None:
    now = dt.datetime(2026, 1, 5, 1, 0, tzinfo=dt.UTC)
    try:
        scans = parse_scan_lines("scans.jsonl", lines, now=now)
    except InputRejected as refused:
        assert refused.problems
        for problem in refused.problems:
            assert problem.file == "scans.jsonl" and 1 <= problem.line <= len(lines)
        return
    assert len(scans) == sum(1 for line in lines if line.strip())
    assert all(scan.scan.code or scan.scan.unreadable for scan in scans)
    assert not any(scan.scan.typed and scan.scan.unreadable for scan in scans)
