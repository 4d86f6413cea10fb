"""Migration 0002 (the pack bench's tables): upgrades a foundation database, matches the
models exactly, and its constraints hold one open pack per order and one record per scan."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from app.db import station_models
from app.db.database import Database
from app.db.models import Base, Station, User, table
from app.db.schema import MIGRATIONS, current_revision, head_revision
from tests.stockdata import add_order

NOW = dt.datetime(2026, 4, 1, 1, 0, tzinfo=dt.UTC)


def migrate(db: Database, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)


@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning")
@pytest.mark.filterwarnings("ignore:.*expression-based index:sqlalchemy.exc.SAWarning")
def test_a_foundation_database_upgrades_to_tables_that_match_the_models(db_url: str) -> None:
    db = Database(db_url)
    migrate(db, "upgrade", "0001")
    with db.write() as s:  # a foundation database in use: orders already there
        add_order(s, "#1001", [])
    migrate(db, "upgrade", "head")
    assert current_revision(db) == head_revision()

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []

    migrate(db, "downgrade", "0001")
    migrate(db, "upgrade", "head")
    assert current_revision(db) == head_revision()
    db.dispose()


def test_one_open_pack_per_order_and_one_record_per_scan_id(db: Database) -> None:
    with db.write() as s:
        order_id = add_order(s, "#1001", [])
        s.add_all([Station(name="S1"), User(name="Hanako", role="packer", badge_code="B-1")])
        s.flush()
    session_row = {
        "order_id": order_id,
        "station_id": 1,
        "user_id": 1,
        "status": station_models.OPEN,
        "lease_token": 1,
        "lease_expires_at": NOW,
        "carton_no": 1,
        "card_confirmed": False,
        "opened_at": NOW,
    }
    with db.write() as s:
        s.execute(insert(table(station_models.PackSession)).values(session_row))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(station_models.PackSession)).values(session_row))
    # A completed pack is history: the order may be opened again.
    with db.write() as s:
        s.execute(
            insert(table(station_models.PackSession)).values(
                {**session_row, "status": station_models.COMPLETED}
            )
        )

    scan = {
        "scan_id": "abc",
        "station_id": 1,
        "seq": 1,
        "at": NOW,
        "raw": "X",
        "kind": "unknown",
        "code": "X",
        "verdict": "rejected",
        "effect": "none",
        "message": "",
        "units": 0,
        "undone": False,
    }
    with db.write() as s:
        s.execute(insert(table(station_models.ScanRecord)).values(scan))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(station_models.ScanRecord)).values({**scan, "seq": 2}))
