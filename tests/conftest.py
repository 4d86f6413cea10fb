"""Shared fixtures: every database test runs on SQLite and, when
KENPIN_TEST_PG_URL is set, on PostgreSQL too, each test on its own fresh schema."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.db.database import Database
from benchmarks.pg_schema import fresh_schema

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("KENPIN_TEST_PG_URL", "")


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of a fresh, empty database: an SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kenpin.db'}"
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("KENPIN_TEST_PG_URL is not set on CI")
        pytest.skip("KENPIN_TEST_PG_URL not set")
    with fresh_schema(PG_URL, prefix="t_") as url:
        yield url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A fresh database with the schema at head."""
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite database, for tests that are about SQLite itself or the UI."""
    database = open_database(f"sqlite:///{tmp_path / 'kenpin.db'}")
    yield database
    database.dispose()
