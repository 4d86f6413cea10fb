"""A serial scanner over a real pty pair made by socat: scans, unplug, plug back in."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.scans import Scan
from app.scanning.normalize import InputSettings
from app.scanning.serial_scanner import SerialScanner
from app.scanning.source import ScannerStatus

WAIT = 10.0  # seconds; generous for a loaded machine, only reached when something is broken


class Cable:
    """A socat pty pair: the scanner's end (`device`) and the station's end (`port`)."""

    def __init__(self, folder: Path) -> None:
        self.device = folder / "scanner"
        self.port = folder / "ttyACM0"
        self._socat: subprocess.Popen[bytes] | None = None

    def plug_in(self) -> None:
        if shutil.which("socat") is None:
            if os.environ.get("CI"):
                pytest.fail("socat is not installed on CI")
            pytest.skip("socat is not installed")
        self._socat = subprocess.Popen(
            [
                "socat",
                f"pty,raw,echo=0,link={self.device}",
                f"pty,raw,echo=0,link={self.port}",
            ],
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + WAIT
        while not (self.device.exists() and self.port.exists()):
            assert time.monotonic() < deadline, "socat made no pty pair"
            time.sleep(0.01)

    def unplug(self) -> None:
        """End socat: both ptys vanish, as a USB-CDC port does when the cable is pulled."""
        if self._socat is None:
            return
        self._socat.terminate()
        self._socat.wait(WAIT)
        self._socat = None

    def send(self, data: bytes) -> None:
        with self.device.open("wb", buffering=0) as device:
            device.write(data)


class Station:
    """What the window would receive from the scanner's worker thread."""

    def __init__(self) -> None:
        self.scans: queue.Queue[Scan] = queue.Queue()
        self.statuses: queue.Queue[ScannerStatus] = queue.Queue()

    def next_scan(self) -> Scan:
        return self.scans.get(timeout=WAIT)

    def next_status(self) -> ScannerStatus:
        return self.statuses.get(timeout=WAIT)


@pytest.fixture
def cable(tmp_path: Path) -> Iterator[Cable]:
    pair = Cable(tmp_path)
    yield pair
    pair.unplug()


@pytest.fixture
def station() -> Station:
    return Station()


def reading(cable: Cable, station: Station, settings: InputSettings | None = None) -> SerialScanner:
    scanner = SerialScanner(str(cable.port), settings=settings, retry_seconds=0.2)
    scanner.start(station.scans.put, station.statuses.put)
    return scanner


def test_scans_ended_by_cr_or_lf_arrive_normalised(cable: Cable, station: Station) -> None:
    cable.plug_in()
    scanner = reading(cable, station)
    try:
        assert station.next_status() == ScannerStatus(True, str(cable.port))
        cable.send(b"4901234567894\r#1001\n]C1010490123456789410L1<GS>21S\r\nKCMD:CARD\r\n")
        assert [station.next_scan() for _ in range(4)] == [
            Scan("4901234567894"),
            Scan("#1001"),
            Scan("010490123456789410L1\x1d21S", "]C1"),
            Scan("KCMD:CARD"),
        ]
    finally:
        scanner.close()


def test_a_scan_split_across_reads_arrives_whole(cable: Cable, station: Station) -> None:
    cable.plug_in()
    scanner = reading(cable, station)
    try:
        station.next_status()
        cable.send(b"490123")
        cable.send(b"4567894\r")
        assert station.next_scan() == Scan("4901234567894")
    finally:
        scanner.close()


def test_a_held_trigger_gives_one_scan(cable: Cable, station: Station) -> None:
    cable.plug_in()
    scanner = reading(cable, station, InputSettings(debounce_ms=60_000))
    try:
        station.next_status()
        cable.send(b"4901234567894\r4901234567894\r4901234567894\r#1001\r")
        assert [station.next_scan(), station.next_scan()] == [
            Scan("4901234567894"),
            Scan("#1001"),
        ]
    finally:
        scanner.close()


def test_unplugged_and_plugged_back_in_the_scanner_reconnects(
    cable: Cable, station: Station
) -> None:
    cable.plug_in()
    scanner = reading(cable, station)
    try:
        assert station.next_status().connected
        cable.send(b"#1001\r")
        assert station.next_scan().code == "#1001"

        cable.unplug()
        gone = station.next_status()
        assert (gone.connected, gone.port) == (False, str(cable.port))

        cable.plug_in()
        assert station.next_status() == ScannerStatus(True, str(cable.port))
        cable.send(b"4901234567894\r")
        assert station.next_scan().code == "4901234567894"
    finally:
        scanner.close()


def test_a_scanner_plugged_in_after_the_station_started(cable: Cable, station: Station) -> None:
    scanner = reading(cable, station)
    try:
        missing = station.next_status()
        assert (missing.connected, missing.port) == (False, str(cable.port))
        assert missing.detail  # the reason is shown, e.g. "No such file or directory"
        cable.plug_in()
        assert station.next_status().connected
        cable.send(b"KCMD:LOGOUT\r")
        assert station.next_scan().code == "KCMD:LOGOUT"
    finally:
        scanner.close()


def test_after_close_the_port_is_let_go_and_nothing_more_is_reported(
    cable: Cable, station: Station
) -> None:
    cable.plug_in()
    first = reading(cable, station)
    assert station.next_status().connected
    first.close()
    # The port is free again: another reader takes it, and the closed one hears nothing.
    other = Station()
    second = reading(cable, other)
    try:
        assert other.next_status().connected
        cable.send(b"#1001\r")
        assert other.next_scan().code == "#1001"
    finally:
        second.close()
    assert station.scans.empty()
    assert station.statuses.empty()
