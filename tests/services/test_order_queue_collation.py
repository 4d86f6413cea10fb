"""The order queue's number search on a PostgreSQL database whose default collation is ICU's
(`:` sorts before `0` there): it finds numbers in code-point order all the same."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from app.bootstrap import open_database
from app.db.database import Database
from app.services.order_queue import OrderQueue
from tests.conftest import PG_PREFIX
from tests.services.test_order_queue import add_order


@pytest.fixture
def icu_db(pg_admin: Engine) -> Iterator[Database]:
    """A PostgreSQL database created with an ICU collation (en-US), migrated by Kenpin."""
    name = f"{PG_PREFIX}icu_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as conn:
        conn.execute(
            text(
                f'CREATE DATABASE "{name}" TEMPLATE template0 '
                "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
            )
        )
    url = make_url(str(pg_admin.url)).set(database=name).render_as_string(hide_password=False)
    db = open_database(url)
    try:
        with db.read() as s:  # the database does sort `:` before `0`
            assert s.scalar(text("SELECT 'KP-1000:' < 'KP-10009'")) is True
        yield db
    finally:
        db.dispose()
        with pg_admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.mark.pg
def test_search_finds_every_number_whatever_the_database_collation(icu_db: Database) -> None:
    numbers = [f"KP-{n}" for n in range(10001, 10013)]
    for number in reversed(numbers):
        add_order(icu_db, number, [])
    queue = OrderQueue(icu_db)

    assert [row.number for row in queue.page(search="KP-10009")] == ["KP-10009"]
    assert [row.number for row in queue.page(search="kp-1000")] == numbers[:9]
    first = queue.page(search="KP-1", limit=5)
    rest = queue.page(search="KP-1", after=first[-1].cursor, limit=50)
    assert [row.number for row in first + rest] == numbers
