"""Reading an imported CSV file: its bytes, its encoding, its header and rows.

Shops send UTF-8 (Shopify, with or without a BOM) and CP932 / Shift_JIS
(Japanese marketplaces and Excel on Japanese Windows). A file with a UTF-8
BOM is UTF-8. Otherwise a file that is valid UTF-8 is UTF-8; one that is not
is judged line by line: when more of its non-ASCII lines read as UTF-8 than
not, it is UTF-8 with a few damaged lines, else CP932. A file is read in one
encoding throughout: a line that reads in the other encoding (one pasted in
from another file) is a problem naming that line, since reading it in the
file's encoding would put mojibake on a shipping label. Other bytes that are
not valid in the chosen encoding are a problem on their line, and the rest of
the file is still checked so the clerk sees every problem at once.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import operator
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from app.core.errors import InputRejected, Problem
from app.core.intake.rows import Row, Sheet
from app.core.text import control_character, shown

UTF8, CP932 = "UTF-8", "CP932"
_CODECS = {UTF8: "utf-8", CP932: "cp932"}
_NAMES = {UTF8: "UTF-8", CP932: "CP932 (Shift_JIS)"}
# Python's cp932 codec maps the bytes 0x80, 0xA0 and 0xFD-0xFF, which no
# Shift_JIS text contains, to these characters instead of failing.
_CP932_STRAYS = frozenset("\x80\uf8f0\uf8f1\uf8f2\uf8f3")


@dataclass(frozen=True, slots=True)
class CsvFile:
    """A read CSV file: its sheet, content hash and encoding, and the problems of its lines."""

    sheet: Sheet
    sha256: str
    encoding: str
    problems: list[Problem]


def file_name(path: Path | str) -> str:
    """The name a file is called by in messages: its base name."""
    return Path(path).name


def read_bytes(path: Path | str) -> bytes:
    """The file's content; a file that cannot be read is refused with the reason."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputRejected([Problem(file_name(path), 0, "", "no such file")]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputRejected([Problem(file_name(path), 0, "", f"cannot read: {reason}")]) from None


def content_sha256(data: bytes) -> str:
    """The sha256 of a file's bytes, by which a re-imported file is recognised."""
    return hashlib.sha256(data).hexdigest()


