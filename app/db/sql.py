"""Statement shapes for work on many rows at once: key lists, bulk inserts and bulk updates.

Each helper writes what both databases answer fast whatever the number of
keys or rows. SQLite takes long `IN` lists and executemany in its stride.
PostgreSQL is sent arrays instead: one parameter per column, so a statement
has the same text (and a plan that suits it) for ten keys or ten thousand,
and a bulk update is one round trip rather than one per row.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, TypeVarTuple, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    CursorResult,
    Executable,
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
S = TypeVar("S", bound=Executable)
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


def _arrays(target: Table, names: tuple[str, ...]) -> dict[str, ColumnElement[Any]]:
    """`unnest(:rows_a, :rows_b, ...) AS new(a, b, ...)`, one array parameter per column of
    `target` named: each column of it by name."""
    arrays = [
        bindparam(f"rows_{name}", type_=postgresql.ARRAY(target.c[name].type)) for name in names
    ]
    new = func.unnest(*arrays).table_valued(*names).render_derived(name="new")
    return {name: new.c[name] for name in names}


def _as_arrays(rows: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """The rows as the array parameters `_arrays` names."""
    return {f"rows_{name}": [row[name] for row in rows] for name in rows[0]}


@dataclass(frozen=True, slots=True)
class ByKeys(Generic[S]):
    """A statement for the rows whose key is among a list, built once in each database's
    spelling (parameter `keys`); see `among` for why PostgreSQL gets an array."""

    sqlite: S
    postgresql: S

    @classmethod
    def of(cls, column: Any, build: Callable[[ColumnElement[bool]], S]) -> ByKeys[S]:
        """`build(condition)`, the condition being `column IN keys`."""
        array = bindparam("keys", type_=postgresql.ARRAY(column.type))
        return cls(
            build(column.in_(bindparam("keys", expanding=True))),
            build(column.in_(select(func.unnest(array)))),
        )

    def run(
        self, session: Session, keys: list[Any], **params: Any
    ) -> CursorResult[*tuple[Any, ...]]:
        """The statement run for `keys` (and any other parameters) on the session's connection."""
        statement = self.postgresql if on_postgresql(session) else self.sqlite
        return core(session).execute(statement, {"keys": keys, **params})


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
    postgres = on_postgresql(session)
    statement = _insert_statement(target, tuple(rows[0]), postgres)
    core(session).execute(statement, _as_arrays(rows) if postgres else list(rows))


@functools.lru_cache(maxsize=128)
def _insert_statement(target: Table, names: tuple[str, ...], postgres: bool) -> Executable:
    # Built once per shape: a pack's few ledger rows should not pay for building it.
    if postgres:
        new = _arrays(target, names)
        return insert(target).from_select(list(new), select(*new.values()))
    return insert(target)


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

    SQLite runs one executemany; PostgreSQL one `UPDATE ... FROM unnest(...)`. The
    statement is built once per shape (and `assign`: pass the same function each time).
    """
    if not rows:
        return
    postgres = on_postgresql(session)
    statement = _update_statement(target, tuple(rows[0]), assign, key, postgres)
    if postgres:
        core(session).execute(statement, _as_arrays(rows))
        return
    core(session).execute(
        statement, [{f"new_{name}": value for name, value in row.items()} for row in rows]
    )


@functools.lru_cache(maxsize=128)
def _update_statement(
    target: Table, names: tuple[str, ...], assign: Assign, key: str, postgres: bool
) -> Executable:
    new: Mapping[str, ColumnElement[Any]] = (
        _arrays(target, names) if postgres else {n: bindparam(f"new_{n}") for n in names}
    )
    return update(target).where(target.c[key] == new[key]).values(dict(assign(new)))
