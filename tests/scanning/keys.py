"""Key events as a keyboard-wedge scanner or a person sends them, with the times they carry.

The keyboard wedge tells the two apart by the key events' own timestamps, so
tests set those instead of sleeping. Usable by any GUI test that scans.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_KEYS = {"\r": Qt.Key.Key_Return, "\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}


def key_of(character: str) -> int:
    """The Qt key a character is typed with (Key_unknown for one off the keyboard)."""
    if character in _KEYS:
        return _KEYS[character]
    if character.isascii() and character.isprintable():
        return ord(character.upper())
    return Qt.Key.Key_unknown


def press(
    target: QObject,
    key: int,
    text: str,
    at: int,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press and release one key at `at` milliseconds, as a keyboard does."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, modifiers, text)
        event.setTimestamp(at)
        QApplication.sendEvent(target, event)


def type_text(target: QObject, text: str, *, start: int, gap: int) -> int:
    """Type `text` one key every `gap` ms from `start`, capitals with Shift; the time after."""
    at = start
    for character in text:
        shifted = character.isupper() or character in ':#<>"_()'
        if shifted:
            press(target, Qt.Key.Key_Shift, "", at, Qt.KeyboardModifier.ShiftModifier)
        modifiers = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
        press(target, key_of(character), character, at, modifiers)
        at += gap
    return at


def scanner_sends(target: QObject, code: str, *, start: int = 1_000, gap: int = 4) -> int:
    """A wedge scanner's burst: `code` then Enter, a few ms per key; returns the time after."""
    return type_text(target, code + "\r", start=start, gap=gap)


def person_types(target: QObject, text: str, *, start: int = 1_000, gap: int = 180) -> int:
    """A person typing `text` (no Enter), well over the scanner's key gap; the time after."""
    return type_text(target, text, start=start, gap=gap)
