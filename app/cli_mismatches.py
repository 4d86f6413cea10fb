"""`kenpin mismatches …`: the supervisors' mismatch log on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

FORMATS = ("csv", "replay")


def day(text: str) -> dt.date:
    """A `--since` / `--until` value: a date, YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_commands(sub: Any) -> None:
    """Register `kenpin mismatches export` on the command's subparsers."""
    mismatches = sub.add_parser("mismatches", help="the mismatch log of refused scans")
    actions = mismatches.add_subparsers(dest="mismatches_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="refused scans as CSV, or the scans that replay them (JSON lines)"
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument("--since", type=day, metavar="DATE", help="from this day (local time)")
    export.add_argument("--until", type=day, metavar="DATE", help="to this day, included")
    export.add_argument("--format", choices=FORMATS, default="csv")
    export.set_defaults(run=export_mismatches)


def export_mismatches(args: argparse.Namespace) -> int:
    """Write the refusals of the days asked for as CSV or as a replay file."""
    from app.bootstrap import bootstrap
    from app.services.mismatch_export import export_csv, export_replay
    from app.services.mismatches import local_days

    db = bootstrap(database_url=args.db, debug=args.debug).db
    wanted = local_days(args.since, args.until)
    if args.format == "csv":
        count = export_csv(db, args.out, wanted)
        print(f"{count} refused scans written to {args.out}")
    else:
        count = export_replay(db, args.out, wanted)
        print(f"{count} scans written to {args.out}")
    return 0
