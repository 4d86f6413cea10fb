"""Several programs started at once on an empty database: one creates the schema, the
others wait for it and start on it; none of them fails."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from app.db.database import Database
from app.db.schema import current_revision, head_revision
from tests import ROOT

PROGRAMS = 4

# Each program imports Kenpin, then waits for the same moment to open the database as
# every entry point does (creating the schema when it is missing).
_PROGRAM = """
import sys, time
from app.bootstrap import open_database
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
open_database(sys.argv[1]).dispose()
"""


@pytest.mark.parametrize("attempt", range(4))
def test_programs_started_at_once_on_an_empty_database_all_start(
    empty_db_url: str, attempt: int
) -> None:
    del attempt  # each attempt is a race of its own, on an empty database of its own
    start = time.time() + 4  # time enough for every program to have imported Kenpin
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _PROGRAM, empty_db_url, str(start)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROGRAMS)
    ]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]

    assert [(status, err) for status, _out, err in results] == [(0, "")] * PROGRAMS
    db = Database(empty_db_url)
    try:
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()
