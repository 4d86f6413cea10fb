"""Exports of the mismatch log: a CSV for people, and a scan file `kenpin replay` reads.

Both stream from the database (`app.db.mismatch_export`) into a file written
beside its destination and renamed over it, so a failed export leaves no
half-written file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from app.core.scans import Fact
from app.core.spreadsheet import Cell, write_csv
from app.core.times import as_utc
from app.db import mismatch_export as store
from app.db.database import Database
from app.db.mismatches import MismatchFilter, MismatchRow

#: The CSV's columns, documented in the README ("Supervisors: the mismatch log").
CSV_HEADER = (
    "at",
    "station",
    "packer",
    "order",
    "reason",
    "scanned",
    "typed",
    "sku",
    "item",
    "expected",
    "lot",
    "reserved_lot",
    "detail",
    "reviewed_by",
    "reviewed_at",
    "review_note",
)


def _stamp(moment: dt.datetime | None) -> str:
    """A stored time in the station's local time, ISO 8601 with its offset."""
    return as_utc(moment).astimezone().isoformat(timespec="seconds") if moment else ""


def _csv_row(row: MismatchRow) -> list[Cell]:
    facts = row.facts
    return [
        _stamp(row.at),
        row.station,
        row.packer,
        row.order,
        row.reason,
        row.scanned,
        int(row.typed),
        row.sku,
        facts.get(Fact.ITEM),
        facts.get(Fact.EXPECTED),
        facts.get(Fact.LOT),
        facts.get(Fact.RESERVED_LOT),
        row.detail,
        row.reviewer,
        _stamp(row.reviewed_at),
        row.review_note,
    ]


def export_csv(db: Database, path: Path, wanted: MismatchFilter) -> int:
    """Write the refusals `wanted` names to a CSV file, oldest first; how many."""
    with db.read() as session:
        return write_csv(
            path, CSV_HEADER, (_csv_row(row) for row in store.refusals(session, wanted))
        )


def _replay_lines(scans: Iterator[store.ReplayedScan]) -> Iterator[str]:
    for scan in scans:
        line: dict[str, object] = {"scan": scan.raw, "at": as_utc(scan.at).isoformat()}
        if scan.typed:
            line["typed"] = True
        if scan.unreadable:
            line["unreadable"] = True
        yield json.dumps(line, ensure_ascii=False) + "\n"


def export_replay(db: Database, path: Path, wanted: MismatchFilter) -> int:
    """Write the scans that replay the refusals `wanted` names (JSON lines for `kenpin
    replay`); how many scans."""
    partial = path.with_name(path.name + ".part")
    count = 0
    try:
        with db.read() as session, partial.open("w", encoding="utf-8", newline="\n") as file:
            for line in _replay_lines(store.replay_scans(session, wanted)):
                file.write(line)
                count += 1
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count
