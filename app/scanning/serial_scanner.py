"""Serial scanners (USB-CDC, virtual COM port): read on a worker thread, reconnect by themselves.

A packer unplugs a scanner, walks it to another bench, plugs it back in:
the port disappears and comes back under the same name. The reader keeps
trying to open it (every `retry_seconds`) and reports each change of
connection, so the window can show it and nobody restarts the station.
"""

from __future__ import annotations

import threading
import time

import serial

from app.scanning.normalize import Debounce, InputSettings, normalise
from app.scanning.source import ScanHandler, ScannerStatus, StatusHandler

# How long one read waits, which is also how soon `close()` is noticed.
_READ_TIMEOUT = 0.1


class SerialScanner:
    """A scanner on a serial port, each scan ended by CR or LF.

    The handlers passed to `start` are called on the reader's own thread,
    never the GUI thread: they must not touch widgets (the window hands
    them on by signal).
    """

    def __init__(
        self,
        port: str,
        *,
        baudrate: int = 9600,
        settings: InputSettings | None = None,
        encoding: str = "utf-8",
        retry_seconds: float = 1.0,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.settings = settings or InputSettings()
        self.encoding = encoding
        self.retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._debounce = Debounce(self.settings.debounce_ms)

    @property
    def name(self) -> str:
        return self.port

    def start(self, on_scan: ScanHandler, on_status: StatusHandler) -> None:
        """Start reading on a worker thread; reports connected or disconnected first."""
        if self._thread is not None:
            raise RuntimeError(f"the scanner on {self.port} is already being read")
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(on_scan, on_status), name=f"scanner {self.port}", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        """Stop reading and close the port; returns once the worker has finished."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5 * _READ_TIMEOUT + self.retry_seconds)
            self._thread = None

    def _run(self, on_scan: ScanHandler, on_status: StatusHandler) -> None:
        connected: bool | None = None
        while not self._stop.is_set():
            try:
                device = serial.Serial(self.port, self.baudrate, timeout=_READ_TIMEOUT)
            except (serial.SerialException, OSError) as exc:
                if connected is not False:
                    connected = False
                    on_status(ScannerStatus(False, self.port, _reason(exc)))
                self._stop.wait(self.retry_seconds)
                continue
            connected = True
            on_status(ScannerStatus(True, self.port))
            try:
                self._read_lines(device, on_scan)
                detail = ""
            except (serial.SerialException, OSError) as exc:
                detail = _reason(exc)
            finally:
                device.close()
            if not self._stop.is_set():
                connected = False
                on_status(ScannerStatus(False, self.port, detail))

    def _read_lines(self, device: serial.Serial, on_scan: ScanHandler) -> None:
        """Read until stopped; a vanished device raises SerialException or OSError."""
        pending = b""
        while not self._stop.is_set():
            chunk: bytes = device.read(device.in_waiting or 1)
            if not chunk:
                continue
            pending += chunk.replace(b"\r", b"\n")
            *lines, pending = pending.split(b"\n")
            for line in lines:
                scan = normalise(line.decode(self.encoding, errors="replace"), self.settings)
                at_ms = time.monotonic_ns() // 1_000_000
                if scan.code and self._debounce.accept(scan.code, at_ms):
                    on_scan(scan)


def _reason(exc: BaseException) -> str:
    """A short why for the status line: the OS's words when there are some."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