def parse_csv(
    name: str, data: bytes, columns: Collection[str], multiline: Collection[str] = ()
) -> CsvFile:
    """The sheet of a CSV file's bytes, keeping only the cells of `columns`.

    Refuses at once (InputRejected) a file with no header, no rows or a header
    naming a column twice; problems of single lines (bad bytes, a row with
    the wrong number of fields, broken quoting, a control character in a
    kept cell: tabs and line breaks are allowed only in the `multiline`
    columns) are returned with the sheet, and such a row is not kept.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        message = "the file is UTF-16; save it as CSV in UTF-8 or Shift_JIS (CP932)"
        raise InputRejected([Problem(name, 0, "", message)])
    text, encoding, problems = _decode(name, data)
    if not text.strip():
        raise InputRejected([Problem(name, 0, "", "empty file (no header line)")])
    sheet = Sheet(name, [])
    rules = _Rules(name, columns, multiline, frozenset(problem.line for problem in problems))
    sheet.rows.extend(_records(io.StringIO(text, newline=""), rules, problems, sheet.header))
    if not sheet.rows and not problems:
        raise InputRejected([Problem(name, 1, "", "no rows below the header")])
    return CsvFile(sheet, content_sha256(data), encoding, problems)


@dataclass(frozen=True, slots=True)
class _Rules:
    """How a file's rows are read: its name in messages, the columns kept, those that may
    hold tabs and line breaks, and the lines whose bytes could not be read (a row on one
    is not checked further: its cells are garbled)."""

    name: str
    columns: Collection[str]
    multiline: Collection[str] = ()
    unreadable: frozenset[int] = field(default_factory=frozenset)


def _records(
    text: TextIO, rules: _Rules, problems: list[Problem], header: list[str]
) -> Iterator[Row]:
    """The rows of a CSV text, read one at a time, keeping only the cells of the columns
    `rules` keeps; the header it starts with is put into `header` (checked) before the first
    row comes. A row with a problem goes to `problems`, not out."""
    name = rules.name
    reader = csv.reader(text, strict=True)
    try:
        header.extend(cell.strip() for cell in next(reader))
    except StopIteration:
        raise InputRejected([Problem(name, 0, "", "empty file (no header line)")]) from None
    except csv.Error as exc:
        raise InputRejected([Problem(name, 1, "", f"cannot read the header: {exc}")]) from None
    _check_header(name, header, rules.columns)
    wanted = [(i, column) for i, column in enumerate(header) if column in rules.columns]
    names = [column for _i, column in wanted]
    pick = operator.itemgetter(*[i for i, _column in wanted], len(header))
    last = reader.line_num
    while True:
        start = last + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem(name, start, "", f"cannot read this row: {exc}"))
            last = reader.line_num
            continue
        last = reader.line_num
        if not any(cell.strip() for cell in fields) or not rules.unreadable.isdisjoint(
            range(start, last + 1)
        ):
            continue
        # Trailing empty fields (a spreadsheet's stray commas) are harmless; any
        # other count means cells have shifted into the wrong columns.
        if len(fields) < len(header) or any(c.strip() for c in fields[len(header) :]):
            message = f"has {len(fields)} fields, the header has {len(header)}"
            problems.append(Problem(name, start, "", message))
            continue
        # The sentinel index past the header keeps itemgetter's answer a tuple.
        cells = dict(
            zip(names, map(str.strip, pick([*fields[: len(header)], ""])[:-1]), strict=True)
        )
        found = _control_characters(name, start, cells, rules.multiline)
        if found:
            problems += found
            continue
        yield Row(start, cells)


def _control_characters(
    name: str, line: int, cells: dict[str, str], multiline: Collection[str]
) -> list[Problem]:
    """A problem for each cell holding a control character."""
    found: list[Problem] = []
    if control_character("".join(cells.values())) is None:
        return found
    for column, value in cells.items():
        control = control_character(value, multiline=column in multiline)
        if control is not None:
            message = f"{shown(value)} contains a control character ({control})"
            found.append(Problem(name, line, column, message))
    return found


@dataclass(frozen=True, slots=True)
class CsvStream:
    """A CSV file read as a stream: its content hash and encoding, the problems of its bytes,
    and its rows one at a time (`rows`), never the whole file in memory."""

    name: str
    path: Path
    sha256: str
    encoding: str
    problems: list[Problem]
    rules: _Rules
    header: list[str]

    def rows(self, problems: list[Problem]) -> Iterator[Row]:
        """The file's rows, read afresh from the file; problems of rows go to `problems`.

        A file with a header and no rows (and no problems) is refused.
        """
        found = False
        with _opened(self.name, self.path) as raw:
            text = _text(raw, self.encoding)
            for row in _records(text, self.rules, problems, []):
                found = True
                yield row
        if not found and not problems and not self.problems:
            raise InputRejected([Problem(self.name, 1, "", "no rows below the header")])


def _text(raw: BinaryIO, encoding: str) -> TextIO:
    """The bytes read as text in `encoding`; a bad byte becomes U+FFFD (told by its line)."""
    return io.TextIOWrapper(raw, encoding=_TEXT_CODECS[encoding], errors="replace", newline="")


#: The codec a stream is read with (a UTF-8 file's BOM is skipped).
_TEXT_CODECS = {UTF8: "utf-8-sig", CP932: "cp932"}


def stream_csv(
    name: str, path: Path, columns: Collection[str], multiline: Collection[str] = ()
) -> CsvStream:
    """A CSV file to read as a stream (see `CsvStream`): its bytes are looked over once here,
    a line at a time, for the content hash and the encoding (the rules of `parse_csv`)."""
    digest = hashlib.sha256()
    good = bad = 0
    bom = first = empty = True
    with _opened(name, path) as raw:
        for line in raw:
            digest.update(line)
            if first:
                if line.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    message = "the file is UTF-16; save it as CSV in UTF-8 or Shift_JIS (CP932)"
                    raise InputRejected([Problem(name, 0, "", message)])
                bom = line.startswith(codecs.BOM_UTF8)
                line = line.removeprefix(codecs.BOM_UTF8)
                first = False
            empty = empty and not line.strip()
            if not line.isascii():
                ok = _reads_as(line, UTF8)
                good, bad = good + ok, bad + (not ok)
    if empty:
        raise InputRejected([Problem(name, 0, "", "empty file (no header line)")])
    encoding = UTF8 if bom or good >= bad else CP932
    problems: list[Problem] = []
    if bad:
        with _opened(name, path) as raw:
            lines = (
                line.removeprefix(codecs.BOM_UTF8) if number == 1 else line
                for number, line in enumerate(raw, start=1)
            )
            problems = [
                Problem(name, number, "", what) for number, what in _bad_lines(lines, encoding)
            ]
    rules = _Rules(name, columns, multiline, frozenset(problem.line for problem in problems))
    header: list[str] = []
    with _opened(name, path) as raw:
        # Reads (and checks) the header; the first row is read again with the others.
        next(_records(_text(raw, encoding), rules, [], header), None)
    return CsvStream(name, path, digest.hexdigest(), encoding, problems, rules, header)


@contextlib.contextmanager
def _opened(name: str, path: Path) -> Iterator[BinaryIO]:
    """The file opened for reading bytes; one that cannot be read is refused with the reason."""
    try:
        raw = path.open("rb")
    except FileNotFoundError:
        raise InputRejected([Problem(name, 0, "", "no such file")]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputRejected([Problem(name, 0, "", f"cannot read: {reason}")]) from None
    with raw:
        yield raw


def file_sha256(path: Path | str) -> str:
    """The sha256 of the file's bytes, read in pieces (see `content_sha256`)."""
    digest = hashlib.sha256()
    with _opened(file_name(path), Path(path)) as raw:
        while piece := raw.read(1 << 20):
            digest.update(piece)
    return digest.hexdigest()


