"""A database that stays locked past the busy timeout: the scan is refused as not recorded,
nothing is counted, and once the database is free again the packer's rescan counts once,
without restarting the window."""

from __future__ import annotations

import sqlite3

import pytest
from pytestqt.qtbot import QtBot

from app.db import database
from app.db.database import Database
from tests.ui.pack.test_waiting import Bench
from tests.ui.pack.test_window import BADGE, TEA, bench  # noqa: F401  (the fixture)

pytestmark = pytest.mark.gui


def test_a_database_locked_past_the_busy_timeout_is_told_and_the_rescan_counts_once(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    bench.dispose()  # its connections were opened with the long timeout
    at = Bench(qtbot, bench, gated=False)
    for code in (BADGE, "#1001"):
        at.scan(code)
    page = at.page
    path = bench.engine.url.database
    assert path is not None
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")
    try:
        at.scan(TEA)
        assert page.banner.level == "refused"
        assert page.banner.headline.text() == "Not recorded: scan again"
        detail = page.banner.detail.text()
        assert "database busy" in detail and "Scan it again" in detail
        assert page.total.text() == "0 / 3 units"
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    at.scan(TEA)  # the database is free again: the same window, the same scan
    assert page.banner.level == "accepted"
    assert page.total.text() == "1 / 3 units"
    at.window.close()
