"""Opening a database and running one unit of work against it.

SQLite is set up for several processes on one file: WAL, foreign keys on, a
busy timeout, and `BEGIN IMMEDIATE` for every write transaction so concurrent
writers queue for the lock instead of failing half-way. Read-only work uses a
plain deferred `BEGIN` so browsing never blocks a packer's scan.

Every failure of the database itself (a lock held past the busy timeout, a
server that refuses the connection or cuts it) leaves here as one
`DatabaseUnavailable` sentence. Engines hide SQL parameters (customers'
names and addresses) from every error's text unless opened with `debug`.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import DatabaseUnavailable
from app.db.checkpoints import Checkpointer

BUSY_TIMEOUT_MS = 30_000
_READ_ONLY = "kenpin_read_only"


def _prepare_sqlite(engine: Engine, *, checkpoints_elsewhere: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver; `on_begin` issues BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _journal_in_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        if checkpoints_elsewhere:
            cursor.execute("PRAGMA wal_autocheckpoint = 0")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get(_READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _journal_in_wal(cursor: Any) -> None:
    """Put the file in WAL mode (a lasting setting of the file).

    Programs started at once on a new file all switch it; while one does, SQLite
    answers the others "database is locked" at once instead of waiting the busy
    timeout, so they try again for as long.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def chunk_pause(held: float) -> float:
    """How long a series of write transactions leaves SQLite's lock free after one that
    held it `held` seconds.

    A writer waiting for the lock retries after waits that grow to 25 ms within its
    first 78 ms, to 50 ms within 178 ms, then every 100 ms (SQLite's busy handler).
    A pause a little longer than a waiter's current wait always lets it in, so it
    waits one chunk at most.
    """
    if held < 0.078:
        return 0.03
    if held < 0.178:
        return 0.06
    return 0.12


class Database:
    """One database (SQLite file or PostgreSQL server) and its units of work.

    With `background_checkpoints` (a station's database), an SQLite file's
    write-ahead log is moved into the file by a thread of its own, never by a
    scan's commit (`app.db.checkpoints`). With `debug`, errors show the SQL
    parameters they were sent.
    """

    def __init__(
        self,
        url: str,
        *,
        background_checkpoints: bool = False,
        debug: bool = False,
        **engine_args: Any,
    ) -> None:
        parsed = make_url(url)
        self.url = url
        self.dialect = parsed.get_backend_name()
        self._checkpointer: Checkpointer | None = None
        file = parsed.database if parsed.database not in (None, "", ":memory:") else None
        if self.dialect == "sqlite" and file is not None:
            Path(file).expanduser().parent.mkdir(parents=True, exist_ok=True)
            if background_checkpoints:
                self._checkpointer = Checkpointer(str(Path(file).expanduser()))
        self.engine = create_engine(url, hide_parameters=not debug, **engine_args)
        if self.dialect == "sqlite":
            _prepare_sqlite(self.engine, checkpoints_elsewhere=self._checkpointer is not None)
        if self._checkpointer is not None:
            self._checkpointer.start()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self.engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with translated(), self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write_chunk(self) -> Iterator[Session]:
        """One write transaction of a long series (an import written a chunk at a time).

        On SQLite the series then leaves the write lock free for a moment
        (`chunk_pause`), long enough for a station waiting for the lock to get in
        before the next chunk takes it; without it, the station would keep finding
        the lock taken, seconds on end.
        """
        start = time.monotonic()
        with self.write() as session:
            yield session
        if self.is_sqlite:
            time.sleep(chunk_pause(time.monotonic() - start))

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """One read-only transaction (never takes SQLite's write lock)."""
        with translated(), self._read_sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection in one read-only transaction (never takes SQLite's write lock)."""
        with (
            translated(),
            self.engine.execution_options(**{_READ_ONLY: True}).connect() as conn,
            conn.begin(),
        ):
            yield conn

    @property
    def checkpointer(self) -> Checkpointer | None:
        """The thread moving an SQLite file's log into it, when this database has one."""
        return self._checkpointer

    def dispose(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.engine.dispose()


#: What drivers say when an open connection is lost (the server restarted, an
#: administrator or a network device cut it).
_CONNECTION_LOST = (
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection already closed",
    "the connection is lost",
    "consuming input failed",
    "ssl syscall error",
    "connection reset",
    "broken pipe",
)
#: What drivers say when a connection cannot be made or the file cannot be used.
_CANNOT_CONNECT = (
    "unable to open database",
    "connection refused",
    "could not connect",
    "connection failed",
    "disk i/o error",
    "database or disk is full",
    "no such host",
    "does not exist",
    "timeout expired",
    "too many connections",
    "the database system is",
)


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Turn the database failing (not a bug in a statement) into DatabaseUnavailable: one
    sentence, without the statement or its parameters."""
    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        sentence = unavailable_sentence(exc)
        if sentence is None:
            raise
        raise DatabaseUnavailable(sentence) from exc
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == _PERMISSION_DENIED:
            raise DatabaseUnavailable(_denied(_first_line(exc))) from exc
        if not exc.connection_invalidated:
            raise
        raise DatabaseUnavailable(_lost(_first_line(exc))) from exc


def unavailable_sentence(exc: DBAPIError) -> str | None:
    """The sentence a user is told when `exc` is the database failing; None for a bug."""
    said = _first_line(exc)
    text = said.lower()
    if "database is locked" in text or "database table is locked" in text:
        # SQLite waited BUSY_TIMEOUT_MS for another program's write to end.
        waited = BUSY_TIMEOUT_MS / 1000
        return f"database busy: another program held it for over {waited:g} s; nothing was saved"
    if exc.connection_invalidated or any(marker in text for marker in _CONNECTION_LOST):
        return _lost(said)
    if any(marker in text for marker in _CANNOT_CONNECT):
        return f"database unavailable: {said}"
    return None


#: PostgreSQL's SQLSTATE for a privilege the connection's role does not have.
_PERMISSION_DENIED = "42501"


def _denied(said: str) -> str:
    """What a station is told when its PostgreSQL role may not do what Kenpin asked: the
    grants (`kenpin db grant`) are older than the schema, or this is not Kenpin's role."""
    return (
        f"database refused: {said}; nothing was saved (after an upgrade the schema's owner "
        "runs `kenpin db upgrade`, then `kenpin db grant` again)"
    )


def _lost(said: str) -> str:
    return (
        f"database unavailable: the connection to the database was lost ({said}); nothing was saved"
    )


def _first_line(exc: DBAPIError) -> str:
    """The driver's own message, first line only (psycopg adds hints on further lines)."""
    lines = str(exc.orig).strip().splitlines()
    return lines[0].strip() if lines else type(exc.orig).__name__
