"""The Waves page in the window: each wave with its picker and counts, read again on Refresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.db.database import Database
from app.ui.app import station_font
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation, remove_translation
from app.ui.waves.controller import WavesController
from tests.services.station.test_pick import pick_replay
from tests.services.station.test_replay import scan_file
from tests.services.test_wave_progress import pick_some
from tests.stationdata import CUP

pytestmark = pytest.mark.gui


def rows(controller: WavesController) -> list[list[str]]:
    model = controller.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def waves_shown(qtbot: QtBot, db: Database, size: tuple[int, int] = (1360, 860)) -> WavesController:
    """Station S1's window (at `size`) on its Waves page, the waves read."""
    window = MainWindow(Kenpin(db).station_services(), "S1")
    qtbot.addWidget(window)
    window.resize(*size)
    waves = window.waves
    assert waves is not None
    with qtbot.waitSignal(waves.shown, timeout=10_000):
        window.show()
        window.pages.setCurrentWidget(waves.page)
    return waves


def test_the_page_shows_each_wave_with_its_picker_and_counts(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pick_some(sqlite_db, tmp_path, capsys)
    waves = waves_shown(qtbot, sqlite_db)

    assert [row[:8] for row in rows(waves)] == [
        ["W-000002", "done", "1", "Taro", "P2", "0 / 0", "0 / 0", "1"],
        ["W-000001", "picking", "2", "Hanako", "P1", "1 / 3", "3 / 7", "0"],
    ]
    assert waves.model.headerData(5, Qt.Orientation.Horizontal) == "Lines picked"
    assert waves.page.shown.text().startswith("Waves: 2 · read at ")
    # No line picked yet: no pace to show, a dash as for a wave nobody picks.
    assert rows(waves)[0][9] == "–"
    # Every count sits to the right, the orders too, like figures on paper.
    for column in (2, 5, 6, 7, 8, 9):
        alignment = waves.model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole)
        assert alignment & Qt.AlignmentFlag.AlignRight, column

    # Hanako (still at the cups' bin) takes the other two: Refresh shows the cup line picked.
    more = scan_file(tmp_path, "more.jsonl", [CUP, "SLOT-01", CUP, "SLOT-01"])
    pick_replay(sqlite_db, more, capsys, "P1")
    with qtbot.waitSignal(waves.shown, timeout=10_000):
        waves.page.refresh.click()

    assert rows(waves)[1][5:7] == ["2 / 3", "5 / 7"]


def test_with_no_wave_the_page_says_how_one_is_made(qtbot: QtBot, sqlite_db: Database) -> None:
    waves = waves_shown(qtbot, sqlite_db)
    assert waves.model.rowCount() == 0
    said = waves.page.shown.text()
    assert said.startswith("No wave is being picked (read at ")
    assert said.endswith("A supervisor makes one with kenpin wave create.")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_column_fits_a_1024_pixel_screen(
    qtbot: QtBot,
    sqlite_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
) -> None:
    pick_some(sqlite_db, tmp_path, capsys)
    translators = install_translation(language) if language == "ja" else []
    # In the station's own font, as a bench screen shows it.
    font = QApplication.font()
    QApplication.setFont(station_font())
    try:
        table = waves_shown(qtbot, sqlite_db, (1024, 768)).page.table
        header = table.horizontalHeader()
        needed = sum(
            max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(header.count())
        )
        # Each column as wide as its words, and all of them in view: no scrolling sideways
        # to see a wave's pace.
        assert needed <= table.viewport().width()
    finally:
        QApplication.setFont(font)
        remove_translation(translators)
