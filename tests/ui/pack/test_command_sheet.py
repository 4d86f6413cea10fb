"""The command sheet: a PDF whose barcodes a scanner reads as exactly the station's commands."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.cli import main
from app.core.scans import Command
from app.db.database import Database
from app.labels.command_sheet import write_command_sheet
from app.ui.main_window import MainWindow


def _read(pdf: Path, page_no: int = 0) -> tuple[list[str], str, int]:
    """(decoded barcodes, page text, page count) of a PDF's page rendered at 200 dpi."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        page = document[page_no]
        image = page.render(scale=200 / 72).to_pil()
        text = page.get_textpage().get_text_range()
        return [found.text for found in zxingcpp.read_barcodes(image)], text, len(document)
    finally:
        document.close()


def test_every_command_is_on_the_sheet_once_and_nothing_else(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.pdf"
    write_command_sheet(sheet, station="PACK-01")
    codes, text, pages = _read(sheet)
    overrides, override_text, _pages = _read(sheet, 1)
    picking, _text, _pages = _read(sheet, 2)
    assert pages == 3
    assert sorted(codes + overrides + picking) == sorted(command.value for command in Command)
    assert "KCMD:SHORT" in overrides and "KCMD:COMPLETE" in codes
    for words in ("梱包完了", "Complete pack", "カード確認", "ログアウト", "PACK-01"):
        assert words in text
    for words in ("欠品出荷", "Short ship", "理由：破損", "引き継ぎ", "バーコード追加"):
        assert words in override_text


def test_the_japanese_font_travels_inside_the_pdf(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.pdf"
    write_command_sheet(sheet)
    content = sheet.read_bytes()
    # A subset of IPA Gothic is embedded, so a PC without Japanese fonts prints the same.
    assert b"/FontFile2" in content
    assert b"IPAGothic" in content


def test_kenpin_print_command_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "commands.pdf"
    assert main(["print", "command-sheet", "--out", str(sheet), "--station", "PACK-2"]) == 0
    assert str(sheet) in capsys.readouterr().out
    codes, text, _ = _read(sheet)
    overrides, _text, _pages = _read(sheet, 1)
    picking, _text, _pages = _read(sheet, 2)
    assert sorted(codes + overrides + picking) == sorted(command.value for command in Command)
    assert "PACK-2" in text


def test_a_sheet_that_cannot_be_written_is_refused_with_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "commands.pdf"
    assert main(["print", "command-sheet", "--out", str(target)]) == 1
    assert str(target) in capsys.readouterr().err
    assert not target.parent.exists()


@pytest.mark.gui
def test_the_window_saves_the_sheet_and_says_where(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    window = MainWindow(Kenpin(sqlite_db).station_services(), "PACK-3")
    qtbot.addWidget(window)
    window.show()
    sheet = tmp_path / "from the window.pdf"
    window.save_command_sheet(sheet)
    qtbot.waitUntil(lambda: str(sheet) in window.banner.text.text(), timeout=10_000)
    assert window.banner.isVisible()
    codes, text, _ = _read(sheet)
    overrides, _text, _pages = _read(sheet, 1)
    picking, _text, _pages = _read(sheet, 2)
    assert sorted(codes + overrides + picking) == sorted(command.value for command in Command)
    assert "PACK-3" in text
    window.close()
