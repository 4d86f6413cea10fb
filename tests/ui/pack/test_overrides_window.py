"""The overrides at the window, from the scanner alone (and the PIN typed): the lock-out,
a short ship, a take-over from another station, a new barcode; the next action tells the
packer what is awaited, and a packer's badge never approves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.core.scans import Reason
from app.db.database import Database
from app.db.models import Order
from app.services.users import add_user
from tests.scanning.keys import press
from tests.stationdata import SUPERVISOR_PIN, sent
from tests.ui.pack.test_pin_entry import type_pin
from tests.ui.pack.test_screen import WAIT_MS, Station
from tests.ui.pack.test_window import BADGE, CUP, SOAP, TEA, bench  # noqa: F401

pytestmark = pytest.mark.gui

SATO, SUPERVISOR = "BADGE-SUP-9", "佐藤 健"


@pytest.fixture
def station(qtbot: QtBot, bench: Database) -> Iterator[Station]:  # noqa: F811
    add_user(bench, SUPERVISOR, "supervisor", SATO, SUPERVISOR_PIN)
    at_bench = Station(qtbot, bench)
    yield at_bench
    at_bench.close()


def supervisor_signs(station: Station) -> None:
    """The supervisor scans the badge, types the PIN and presses Enter."""
    station.scan(SATO)
    assert station.page.pin_entry.isVisible()
    at = type_pin(station, SUPERVISOR_PIN)
    with station.qtbot.waitSignal(station.window.pack.scan_shown, timeout=WAIT_MS):
        press(station.page.pin_entry.field, Qt.Key.Key_Return, "\r", at + 150)


def test_three_wrong_items_lock_the_station_and_a_supervisor_unlocks_it(
    station: Station,
) -> None:
    page = station.page
    station.scan(BADGE, "#1001", SOAP, SOAP, SOAP)
    assert page.next_action.text() == "Locked: call a supervisor to scan their badge"
    station.scan(TEA)
    assert page.banner.level == "refused"
    assert page.banner.headline.text() == "Supervisor needed"
    station.scan(BADGE)
    assert page.banner.headline.text() == "Not a supervisor"
    supervisor_signs(station)
    assert page.banner.headline.text() == f"Unlocked by {SUPERVISOR}"
    assert page.user.text().endswith(": 山田 花子")  # the packer carries on
    station.scan(TEA)
    assert page.banner.level == "accepted"
    assert page.next_action.text() == "Scan the next item: 2 to go"


def test_a_short_ship_from_the_scanner(station: Station, bench: Database) -> None:  # noqa: F811
    page = station.page
    station.scan(BADGE, "#1001", TEA, TEA, "KCMD:SHORT")
    assert page.banner.headline.text() == "Short ship: call a supervisor"
    assert page.next_action.text().startswith("Short ship: A supervisor scans their badge")
    supervisor_signs(station)
    assert page.banner.headline.text() == f"Short ship: approved by {SUPERVISOR}"
    assert "Scan the reason" in page.next_action.text()
    station.scan("KCMD:REASON:OUT_OF_STOCK")
    assert page.banner.level == "accepted"
    assert page.banner.headline.text() == "✔ Order #1001 shipped short"
    assert "MUG-AI ×1" in page.banner.detail.text()
    with bench.read() as s:
        assert s.scalar(select(Order.status).where(Order.number == "#1001-B1")) == "new"


def test_a_take_over_of_an_order_another_station_holds(
    station: Station,
    bench: Database,  # noqa: F811
) -> None:
    add_user(bench, "Taro", "packer", "BADGE-0002")
    other = Kenpin(bench).pack_station("PACK-2")
    for code in ("BADGE-0002", "#1001", TEA):
        other.scan(sent(code))
    page = station.page
    station.scan(BADGE, "#1001")
    assert page.banner.headline.text() == "Open at another station"
    station.scan("KCMD:TAKEOVER")
    supervisor_signs(station)
    assert page.next_action.text() == "Take over: Scan the order to take over."
    station.scan("#1001")
    assert page.banner.headline.text() == "Order #1001 taken over"
    assert "PACK-2" in page.banner.detail.text()
    assert page.total.text() == "1 / 3 units"  # what PACK-2 packed came along
    # PACK-2 is fenced out: its next change is refused.
    assert other.scan(sent(TEA)).reason is Reason.ORDER_LOCKED
    station.scan(TEA)
    assert page.total.text() == "2 / 3 units"


def test_a_new_barcode_registered_at_the_bench(station: Station) -> None:
    page = station.page
    new_jan = "4912345000019"
    station.scan(BADGE, "#1001", new_jan)
    assert page.banner.headline.text() == "Unknown barcode"
    station.scan("KCMD:ALIAS")
    supervisor_signs(station)
    station.scan(new_jan)
    assert page.banner.headline.text() == f"New barcode {new_jan}"
    station.scan(TEA)
    assert page.banner.headline.text() == f"Barcode {new_jan} added to TEA-20"
    station.scan(new_jan)
    assert page.banner.level == "accepted"


def test_cancel_leaves_an_override_with_nothing_changed(station: Station) -> None:
    page = station.page
    station.scan(BADGE, "#1001", TEA, "KCMD:SHORT")
    station.scan(BADGE)
    assert page.banner.headline.text() == "Not a supervisor"
    station.scan("KCMD:CANCEL")
    assert page.banner.headline.text() == "Short ship cancelled"
    assert page.next_action.text() == "Scan the next item: 2 to go"
