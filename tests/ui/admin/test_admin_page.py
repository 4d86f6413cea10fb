"""The Admin page of the station window on a real SQLite database: users added,
deactivated and given a new PIN, a station's printer and lock-out set, a tracking block
added, a test label printed; wrong credentials refused with nothing changed; never a badge
on screen."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.core.errors import Refused
from app.db.database import Database
from app.db.labels import station_printer
from app.db.station import open_station
from app.db.station_settings import lockout_after
from app.labels.printers import RecordingPrinter
from app.scanning.source import ScriptedScanner
from app.services.admin import Administration
from app.services.signin import Credentials, signed_in
from app.services.users import add_user
from app.ui.admin.controller import AdminController, AdminSetup, add_admin_page
from app.ui.admin.work import AdminWork
from app.ui.main_window import MainWindow
from tests.stationdata import SUPERVISOR_PIN

pytestmark = pytest.mark.gui

ADMIN, SATO, HANAKO = "BADGE-A1", "BADGE-S1", "BADGE-P1"
ADMIN_PIN = "13579"
PRINTER = "tcp://10.0.0.9:9100"


class Bench:
    """The station window with its Admin page, whose badge-and-PIN box gives `given`."""

    def __init__(self, qtbot: QtBot, db: Database) -> None:
        self.qtbot = qtbot
        self.db = db
        self.printer = RecordingPrinter(PRINTER)
        self.given: Credentials | None = Credentials(ADMIN, ADMIN_PIN)
        self.asked = 0
        kenpin = Kenpin(db, printers=lambda _uri: self.printer)
        services = dataclasses.replace(kenpin.station_services(), admin=None)
        self.window = MainWindow(services, "PACK-1")
        qtbot.addWidget(self.window)
        admin = add_admin_page(
            self.window, Administration(db, kenpin.printers), "PACK-1", AdminSetup(self.ask)
        )
        assert admin is not None
        self.admin: AdminController = admin
        self.window.show()
        self.window.pages.setCurrentWidget(admin.page)
        self.settle()

    def ask(self) -> Credentials | None:
        self.asked += 1
        return self.given

    def settle(self) -> None:
        """Wait until every tab's reading and changing is done."""
        self.qtbot.waitUntil(lambda: all(tab.lane.pending == 0 for tab in self.admin.tabs))

    def click(self, button: QWidget) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.settle()

    def banner(self) -> str:
        return self.window.banner.text.text() if self.window.banner.isVisible() else ""

    def open_tab(self, tab: AdminWork[Any]) -> None:
        self.admin.page.setCurrentIndex(self.admin.tabs.index(tab))
        self.settle()


def rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def select(table: QTableWidget, first_cell: str) -> None:
    (row,) = [i for i, values in enumerate(rows(table)) if values[0] == first_cell]
    table.selectRow(row)


@pytest.fixture
def bench(qtbot: QtBot, sqlite_db: Database) -> Iterator[Bench]:
    add_user(sqlite_db, "Ken", "admin", ADMIN, ADMIN_PIN)
    add_user(sqlite_db, "佐藤 健", "supervisor", SATO, SUPERVISOR_PIN)
    add_user(sqlite_db, "Hanako", "packer", HANAKO)
    at_bench = Bench(qtbot, sqlite_db)
    yield at_bench
    at_bench.window.close()
    # The page was added beside the window's own: the window does not close it.
    at_bench.admin.close()


def test_the_window_has_an_admin_page_listing_the_users(qtbot: QtBot, sqlite_db: Database) -> None:
    add_user(sqlite_db, "Ken", "admin", ADMIN, ADMIN_PIN)
    window = MainWindow(Kenpin(sqlite_db).station_services(), "PACK-1")
    qtbot.addWidget(window)
    window.show()
    assert window.admin is not None
    assert window.pages.tabText(window.pages.indexOf(window.admin.page)) == "Admin"
    qtbot.waitUntil(lambda: rows(window.admin.users_page.table) == [["Ken", "Admin", "Yes"]])
    window.close()


