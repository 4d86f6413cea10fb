"""The composition root: open the database the user asked for, schema up to date."""

from __future__ import annotations

from app.db.database import Database, default_url
from app.db.schema import upgrade


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """The database at `url` (else `KENPIN_DB`, else the user's data folder), migrated."""
    db = Database(url or default_url())
    if migrate:
        upgrade(db)
    return db
