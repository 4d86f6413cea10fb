"""Paper from the window: pick list, packing slip and message card, written off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.db.database import Database
from app.ui.main_window import MainWindow
from tests.labels.test_documents import build_wave, read_pdf

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database) -> MainWindow:
    build_wave(sqlite_db)
    shown = MainWindow(Kenpin(sqlite_db).station_services(), "PACK-1")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def pick(qtbot: QtBot, window: MainWindow, number: str) -> None:
    page = window.orders_page
    page.search.setText(number)
    page.search.returnPressed.emit()
    qtbot.waitUntil(lambda: page.packing_slip.isEnabled())


def save_to(monkeypatch: pytest.MonkeyPatch, window: MainWindow, out: Path) -> None:
    """Answer the window's save dialog with `out` (a modal dialog would wait for a person)."""
    monkeypatch.setattr(window, "_save_as", lambda _title, _name: out)


def test_the_pick_list_button_writes_every_allocated_order(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "picks.pdf"
    save_to(monkeypatch, window, out)
    window.orders_page.pick_list.click()
    qtbot.waitUntil(lambda: str(out) in window.banner.text.text(), timeout=10_000)
    assert window.banner.property("level") == "info"
    assert sorted(set(read_pdf(out)[1])) == ["#1001", "#1002", "#1003"]


def test_slip_and_card_buttons_follow_the_picked_order(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.orders_page
    assert not page.packing_slip.isEnabled() and not page.message_card.isEnabled()
    pick(qtbot, window, "#1001")
    assert not page.message_card.isEnabled()  # no gift message, no card
    pick(qtbot, window, "#1003")
    assert page.message_card.isEnabled()
    slip = tmp_path / "slip.pdf"
    save_to(monkeypatch, window, slip)
    page.packing_slip.click()
    qtbot.waitUntil(lambda: str(slip) in window.banner.text.text(), timeout=10_000)
    assert "#1003" in window.banner.text.text()
    assert read_pdf(slip)[1] == ["#1003"]


def test_a_refused_document_is_said_on_the_banner(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    card = tmp_path / "card.pdf"
    window.save_message_card("#1001", card)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10_000)
    assert "#1001 has no gift message" in window.banner.text.text()
    assert window.banner.property("level") == "error"
    assert not card.exists()
