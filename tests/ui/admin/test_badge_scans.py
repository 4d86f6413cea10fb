"""A badge field of the Admin page takes the station's scans while it has the focus, and
lets go of them for good once the page is closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.core.scans import Scan
from app.scanning.source import ScanSwitch, ScriptedScanner
from app.ui.admin.badge_scans import BadgeScans

pytestmark = pytest.mark.gui


def focus_into(field: QLineEdit) -> None:
    QApplication.sendEvent(field, QFocusEvent(QEvent.Type.FocusIn))


def test_a_closed_page_turns_no_scan_aside_into_its_badge_field(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    scanner = ScriptedScanner()
    at_station: list[Scan] = []
    switch = ScanSwitch(scanner)
    switch.start(at_station.append, lambda _status: None)
    scans = BadgeScans([switch])
    scans.watch(field)

    focus_into(field)
    scanner.scan("BADGE-A1")
    assert field.text() == "BADGE-A1"
    assert at_station == []

    # Closed with its window: the field is watched no more, whatever it is sent later (a
    # closed window is destroyed later still, field by field).
    scans.close()
    field.clear()
    focus_into(field)
    scanner.scan("BADGE-A2")
    assert field.text() == ""
    assert [scan.code for scan in at_station] == ["BADGE-A2"]
