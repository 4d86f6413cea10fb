"""The keyboard wedge: a scanner's burst becomes one scan, a person's typing stays typing.

Key events carry the times a keyboard would give them (see keys.py), so no
test sleeps to make a gap.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.scans import Scan
from app.scanning.bursts import Burst, Outcome, Problem, Rule
from app.scanning.normalize import InputSettings
from app.scanning.source import ScannerStatus
from app.scanning.wedge import KeyboardWedge, WedgeSettings
from tests.scanning.keys import person_types, press, scanner_sends, type_text

pytestmark = pytest.mark.gui

Scanned = tuple[str, str, bool]


class Bench(QWidget):
    """A window with a text field (focused) and a button, like any form at the station."""

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.button = QPushButton("OK")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.button)


@pytest.fixture
def bench(qtbot: QtBot) -> Bench:
    window = Bench()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.field.setFocus()
    qtbot.waitUntil(window.field.hasFocus)
    return window


@contextmanager
def installed(wedge: KeyboardWedge) -> Iterator[KeyboardWedge]:
    """`wedge` watching the application's keys, as the station window installs it."""
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    try:
        yield wedge
    finally:
        app.removeEventFilter(wedge)
        wedge.deleteLater()


@pytest.fixture
def wedge(qapp: QApplication) -> Iterator[KeyboardWedge]:
    with installed(KeyboardWedge()) as watching:
        yield watching


@pytest.fixture
def scans(wedge: KeyboardWedge) -> list[Scanned]:
    found: list[Scanned] = []
    wedge.scanned.connect(
        lambda scan: found.append((scan.code, scan.symbology or "", scan.full_width))
    )
    return found


def settle(qtbot: QtBot, field: QLineEdit, after: int) -> None:
    """Type one slow "|" and wait for it: every key held back before it has been handed on."""
    before = field.text()
    person_types(field, "|", start=after + 1_000)
    qtbot.waitUntil(lambda: field.text().endswith("|"))
    field.setText(field.text().removesuffix("|"))
    assert field.text().startswith(before)


def test_a_burst_becomes_one_scan_and_the_field_stays_empty(
    qtbot: QtBot, bench: Bench, wedge: KeyboardWedge
) -> None:
    with qtbot.waitSignal(wedge.scanned) as signal:
        end = scanner_sends(bench.field, "4901234567894")
    assert signal.args == [Scan("4901234567894", None, False)]
    settle(qtbot, bench.field, end)
    assert bench.field.text() == ""


