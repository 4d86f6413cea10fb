"""Recorded scan files (JSON lines) for `kenpin replay`.

One scan per line: `{"scan": "4901234567894"}`, optionally with `"at"`, the
ISO 8601 time it was scanned; that time is only recorded (leases run on
the database's clock), and one more than `SCAN_TIME_TOLERANCE` ahead of the
database's clock is refused. Other keys are ignored, so `kenpin replay`'s
own output can be fed back in. Blank lines are skipped. The whole file is
checked before any scan is handed out: a file with a bad line is refused
with every bad line named, and nothing is replayed. Each code is normalised
here, as a live scanner's is where it is read.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from app.core.errors import InputRejected, Problem
from app.core.scans import Scan
from app.core.times import too_far_ahead
from app.scanning.normalize import InputSettings, normalise


class RecordedScan(NamedTuple):
    """One line of a scan file: the scan (as the file wrote it, normalised), and when (UTC)."""

    scan: Scan
    at: dt.datetime | None


def read_scan_file(
    path: Path | str, settings: InputSettings | None = None, *, now: dt.datetime | None = None
) -> list[RecordedScan]:
    """The scans of a JSON-lines file, in order; InputRejected names every bad line.

    `settings` are the station's scanner settings (the GS1 separator's stand-in);
    `now` the database's clock, which no line's `at` may be too far ahead of.
    """
    name = Path(path).name
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputRejected([Problem(name, 0, "", "no such file")]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputRejected([Problem(name, 0, "", f"cannot read: {reason}")]) from None
    except UnicodeDecodeError as exc:
        line = _line_of(exc.object, exc.start)
        raise InputRejected([Problem(name, line, "", "not UTF-8 text")]) from None
    return parse_scan_lines(name, text.splitlines(), settings, now=now)


def parse_scan_lines(
    name: str,
    lines: list[str],
    settings: InputSettings | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[RecordedScan]:
    """The scans of a scan file's lines; `name` is the file as messages call it, `now` as
    `read_scan_file` says."""
    scans: list[RecordedScan] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            scans.append(_scan_of(line, settings, now))
        except _BadLine as bad:
            problems.append(Problem(name, number, bad.column, bad.message))
    if problems:
        raise InputRejected(problems)
    return scans


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line of the byte at `offset`."""
    return data.count(b"\n", 0, offset) + 1


class _BadLine(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def _scan_of(line: str, settings: InputSettings | None, now: dt.datetime | None) -> RecordedScan:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadLine("", f"not valid JSON: {exc.msg} at character {exc.colno}") from None
    if not isinstance(record, dict):
        raise _BadLine("", 'not a JSON object (expected {"scan": "..."})')
    code = record.get("scan")
    if code is None:
        raise _BadLine("scan", "missing")
    if not isinstance(code, str):
        raise _BadLine("scan", f"{json.dumps(code)} is not a string")
    scan = normalise(code, settings)
    if not scan.code:
        raise _BadLine("scan", "empty")
    # The file's own text is what the replay's output echoes.
    at = _time_of(record.get("at"))
    ahead = too_far_ahead(at, now) if at is not None and now is not None else None
    if ahead is not None:
        raise _BadLine("at", ahead)
    return RecordedScan(replace(scan, sent=code), at)


def _time_of(value: object) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine("at", f"{json.dumps(value)} is not an ISO 8601 time")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _BadLine(
            "at", f"{json.dumps(value, ensure_ascii=False)} is not an ISO 8601 time"
        ) from None
    try:
        # A time without a zone was written at the station: its local time.
        return moment.astimezone(dt.UTC)
    except OverflowError:
        raise _BadLine("at", f"{json.dumps(value)} is out of the range of times") from None
