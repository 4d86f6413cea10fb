"""A badge scanned into a field of the Admin page: while a badge field has the keyboard's
focus, the station's scanners fill it instead of reaching the pack station (which would
take the badge as a login and bring the pack screen up)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLineEdit

from app.core.scans import Scan
from app.scanning.source import ScanSwitch


class BadgeScans(QObject):
    """Turns the station's scanners aside into the badge field that has the focus."""

    #: A scan for the focused field; by signal, so a serial scanner's thread never
    #: touches the field itself.
    arrived = Signal(object)

    def __init__(self, scanners: Sequence[ScanSwitch], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scanners = list(scanners)
        self._into: QLineEdit | None = None
        self._watched: list[QLineEdit] = []
        self.arrived.connect(self.on_arrived)

    def watch(self, field: QLineEdit) -> None:
        """Scans go into `field` while it has the focus."""
        field.installEventFilter(self)
        self._watched.append(field)

    def close(self) -> None:
        """The window is closing: scans go to the station again, and no field is watched
        any more. A closed window is destroyed later (the next event loop, the garbage
        collector), and a filter left on its fields would be called from Python on fields
        half destroyed, which can crash the process."""
        self.release()
        for field in self._watched:
            # RuntimeError: the field (an input box's) is gone already, and its filter with it.
            with contextlib.suppress(RuntimeError):
                field.removeEventFilter(self)
        self._watched.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.FocusIn:
            self._into = watched
            for scanner in self.scanners:
                scanner.divert(self.arrived.emit)
        elif watched is self._into and event.type() == QEvent.Type.FocusOut:
            self.release()
        return False

    def release(self) -> None:
        """Scans go to the pack station again (a field lost the focus, a box closed)."""
        self._into = None
        for scanner in self.scanners:
            scanner.divert(None)

    def on_arrived(self, scan: Scan) -> None:
        """The scan's code into the field that asked for it (typed over what was there)."""
        if self._into is not None:
            self._into.setText(scan.code)
