"""A station's scanner settings, read from its environment.

| variable | meaning | default |
| --- | --- | --- |
| `KENPIN_SCANNER_PORT` | serial scanner port (`/dev/ttyACM0`, `COM3`); none: keyboard only | |
| `KENPIN_SCANNER_BAUD` | serial speed | 9600 |
| `KENPIN_SCAN_KEY_GAP_MS` | longest pause between two keys of a wedge scan | 30 |
| `KENPIN_SCAN_MIN_LENGTH` | fewest characters of a wedge scan | 4 |
| `KENPIN_SCAN_DEBOUNCE_MS` | the same code again within this time is dropped | 300 |
| `KENPIN_SCAN_GS` | what the scanner sends for the GS1 group separator | `<GS>` |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.errors import Refused
from app.scanning.normalize import InputSettings
from app.scanning.wedge import WedgeSettings


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    """Everything a station needs to set up its scanners."""

    wedge: WedgeSettings
    serial_port: str
    serial_baud: int


def _whole(env: Mapping[str, str], name: str, default: int, lowest: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < lowest:
        raise Refused(f"{name}: {text!r} is not a whole number of at least {lowest}")
    return int(text)


def scanner_settings(env: Mapping[str, str]) -> ScannerSettings:
    """The scanner settings `env` names; refused with the variable's name when one is bad."""
    default_codes, default_wedge = InputSettings(), WedgeSettings()
    codes = InputSettings(
        group_separator=env.get("KENPIN_SCAN_GS", default_codes.group_separator),
        debounce_ms=_whole(env, "KENPIN_SCAN_DEBOUNCE_MS", default_codes.debounce_ms, 0),
    )
    wedge = WedgeSettings(
        key_gap_ms=_whole(env, "KENPIN_SCAN_KEY_GAP_MS", default_wedge.key_gap_ms, 1),
        min_length=_whole(env, "KENPIN_SCAN_MIN_LENGTH", default_wedge.min_length, 1),
        codes=codes,
    )
    return ScannerSettings(
        wedge=wedge,
        serial_port=env.get("KENPIN_SCANNER_PORT", "").strip(),
        serial_baud=_whole(env, "KENPIN_SCANNER_BAUD", 9600, 1),
    )
