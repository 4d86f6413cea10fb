"""Migration 0003 (shipping's tables): upgrades a pack-station database, matches the models
exactly, and its constraints keep tracking numbers unique and blocks consistent."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError

from app.db import shipping_models
from app.db.database import Database
from app.db.models import Base, table
from app.db.schema import MIGRATIONS, current_revision, head_revision
from app.db.shipping_models import Parcel, PrintJob, TrackingBlock
from tests.stockdata import add_order


def migrate(db: Database, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)


@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning")
@pytest.mark.filterwarnings("ignore:.*expression-based index:sqlalchemy.exc.SAWarning")
def test_a_pack_station_database_upgrades_to_tables_that_match_the_models(db_url: str) -> None:
    db = Database(db_url)
    migrate(db, "upgrade", "0002")
    with db.write() as s:  # a database in use: orders already there
        add_order(s, "#1001", [])
    migrate(db, "upgrade", "head")
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []

    migrate(db, "downgrade", "0002")
    migrate(db, "upgrade", "head")
    assert current_revision(db) == head_revision()
    db.dispose()


def parcel(
    order_id: int, carton_no: int, number: str, status: str = "labelled"
) -> dict[str, object]:
    return {
        "order_id": order_id,
        "carton_no": carton_no,
        "carrier": "yamato",
        "service": "宅急便",
        "tracking_number": number,
        "status": status,
        "source": shipping_models.ISSUED,
    }


def test_a_tracking_number_is_on_one_parcel_and_a_carton_has_one_live_label(
    db: Database,
) -> None:
    with db.write() as s:
        first = add_order(s, "#1001", [])
        second = add_order(s, "#1002", [])
        s.execute(insert(table(Parcel)).values(parcel(first, 1, "123456789013")))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(Parcel)).values(parcel(second, 1, "123456789013")))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(Parcel)).values(parcel(first, 1, "200961185434")))
    # A voided label gives its carton to the replacement.
    with db.write() as s:
        s.execute(update(table(Parcel)).values(status=shipping_models.VOIDED))
        s.execute(insert(table(Parcel)).values(parcel(first, 1, "200961185434")))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(Parcel)).values(parcel(first, 2, "400000000013", "lost")))


def test_a_block_never_issues_past_its_last_number(db: Database) -> None:
    block = {"carrier": "yamato", "first_body": 10, "last_body": 11, "next_body": 10, "digits": 11}
    with db.write() as s:
        s.execute(insert(table(TrackingBlock)).values(block))
        s.execute(update(table(TrackingBlock)).values(next_body=12))  # used up: allowed
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(update(table(TrackingBlock)).values(next_body=13))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(TrackingBlock)).values({**block, "first_body": 12}))


def test_a_print_job_has_a_known_format_and_status(db: Database) -> None:
    with db.write() as s:
        order_id = add_order(s, "#1001", [])
        s.execute(insert(table(Parcel)).values(parcel(order_id, 1, "123456789013")))
    job = {"parcel_id": 1, "printer_uri": "file:///tmp/labels", "format": "zpl"}
    with db.write() as s:
        s.execute(insert(table(PrintJob)).values(job))
    for bad in ({"format": "png"}, {"status": "lost"}, {"attempts": -1}):
        with pytest.raises(IntegrityError), db.write() as s:
            s.execute(insert(table(PrintJob)).values({**job, **bad}))
