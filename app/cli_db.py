"""`kenpin db grant`: least privilege on PostgreSQL (an owner role, a station role)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.core.errors import Refused

if TYPE_CHECKING:
    from app.db.database import Database

EXIT_OK = 0
DbOf = Callable[[argparse.Namespace], "Database"]


def register(db_sub: argparse._SubParsersAction[argparse.ArgumentParser], db_of: DbOf) -> None:
    """Add `kenpin db grant` to `kenpin db`; `db_of` opens `--db`'s database, unmigrated."""
    grant = db_sub.add_parser(
        "grant",
        help="PostgreSQL: give the schema to an owner role and stations' role what a station "
        "needs (run again after each upgrade)",
    )
    grant.add_argument("--owner", required=True, metavar="ROLE", help="the role holding the schema")
    grant.add_argument(
        "--station", required=True, metavar="ROLE", help="the role stations connect as"
    )
    grant.set_defaults(run=lambda args: _grant(db_of(args), args.owner, args.station))


def _grant(db: Database, owner: str, station: str) -> int:
    from app.db.grants import grant
    from app.db.schema import head_revision

    if db.is_sqlite:
        raise Refused(
            "db grant is for PostgreSQL: an SQLite file has no roles (its file's permissions "
            "are its only guard)"
        )
    with db.write() as session:
        granted = grant(session.connection(), owner.strip(), station.strip(), head_revision())
    for line in granted.lines():
        print(line)
    return EXIT_OK
