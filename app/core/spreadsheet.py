"""Cells of the CSV files Kenpin writes for people to open in a spreadsheet.

A cell a spreadsheet would run as a formula (text starting with `=`, `+`,
`-`, `@`, a tab or a carriage return) is written with a leading `'`, as
OWASP advises for CSV injection; numbers stay numbers (a negative number is
a number, not a formula). Files are UTF-8 with a BOM so that Excel set to
Japanese opens them as UTF-8 rather than Shift_JIS.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

#: What a spreadsheet takes as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The encoding of every CSV file Kenpin writes for people.
ENCODING = "utf-8-sig"

Cell = str | int | float | Decimal | dt.date | None


def safe_cell(value: Cell) -> str:
    """`value` as CSV text a spreadsheet shows rather than runs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write `header` and `rows` to `path` (UTF-8 with BOM, CRLF, every cell made safe).

    Written to a temporary file beside `path` and renamed over it, so a
    failed export leaves no half-written file. Returns the number of rows.
    """
    partial = path.with_name(path.name + ".part")
    count = 0
    try:
        with partial.open("w", encoding=ENCODING, newline="") as file:
            writer = csv.writer(file, lineterminator="\r\n")
            writer.writerow([safe_cell(name) for name in header])
            for row in rows:
                writer.writerow([safe_cell(value) for value in row])
                count += 1
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count
