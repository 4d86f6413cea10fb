"""Supervisors' reports: read the sums for a period, and write them as CSV or PDF.

Each report is one read transaction (`Database.read`), so a report never holds
a lock a packer's scan waits for.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from app.core import reports as rules
from app.core.errors import Refused
from app.core.reports import Confusion, Period, Report, ReportKind
from app.core.spreadsheet import write_csv
from app.db import report_rollup as rollup
from app.db import reports as store
from app.db.database import Database
from app.labels.report_pdf import ReportDocument, write_report_pdf

FORMATS = ("csv", "pdf")
#: Scans added into the hourly tables per write transaction: short enough (tens of ms on
#: SQLite) that a station's scan waiting for the lock is hardly held up.
CHUNK_SCANS = 20_000
#: How long a catch-up waits for scans still being written (PostgreSQL; a scan's transaction
#: takes milliseconds) before it leaves them, and every scan after them, to the next report.
WRITERS_WAIT_S = 5.0
_WRITERS_POLL_S = 0.01
_TITLES = {
    ReportKind.PACKERS: "Packers / 梱包担当者別",
    ReportKind.STATIONS: "Stations / 梱包台別",
    ReportKind.CONFUSIONS: "Confused products / 取り違えの多い商品",
}


class Reports:
    """The reports of one database."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def catch_up(self) -> int:
        """Add the scans committed since the last report into the report tables, a chunk
        per transaction; returns how many scan ids were taken in."""
        with self._db.read() as session:
            through = rollup.ids_drawn(session)
            writing = rollup.writers(session)
            deadline = time.monotonic() + WRITERS_WAIT_S
            while writing and time.monotonic() < deadline:
                time.sleep(_WRITERS_POLL_S)
                writing = rollup.writers(session, among=writing)
            after = rollup.added_through(session)
        if writing:
            # Some of the ids up to `through` may still be committed: none is safe to take.
            return 0
        taken = 0
        while after < through:
            upto = min(after + CHUNK_SCANS, through)
            with self._db.write_chunk() as session:
                if not rollup.add_scans(session, after, upto):
                    break  # another report is adding them
            taken += upto - after
            after = upto
        return taken

    def figures(self, kind: ReportKind, period: Period) -> Report:
        """Packers' or stations' figures per day over `period` (scans caught up first)."""
        self.catch_up()
        start, end = period.bounds()
        with self._db.read() as session:
            days = store.day_figures(session, kind, start, end)
            refused = store.refusals(session, kind, start, end)
        return Report(kind, period, rules.with_refusals(days, refused))

    def confusions(self, period: Period, limit: int = rules.CONFUSIONS_SHOWN) -> list[Confusion]:
        """The most confused product pairs over `period`, most frequent first (scans caught
        up first)."""
        self.catch_up()
        start, end = period.bounds()
        with self._db.read() as session:
            return store.confusions(session, start, end, limit)

    def export(self, kind: ReportKind, period: Period, fmt: str, out: Path) -> str:
        """Write the report to `out` as `fmt` (csv or pdf); a one-line summary."""
        if fmt not in FORMATS:
            raise Refused(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
        document = self.document(kind, period)
        if fmt == "csv":
            rows = write_csv(out, document.table.header, document.table.rows)
            return f"{kind.value} report written to {out}: {rows} rows"
        pages = write_report_pdf(out, document)
        rows = len(document.table.rows)
        return f"{kind.value} report written to {out}: {rows} rows, {pages} page(s)"

    def document(self, kind: ReportKind, period: Period) -> ReportDocument:
        """The report as a table (and, for packers and stations, the day points)."""
        subtitle = f"{period.since.isoformat()} – {period.until.isoformat()} (JST)"
        if kind is ReportKind.CONFUSIONS:
            table = rules.confusions_table(self.confusions(period))
            return ReportDocument(_TITLES[kind], subtitle, table)
        report = self.figures(kind, period)
        return ReportDocument(
            _TITLES[kind], subtitle, rules.report_table(report), rules.series(report)
        )


def report_period(since: dt.date | None, until: dt.date | None, today: dt.date) -> Period:
    """The period asked for on the command line, refused when it runs backwards."""
    try:
        return rules.period(since, until, today)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
