"""Python's cyclic garbage collector, run on the GUI thread only.

Left to itself the collector runs in whichever thread happens to allocate when a
generation fills up: a worker lane's (scans, documents, reports) as often as the
GUI thread's. If it then frees a Qt object caught in a reference cycle, Qt
destroys that object on the worker thread under its own object lock while asking
for the interpreter's lock, and the GUI thread, holding the interpreter's lock,
waits for Qt's: the window freezes for good. So the automatic collector is
switched off and the GUI thread collects on a timer, a generation at a time as
the interpreter itself would (qutebrowser does the same for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks whether a generation is due (ms).
INTERVAL_MS = 1000


def collect_due() -> int:
    """Collect the oldest generation whose count passed its threshold; objects freed."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 0
    if counts[1] > thresholds[1]:
        generation = 2 if counts[2] > thresholds[2] else 1
    return gc.collect(generation)


class GuiThreadCollector(QObject):
    """Switches the automatic collector off and collects on the GUI thread's timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.on_timeout)
        self.timer.start()

    def on_timeout(self) -> None:
        collect_due()
