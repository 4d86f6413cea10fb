"""Every migration: a database in use at any earlier revision upgrades to tables that match
the models exactly, and the newest migration goes down and up again."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.db.database import Database
from app.db.models import Base
from app.db.schema import current_revision, head_revision, migrate
from tests.stockdata import add_order


@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning")
@pytest.mark.filterwarnings("ignore:.*expression-based index:sqlalchemy.exc.SAWarning")
@pytest.mark.parametrize("start", ["0001", "0002", "0003"])
def test_a_database_in_use_upgrades_to_tables_that_match_the_models(
    empty_db_url: str, start: str
) -> None:
    db = Database(empty_db_url)
    migrate(db, "upgrade", start)
    with db.write() as s:  # a database in use: orders already there
        add_order(s, "#1001", [])
    migrate(db, "upgrade", "head")
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []

    migrate(db, "downgrade", start)
    assert current_revision(db) == start
    migrate(db, "upgrade", "head")
    assert current_revision(db) == head_revision()
    db.dispose()
