"""Printers through this PC: a folder, a device file, a serial port (socat pty pair), CUPS's lp."""

from __future__ import annotations

import os
import select
import shutil
import stat
import subprocess
import threading
import time
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial

from app.labels.printer_local import CupsPrinter
from app.labels.printer_status import PrinterProblem, PrinterUnavailable
from app.labels.printer_uri import parse_printer_uri
from app.labels.printers import open_printer

WAIT = 10.0  # seconds; only reached when something is broken
LABEL = b"^XA^FO50,50^A0N,40,40^FD#1001^FS^XZ"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n%%EOF\n"


# --- file folder -------------------------------------------------------------------------------


def test_a_folder_takes_each_label_as_a_file_and_never_overwrites_one(tmp_path: Path) -> None:
    folder = tmp_path / "labels"
    printer = open_printer(f"file://{folder}")
    printer.send(LABEL, "#1001-1")
    printer.send(b"^XA^FDsecond^FS^XZ", "#1001-1")
    printer.send(PDF, "#1001-1")
    assert sorted(p.name for p in folder.iterdir()) == ["1001-1-2.zpl", "1001-1.pdf", "1001-1.zpl"]
    assert (folder / "1001-1.zpl").read_bytes() == LABEL
    assert (folder / "1001-1-2.zpl").read_bytes() == b"^XA^FDsecond^FS^XZ"
    assert (folder / "1001-1.pdf").read_bytes() == PDF


def test_a_job_name_cannot_write_outside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "labels"
    open_printer(f"file://{folder}").send(b"raw", "../../etc/passwd")
    open_printer(f"file://{folder}").send(b"raw", "山田 太郎/#1002")
    assert sorted(p.name for p in folder.iterdir()) == ["etc_passwd.prn", "山田_太郎_1002.prn"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels"]


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder")
    printer = open_printer(f"file://{tmp_path}/taken/labels")
    with pytest.raises(PrinterUnavailable) as refused:
        printer.send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.NOT_ALLOWED
    assert f"cannot create the folder {tmp_path}/taken/labels" in str(refused.value)
    assert not printer.status().reachable


# --- device file -------------------------------------------------------------------------------


@pytest.fixture
def pty() -> Iterator[tuple[int, Path]]:
    """A pseudo-terminal in raw mode: (the printer's end, read here; the device the station
    writes to, a character device like /dev/usb/lp0)."""
    printer_end, device_end = os.openpty()
    tty.setraw(device_end)
    try:
        yield printer_end, Path(os.ttyname(device_end))
    finally:
        os.close(device_end)
        os.close(printer_end)


def read_all(fd: int, size: int) -> bytes:
    got = b""
    deadline = time.monotonic() + WAIT
    while len(got) < size and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.1)[0]:
            got += os.read(fd, size - len(got))
    return got


def test_a_device_receives_exactly_the_bytes(pty: tuple[int, Path]) -> None:
    printer_end, device = pty
    printer = open_printer(f"device://{device}")
    printer.send(LABEL, "#1001-1")
    printer.send(LABEL, "#1001-2")
    assert read_all(printer_end, 2 * len(LABEL)) == LABEL + LABEL
    assert printer.status().ready


def test_the_null_device_takes_labels() -> None:
    open_printer("device:///dev/null").send(LABEL, "#1001-1")


