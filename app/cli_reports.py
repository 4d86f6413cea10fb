"""`kenpin report packers|stations|confusions`: the supervisors' reports as CSV or PDF."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.reports import ReportKind
from app.core.times import JAPAN


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def add_report_parser(sub: Any, run: Callable[[argparse.Namespace], int]) -> None:
    """Register `kenpin report` on the command's subparsers; `run` handles it."""
    report = sub.add_parser(
        "report", help="packers', stations' figures or confused products, as CSV or PDF"
    )
    report.add_argument("kind", choices=[kind.value for kind in ReportKind], metavar="WHAT")
    report.add_argument(
        "--since", type=_day, metavar="DATE", help="first day (default: 29 days before --until)"
    )
    report.add_argument("--until", type=_day, metavar="DATE", help="last day (default: today)")
    report.add_argument("--format", choices=["csv", "pdf"], required=True)
    report.add_argument("--out", required=True, type=Path, metavar="FILE")
    report.set_defaults(run=run)


def write_report(db: Any, args: argparse.Namespace) -> str:
    """Write the report `args` ask for; its one-line summary."""
    from app.services.reports import Reports, report_period

    period = report_period(args.since, args.until, dt.datetime.now(JAPAN).date())
    return Reports(db).export(ReportKind(args.kind), period, args.format, args.out)
