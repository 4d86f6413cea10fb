"""Scanner settings from the station's environment."""

from __future__ import annotations

import pytest

from app.core.errors import Refused
from app.scanning.bursts import Terminator
from app.scanning.settings import ScanRules, scanner_settings


def test_defaults_are_a_keyboard_wedge_with_30_ms_gaps_and_300_ms_debounce() -> None:
    settings = scanner_settings({})
    assert settings.serial_port == ""
    assert (settings.wedge.key_gap_ms, settings.wedge.min_length) == (30, 4)
    assert (settings.wedge.codes.debounce_ms, settings.wedge.codes.group_separator) == (300, "<GS>")


def test_every_setting_is_read() -> None:
    settings = scanner_settings(
        {
            "KENPIN_SCANNER_PORT": "/dev/ttyACM0",
            "KENPIN_SCANNER_BAUD": "115200",
            "KENPIN_SCAN_KEY_GAP_MS": "50",
            "KENPIN_SCAN_MIN_LENGTH": "6",
            "KENPIN_SCAN_DEBOUNCE_MS": "0",
            "KENPIN_SCAN_GS": "~",
        }
    )
    assert (settings.serial_port, settings.serial_baud) == ("/dev/ttyACM0", 115200)
    assert (settings.wedge.key_gap_ms, settings.wedge.min_length) == (50, 6)
    assert (settings.wedge.codes.debounce_ms, settings.wedge.codes.group_separator) == (0, "~")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("KENPIN_SCAN_KEY_GAP_MS", "fast"),
        ("KENPIN_SCAN_KEY_GAP_MS", "0"),
        ("KENPIN_SCANNER_BAUD", "-1"),
    ],
)
def test_a_bad_value_is_refused_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(Refused, match=f"{name}: '{value}' is not a whole number"):
        scanner_settings({name: value})


def test_the_terminator_is_a_setting() -> None:
    assert scanner_settings({}).wedge.terminators == "\r\n\t"
    assert scanner_settings({"KENPIN_SCAN_TERMINATOR": "tab"}).wedge.terminators == "\t"
    with pytest.raises(Refused, match="KENPIN_SCAN_TERMINATOR: 'lf' is not one of enter, tab"):
        scanner_settings({"KENPIN_SCAN_TERMINATOR": "lf"})


def test_an_empty_stand_in_in_the_environment_turns_the_replacement_off() -> None:
    settings = scanner_settings({"KENPIN_SCAN_GS": ""})
    assert settings.wedge.codes.group_separator == ""
    assert settings.from_env == ScanRules(gs1_standin="")


def test_the_environment_wins_over_the_station_which_wins_over_the_default() -> None:
    settings = scanner_settings({"KENPIN_SCAN_KEY_GAP_MS": "50", "KENPIN_SCAN_DEBOUNCE_MS": "0"})
    stored = ScanRules(key_gap_ms=80, min_length=8, terminator=Terminator.TAB)
    wedge = settings.for_station(stored)
    assert (wedge.key_gap_ms, wedge.min_length, wedge.terminators) == (50, 8, "\t")
    assert (wedge.codes.group_separator, wedge.codes.debounce_ms) == ("<GS>", 0)
