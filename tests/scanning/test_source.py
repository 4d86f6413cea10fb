"""The scripted scanner other tests drive the station with behaves like a real one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.core.scans import Scan
from app.scanning.normalize import InputSettings
from app.scanning.serial_scanner import SerialScanner
from app.scanning.source import ScannerStatus, ScanSource, ScriptedScanner
from app.scanning.wedge import KeyboardWedge


def test_scripted_codes_are_scanned_in_order_and_normalised() -> None:
    scans: list[Scan] = []
    statuses: list[ScannerStatus] = []
    scanner = ScriptedScanner(["BADGE-0007", "]C0#1001", "４９０１２３４５６７８９４"])
    scanner.start(scans.append, statuses.append)
    assert scanner.pull_trigger()
    scanner.scan_all()
    assert not scanner.pull_trigger()
    assert statuses == [ScannerStatus(True, "scripted")]
    assert scans == [
        Scan("BADGE-0007"),
        Scan("#1001", "]C0"),
        Scan("4901234567894", full_width=True),
    ]


def test_the_scripted_scanner_debounces_and_can_be_unplugged() -> None:
    scans: list[Scan] = []
    statuses: list[ScannerStatus] = []
    scanner = ScriptedScanner(name="bench 3", settings=InputSettings(group_separator="~"))
    scanner.start(scans.append, statuses.append)
    scanner.scan("010490123456789410L1~21S", at_ms=1_000)
    scanner.scan("010490123456789410L1~21S", at_ms=1_100)
    scanner.unplug()
    scanner.plug_in()
    scanner.close()
    scanner.scan("#1001")
    assert scans == [Scan("010490123456789410L1\x1d21S")]
    assert statuses == [
        ScannerStatus(True, "bench 3"),
        ScannerStatus(False, "bench 3"),
        ScannerStatus(True, "bench 3"),
    ]


@pytest.mark.gui
def test_every_scanner_is_a_scan_source(qapp: QApplication) -> None:
    wedge = KeyboardWedge()
    sources: list[ScanSource] = [wedge, SerialScanner("/dev/ttyACM0"), ScriptedScanner()]
    assert [source.name for source in sources] == ["keyboard", "/dev/ttyACM0", "scripted"]
    wedge.deleteLater()