def test_the_users_table_shows_name_role_and_active_and_never_a_badge(bench: Bench) -> None:
    page = bench.admin.users_page
    assert rows(page.table) == [
        ["Hanako", "Packer", "Yes"],
        ["Ken", "Admin", "Yes"],
        ["佐藤 健", "Supervisor", "Yes"],
    ]
    # Added from the page too, the badge is nowhere on it once added.
    page.name.setText("Ana")
    page.role.setCurrentIndex(page.role.findData("supervisor"))
    page.badge.setText("BADGE-NEW")
    page.pin.setText("24680")
    assert page.badge.echoMode() == QLineEdit.EchoMode.Password
    bench.click(page.add)
    shown = [text for values in rows(page.table) for text in values]
    shown += [label.text() for label in bench.window.findChildren(QLabel)]
    shown += [field.text() for field in bench.window.findChildren(QLineEdit)]
    assert "Ana" in shown
    assert not [
        text for text in shown for badge in (ADMIN, SATO, HANAKO, "BADGE-NEW") if badge in text
    ]


def test_an_admin_adds_a_supervisor_from_the_page(bench: Bench) -> None:
    page = bench.admin.users_page
    page.role.setCurrentIndex(page.role.findData("packer"))
    assert not page.pin.isEnabled()  # packers have no PIN
    page.role.setCurrentIndex(page.role.findData("supervisor"))
    page.name.setText("Ana")
    page.badge.setText("BADGE-NEW")
    page.pin.setText("24680")
    bench.click(page.add)
    assert bench.banner() == "Ana added as Supervisor."
    assert ["Ana", "Supervisor", "Yes"] in rows(page.table)
    assert (page.name.text(), page.badge.text(), page.pin.text()) == ("", "", "")
    assert signed_in(bench.db, Credentials("BADGE-NEW", "24680"), place="test").name == "Ana"


def test_a_deactivated_user_is_shown_inactive_and_signs_in_no_more_until_reactivated(
    bench: Bench,
) -> None:
    page = bench.admin.users_page
    select(page.table, "佐藤 健")
    assert page.deactivate.isEnabled() and not page.reactivate.isEnabled()
    bench.click(page.deactivate)
    assert bench.banner() == "佐藤 健 deactivated: their badge no longer signs in."
    assert ["佐藤 健", "Supervisor", "No"] in rows(page.table)
    with pytest.raises(Refused, match="not the badge of an active user"):
        signed_in(bench.db, Credentials(SATO, SUPERVISOR_PIN), place="test")
    select(page.table, "佐藤 健")
    bench.click(page.reactivate)
    assert ["佐藤 健", "Supervisor", "Yes"] in rows(page.table)
    assert signed_in(bench.db, Credentials(SATO, SUPERVISOR_PIN), place="test").name == "佐藤 健"


def test_a_supervisors_pin_is_reset_from_the_page(bench: Bench) -> None:
    page = bench.admin.users_page
    select(page.table, "Hanako")
    assert not page.set_pin.isEnabled()  # a packer has no PIN
    select(page.table, "佐藤 健")
    page.new_pin.setText("97531")
    bench.click(page.set_pin)
    assert bench.banner() == "佐藤 健 has a new PIN."
    assert page.new_pin.text() == ""
    assert signed_in(bench.db, Credentials(SATO, "97531"), place="test").name == "佐藤 健"


def test_a_stations_printer_labels_and_lockout_are_set_from_the_page(bench: Bench) -> None:
    bench.open_tab(bench.admin.stations)
    page = bench.admin.stations_page
    assert page.name.text() == "PACK-1"  # this station's, until another is picked
    page.printer.setText(PRINTER)
    page.labels.setChecked(False)
    page.lockout.setValue(5)
    bench.click(page.save)
    assert bench.banner() == "Station PACK-1 saved: printer, labels, lock-out."
    assert rows(page.table) == [
        [
            "PACK-1",
            PRINTER,
            "No (packs complete without labels)",
            "stops after 5 refusals",
            "defaults",
        ]
    ]
    with bench.db.write() as s:
        assert station_printer(s, open_station(s, "PACK-1")) == (PRINTER, False)
        assert lockout_after(s, "PACK-1") == 5
    bench.click(page.save)
    assert bench.banner() == "Nothing to save: station PACK-1 is already set so."


def test_a_printer_uri_that_names_no_printer_is_refused_in_words(bench: Bench) -> None:
    bench.open_tab(bench.admin.stations)
    page = bench.admin.stations_page
    page.printer.setText("lpt://1")
    bench.click(page.save)
    assert bench.banner().startswith(
        "Refused, nothing was changed: --printer: 'lpt://1' is not a printer URI"
    )
    with bench.db.write() as s:
        assert station_printer(s, open_station(s, "PACK-1")) == ("", True)


