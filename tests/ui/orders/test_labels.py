"""Void and reprint from the Orders page, as a supervisor at the station window does it: a
real SQLite database, the window's printer a real TCP listener on 127.0.0.1; the new label
arrives there, and the packer's station that waited for the old label goes on working."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.core.scans import Reason, VerdictKind
from app.db.database import Database
from app.db.models import AuditEntry, User
from app.db.signin_models import BadgeFailure
from app.services.users import add_user
from app.ui.main_window import MainWindow
from tests.labels.test_printers_tcp import Listener
from tests.services.station.test_labels import BOSS, PACK_1001, number, scan_all
from tests.stationdata import (
    RICE_L1,
    SUPERVISOR_PIN,
    TARO,
    later,
    parcels_of,
    sent,
    stock_bench,
    tracking_block,
)
from tests.ui.signing import will_cancel, will_sign

pytestmark = pytest.mark.gui

HERE = "SUP-1"


def when_input_asked(answer: str | int) -> None:
    """The next input dialog gets `answer`: a text typed, or the item at that position."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
            QTimer.singleShot(10, look)
            return
        if isinstance(answer, int):
            dialog.setTextValue(dialog.comboBoxItems()[answer])
        else:
            dialog.setTextValue(answer)
        dialog.accept()

    QTimer.singleShot(0, look)


@pytest.fixture
def printer() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


@pytest.fixture
def packed(sqlite_db: Database) -> Database:
    """#1001 packed at the packer's station S1, which waits for its label's scan-back."""
    stock_bench(sqlite_db)
    tracking_block(sqlite_db)
    add_user(sqlite_db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    scan_all(Kenpin(sqlite_db).pack_station("S1"), [*PACK_1001, "KCMD:COMPLETE"])
    return sqlite_db


@pytest.fixture
def window(qtbot: QtBot, packed: Database, printer: Listener) -> Iterator[MainWindow]:
    """The supervisor's window at SUP-1, printing to the listener, #1001 picked."""
    main = window_at(qtbot, packed, HERE, printer.uri)
    yield main
    main.close()


def window_at(qtbot: QtBot, db: Database, station: str, printer: str | None) -> MainWindow:
    """The window of `station` (printing to `printer`) on the Orders page, #1001 picked."""
    main = MainWindow(Kenpin(db).station_services(printer=printer), station)
    qtbot.addWidget(main)
    main.resize(1024, 768)
    main.show()
    # The station (and its printer) is stored once its first view is read.
    qtbot.waitUntil(lambda: main.pack.view is not None, timeout=5_000)
    main.show_orders_page()
    search = main.orders_page.search
    qtbot.keyClicks(search, "#1001")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.orders.picked_number == "#1001", timeout=5_000)
    return main


def click(qtbot: QtBot, window: MainWindow, action: str) -> None:
    """Pick `action` in the details pane's Shipping label menu; wait until it is done."""
    labels = window.order_labels
    details = window.orders_page.details
    assert labels is not None and details.label_menu.isVisible()
    chosen = getattr(details, action)
    menu = details.label_menu.menu()
    assert menu is not None and chosen in menu.actions()
    with qtbot.waitSignal(labels.finished, timeout=10_000):
        chosen.trigger()


def audit_rows(db: Database, action: str) -> list[tuple[str, str]]:
    with db.read() as s:
        rows = s.execute(
            select(User.name, AuditEntry.station)
            .join(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.action == action)
        ).all()
    return [(name, station) for name, station in rows]


def test_void_prints_the_new_label_here_and_the_packers_station_waits_for_it(
    qtbot: QtBot, window: MainWindow, packed: Database, printer: Listener
) -> None:
    when_input_asked("smudged")
    will_sign(qtbot, BOSS, SUPERVISOR_PIN)
    click(qtbot, window, "void_label")

    zpl = printer.next_job()
    assert b"^XA" in zpl and number(1).encode() in zpl
    assert number(0).encode() not in zpl
    assert window.banner.text.text() == (
        f"Label {number(0)} of #1001 voided. The new label {number(1)} printed here: put it on "
        "the box and scan it."
    )
    assert parcels_of(packed, "#1001") == [(1, number(0), "voided"), (1, number(1), "labelled")]
    assert audit_rows(packed, "label.void") == [("Boss", HERE)]
    # The packer at S1 scans the old label: voided; the new one verifies the parcel.
    s1 = Kenpin(packed).pack_station("S1")
    old = s1.scan(sent(number(0)), at=later(60))
    assert (old.verdict, old.reason) == (VerdictKind.REJECTED, Reason.LABEL_VOIDED)
    new = s1.scan(sent(number(1)), at=later(61))
    assert new.verdict is VerdictKind.ACCEPTED
    assert parcels_of(packed, "#1001")[1] == (1, number(1), "verified")


