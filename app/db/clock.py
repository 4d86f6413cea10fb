"""The database's clock, the one clock every station shares.

Leases are set and compared with it inside the statements that use them, so
a station whose own clock is wrong (or a replay file's `at`) can neither
take an order from a station still packing it nor lock an order for longer
than a lease. PostgreSQL: the server's `statement_timestamp()`. SQLite (one
machine): `strftime(..., 'now')`, written in the very text SQLAlchemy stores
a datetime as (`2026-04-01 01:00:00.123000`), so a time the database wrote
and one Python wrote compare as text in time order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.core.times import as_utc
from app.db.sql import core

_SQLITE_FORMAT = "'%Y-%m-%d %H:%M:%f000'"


class DatabaseNow(FunctionElement[dt.datetime]):
    """The database's clock now (UTC)."""

    type = DateTime(timezone=True)
    inherit_cache = True
    name = "database_now"


class DatabaseLater(FunctionElement[dt.datetime]):
    """The database's clock `seconds` from now: `DatabaseLater(bindparam(...))`."""

    type = DateTime(timezone=True)
    inherit_cache = True
    name = "database_later"


@compiles(DatabaseNow, "postgresql")
def _now_postgresql(_element: DatabaseNow, _compiler: SQLCompiler, **_kw: Any) -> str:
    return "statement_timestamp()"


@compiles(DatabaseNow, "sqlite")
def _now_sqlite(_element: DatabaseNow, _compiler: SQLCompiler, **_kw: Any) -> str:
    return f"strftime({_SQLITE_FORMAT}, 'now')"


@compiles(DatabaseLater, "postgresql")
def _later_postgresql(element: DatabaseLater, compiler: SQLCompiler, **kw: Any) -> str:
    seconds = compiler.process(element.clauses, **kw)
    return f"statement_timestamp() + make_interval(secs => {seconds})"


@compiles(DatabaseLater, "sqlite")
def _later_sqlite(element: DatabaseLater, compiler: SQLCompiler, **kw: Any) -> str:
    seconds = compiler.process(element.clauses, **kw)
    return f"strftime({_SQLITE_FORMAT}, 'now', ({seconds}) || ' seconds')"


_NOW = select(DatabaseNow())


def database_time(session: Session) -> dt.datetime:
    """The database's clock now, as an aware UTC time."""
    moment = core(session).scalar(_NOW)
    assert moment is not None
    return as_utc(moment)
