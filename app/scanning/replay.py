"""Recorded scan files (JSON lines) for `kenpin replay`.

One scan per line: `{"scan": "4901234567894"}`, optionally with `"at"`, the
ISO 8601 time it was scanned, `"id"`, the line's own scan id, `"pin"`, the PIN
typed with a supervisor's or admin's badge (4 to 12 digits; checked, never
echoed or recorded), `"note"`, a supervisor's words on the override the
line's scan completes (kept with it in the audit trail), `"typed": true`
for a code keyed in by hand, and `"unreadable": true` for a key burst the
scanner's rules did not take as a scan (its `scan` is what was read, possibly
nothing; the station refuses it `unreadable`). A line's
time is only recorded (leases run on the database's clock), and one more
than `SCAN_TIME_TOLERANCE` ahead of the database's clock is refused. Other
keys are ignored, so `kenpin replay`'s own output can be fed back in. Lines
end at a line feed only: U+2028 or U+0085 are text inside a JSON string.
Blank lines are skipped. The whole file is checked before any scan is handed
out: a file with a bad line (a control character in its scan, a time no
station keeps) is refused with every bad line named, and nothing is
replayed. Each code is normalised here, as a live scanner's is where it is
read.

With `resume`, a line without an id gets one made of the file's content and
its line number; `RecordedScan.scan_id` adds the station. A file run again
after a crash then meets its applied lines in the scan log, each answered
from its record instead of applied twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from app.core.errors import InputRejected, Problem
from app.core.scans import Scan
from app.core.signin import pin_problem
from app.core.times import too_far_ahead
from app.scanning.normalize import GROUP_SEPARATOR, InputSettings, normalise

#: The years a scan time may fall in: outside them a time is a typing slip, and at the
#: calendar's edges it cannot even be moved to another time zone.
FIRST_YEAR, LAST_YEAR = 1970, 9998


class RecordedScan(NamedTuple):
    """One line of a scan file: the scan (as the file wrote it, normalised), when (UTC), the
    line's id (its own, or one made for a resumable run), its line number, and the PIN
    given with a badge (left out of the line's repr)."""

    scan: Scan
    at: dt.datetime | None
    line_id: str | None = None
    line: int = 0
    pin: str | None = None
    #: A supervisor's words on the override the line's scan completes.
    note: str | None = None

    def __repr__(self) -> str:
        pin = "None" if self.pin is None else "'****'"
        return (
            f"RecordedScan(scan={self.scan!r}, at={self.at!r}, line_id={self.line_id!r}, "
            f"line={self.line!r}, pin={pin})"
        )

    def scan_id(self, station: str) -> str | None:
        """The id this line's scan is recorded under at `station` (None: a fresh one)."""
        if self.line_id is None:
            return None
        return hashlib.sha256(f"replay\n{station}\n{self.line_id}".encode()).hexdigest()


def read_scan_file(
    path: Path | str,
    settings: InputSettings | None = None,
    *,
    resume: bool = False,
    now: dt.datetime | None = None,
) -> list[RecordedScan]:
    """The scans of a JSON-lines file, in order; InputRejected names every bad line.

    `settings` are the station's scanner settings (the GS1 separator's stand-in);
    `resume` gives every line without an id one made of the file's content and its line;
    `now` is the database's clock, which no line's `at` may be too far ahead of.
    """
    name = Path(path).name
    try:
        data = Path(path).read_bytes()
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputRejected([Problem(name, 0, "", "no such file")]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputRejected([Problem(name, 0, "", f"cannot read: {reason}")]) from None
    except UnicodeDecodeError as exc:
        line = _line_of(exc.object, exc.start)
        raise InputRejected([Problem(name, line, "", "not UTF-8 text")]) from None
    scans = parse_scan_lines(name, text.split("\n"), settings, now=now)
    if resume:
        digest = hashlib.sha256(data).hexdigest()
        scans = [s if s.line_id else s._replace(line_id=f"{digest}:{s.line}") for s in scans]
    return scans


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
        # JSON's own white space; Python's would also take U+2028 and its kind.
        if not line.strip(" \t\r"):
            continue
        try:
            scans.append(_scan_of(line, settings, now)._replace(line=number))
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
    typed, unreadable = _flag_of(record, "typed"), _flag_of(record, "unreadable")
    if typed and unreadable:
        raise _BadLine("unreadable", "a typed code is never unreadable")
    scan = normalise(code, settings)
    # What a burst the scanner's rules refused held may be nothing at all.
    if not scan.code and not unreadable:
        raise _BadLine("scan", "empty")
    _check_characters("scan", code)
    at = _time_of(record.get("at"))
    ahead = too_far_ahead(at, now) if at is not None and now is not None else None
    if ahead is not None:
        raise _BadLine("at", ahead)
    # The file's own text is what the replay's output echoes.
    scan = replace(scan, sent=code, typed=typed, unreadable=unreadable)
    return RecordedScan(
        scan,
        at,
        _id_of(record.get("id")),
        pin=_pin_of(record.get("pin")),
        note=_note_of(record.get("note")),
    )


def _note_of(value: object) -> str | None:
    """A line's note: text of at most `NOTE_LENGTH` characters."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine("note", "not a string")
    if len(value) > NOTE_LENGTH:
        raise _BadLine("note", f"longer than {NOTE_LENGTH} characters")
    _check_characters("note", value)
    return value


#: The longest note a supervisor may give with an override.
NOTE_LENGTH = 500


def _pin_of(value: object) -> str | None:
    """A line's PIN: digits, as a string (never quoted back: it is a secret)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine("pin", "not a string of digits")
    problem = pin_problem(value)
    if problem is not None:
        raise _BadLine("pin", problem)
    return value


def _flag_of(record: dict[str, object], key: str) -> bool:
    """A line's optional true/false key (absent: false)."""
    value = record.get(key, False)
    if not isinstance(value, bool):
        raise _BadLine(key, f"{json.dumps(value, ensure_ascii=False)} is not true or false")
    return value


def _id_of(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine("id", f"{json.dumps(value)} is not a string")
    if not value:
        raise _BadLine("id", "empty")
    _check_characters("id", value)
    return value


def _check_characters(column: str, text: str) -> None:
    """Refuse a control character (the GS1 separator and a scanner's terminators at the
    ends aside) or half a UTF-16 pair: no scanner sends one, and no database stores it."""
    ends = "\r\n\t "
    lead = len(text) - len(text.lstrip(ends))
    for place, char in enumerate(text.strip(ends), start=lead + 1):
        kind = unicodedata.category(char)
        if kind == "Cc" and char != GROUP_SEPARATOR:
            raise _BadLine(column, f"control character U+{ord(char):04X} at character {place}")
        if kind == "Cs":
            raise _BadLine(column, f"lone surrogate U+{ord(char):04X} at character {place}")


def _time_of(value: object) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine("at", f"{json.dumps(value)} is not an ISO 8601 time")
    shown = json.dumps(value, ensure_ascii=False)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _BadLine("at", f"{shown} is not an ISO 8601 time") from None
    outside = _BadLine("at", f"{shown} is not a time between {FIRST_YEAR} and {LAST_YEAR}")
    # Checked on the time as written, before any zone moves it over the calendar's edge.
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise outside
    try:
        # A time without a zone was written at the station: its local time.
        return moment.astimezone(dt.UTC)
    except (OverflowError, OSError):
        raise outside from None
