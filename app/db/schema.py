"""Creating and upgrading the schema with Alembic, from code (no alembic.ini needed)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, func, select

from app.db.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@functools.cache  # reading the migration scripts costs ~15 ms, and they never change in a run
def head_revision() -> str | None:
    """The newest migration this build of Kenpin ships."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    """The migration the database is at, or None for an empty database.

    Read in a read-only transaction: checking the schema at every start never waits for
    (or holds up) another program's write.
    """
    with db.reading() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(db: Database, action: str, revision: str) -> None:
    """Run Alembic's `upgrade` or `downgrade` to `revision` on the database, in one transaction.

    SQLite changes a table by copying it into a new one (Alembic's batch mode),
    and dropping the old copy of a table other rows refer to breaks their
    foreign keys for a moment. So, as SQLite's own procedure for changing a
    table asks, foreign keys are off while the migrations run, and every
    reference is checked again before they commit.
    """
    config = _config()
    with db.engine.connect() as conn, _foreign_keys_off(conn, db.is_sqlite), conn.begin():
        _wait_for_other_migrations(conn, db.is_sqlite)
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)
        if db.is_sqlite:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration {action} to {revision} broke references: {broken}")


#: The PostgreSQL advisory lock migrations take.
MIGRATION_LOCK_KEY = 0x4B454E50_4D494752  # "KENPMIGR"


def _wait_for_other_migrations(conn: Connection, sqlite: bool) -> None:
    """Let one program migrate at a time; the others wait here until it commits.

    Programs started at once on an empty database would otherwise all create
    the same tables. Alembic reads the revision after this, so a program that
    waited finds the schema at head and has nothing left to do. On PostgreSQL
    a transaction-scoped advisory lock, let go at commit; SQLite's migration
    transaction begins with `BEGIN IMMEDIATE`, which already lets one writer in.
    """
    if not sqlite:
        conn.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))


@contextlib.contextmanager
def _foreign_keys_off(conn: Connection, sqlite: bool) -> Iterator[None]:
    """Foreign keys off on this SQLite connection until the block ends.

    Set before the transaction begins: inside one, SQLite ignores the pragma.
    """
    if not sqlite:
        yield
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    driver.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys = ON")


def upgrade(db: Database) -> bool:
    """Bring the schema to the newest migration; True when anything was done."""
    if current_revision(db) == head_revision():
        return False
    migrate(db, "upgrade", "head")
    return True
