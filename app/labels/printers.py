"""The one interface every printer sits behind, the factory from a URI, and a test double.

A printer is named by a URI (`tcp://HOST:9100`, `cups://QUEUE`,
`device:///dev/usb/lp0`, `serial:///dev/ttyUSB0?baud=9600`,
`file:///some/folder`; options in app.labels.printer_uri). Printing blocks
for up to the printer's timeout, so it runs on the print worker's thread,
never the GUI thread.
"""

from __future__ import annotations

import threading
from typing import Protocol

from app.labels.printer_local import CupsPrinter, DevicePrinter, FolderPrinter, SerialPrinter
from app.labels.printer_status import PrinterProblem, PrinterStatus, PrinterUnavailable
from app.labels.printer_tcp import TcpPrinter
from app.labels.printer_uri import PrinterAddress, parse_printer_uri

__all__ = [
    "Printer",
    "PrinterAddress",
    "PrinterProblem",
    "PrinterStatus",
    "PrinterUnavailable",
    "RecordingPrinter",
    "open_printer",
    "parse_printer_uri",
]


class Printer(Protocol):
    """Somewhere labels are printed."""

    @property
    def uri(self) -> str:
        """The URI the printer was opened from, as shown on screen."""
        ...

    def send(self, data: bytes, name: str) -> None:
        """Print one job (`name` is what a queue or folder calls it); raises PrinterUnavailable."""
        ...

    def status(self) -> PrinterStatus:
        """Ask the printer how it is; never raises for a printer that is off."""
        ...


def open_printer(uri: str) -> Printer:
    """The printer a URI names; a bad URI is refused (app.core.errors.Refused) saying why.

    Nothing is connected here: each `send` and `status` reaches the printer anew,
    so a printer switched off and on again needs nothing from the station.
    """
    address = parse_printer_uri(uri)
    if address.scheme == "tcp":
        return TcpPrinter(address)
    if address.scheme == "cups":
        return CupsPrinter(address)
    if address.scheme == "device":
        return DevicePrinter(address)
    if address.scheme == "serial":
        return SerialPrinter(address)
    return FolderPrinter(address)


class RecordingPrinter:
    """A printer that keeps what it is sent: the test double of `Printer`.

    `fail_next(problem, ...)` makes the next sends fail with those problems,
    in order, as a real printer that is out of paper would; `printed` holds
    `(name, data)` of every job that printed. Safe to use from the print
    worker's thread while a test reads it.
    """

    def __init__(self, uri: str = "file:///recorded") -> None:
        self._uri = uri
        self._lock = threading.Lock()
        self._failures: list[PrinterProblem] = []
        self._printed: list[tuple[str, bytes]] = []
        self.attempts = 0

    @property
    def uri(self) -> str:
        return self._uri

    @property
    def printed(self) -> list[tuple[str, bytes]]:
        """`(name, data)` of every job printed, oldest first."""
        with self._lock:
            return list(self._printed)

    def fail_next(self, *problems: PrinterProblem) -> None:
        """The next sends fail with these problems, one send each."""
        with self._lock:
            self._failures.extend(problems)

    def send(self, data: bytes, name: str) -> None:
        """Record the job, or fail with the next problem set by `fail_next`."""
        with self._lock:
            self.attempts += 1
            if self._failures:
                raise PrinterUnavailable(self._uri, self._failures.pop(0))
            self._printed.append((name, data))

    def status(self) -> PrinterStatus:
        """Ready, or the problem the next send will fail with."""
        with self._lock:
            problems = tuple(self._failures[:1])
        if problems == (PrinterProblem.OFF,):
            return PrinterStatus(self._uri, reachable=False)
        return PrinterStatus(self._uri, reachable=True, known=True, problems=problems)
