"""Random and damaged scan files: the replay reader hands out scans or refuses the file with
its bad lines named, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import InputRejected
from app.scanning.replay import read_scan_file

LINES = [
    json.dumps({"scan": "4901234567894"}),
    json.dumps({"scan": "#1001", "at": "2026-04-01T10:00:00+09:00"}),
    json.dumps({"scan": "]C1(01)04912345678904(10)L1"}),
    json.dumps({"scan": "ＫＣＭＤ：ＣＯＭＰＬＥＴＥ"}, ensure_ascii=False),
]
SCAN_FILE = ("\n".join(LINES) + "\n").encode()


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    data = bytearray(SCAN_FILE)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.binary(min_size=1, max_size=3) | st.sampled_from([b"{", b'"', b"\n"]))
        if draw(st.booleans()):
            data[at : at + len(piece)] = piece
        else:
            del data[at : at + draw(st.integers(1, 20))]
    return bytes(data)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=damaged() | st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_a_random_or_damaged_scan_file_is_read_or_refused_by_line(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "scans.jsonl"
    path.write_bytes(data)
    try:
        scans = read_scan_file(path)
    except InputRejected as refused:
        assert refused.problems
        assert all(problem.file == "scans.jsonl" for problem in refused.problems)
        return
    assert all(scan.scan.code for scan in scans)
