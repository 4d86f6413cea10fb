"""Creating and upgrading the schema with Alembic, from code (no alembic.ini needed)."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

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
    """The migration the database is at, or None for an empty database."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(db: Database, action: str, revision: str) -> None:
    """Run Alembic's `upgrade` or `downgrade` to `revision` on the database."""
    config = _config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)


def upgrade(db: Database) -> bool:
    """Bring the schema to the newest migration; True when anything was done."""
    if current_revision(db) == head_revision():
        return False
    migrate(db, "upgrade", "head")
    return True
