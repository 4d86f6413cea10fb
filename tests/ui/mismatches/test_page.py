"""The Mismatches page as a supervisor drives it (offscreen): the log newest first a page at a
time, each filter, the detail pane with the pack session, and the review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.db.database import Database
from app.db.models import User
from app.db.signin_models import BadgeFailure
from app.db.station_models import Mismatch
from app.services.mismatches import PAGE_SIZE, MismatchLog
from app.ui.credentials import ask_credentials
from app.ui.main_window import MainWindow
from app.ui.mismatches.controller import MismatchesController
from app.ui.mismatches.model import MismatchLogModel
from app.ui.mismatches.view import MismatchesPage
from tests.mismatchlog import BOSS, GENERATED, generated, mismatch_log
from tests.stationdata import HANAKO, SOAP
from tests.ui.signing import will_cancel, will_sign

pytestmark = pytest.mark.gui

SCANNED, REVIEWED = 5, 7


@pytest.fixture
def log_db(sqlite_db: Database) -> Database:
    mismatch_log(sqlite_db)
    return sqlite_db


@pytest.fixture
def page(qtbot: QtBot, log_db: Database) -> Iterator[MismatchesController]:
    view = MismatchesPage()
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    controller = MismatchesController(
        MismatchLog(log_db), view, partial(ask_credentials, view), "PACK-1", view
    )
    yield controller
    controller.close()
    view.close()


def _all(model: MismatchLogModel) -> list[int]:
    """Fetch every page the filter names (as scrolling to the end would); the ids shown."""
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    return [model.mismatch_at(row).id for row in range(model.rowCount())]


def _cells(page: MismatchesController, column: int) -> set[str]:
    model = page.model
    return {str(model.index(row, column).data()) for row in range(model.rowCount())}


def _pick(page: MismatchesController, combo_name: str, text: str) -> None:
    combo = getattr(page.page, combo_name)
    found = combo.findText(text)
    assert found > 0, f"{text!r} not offered"
    combo.setCurrentIndex(found)


def test_the_log_opens_newest_first_and_scrolling_fetches_the_next_page(
    page: MismatchesController,
) -> None:
    model = page.model
    assert model.rowCount() == PAGE_SIZE
    first = model.mismatch_at(0)
    assert (first.station, first.packer, first.order, first.reason) == (
        "S1",
        "Hanako",
        "#1001",
        "over_quantity",
    )
    assert model.index(0, 4).data() == "Too many"
    assert page.page.shown.text() == "newest 200 — scroll for more"

    page.page.table.scrollToBottom()
    assert model.rowCount() == 2 * PAGE_SIZE
    times = [(model.mismatch_at(row).at, model.mismatch_at(row).id) for row in range(400)]
    assert times == sorted(times, reverse=True) and len(set(times)) == 400
    assert len(_all(model)) == GENERATED + 2
    assert page.page.shown.text() == f"{GENERATED + 2:,} refused scans"


def test_each_filter_shows_only_what_it_names(page: MismatchesController) -> None:
    model = page.model
    _pick(page, "station", "S1")
    assert len(_all(model)) == 2 and _cells(page, 1) == {"S1"}
    page.page.station.setCurrentIndex(0)  # every station

    _pick(page, "reason", "Wrong lot")
    assert len(_all(model)) == generated("wrong_lot")
    assert {model.mismatch_at(row).reason for row in range(model.rowCount())} == {"wrong_lot"}
    page.page.reason.setCurrentIndex(0)

    _pick(page, "packer", "Hanako")
    assert len(_all(model)) == 2 and _cells(page, 2) == {"Hanako"}
    _pick(page, "packer", "Packer 03")
    assert _cells(page, 2) == {"Packer 03"} and len(_all(model)) > 100
    page.page.packer.setCurrentIndex(0)

    page.page.sku.setText("SOAP")
    page.page.sku.returnPressed.emit()
    rows = [model.mismatch_at(row) for row in range(model.rowCount())]
    assert rows and {row.sku for row in rows} == {"SOAP"}
    assert rows[0].facts["item"] == "item SOAP" and rows[0].scanned == SOAP
    page.page.sku.clear()

    page.page.order.setText("1001")  # as typed: the `#` is optional
    page.page.order.returnPressed.emit()
    assert len(_all(model)) > 2 and _cells(page, 3) == {"#1001"}
    page.on_clear()
    assert len(_all(model)) == GENERATED + 2


def test_a_date_range_keeps_the_refusals_of_those_days(page: MismatchesController) -> None:
    model = page.model
    page.page.until.setDate(QDate(2026, 1, 10))
    shown = [model.mismatch_at(row) for row in range(len(_all(model)))]
    assert shown and max(row.at for row in shown).date() <= dt.date(2026, 1, 11)
    page.page.since.setDate(QDate(2026, 3, 25))
    assert model.rowCount() == 0 and page.page.shown.text() == "No refused scans match"
    page.page.until.setDate(QDate(2026, 4, 2))
    assert [model.mismatch_at(row).station for row in range(len(_all(model)))] == ["S1", "S1"]


def test_the_detail_pane_shows_the_pack_session_around_the_refused_scan(
    page: MismatchesController,
) -> None:
    page.page.table.selectRow(1)  # SOAP, which is on no line of #1001
    details = page.page.details
    assert details.headline.text() == "Not on the order"
    assert SOAP in details.scanned.text() and "item SOAP" in details.scanned.text()
    assert "item TEA" in details.expected.text() and "item CUP" in details.expected.text()
    assert "S1" in details.where.text() and "#1001" in details.where.text()
    scans = details.session_scans
    column = [
        tuple(scans.item(row, col).text() for col in (2, 3)) for row in range(scans.rowCount())
    ]
    assert column[:5] == [
        ("#1001", "info"),
        (column[1][0], "accepted"),
        (SOAP, "Not on the order"),
        (column[1][0], "accepted"),
        (column[1][0], "Too many"),
    ]
    assert scans.item(2, 2).font().bold()  # the refused scan picked in the log


def review(page: MismatchesController, qtbot: QtBot, badge: str | None, pin: str = "") -> str:
    """Click Mark reviewed…, sign with `badge` and `pin` (None: Esc); what the pane says."""
    if badge is None:
        will_cancel(qtbot)
    else:
        will_sign(qtbot, badge, pin)
    with qtbot.waitSignal(page.review_done, timeout=5_000):
        page.page.details.mark_reviewed.click()
    return page.page.details.review_state.text()


def test_mark_reviewed_needs_a_supervisors_badge_and_pin_and_keeps_the_note(
    page: MismatchesController, log_db: Database, qtbot: QtBot
) -> None:
    page.page.table.selectRow(0)
    details = page.page.details
    details.note.setText("checked")
    assert review(page, qtbot, HANAKO, "2468") == (
        "Not recorded: Hanako may not do this: it needs a supervisor or an admin."
    )
    assert review(page, qtbot, BOSS[1], "1111") == "Not recorded: Wrong PIN for Boss."
    assert review(page, qtbot, None) == "Not recorded: no badge and PIN were given."
    assert page.model.index(0, REVIEWED).data() == "to review"

    details.note.setText("  bin A-01 holds two teas  ")
    assert review(page, qtbot, BOSS[1], "2468").startswith("Reviewed by Boss")
    assert page.model.index(0, REVIEWED).data() == "Boss"
    with log_db.read() as s:
        reviewed = s.execute(
            select(User.name, Mismatch.review_note, Mismatch.reviewed_at).join(
                User, User.id == Mismatch.reviewed_by
            )
        ).all()
    assert [(name, note) for name, note, _at in reviewed] == [("Boss", "bin A-01 holds two teas")]
    assert reviewed[0][2] is not None
    # The wrong PIN counts towards the badge's lock, kept where it was given.
    with log_db.read() as s:
        assert list(s.scalars(select(BadgeFailure.place))) == ["PACK-1"]


def test_the_window_has_a_mismatches_tab(qtbot: QtBot, log_db: Database) -> None:
    window = MainWindow(Kenpin(log_db).station_services(), "PACK-1")
    qtbot.addWidget(window)
    titles = [window.pages.tabText(n) for n in range(window.pages.count())]
    assert "Mismatches" in titles
    assert window.mismatches.model.rowCount() == PAGE_SIZE
