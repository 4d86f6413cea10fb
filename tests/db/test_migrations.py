"""Every migration: a database in use at any earlier revision upgrades to tables that match
the models exactly, keeps its rows, and the newest migration goes down and up again."""

from __future__ import annotations

import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, Connection, inspect, select, text
from sqlalchemy.exc import IntegrityError

from app.db.database import Database
from app.db.models import Base, Order, OrderLine
from app.db.schema import current_revision, head_revision, migrate

_QUOTED = re.compile(r"'((?:[^']|'')*)'")


def checks_in_database(conn: Connection) -> dict[str, frozenset[str]]:
    """Each CHECK constraint of the database by name, with the quoted values it allows."""
    inspector = inspect(conn)
    return {
        str(check["name"]): frozenset(_QUOTED.findall(check["sqltext"]))
        for table in Base.metadata.tables
        for check in inspector.get_check_constraints(table)
    }


def checks_in_models(conn: Connection) -> dict[str, frozenset[str]]:
    """What `checks_in_database` finds in a database made from the models."""
    found = {}
    for table in Base.metadata.tables.values():
        for check in table.constraints:
            if isinstance(check, CheckConstraint):
                sql = str(
                    check.sqltext.compile(
                        dialect=conn.dialect, compile_kwargs={"literal_binds": True}
                    )
                )
                found[str(check.name)] = frozenset(_QUOTED.findall(sql))
    return found


@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning")
@pytest.mark.filterwarnings("ignore:.*expression-based index:sqlalchemy.exc.SAWarning")
@pytest.mark.parametrize("start", ["0001", "0002", "0003", "0004"])
def test_a_database_in_use_upgrades_to_tables_that_match_the_models(
    empty_db_url: str, start: str
) -> None:
    db = Database(empty_db_url)
    migrate(db, "upgrade", start)
    with db.write() as s:  # a database in use: an order with a line already there
        # The product in the columns of 0001 (the models' own have grown since).
        s.execute(
            text(
                "INSERT INTO products (sku, name, variant, lot_tracked, expiry_tracked,"
                " min_shelf_life_days, created_at)"
                " VALUES ('TEA', 'item TEA', '', false, false, 0, CURRENT_TIMESTAMP)"
            )
        )
        product = s.execute(text("SELECT id FROM products WHERE sku = 'TEA'")).scalar_one()
        # The order and its line in the columns of 0001 as well.
        s.execute(
            text(
                "INSERT INTO orders (number, source, status, order_date, customer_name, email,"
                " postal_code, prefecture, city, address1, address2, country, phone, carrier,"
                " service, delivery_time, gift_message, notes, content_hash, short_lines,"
                " created_at, updated_at) VALUES ('#1001', 'generic', 'new', CURRENT_TIMESTAMP,"
                " 'customer', '', '', '', '', '', '', 'JP', '', 'yamato', '', '', '', '', 'h',"
                " '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
        order = s.execute(text("SELECT id FROM orders WHERE number = '#1001'")).scalar_one()
        s.execute(
            text(
                "INSERT INTO order_lines (order_id, line_no, product_id, qty, allocated, packed)"
                f" VALUES ({order}, 1, {product}, 2, 0, 0)"
            )
        )
    migrate(db, "upgrade", "head")
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        # compare_metadata leaves CHECK constraints out: every status, role and kind
        # column refuses what its enum does not name, on an upgraded database too.
        assert checks_in_database(conn) == checks_in_models(conn)
    with db.read() as s:
        line = s.execute(select(Order.number, OrderLine.qty).join(Order.lines)).one()
        assert tuple(line) == ("#1001", 2)

    migrate(db, "downgrade", start)
    assert current_revision(db) == start
    migrate(db, "upgrade", "head")
    assert current_revision(db) == head_revision()
    # SQLite migrates with foreign keys off; they hold again afterwards.
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(OrderLine(order_id=999, line_no=1, product_id=999, qty=1))
    db.dispose()