def _check_header(name: str, header: list[str], columns: Collection[str]) -> None:
    seen: set[str] = set()
    twice = []
    for column in header:
        if column in seen and column in columns:
            twice.append(Problem(name, 1, column, "the header names this column twice"))
        seen.add(column)
    if twice:
        raise InputRejected(twice)


def _decode(name: str, data: bytes) -> tuple[str, str, list[Problem]]:
    """The text, the encoding it was read in, and a problem per line with bytes not valid in it."""
    if data.startswith(codecs.BOM_UTF8):
        body, encoding = data[len(codecs.BOM_UTF8) :], UTF8
    else:
        try:
            return data.decode("utf-8"), UTF8, []
        except UnicodeDecodeError:
            body, encoding = data, _guess(data)
    problems = [
        Problem(name, line, "", what) for line, what in _bad_lines(body.split(b"\n"), encoding)
    ]
    return body.decode(_CODECS[encoding], errors="replace"), encoding, problems


def _guess(data: bytes) -> str:
    """UTF-8 when most lines with non-ASCII bytes read as UTF-8, else CP932."""
    good = bad = 0
    for raw in data.split(b"\n"):
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    return UTF8 if good >= bad else CP932


def _bad_lines(lines: Iterable[bytes], encoding: str) -> list[tuple[int, str]]:
    """(line, what is wrong) for each line not written in `encoding`."""
    other = CP932 if encoding == UTF8 else UTF8
    found = []
    for line, raw in enumerate(lines, start=1):
        if raw.isascii():
            continue
        if _reads_as(raw, other) and not (encoding == UTF8 and _reads_as(raw, UTF8)):
            found.append((line, _other_encoding(encoding, other)))
            continue
        try:
            text = raw.decode(_CODECS[encoding])
        except UnicodeDecodeError as exc:
            bad = raw[exc.start : max(exc.end, exc.start + 1)]
            what = "byte" if len(bad) == 1 else "bytes"
            where = f"{what} {bad.hex(' ').upper()} at byte {exc.start + 1}"
            found.append((line, f"{where}: not valid {encoding} (the file's detected encoding)"))
            continue
        if encoding == CP932:
            stray = next((i for i, ch in enumerate(text) if ch in _CP932_STRAYS), None)
            if stray is not None:
                code = text[stray].encode("cp932").hex().upper()
                where = f"byte {code} (character {stray + 1})"
                found.append(
                    (line, f"{where}: not valid {encoding} (the file's detected encoding)")
                )
    return found


def _reads_as(raw: bytes, encoding: str) -> bool:
    """True when the line's bytes are text in `encoding` (CP932: with no stray bytes)."""
    try:
        text = raw.decode(_CODECS[encoding])
    except UnicodeDecodeError:
        return False
    return encoding == UTF8 or not any(ch in _CP932_STRAYS for ch in text)


def _other_encoding(encoding: str, other: str) -> str:
    return (
        f"this line is {_NAMES[other]} but the file's other lines are {_NAMES[encoding]}; "
        "save the whole file in one encoding"
    )
