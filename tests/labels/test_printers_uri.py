"""Printer URIs as INTERFACES.md lists them, and the refusals a mistyped one gets."""

from __future__ import annotations

import pytest

from app.core.errors import Refused
from app.labels.printer_local import CupsPrinter, DevicePrinter, FolderPrinter, SerialPrinter
from app.labels.printer_tcp import TcpPrinter
from app.labels.printer_uri import PrinterAddress, parse_printer_uri
from app.labels.printers import open_printer


@pytest.mark.parametrize(
    ("uri", "kind", "target"),
    [
        ("tcp://192.168.1.50:9100", TcpPrinter, "192.168.1.50"),
        ("cups://Zebra_GK420d", CupsPrinter, "Zebra_GK420d"),
        ("device:///dev/usb/lp0", DevicePrinter, "/dev/usb/lp0"),
        ("serial:///dev/ttyUSB0?baud=9600", SerialPrinter, "/dev/ttyUSB0"),
        ("file:///some/folder", FolderPrinter, "/some/folder"),
    ],
)
def test_every_uri_of_the_interface_opens_its_kind_of_printer(
    uri: str, kind: type, target: str
) -> None:
    printer = open_printer(uri)
    assert isinstance(printer, kind)
    assert printer.uri == uri
    assert parse_printer_uri(uri).target == target


def test_tcp_port_and_options() -> None:
    assert parse_printer_uri("tcp://printer.local") == PrinterAddress(
        "tcp://printer.local", "tcp", "printer.local", port=9100
    )
    custom = parse_printer_uri("tcp://10.0.0.9:6101?timeout=2.5&status=off&waiteof=0")
    assert (custom.port, custom.timeout, custom.ask_status, custom.wait_eof) == (
        6101,
        2.5,
        False,
        False,
    )
    assert parse_printer_uri("tcp://[::1]:9100").target == "::1"


def test_serial_baud_comes_from_the_uri() -> None:
    assert parse_printer_uri("serial:///dev/ttyUSB0?baud=19200").baud == 19200
    assert parse_printer_uri("serial:///dev/ttyUSB0").baud == 9600
    assert parse_printer_uri("serial://COM3?baud=115200").target == "COM3"
    assert parse_printer_uri("serial:///dev/ttyUSB0").flow == "xonxoff"
    assert parse_printer_uri("serial:///dev/ttyUSB0?flow=rtscts").flow == "rtscts"


def test_spaces_in_a_folder_are_written_as_percent_escapes() -> None:
    assert parse_printer_uri("file:///srv/labels%20out").target == "/srv/labels out"


@pytest.mark.parametrize(
    ("uri", "problem"),
    [
        ("lp0", "not a printer URI"),
        ("http://printer:9100", "not a printer URI"),
        ("tcp://:9100", "no printer host"),
        ("tcp://printer:http", "the port is not a number from 1 to 65535"),
        ("tcp://printer:99999", "the port is not a number"),
        ("tcp://printer:9100/queue", "unexpected path"),
        ("tcp://printer:9100?speed=3", "unknown option 'speed'"),
        ("tcp://printer:9100?timeout=never", "timeout: 'never'"),
        ("tcp://printer:9100?timeout=0", "timeout: '0'"),
        ("tcp://printer:9100?status=maybe", "status: 'maybe' is not one of hs, off"),
        ("cups://", "CUPS queue name"),
        ("cups://two words", "CUPS queue name"),
        ("device://dev/usb/lp0", "three slashes"),
        ("device://", "no path"),
        ("serial:///dev/ttyUSB0?baud=fast", "baud: 'fast'"),
        ("serial:///dev/ttyUSB0?baud=0", "baud: '0'"),
        ("serial:///dev/ttyUSB0?flow=dtr", "flow: 'dtr' is not one of xonxoff, rtscts, none"),
        ("file://folder", "three slashes"),
        ("file:///labels?baud=9600", "unknown option 'baud' for file:// (options: none)"),
        ("file:///srv/labels%00.txt", "control character U+0000 in the path"),
        ("device:///dev/usb/lp0%00", "control character U+0000 in the path"),
        ("device:///dev/usb/lp%0A0", "control character U+000A in the path"),
        ("serial:///dev/tty%00USB0", "control character U+0000 in the path"),
        ("cups://zebra%00", "control character U+0000 in the queue name"),
        ("file:///srv/%ff", "the path is not UTF-8 once its %-escapes are read"),
        ("file:///srv/\x01labels", "control character U+0001 in the URI"),
        ("tcp://printer\x00:9100", "control character U+0000 in the URI"),
    ],
)
def test_a_bad_uri_is_refused_naming_the_uri_and_the_problem(uri: str, problem: str) -> None:
    with pytest.raises(Refused) as refused:
        open_printer(uri)
    assert f"printer {uri!r}: " in str(refused.value)
    assert problem in str(refused.value)