@pytest.mark.parametrize("kind", ["text file", "folder", "pipe"])
def test_only_a_character_device_is_written_to(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "lp0"
    if kind == "text file":
        target.write_text("the packing notes\n")
    elif kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    reader = os.open(target, os.O_RDONLY | os.O_NONBLOCK) if kind == "pipe" else None
    try:
        printer = open_printer(f"device://{target}")
        with pytest.raises(PrinterUnavailable) as refused:
            printer.send(LABEL, "#1001-1")
        assert refused.value.problem is PrinterProblem.NOT_ALLOWED
        assert f"{target} is not a printer's device" in str(refused.value)
        assert not printer.status().reachable
        if kind == "text file":
            assert target.read_text() == "the packing notes\n"
        if reader is not None:
            assert os.read(reader, 100) == b""  # nothing came down the pipe
    finally:
        if reader is not None:
            os.close(reader)


def test_a_missing_device_is_a_printer_that_is_off(tmp_path: Path) -> None:
    printer = open_printer(f"device://{tmp_path}/lp0")
    with pytest.raises(PrinterUnavailable) as refused:
        printer.send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.OFF
    assert f"no device {tmp_path}/lp0 (unplugged or switched off)" in str(refused.value)
    assert not (tmp_path / "lp0").exists()  # nothing was created in its place
    assert not printer.status().reachable


def test_a_device_that_stops_taking_data_times_out(pty: tuple[int, Path]) -> None:
    # Nobody reads the printer's end: the terminal's buffer fills like a printer that stalls.
    _, device = pty
    with pytest.raises(PrinterUnavailable) as refused:
        open_printer(f"device://{device}?timeout=0.3").send(b"^XA" + b"0" * 1_000_000, "big")
    assert refused.value.problem is PrinterProblem.TIMED_OUT
    assert "the printer took no data for 0.3 s" in str(refused.value)


def test_a_device_nobody_listens_on_is_off(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    os.mkfifo(device)  # no reader: like a device node whose printer is gone
    with pytest.raises(PrinterUnavailable) as refused:
        open_printer(f"device://{device}").send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.OFF


# --- serial port -------------------------------------------------------------------------------


@pytest.fixture
def pty_pair(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A socat pty pair: (the printer's end, the station's end)."""
    if shutil.which("socat") is None:
        if os.environ.get("CI"):
            pytest.fail("socat is not installed on CI")
        pytest.skip("socat is not installed")
    printer_end, station_end = tmp_path / "printer", tmp_path / "ttyUSB0"
    socat = subprocess.Popen(
        ["socat", f"pty,raw,echo=0,link={printer_end}", f"pty,raw,echo=0,link={station_end}"],
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + WAIT
        while not (printer_end.exists() and station_end.exists()):
            assert time.monotonic() < deadline, "socat made no pty pair"
            time.sleep(0.01)
        yield printer_end, station_end
    finally:
        socat.terminate()
        socat.wait(WAIT)


def test_a_serial_printer_receives_exactly_the_bytes(pty_pair: tuple[Path, Path]) -> None:
    printer_end, station_end = pty_pair
    label = LABEL * 200  # several kilobytes, more than one write of the pty
    with serial.Serial(str(printer_end), 19200, timeout=WAIT) as printer_side:
        printer = open_printer(f"serial://{station_end}?baud=19200")
        printer.send(label, "#1001-1")
        assert printer_side.read(len(label)) == label
        assert printer.status().reachable


class FullSerialPrinter:
    """A serial printer whose buffer fills at the first bytes: it says XOFF and never XON.

    It goes on reading whatever still arrives, so a station that ignored the
    XOFF would get the whole label through.
    """

    def __init__(self, port: Path) -> None:
        self.received = bytearray()
        self._port = serial.Serial(str(port), 9600, timeout=0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            chunk = self._port.read(4096)
            if chunk and not self.received:
                self._port.write(b"\x13")  # XOFF: "my buffer is full"
            self.received += chunk

    def close(self) -> bytes:
        self._stop.set()
        self._thread.join(WAIT)
        self._port.close()
        return bytes(self.received)


def test_a_serial_printer_that_says_xoff_and_never_xon_times_out(
    pty_pair: tuple[Path, Path],
) -> None:
    printer_end, station_end = pty_pair
    label = b"^XA" + b"0" * 200_000
    full = FullSerialPrinter(printer_end)
    try:
        with pytest.raises(PrinterUnavailable) as refused:
            open_printer(f"serial://{station_end}?timeout=0.5").send(label, "#1001-1")
        assert refused.value.problem is PrinterProblem.TIMED_OUT
        assert "the printer took no data for 0.5 s" in str(refused.value)
    finally:
        received = full.close()
    assert 0 < len(received) < len(label)


def test_without_flow_control_a_full_printer_is_sent_everything(
    pty_pair: tuple[Path, Path],
) -> None:
    printer_end, station_end = pty_pair
    label = b"^XA" + b"0" * 200_000
    full = FullSerialPrinter(printer_end)
    try:
        open_printer(f"serial://{station_end}?flow=none").send(label, "#1001-1")
    finally:
        deadline = time.monotonic() + WAIT
        while len(full.received) < len(label) and time.monotonic() < deadline:
            time.sleep(0.01)
        received = full.close()
    assert received == label


def test_a_missing_serial_port_is_a_printer_that_is_off(tmp_path: Path) -> None:
    printer = open_printer(f"serial://{tmp_path}/ttyUSB9")
    with pytest.raises(PrinterUnavailable) as refused:
        printer.send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.OFF
    assert f"cannot use {tmp_path}/ttyUSB9" in str(refused.value)
    assert not printer.status().reachable


# --- CUPS --------------------------------------------------------------------------------------


def fake_command(folder: Path, name: str, script: str) -> None:
    """A stand-in for a CUPS command at the edge of the machine (CUPS is not installed here)."""
    path = folder / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_cups_is_handed_the_label_raw_on_the_named_queue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_command(tmp_path, "lp", f'echo "$@" > {tmp_path}/args\ncat > {tmp_path}/job\n')
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    open_printer("cups://Zebra_GK420d").send(LABEL, "#1001-1")
    assert (tmp_path / "args").read_text() == "-d Zebra_GK420d -o raw -t #1001-1 -\n"
    assert (tmp_path / "job").read_bytes() == LABEL


def test_cups_not_installed_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    printer = open_printer("cups://Zebra_GK420d")
    with pytest.raises(PrinterUnavailable) as refused:
        printer.send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.NO_QUEUE
    assert "the lp command of CUPS is not installed on this PC" in str(refused.value)
    assert not printer.status().reachable


def test_an_unknown_cups_queue_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = "lp: The printer or class does not exist."
    fake_command(tmp_path, "lp", f'echo "{said}" >&2\nexit 1\n')
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    with pytest.raises(PrinterUnavailable) as refused:
        open_printer("cups://bench9").send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.NO_QUEUE
    assert str(refused.value).startswith("the printer queue does not exist")
    assert said in str(refused.value)


def test_cups_that_does_not_answer_times_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_command(tmp_path, "lp", "exec sleep 30\n")
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    printer = CupsPrinter(parse_printer_uri("cups://bench9?timeout=0.3"))
    with pytest.raises(PrinterUnavailable) as refused:
        printer.send(LABEL, "#1001-1")
    assert refused.value.problem is PrinterProblem.TIMED_OUT


def test_a_disabled_cups_queue_reports_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_command(tmp_path, "lpstat", 'echo "printer bench9 disabled since Thu 26 Nov -"\n')
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    status = open_printer("cups://bench9").status()
    assert status.problems == (PrinterProblem.PAUSED,)
    assert "paused" in status.message