def test_reprint_prints_the_same_label_here_audited_as_a_reprint(
    qtbot: QtBot, window: MainWindow, packed: Database, printer: Listener
) -> None:
    will_sign(qtbot, BOSS, SUPERVISOR_PIN)
    click(qtbot, window, "reprint_label")
    assert number(0).encode() in printer.next_job()
    assert window.banner.text.text() == f"Label {number(0)} of #1001 printed again here."
    assert audit_rows(packed, "label.reprint") == [("Boss", HERE)]
    # The packer's station still waits for that label, and takes it.
    s1 = Kenpin(packed).pack_station("S1")
    assert s1.scan(sent(number(0)), at=later(60)).verdict is VerdictKind.ACCEPTED


def test_a_reprint_at_a_station_without_a_printer_says_where_an_admin_sets_one(
    qtbot: QtBot, packed: Database
) -> None:
    main = window_at(qtbot, packed, "SUP-2", None)
    will_sign(qtbot, BOSS, SUPERVISOR_PIN)
    click(qtbot, main, "reprint_label")
    assert main.banner.text.text() == (
        "Not done: this station has no printer: an admin sets one on the Admin page, Stations tab."
    )
    assert audit_rows(packed, "label.reprint") == []
    main.close()


def test_a_wrong_pin_voids_nothing_and_is_kept(
    qtbot: QtBot, window: MainWindow, packed: Database
) -> None:
    when_input_asked("smudged")
    will_sign(qtbot, BOSS, "0000")
    click(qtbot, window, "void_label")
    assert window.banner.text.text() == "Not done: Wrong PIN for Boss."
    assert parcels_of(packed, "#1001") == [(1, number(0), "labelled")]
    with packed.read() as s:
        assert list(s.scalars(select(BadgeFailure.place))) == [HERE]
    assert audit_rows(packed, "pin.failed") == [("Boss", HERE)]


def test_cancelling_the_badge_and_pin_voids_nothing(
    qtbot: QtBot, window: MainWindow, packed: Database
) -> None:
    when_input_asked("smudged")
    will_cancel(qtbot)
    click(qtbot, window, "void_label")
    assert window.banner.text.text() == "Cancelled: no label was voided."
    assert parcels_of(packed, "#1001") == [(1, number(0), "labelled")]


def test_an_order_of_two_cartons_asks_which_label(
    qtbot: QtBot, sqlite_db: Database, printer: Listener
) -> None:
    stock_bench(sqlite_db)
    tracking_block(sqlite_db)
    add_user(sqlite_db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    s1 = Kenpin(sqlite_db).pack_station("S1")
    codes = [*PACK_1001[:4], "KCMD:NEWCARTON", number(0), *PACK_1001[4:], "KCMD:COMPLETE"]
    scan_all(s1, codes)
    assert [row[1] for row in parcels_of(sqlite_db, "#1001")] == [number(0), number(1)]
    main = MainWindow(Kenpin(sqlite_db).station_services(printer=printer.uri), HERE)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.pack.view is not None, timeout=5_000)
    qtbot.keyClicks(main.orders_page.search, "#1001")
    qtbot.keyClick(main.orders_page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.orders.picked_number == "#1001", timeout=5_000)
    when_input_asked(1)  # "Carton 2: ..."
    will_sign(qtbot, BOSS, SUPERVISOR_PIN)
    click(qtbot, main, "reprint_label")
    assert number(1).encode() in printer.next_job()
    main.close()


def test_a_void_of_a_label_already_scanned_back_waits_at_the_supervisors_station(
    qtbot: QtBot, window: MainWindow, packed: Database, printer: Listener
) -> None:
    s1 = Kenpin(packed).pack_station("S1")
    assert s1.scan(sent(number(0)), at=later(30)).verdict is VerdictKind.ACCEPTED
    when_input_asked("wrong box")
    will_sign(qtbot, BOSS, SUPERVISOR_PIN)
    click(qtbot, window, "void_label")
    assert number(1).encode() in printer.next_job()
    # Nobody else waits for it: this station's pack screen now asks for it to be scanned.
    qtbot.waitUntil(
        lambda: (
            window.pack.view is not None
            and window.pack.view.awaiting is not None
            and window.pack.view.awaiting.tracking_number == number(1)
        ),
        timeout=5_000,
    )
    # The packer at S1 is free for the next order.
    assert s1.view().awaiting is None


def test_a_void_is_refused_while_this_station_waits_for_another_label(
    qtbot: QtBot, window: MainWindow, packed: Database
) -> None:
    scan_all(Kenpin(packed).pack_station("S1"), [number(0)], at=30)
    here = Kenpin(packed).pack_station(HERE)
    scan_all(here, [TARO, "#1003", RICE_L1, RICE_L1, "KCMD:COMPLETE"], at=40)
    when_input_asked("wrong box")
    will_sign(qtbot, BOSS, SUPERVISOR_PIN)
    click(qtbot, window, "void_label")
    assert window.banner.text.text() == (
        "Not done: this station waits for the label of #1003 to be scanned back: scan it first"
    )
    assert parcels_of(packed, "#1001") == [(1, number(0), "verified")]