def test_a_tracking_block_is_added_and_the_numbers_left_shown(bench: Bench) -> None:
    bench.open_tab(bench.admin.tracking)
    page = bench.admin.tracking_page
    page.carrier.setCurrentIndex(page.carrier.findData("yamato"))
    page.first.setText("10000000000")
    page.last.setText("10000000099")
    bench.click(page.add)
    assert bench.banner() == "Yamato: block 10000000000 to 10000000099 added."
    assert [values[:4] for values in rows(page.table)] == [
        ["Yamato", "10000000000", "10000000099", "100"]
    ]
    assert page.left.text() == "Numbers left: Yamato 100, Sagawa 0, Japan Post 0, Other 0"
    # The same block again overlaps: refused, nothing added.
    page.first.setText("10000000050")
    page.last.setText("10000000060")
    bench.click(page.add)
    assert "overlaps the yamato block 10000000000..10000000099" in bench.banner()
    assert len(rows(page.table)) == 1


def test_a_test_label_goes_to_the_printer_in_the_box(bench: Bench) -> None:
    bench.open_tab(bench.admin.printers)
    page = bench.admin.printers_page
    page.uri.setText(PRINTER)
    bench.click(page.test_label)
    assert bench.banner() == f"Test label sent to {PRINTER}."
    assert [name for name, _data in bench.printer.printed] == ["kenpin-test-print"]
    bench.click(page.check)
    assert bench.banner() == f"{PRINTER}: ready."
    assert bench.asked == 0  # nothing stored changes: no badge asked for


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (Credentials(ADMIN, "0000"), "PIN: wrong PIN for Ken"),
        (
            Credentials(SATO, SUPERVISOR_PIN),
            "--badge: 佐藤 健 is a supervisor; this needs an admin's badge",
        ),
        (Credentials("NOBODY", ADMIN_PIN), "--badge: not the badge of an active user"),
    ],
)
def test_wrong_credentials_are_refused_and_nothing_changes(
    bench: Bench, given: Credentials, said: str
) -> None:
    bench.given = given
    users = bench.admin.users_page
    select(users.table, "Hanako")
    bench.click(users.deactivate)
    assert bench.banner() == f"Refused, nothing was changed: {said}"
    assert ["Hanako", "Packer", "Yes"] in rows(users.table)
    users.name.setText("Ana")
    users.badge.setText("BADGE-NEW")
    bench.click(users.add)
    assert bench.banner() == f"Refused, nothing was changed: {said}"
    assert users.name.text() == "Ana"  # left to try again
    bench.open_tab(bench.admin.stations)
    bench.admin.stations_page.printer.setText(PRINTER)
    bench.click(bench.admin.stations_page.save)
    bench.open_tab(bench.admin.tracking)
    bench.admin.tracking_page.first.setText("10000000000")
    bench.admin.tracking_page.last.setText("10000000099")
    bench.click(bench.admin.tracking_page.add)
    assert bench.banner() == f"Refused, nothing was changed: {said}"
    admin = Administration(bench.db)
    assert [user.name for user in admin.users()] == ["Hanako", "Ken", "佐藤 健"]
    assert all(user.active for user in admin.users())
    assert admin.stations() == [] or admin.stations()[0].printer == ""
    assert admin.blocks() == []


def test_a_cancelled_badge_box_changes_nothing(bench: Bench) -> None:
    bench.given = None
    page = bench.admin.users_page
    select(page.table, "Hanako")
    bench.click(page.deactivate)
    assert bench.banner() == "Cancelled: nothing was changed."
    assert ["Hanako", "Packer", "Yes"] in rows(page.table)


def test_a_badge_scanned_into_the_badge_field_fills_it_and_logs_nobody_in(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    add_user(sqlite_db, "Hanako", "packer", HANAKO)
    scanner = ScriptedScanner(name="/dev/ttyACM0")
    window = MainWindow(Kenpin(sqlite_db).station_services(), "PACK-1", scanners=[scanner])
    qtbot.addWidget(window)
    window.show()
    assert window.admin is not None
    window.pages.setCurrentWidget(window.admin.page)
    badge = window.admin.users_page.badge
    window.activateWindow()
    badge.setFocus()
    qtbot.waitUntil(badge.hasFocus)
    scanner.scan(HANAKO)
    assert badge.text() == HANAKO
    assert window.pages.currentWidget() is window.admin.page  # the pack screen stayed behind
    # Away from the field, a scan is the pack station's again.
    window.admin.users_page.name.setFocus()
    qtbot.waitUntil(window.admin.users_page.name.hasFocus)
    with qtbot.waitSignal(window.pack.scan_taken, timeout=5_000):
        scanner.scan(HANAKO)
    window.close()
