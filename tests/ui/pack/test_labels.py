"""The label step in the pack window: COMPLETE prints the label (off the GUI thread), the
screen says which label to scan back, and the right label verifies the order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.db.database import Database
from app.scanning.wedge import KeyboardWedge
from app.services.relabel import void_label
from app.services.signin import Credentials
from app.services.users import add_user
from app.ui.main_window import MainWindow
from tests.scanning.keys import scanner_sends
from tests.stationdata import SUPERVISOR_PIN, parcels_of, tracking_block
from tests.stockdata import order_state
from tests.ui.pack.test_window import BADGE, CUP, TEA, bench  # noqa: F401  (the fixture)

pytestmark = pytest.mark.gui


def test_complete_prints_the_label_and_its_scan_back_verifies_the_order(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    tracking_block(bench)
    folder = tmp_path / "labels"
    window = MainWindow(
        Kenpin(bench).station_services(folder.as_uri()), "LABEL-1", [KeyboardWedge()]
    )
    qtbot.addWidget(window)
    window.show_bench_page()
    window.show()
    clock = 10_000

    def scan(code: str) -> None:
        nonlocal clock
        target = QApplication.focusWidget() or window
        with qtbot.waitSignal(window.pack.scan_shown, timeout=5_000):
            clock = scanner_sends(target, code, start=clock) + 1_000

    for code in (BADGE, "#1001", TEA, TEA, CUP, "KCMD:COMPLETE"):
        scan(code)
    page = window.pack_page
    [(carton, tracking, status)] = parcels_of(bench, "#1001")
    assert (carton, status) == (1, "labelled")
    assert page.label_prompt.isVisible()
    assert "#1001" in page.label_prompt.text()
    assert page.order_prompt.text() == "Scan the label on the box before the next order."
    assert f"{tracking[:4]}-{tracking[4:8]}-{tracking[8:]}" in page.label_prompt.text()
    # The label was printed by the worker: one ZPL file holding the tracking number.
    qtbot.waitUntil(lambda: len(list(folder.glob("*.zpl"))) == 1, timeout=10_000)
    assert tracking in next(folder.glob("*.zpl")).read_text(encoding="ascii")

    scan("#1002")  # the next order before the label: refused, still waiting
    assert page.banner.level == "refused" and page.label_prompt.isVisible()
    scan(f"A{tracking}A")  # Codabar, as a scanner reads it off the label
    assert not page.label_prompt.isVisible()
    assert page.banner.headline.text() == "✔ Label verified"
    assert page.banner.detail.text() == "Order #1001: the parcel may go."
    assert page.order_prompt.text().startswith("Scan the order number")
    assert order_state(bench, "#1001")[0] == "verified"
    window.close()


def test_two_cartons_another_cartons_label_and_a_voided_label_in_the_window(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    tracking_block(bench)
    add_user(bench, "佐藤 健", "supervisor", "BADGE-SUP", SUPERVISOR_PIN)
    window = MainWindow(
        Kenpin(bench).station_services((tmp_path / "labels").as_uri()), "LABEL-2", [KeyboardWedge()]
    )
    qtbot.addWidget(window)
    window.show_bench_page()
    window.show()
    page = window.pack_page
    clock = 10_000

    def scan(code: str) -> str:
        nonlocal clock
        target = QApplication.focusWidget() or window
        with qtbot.waitSignal(window.pack.scan_shown, timeout=5_000):
            clock = scanner_sends(target, code, start=clock) + 1_000
        return page.banner.level

    for code in (BADGE, "#1001", TEA, "KCMD:NEWCARTON"):
        scan(code)
    [(_, first, _)] = parcels_of(bench, "#1001")
    assert page.label_prompt.isVisible()
    assert scan(TEA) == "refused"  # the carton's label first
    assert scan(first) == "accepted" and not page.label_prompt.isVisible()
    for code in (TEA, CUP, "KCMD:COMPLETE"):
        scan(code)
    second = parcels_of(bench, "#1001")[1][1]
    assert scan(first) == "refused"  # the other carton's label
    assert order_state(bench, "#1001")[0] == "labelled"

    replacement = void_label(bench, second, Credentials("BADGE-SUP", SUPERVISOR_PIN), "smudged")
    assert scan(second) == "refused"  # voided: the screen now asks for the new one
    assert replacement.tracking_number in page.label_prompt.text().replace("-", "")
    assert scan(replacement.tracking_number) == "accepted"
    assert order_state(bench, "#1001")[0] == "verified"
    reasons = [row[2] for row in map(page.recent.row_text, range(4))]
    assert reasons[1] == "✖ Voided label"
    window.close()
