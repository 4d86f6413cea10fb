"""Random and mutated scan files: the reader answers with scans or with located problems,
never with a traceback, and `kenpin replay` changes nothing for a file it refuses."""

from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.cli import main
from app.core.errors import InputRejected
from app.db.database import Database
from app.db.station_models import ScanRecord
from app.scanning.normalize import GROUP_SEPARATOR
from app.scanning.replay import FIRST_YEAR, LAST_YEAR, read_scan_file
from tests.stationdata import HANAKO, TEA, stock_bench, stored_state

GOOD_LINES = [
    {"scan": HANAKO},
    {"scan": "#1001", "at": "2026-04-01T10:00:00+09:00"},
    {"id": "line-3", "scan": TEA},
    {"seq": 4, "scan": "KCMD:UNDO", "kind": "command", "order": "#1001\u2028"},
    {"scan": TEA, "typed": True},
    {"scan": "49", "unreadable": True},
]
GOOD = ("\n".join(json.dumps(line, ensure_ascii=False) for line in GOOD_LINES) + "\n").encode()

awkward_text = st.text(
    st.characters(codec="utf-8") | st.sampled_from('\x00\x1d\r\n\u2028\u0085\ud800"\\{}'),
    max_size=12,
)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | awkward_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(awkward_text, inner, max_size=3),
    max_leaves=6,
)
times = st.sampled_from(
    [
        "0001-01-01T00:00:00+09:00",
        "9999-12-31T23:59:59.999999-23:59",
        "1969-12-31T23:59:59Z",
        "2026-04-01T10:00:00",
        "2026-02-30T10:00:00",
        "2026-04-01T10:00:00+25:00",
    ]
)
scan_record = st.fixed_dictionaries(
    {"scan": awkward_text | json_value},
    optional={
        "at": times | awkward_text | json_value,
        "id": awkward_text | json_value,
        "typed": st.booleans() | json_value,
        "unreadable": st.booleans() | json_value,
    },
)
json_line = scan_record.map(lambda r: json.dumps(r, ensure_ascii=False, allow_nan=True))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """The good file with bytes changed, cut, or put in."""
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["replace", "delete", "insert"]))
        piece = draw(st.binary(min_size=1, max_size=4))
        if action == "replace":
            data[at : at + len(piece)] = piece
        elif action == "delete":
            del data[at : at + len(piece)]
        else:
            data[at:at] = piece
    return bytes(data)


scan_files = (
    st.binary(max_size=200)
    | mutated()
    | st.lists(json_line, max_size=5).map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass"))
)


def read(data: bytes) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(data)
        return read_scan_file(path, resume=True)


@settings(max_examples=400)
@given(scan_files)
def test_a_random_file_gives_clean_scans_or_located_problems(data: bytes) -> None:
    try:
        scans = read(data)
    except InputRejected as refused:
        assert refused.problems
        assert all(p.file == "fuzz.jsonl" for p in refused.problems)
        return
    for recorded in scans:
        for char in recorded.scan.code:
            assert char == GROUP_SEPARATOR or unicodedata.category(char) not in ("Cc", "Cs")
        recorded.scan.raw.encode("utf-8")
        assert recorded.at is None or FIRST_YEAR - 1 <= recorded.at.year <= LAST_YEAR + 1
        assert recorded.line_id and recorded.scan_id("S1")


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=scan_files)
def test_replay_of_a_random_file_runs_or_is_refused_and_then_changes_nothing(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    if not stored_state(db)["orders"]:
        stock_bench(db)
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(data)
    before = stored_state(db)
    with db.read() as s:
        scans_before = s.scalar(select(func.count()).select_from(ScanRecord))

    status = main(["--db", db.url, "replay", str(path), "--station", "S1", "--resume"])

    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if status == 1:
        assert err.startswith(("kenpin: fuzz.jsonl", "fuzz.jsonl:"))
        assert out == ""
        assert stored_state(db) == before
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(ScanRecord)) == scans_before
    else:
        assert status == 0
        assert all(json.loads(line)["seq"] for line in out.splitlines())
