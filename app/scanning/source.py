"""The one interface every scanner sits behind, and a scripted scanner for tests and demos."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from app.core.scans import Scan
from app.scanning.normalize import Debounce, InputSettings, normalise


@dataclass(frozen=True, slots=True)
class ScannerStatus:
    """Whether a scanner can be read now, and where it is (`/dev/ttyACM0`, `keyboard`)."""

    connected: bool
    port: str
    detail: str = ""


ScanHandler = Callable[[Scan], None]
StatusHandler = Callable[[ScannerStatus], None]


class ScanSource(Protocol):
    """Somewhere scans come from: a keyboard wedge, a serial scanner, a script.

    After `start`, every scan is reported to `on_scan` (already normalised
    and debounced) and every change of connection to `on_status`. A source
    that reads on a worker thread calls them on that thread: the window
    hands them to the GUI thread by signal.
    """

    @property
    def name(self) -> str:
        """How the scanner is shown on screen."""
        ...

    def start(self, on_scan: ScanHandler, on_status: StatusHandler) -> None:
        """Begin reading; the first status is reported from here on."""
        ...

    def close(self) -> None:
        """Stop reading and let go of the device."""
        ...


class ScriptedScanner:
    """A scanner that scans what it is told to: the test double of `ScanSource`.

    `pull_trigger()` scans the next scripted code; `scan(code)` scans any
    code; `unplug()` and `plug_in()` report the connection changes a real
    scanner would. Codes go through the same normalisation as a real
    scanner's, so `"]C10104912345678904"` arrives as symbology `]C1`.
    """

    def __init__(
        self,
        codes: Iterable[str] = (),
        *,
        name: str = "scripted",
        settings: InputSettings | None = None,
    ) -> None:
        self._script = deque(codes)
        self._name = name
        self._settings = settings or InputSettings()
        self._debounce = Debounce(self._settings.debounce_ms)
        self._on_scan: ScanHandler | None = None
        self._on_status: StatusHandler | None = None
        self.closed = False

    @property
    def name(self) -> str:
        return self._name

    @property
    def remaining(self) -> int:
        """How many scripted codes are still to be scanned."""
        return len(self._script)

    def start(self, on_scan: ScanHandler, on_status: StatusHandler) -> None:
        """Take the handlers and report the scanner connected."""
        self._on_scan, self._on_status = on_scan, on_status
        self.closed = False
        on_status(ScannerStatus(connected=True, port=self._name))

    def close(self) -> None:
        """Stop: later scans are not reported."""
        self.closed = True
        self._on_scan = None

    def scan(self, raw: str, at_ms: int | None = None) -> None:
        """Scan `raw`; with `at_ms`, a repeat within the debounce window is dropped."""
        if self._on_scan is None:
            return
        scan = normalise(raw, self._settings)
        if at_ms is not None and not self._debounce.accept(scan.code, at_ms):
            return
        self._on_scan(scan)

    def pull_trigger(self) -> bool:
        """Scan the next scripted code; False when the script is done."""
        if not self._script:
            return False
        self.scan(self._script.popleft())
        return True

    def scan_all(self) -> None:
        """Scan every scripted code that is left."""
        while self.pull_trigger():
            pass

    def unplug(self) -> None:
        """Report the scanner disconnected."""
        if self._on_status is not None:
            self._on_status(ScannerStatus(connected=False, port=self._name))

    def plug_in(self) -> None:
        """Report the scanner connected again."""
        if self._on_status is not None:
            self._on_status(ScannerStatus(connected=True, port=self._name))


class ScanSwitch:
    """A `ScanSource` whose scans can be turned aside from the station for a while.

    The station starts it like any scanner; while `divert(handler)` is in
    force its scans go to `handler` instead (the scanner test page), until
    `divert(None)`. Safe from a reader's own thread: the handler is read once
    per scan.
    """

    def __init__(self, source: ScanSource) -> None:
        self.source = source
        self._station: ScanHandler | None = None
        self._diverted: ScanHandler | None = None

    @property
    def name(self) -> str:
        return self.source.name

    def start(self, on_scan: ScanHandler, on_status: StatusHandler) -> None:
        """Start the scanner; its scans go to `on_scan` unless diverted."""
        self._station = on_scan
        self.source.start(self._route, on_status)

    def close(self) -> None:
        """Close the scanner."""
        self.source.close()

    def divert(self, handler: ScanHandler | None) -> None:
        """Send the scans to `handler` from now on; None: back to the station."""
        self._diverted = handler

    def _route(self, scan: Scan) -> None:
        handler = self._diverted or self._station
        if handler is not None:
            handler(scan)
