"""Shared fixtures: every database test runs on SQLite and, when
KENPIN_TEST_PG_URL is set, on PostgreSQL too, each test on a database of its own.

Each run migrates one template per backend and gives each test a copy, so a
test starts from exactly what the migrations build without running them again:
a file copy on SQLite (about 20 ms against 100 ms for migrating), and
`CREATE DATABASE ... TEMPLATE` on PostgreSQL. That copy costs about what migrating
a fresh schema does (0.3-0.4 s on the 2-core development machine), so it is made
one test ahead on a worker thread, which halved the time PostgreSQL tests wait for
their database. Tests about migrations themselves ask for `empty_db_url` instead.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from app.bootstrap import open_database
from app.db.database import Database
from app.ui.collector import collect_due
from benchmarks.pg_schema import fresh_schema
from tests.mailserver import inbox  # noqa: F401  (a real SMTP server for the mail tests)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests never assert on time: a property test is not failed for running slowly on a busy
# machine (hypothesis's default deadline is 200 ms an example).
settings.register_profile("kenpin", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kenpin")

PG_URL = os.environ.get("KENPIN_TEST_PG_URL", "")
BACKENDS = ["sqlite", pytest.param("pg", marks=pytest.mark.pg)]
#: Names of the databases a run creates start with this, so a leftover is easy to spot.
PG_PREFIX = "kenpin_test_"


def _require_pg() -> str:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("KENPIN_TEST_PG_URL is not set on CI")
        pytest.skip("KENPIN_TEST_PG_URL not set")
    return PG_URL


def _pg_url(database: str) -> str:
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


def _migrated(url: str) -> None:
    open_database(url).dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file with the schema at head, migrated once per run; copy it, never open it."""
    path = tmp_path_factory.mktemp("template") / "kenpin.db"
    _migrated(f"sqlite:///{path}")
    # Closing the last connection checkpoints the WAL into the file, so the file alone is
    # the whole database; a WAL left behind would make a copy silently miss tables.
    assert not path.with_name("kenpin.db-wal").exists()
    return path


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """A connection pool to KENPIN_TEST_PG_URL's database for CREATE / DROP DATABASE."""
    engine = create_engine(_require_pg(), isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_admin: Engine) -> Iterator[str]:
    """The name of a PostgreSQL database at head, migrated once per run, dropped at its end."""
    name = f"{PG_PREFIX}tmpl_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        # The migration's connections are closed before any copy: CREATE DATABASE ...
        # TEMPLATE refuses a template that anyone is connected to.
        _migrated(_pg_url(name))
        yield name
    finally:
        with pg_admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


class PgCopies:
    """Databases copied from the template, each made while the test before it still runs.

    CREATE DATABASE is most of a PostgreSQL test's set-up, and the server can do it while
    the test process is busy with the test before: one worker thread makes the next copy
    ahead and drops used ones, in order, so at most one copy waits unused.
    """

    def __init__(self, admin: Engine, template: str) -> None:
        self._admin = admin
        self._template = template
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-copies")
        self._ahead: Future[str] | None = None
        self._drops: list[Future[None]] = []

    def take(self) -> str:
        """The name of a new copy of the template; hand it back to `drop`."""
        ready = self._ahead or self._worker.submit(self._create)
        self._ahead = None
        name = ready.result()
        self._ahead = self._worker.submit(self._create)
        return name

    def drop(self, name: str) -> None:
        """Drop a copy (after the test; a connection still open is cut)."""
        self._drops.append(self._worker.submit(self._drop, name))

    def close(self) -> None:
        """Drop the copy made ahead, wait for every drop, and say if any failed."""
        if self._ahead is not None:
            with contextlib.suppress(Exception):
                self.drop(self._ahead.result())
        self._worker.shutdown(wait=True)
        for dropped in self._drops:
            dropped.result()

    def _create(self) -> str:
        name = f"{PG_PREFIX}{uuid.uuid4().hex[:12]}"
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"'))
        return name

    def _drop(self, name: str) -> None:
        # FORCE: a test that failed half-way, or a child process, may still be connected.
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_copies(pg_admin: Engine, pg_template: str) -> Iterator[PgCopies]:
    """The run's maker of template copies; closed (every copy dropped) before the template."""
    copies = PgCopies(pg_admin, pg_template)
    try:
        yield copies
    finally:
        copies.close()


@pytest.fixture
def pg_copy(pg_copies: PgCopies) -> Iterator[str]:
    """The URL of a new PostgreSQL database copied from the template, dropped after the test."""
    name = pg_copies.take()
    try:
        yield _pg_url(name)
    finally:
        pg_copies.drop(name)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a database of the test's own with the schema at head: an SQLite file, or a
    PostgreSQL database, each copied from a template migrated once per run."""
    if request.param == "sqlite":
        path = tmp_path / "kenpin.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    _require_pg()
    url: str = request.getfixturevalue("pg_copy")
    return url


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database (no tables at all): an SQLite file, or a PostgreSQL
    schema of its own dropped after the test; for tests of migrating and creating."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kenpin.db'}"
        return
    with fresh_schema(_require_pg(), prefix="t_") as url:
        yield url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A database of the test's own with the schema at head."""
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """An SQLite database at head, for tests that are about SQLite itself or the UI."""
    path = tmp_path / "kenpin.db"
    shutil.copyfile(sqlite_template, path)
    database = open_database(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture(scope="session", autouse=True)
def _collector_off() -> Iterator[None]:
    """The station's rule in the tests too (`app.ui.collector`): no automatic collection,
    which could free a Qt object on a worker lane's thread and freeze the test."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collected_on_the_main_thread() -> Iterator[None]:
    """What the station's timer does, after every test: the generations due collected on
    this (the GUI) thread."""
    yield
    collect_due()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: spread over the workers from the start, they do not leave one
    worker finishing a long test while the other sits idle at the end of the run."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
