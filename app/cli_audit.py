"""`kenpin audit`: check the audit trail's chain, list its rows."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db.database import Database

EXIT_OK, EXIT_REFUSED = 0, 1
DbOf = Callable[[argparse.Namespace], "Database"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], db_of: DbOf) -> None:
    """Add `kenpin audit verify` and `kenpin audit list`; `db_of` opens `--db`'s database."""
    audit = sub.add_parser("audit", help="the tamper-evident audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser(
        "verify", help="walk the audit trail's chain; exit 1 naming the first broken link"
    )
    verify.set_defaults(run=lambda args: _verify(db_of(args)))
    listing = audit_sub.add_parser("list", help="the newest audit rows, newest first")
    listing.add_argument(
        "--since", type=_date, metavar="DATE", help="from this day on (YYYY-MM-DD, local time)"
    )
    listing.add_argument("--action", metavar="A", help="only this action (e.g. label.void)")
    listing.add_argument("--limit", type=_positive, default=100, metavar="N", help="(default 100)")
    listing.set_defaults(run=lambda args: _list(db_of(args), args))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _verify(db: Database) -> int:
    from app.services.audit import verify_chain

    check = verify_chain(db)
    if check.broken is not None:
        print(f"kenpin: audit trail broken: {check.broken}", file=sys.stderr)
        print(f"kenpin: before it, {check.summary}", file=sys.stderr)
        return EXIT_REFUSED
    print(check.summary)
    return EXIT_OK


def _list(db: Database, args: argparse.Namespace) -> int:
    from app.services.audit import audit_rows

    for row in audit_rows(db, since=args.since, action=args.action, limit=args.limit):
        at = row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        who = f"{row.station or '-':<12} {row.user or '-':<16}"
        print(f"{row.id:>8} {at} {who} {row.action:<16} {row.detail}")
    return EXIT_OK