def test_slow_typing_reaches_the_field_and_is_no_scan(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    person_types(bench.field, "Tokyo 123")
    qtbot.waitUntil(lambda: bench.field.text() == "Tokyo 123")
    assert scans == []


def test_enter_after_typing_reaches_the_field(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    end = person_types(bench.field, "1234")
    with qtbot.waitSignal(bench.field.returnPressed):
        press(bench.field, Qt.Key.Key_Return, "\r", end + 200)
    assert (bench.field.text(), scans) == ("1234", [])


def test_a_quick_burst_shorter_than_a_scan_is_typing(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    with qtbot.waitSignal(bench.field.returnPressed):
        scanner_sends(bench.field, "12")
    assert (bench.field.text(), scans) == ("12", [])


def test_keys_held_back_arrive_before_a_backspace(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    end = person_types(bench.field, "abc")
    press(bench.field, Qt.Key.Key_Backspace, "\b", end)
    qtbot.waitUntil(lambda: bench.field.text() == "ab")
    assert scans == []


def test_a_scan_in_the_middle_of_typing_leaves_the_typing_whole(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    end = person_types(bench.field, "Sato", start=1_000)
    end = scanner_sends(bench.field, "#1001", start=end + 500)
    person_types(bench.field, " san", start=end + 500)
    qtbot.waitUntil(lambda: bench.field.text() == "Sato san")
    assert scans == [("#1001", "", False)]


def test_a_scan_reaches_the_station_whichever_widget_has_focus(
    qtbot: QtBot, bench: Bench, wedge: KeyboardWedge
) -> None:
    bench.button.setFocus()
    with qtbot.waitSignal(wedge.scanned) as signal:
        scanner_sends(bench.button, "KCMD:COMPLETE")
    assert signal.args == [Scan("KCMD:COMPLETE", None, False)]


def test_keys_from_the_window_system_are_taken_once(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    # Real keys reach the window first, then the focused widget: the filter sees both.
    window = bench.windowHandle()
    end = scanner_sends(window, "4901234567894")
    person_types(window, "ok", start=end + 500)
    qtbot.waitUntil(lambda: bench.field.text() == "ok")
    assert scans == [("4901234567894", "", False)]


def test_the_aim_prefix_and_the_stand_in_for_the_separator(
    qtbot: QtBot, bench: Bench, wedge: KeyboardWedge
) -> None:
    with qtbot.waitSignal(wedge.scanned) as signal:
        scanner_sends(bench.field, "]C1010490123456789410LOT-7<GS>17260415")
    assert signal.args == [Scan("010490123456789410LOT-7\x1d17260415", "]C1", False)]


def test_a_scanner_sending_the_real_separator_with_ctrl(
    qtbot: QtBot, bench: Bench, wedge: KeyboardWedge
) -> None:
    with qtbot.waitSignal(wedge.scanned) as signal:
        at = type_text(bench.field, "]C1010490123456789410L1", start=1_000, gap=3)
        press(bench.field, Qt.Key.Key_BracketRight, "\x1d", at, Qt.KeyboardModifier.ControlModifier)
        scanner_sends(bench.field, "21SN1", start=at + 3, gap=3)
    assert signal.args == [Scan("010490123456789410L1\x1d21SN1", "]C1", False)]


def test_full_width_input_is_folded_and_flagged(
    qtbot: QtBot, bench: Bench, wedge: KeyboardWedge
) -> None:
    with qtbot.waitSignal(wedge.scanned) as signal:
        scanner_sends(bench.field, "４９０１２３４５６７８９４")
    assert signal.args == [Scan("4901234567894", None, True)]


def test_shifted_capitals_keep_the_code_whole(
    qtbot: QtBot, bench: Bench, wedge: KeyboardWedge
) -> None:
    with qtbot.waitSignal(wedge.scanned) as signal:
        scanner_sends(bench.field, "KCMD:UNDO")
    assert signal.args[0].code == "KCMD:UNDO"


def test_a_held_trigger_gives_one_scan(qtbot: QtBot, bench: Bench, scans: list[Scanned]) -> None:
    end = scanner_sends(bench.field, "4901234567894", start=1_000)
    end = scanner_sends(bench.field, "4901234567894", start=end + 100)
    end = scanner_sends(bench.field, "4901234567894", start=end + 100)
    scanner_sends(bench.field, "4901234567894", start=end + 2_000)
    settle(qtbot, bench.field, end + 2_000)
    assert scans == [("4901234567894", "", False)] * 2
    assert bench.field.text() == ""


def test_two_scans_back_to_back_are_two_scans(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    # A scanner that reads two barcodes at one trigger pull sends the second a few ms after
    # the first one's Enter: it is a scan of its own, never typing into the focused field.
    end = scanner_sends(bench.field, "#1006")
    end = scanner_sends(bench.field, "4901234567894", start=end)
    settle(qtbot, bench.field, end)
    assert scans == [("#1006", "", False), ("4901234567894", "", False)]
    assert bench.field.text() == ""


def test_gap_length_terminator_and_stand_in_are_settings(qtbot: QtBot, bench: Bench) -> None:
    settings = WedgeSettings(
        key_gap_ms=60, min_length=6, terminators="\t", codes=InputSettings(group_separator="~")
    )
    found: list[Scan] = []
    with installed(KeyboardWedge(settings)) as wedge:
        wedge.scanned.connect(found.append)
        # 50 ms between keys is a scan here; Tab ends it; "~" stands for the separator.
        end = type_text(bench.field, "010490123456789410L1~21S\t", start=1_000, gap=50)
        # Enter does not end a scan here, and five characters are too few: not read.
        end = type_text(bench.field, "ABCDEFG\r", start=end + 500, gap=5)
        end = type_text(bench.field, "12345\t", start=end + 500, gap=5)
        person_types(bench.field, "ok", start=end + 500)
        qtbot.waitUntil(lambda: bench.field.text() == "ok")
    assert found == [
        Scan("010490123456789410L1\x1d21S"),
        Scan("ABCDEFG", unreadable=True),
        Scan("12345", unreadable=True),
    ]


# -- Unreadable bursts: looked like a scan, broke a rule ------------------------------------


@pytest.fixture
def read(wedge: KeyboardWedge) -> list[Scan]:
    """Every scan the wedge emits, unreadable ones with their flag."""
    found: list[Scan] = []
    wedge.scanned.connect(found.append)
    return found


@pytest.fixture
def bursts(wedge: KeyboardWedge) -> list[Burst]:
    found: list[Burst] = []
    wedge.burst_read.connect(found.append)
    return found


def test_a_quick_burst_shorter_than_the_minimum_is_not_read(
    qtbot: QtBot, bench: Bench, read: list[Scan], bursts: list[Burst]
) -> None:
    end = scanner_sends(bench.field, "ABC")
    settle(qtbot, bench.field, end)
    assert read == [Scan("ABC", unreadable=True)]
    assert bursts[0].problem == Problem(Rule.SHORT)
    assert bench.field.text() == ""


def test_a_scan_cut_by_one_slow_gap_is_not_read_and_never_shortened(
    qtbot: QtBot, bench: Bench, read: list[Scan], bursts: list[Burst]
) -> None:
    at = type_text(bench.field, "4901234", start=1_000, gap=4)
    end = scanner_sends(bench.field, "567894", start=at + 56)
    settle(qtbot, bench.field, end)
    assert read == [Scan("4901234567894", unreadable=True)]
    # The eighth key came 60 ms after the seventh.
    assert bursts[0].problem == Problem(Rule.GAP, key=8, gap_ms=60)
    assert bench.field.text() == ""


def test_a_late_terminator_is_a_slow_gap_too(
    qtbot: QtBot, bench: Bench, read: list[Scan], bursts: list[Burst]
) -> None:
    at = type_text(bench.field, "]E04901234567894", start=1_000, gap=4)
    press(bench.field, Qt.Key.Key_Return, "\r", at + 76)
    settle(qtbot, bench.field, at + 76)
    assert read == [Scan("4901234567894", "]E0", unreadable=True)]
    assert bursts[0].problem == Problem(Rule.GAP, key=17, gap_ms=80)


def test_a_scan_ended_by_a_key_that_is_not_the_terminator_is_not_read(
    qtbot: QtBot, bench: Bench
) -> None:
    found: list[Scan] = []
    with installed(KeyboardWedge(WedgeSettings(terminators="\r"))) as wedge:
        wedge.scanned.connect(found.append)
        end = type_text(bench.field, "4901234567894\t", start=1_000, gap=4)
        settle(qtbot, bench.field, end)
    assert found == [Scan("4901234567894", unreadable=True)]
    # The Tab was the scanner's: the focus stayed where it was.
    assert bench.field.hasFocus()


def test_a_lone_enter_and_slow_typing_with_enter_are_never_unreadable(
    qtbot: QtBot, bench: Bench, read: list[Scan]
) -> None:
    with qtbot.waitSignal(bench.field.returnPressed):
        press(bench.field, Qt.Key.Key_Return, "\r", 1_000)
    end = person_types(bench.field, "4901234567894", start=2_000, gap=90)
    with qtbot.waitSignal(bench.field.returnPressed):
        press(bench.field, Qt.Key.Key_Return, "\r", end + 50)
    assert (bench.field.text(), read) == ("4901234567894", [])


def test_a_run_broken_by_two_slow_gaps_is_typing(
    qtbot: QtBot, bench: Bench, read: list[Scan]
) -> None:
    at = type_text(bench.field, "4901", start=1_000, gap=4)
    at = type_text(bench.field, "23", start=at + 56, gap=4)
    with qtbot.waitSignal(bench.field.returnPressed):
        type_text(bench.field, "4\r", start=at + 56, gap=4)
    assert (bench.field.text(), read) == ("4901234", [])


def test_a_burst_through_the_window_system_is_reported_once(
    qtbot: QtBot, bench: Bench, bursts: list[Burst]
) -> None:
    # Keys let pass reach the window, then the focused widget: each is one key of the burst.
    window = bench.windowHandle()
    at = type_text(window, "4901234", start=1_000, gap=4)
    qtbot.waitUntil(lambda: bench.field.text() == "4901234")
    with qtbot.waitSignal(bench.field.returnPressed):
        type_text(window, "567894\r", start=at, gap=4)
    assert [(burst.text, burst.end, burst.outcome) for burst in bursts] == [
        ("4901234", "", Outcome.TYPING),
        ("567894", "\r", Outcome.TYPING),
    ]


def test_each_burst_is_reported_with_its_key_times(
    qtbot: QtBot, bench: Bench, bursts: list[Burst]
) -> None:
    end = scanner_sends(bench.field, "]C1KP-1", gap=5)
    # A scanner 45 ms per key: typing under a 30 ms gap, and the report says where.
    end = type_text(bench.field, "ABCD\r", start=end + 1_000, gap=45)
    qtbot.waitUntil(lambda: bench.field.text() == "ABCD")
    scan, slow = bursts
    assert (scan.outcome, scan.text, scan.end, scan.scan.symbology) == (
        Outcome.SCAN,
        "]C1KP-1",
        "\r",
        "]C1",
    )
    assert scan.gaps_ms == [5] * 7
    assert (slow.outcome, slow.problem, slow.gaps_ms) == (
        Outcome.TYPING,
        Problem(Rule.GAP, key=2, gap_ms=45),
        [45] * 4,
    )


def test_the_wedge_as_a_scan_source(qtbot: QtBot, bench: Bench) -> None:
    wedge = KeyboardWedge()
    found: list[Scan] = []
    statuses: list[ScannerStatus] = []
    wedge.start(found.append, statuses.append)
    end = scanner_sends(bench.field, "]E04901234567894")
    wedge.close()
    scanner_sends(bench.field, "#1001", start=end + 1_000)
    qtbot.waitUntil(lambda: bench.field.text() == "#1001")
    assert statuses == [ScannerStatus(connected=True, port="keyboard")]
    assert found == [Scan("4901234567894", "]E0", full_width=False)]


def test_a_burst_cut_by_a_busy_gui_is_never_a_shortened_scan(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    # The GUI thread stalls mid-burst: the held keys are handed on before the rest arrives.
    at = type_text(bench.field, "4901234", start=1_000, gap=4)
    qtbot.waitUntil(lambda: bench.field.text() == "4901234")
    with qtbot.waitSignal(bench.field.returnPressed):
        type_text(bench.field, "567894\r", start=at, gap=4)
    assert (bench.field.text(), scans) == ("4901234567894", [])


def test_a_key_held_down_is_typing_however_fast_it_repeats(
    qtbot: QtBot, bench: Bench, scans: list[Scanned]
) -> None:
    press(bench.field, Qt.Key.Key_0, "0", 1_000)
    for at in range(1_020, 1_200, 20):
        repeat = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_0, Qt.KeyboardModifier.NoModifier, "0", True
        )
        repeat.setTimestamp(at)
        QApplication.sendEvent(bench.field, repeat)
    press(bench.field, Qt.Key.Key_Return, "\r", 1_210)
    qtbot.waitUntil(lambda: bench.field.text() == "0" * 10)
    assert scans == []


def test_a_scanned_character_never_fires_a_shortcut(
    qtbot: QtBot, bench: Bench, wedge: KeyboardWedge
) -> None:
    fired: list[str] = []
    shortcut = QShortcut(QKeySequence("9"), bench)
    shortcut.activated.connect(lambda: fired.append("9"))
    # A text field takes "9" itself; a button leaves it to the shortcut.
    bench.button.setFocus()
    # QTest offers each key to Qt's shortcut map first, as a real keyboard does.
    with qtbot.waitSignal(wedge.scanned) as signal:
        QTest.keyClicks(bench.button, "4901234567894")
        QTest.keyClick(bench.button, Qt.Key.Key_Return)
    assert signal.args[0].code == "4901234567894"
    assert fired == []
