"""Statement shapes for work on many rows at once: key lists, bulk inserts and bulk updates.

Each helper writes what both databases answer fast whatever the number of
keys or rows. SQLite takes long `IN` lists and executemany in its stride.
PostgreSQL is sent arrays instead: one parameter per column, so a statement
has the same text (and a plan that suits it) for ten keys or ten thousand,
and a bulk update is one round trip rather than one per row.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any, TypeVarTuple, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    Table,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import ConcurrentChange

#: Keys per `IN` query: well within every driver's limit on bound parameters.
CHUNK = 2000
Ts = TypeVarTuple("Ts")
#: Given a row's new values as SQL expressions by column name, the `SET` clause.
Assign = Callable[[Mapping[str, ColumnElement[Any]]], Mapping[str, Any]]


def core(session: Session) -> Connection:
    """The session's connection, for the Core statements a scan runs.

    `Session.execute` sends a Core statement through the ORM's execution path
    (autoflush, ORM events), which costs about as much again as the statement
    itself on SQLite; a scan runs several, so they go to the connection. Work
    that adds ORM objects flushes them itself (`labels.add_print_job`,
    `tracking.add_parcel`), so nothing pending is missed.
    """
    return session.connection()


def on_postgresql(session: Session) -> bool:
    """True when the session's database is PostgreSQL."""
    return session.get_bind().dialect.name == "postgresql"


def chunks(keys: Collection[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """The keys in lists of at most `size`, to keep `IN (...)` within every driver's limits."""
    items = list(keys)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _array(values: list[Any], column: Any) -> Any:
    return bindparam(None, values, type_=postgresql.ARRAY(column.type))


def _as_table(target: Table, rows: Sequence[Mapping[str, Any]]) -> dict[str, ColumnElement[Any]]:
    """The rows as `unnest($1, $2, ...) AS new(name, ...)`, an array per column of `target`
    they name: each column of it by name."""
    names = list(rows[0])
    arrays = [_array([row[name] for row in rows], target.c[name]) for name in names]
    new = func.unnest(*arrays).table_valued(*names).render_derived(name="new")
    return {name: new.c[name] for name in names}


def among(session: Session, column: Any, keys: list[Any]) -> ColumnElement[bool]:
    """`column IN keys`; on PostgreSQL as `IN (SELECT unnest($1))`, one array parameter.

    psycopg prepares a statement it runs often, and PostgreSQL may keep the
    plan it made while the table was still empty. For `IN ($1, ..., $2000)`
    or `= ANY($1)` that plan is a scan comparing every row with every key, a
    couple of seconds per query once the table holds 40,000 orders; a join
    with the unnested keys stays fast whatever plan is kept.
    """
    if on_postgresql(session):
        return cast("ColumnElement[bool]", column.in_(select(func.unnest(_array(keys, column)))))
    return cast("ColumnElement[bool]", column.in_(keys))


def rows_in(
    session: Session, query: Select[*Ts], column: Any, keys: Collection[Any]
) -> list[Row[*Ts]]:
    """The rows of `query` whose `column` is one of `keys`, in a few chunked queries."""
    found: list[Row[*Ts]] = []
    for part in chunks(keys):
        found.extend(session.execute(query.where(among(session, column, part))).all())
    return found


def add_rows(session: Session, target: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows (column name -> value, every row with the same names) at once.

    SQLite runs one executemany; PostgreSQL one `INSERT ... SELECT FROM unnest(...)`.
    (psycopg's executemany sends a statement per row, and multi-row VALUES
    statements are parsed afresh by psycopg every time, which costs more still.)
    """
    if not rows:
        return
    if on_postgresql(session):
        new = _as_table(target, rows)
        session.execute(insert(target).from_select(list(new), select(*new.values())))
        return
    session.execute(insert(target), list(rows))


def insert_rows(session: Session, target: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows with `add_rows`; a clash with rows another station just wrote is
    refused as ConcurrentChange (SQLite serialises writers, PostgreSQL may not)."""
    try:
        add_rows(session, target, rows)
    except IntegrityError as exc:
        raise ConcurrentChange(
            "another station changed the same records at the same time; nothing was imported, "
            "run the import again"
        ) from exc


def update_rows(
    session: Session,
    target: Table,
    rows: Sequence[Mapping[str, Any]],
    assign: Assign,
    key: str = "id",
) -> None:
    """Update many rows at once: the row of `target` whose `key` column matches a row of
    `rows` (column name -> value, every row with the same names) is set to `assign(new)`,
    `new` holding that row's values by name.

    SQLite runs one executemany; PostgreSQL one `UPDATE ... FROM unnest(...)`.
    """
    if not rows:
        return
    if on_postgresql(session):
        new = _as_table(target, rows)
        session.execute(update(target).where(target.c[key] == new[key]).values(dict(assign(new))))
        return
    params: dict[str, ColumnElement[Any]] = {name: bindparam(f"new_{name}") for name in rows[0]}
    session.execute(
        update(target).where(target.c[key] == params[key]).values(dict(assign(params))),
        [{f"new_{name}": value for name, value in row.items()} for row in rows],
    )
