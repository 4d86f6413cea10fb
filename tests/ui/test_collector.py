"""The window's garbage collection: only on the GUI thread, a generation when it is due."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.collector import GuiThreadCollector, collect_due

pytestmark = pytest.mark.gui


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_station_collects_on_its_timer_never_by_itself(qtbot: QtBot) -> None:
    gc.enable()  # as a fresh interpreter has it
    collector = GuiThreadCollector(QApplication.instance())
    try:
        assert not gc.isenabled()
        assert collector.timer.isActive()
        gc.collect()
        for _ in range(gc.get_threshold()[0] + 10):
            _Cycle()
        # Past generation 0's threshold nothing was collected by itself: a worker thread
        # allocating now could not free a Qt object under Qt's lock.
        assert gc.get_count()[0] > gc.get_threshold()[0]
        assert collect_due() > 0
        assert gc.get_count()[0] <= gc.get_threshold()[0]
    finally:
        collector.timer.stop()
        collector.deleteLater()
