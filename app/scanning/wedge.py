"""Keyboard-wedge scanners: a scan typed as a burst of keys, told apart from a person typing.

A USB scanner in keyboard mode types its code far faster than a person can
(a few milliseconds between keys) and ends it with Enter or Tab. The
`KeyboardWedge` watches every key press of the application. Keys that may
be the start of a burst are held back from the focused widget; a run of at
least `min_length` keys, each within `key_gap_ms` of the one before, that
ends in a terminator is swallowed and emitted as one scan. Anything slower
is typing: the held keys are handed on to the widget they were meant for,
in order, so nothing typed is lost.

Times come from the key events themselves (`QKeyEvent.timestamp()`), so a
busy GUI thread that handles a burst late still sees it as a burst, and
tests can set them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QWidget

from app.core.scans import Scan
from app.scanning.normalize import (
    GROUP_SEPARATOR,
    Debounce,
    InputSettings,
    normalise,
)
from app.scanning.source import ScanHandler, ScannerStatus, StatusHandler

_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)
_TERMINATOR_KEYS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_WATCHED = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride})


@dataclass(frozen=True, slots=True)
class WedgeSettings:
    """How to tell a scanner's keys from a person's.

    `key_gap_ms`: the longest pause between two keys of one scan.
    `min_length`: the fewest characters a scan has (shorter bursts are typing).
    `terminators`: the characters a scan may end with (CR, LF, Tab).
    `release_after_ms`: how long held-back keys wait for a next key before
    they are handed on as typing.
    `codes`: the GS1 separator stand-in and the debounce window.
    """

    key_gap_ms: int = 30
    min_length: int = 4
    terminators: str = "\r\n\t"
    release_after_ms: int = 100
    codes: InputSettings = field(default_factory=InputSettings)


@dataclass(frozen=True, slots=True)
class _HeldKey:
    """A key press kept back from `target` while it may be part of a scan."""

    target: QObject
    event: QKeyEvent
    character: str


class KeyboardWedge(QObject):
    """An application-wide event filter that turns scanner bursts into `scanned` signals.

    Install it with `start()` (or `QApplication.installEventFilter`). Each
    scan is emitted once, normalised and debounced, as `scanned(Scan)`.
    """

    scanned = Signal(object)

    def __init__(
        self, settings: WedgeSettings | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings or WedgeSettings()
        self._debounce = Debounce(self.settings.codes.debounce_ms)
        self._held: list[_HeldKey] = []
        self._last_key_at: int | None = None
        self._after_scan = False
        self._handing_on = False
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(self.settings.release_after_ms)
        self._release.timeout.connect(self._hand_on_held_keys)
        self._on_scan: ScanHandler | None = None

    # -- as a ScanSource ---------------------------------------------------------------

    @property
    def name(self) -> str:
        return "keyboard"

    def start(self, on_scan: ScanHandler, on_status: StatusHandler) -> None:
        """Watch the application's keys; report each scan to `on_scan`."""
        application = QCoreApplication.instance()
        assert application is not None, "the keyboard wedge needs a QApplication"
        self._on_scan = on_scan
        self.scanned.connect(self._report_scan)
        application.installEventFilter(self)
        on_status(ScannerStatus(connected=True, port=self.name))

    def close(self) -> None:
        """Stop watching keys; keys held back so far go to their widget."""
        application = QCoreApplication.instance()
        if application is not None:
            application.removeEventFilter(self)
        self._hand_on_held_keys()
        if self._on_scan is not None:
            self.scanned.disconnect(self._report_scan)
            self._on_scan = None

    def _report_scan(self, scan: Scan) -> None:
        if self._on_scan is not None:
            self._on_scan(scan)

    # -- the filter --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """True for a key that belongs to a scan (the widget does not get it)."""
        if event.type() not in _WATCHED or self._handing_on:
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(watched, (QWidget, QWindow)):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            # Mid-scan, claim the key for the widget so no shortcut fires on a scanned character.
            if self._held and self._character(event) is not None:
                event.accept()
                return True
            return False
        # Qt offers a key press to the window, then to the focused widget and up its
        # parents. A press kept here goes no further; one let pass comes back at the same
        # time stamp, which `_key_press` lets pass again without a change of state.
        if self._key_press(watched, event):
            event.accept()
            return True
        return False

    def _character(self, event: QKeyEvent) -> str | None:
        """The character a key types into a scan, or None for any other key."""
        key = event.key()
        # Enter and Tab are named by their key: their text differs between platforms.
        text = _TERMINATOR_KEYS[Qt.Key(key)] if key in _TERMINATOR_KEYS else event.text()
        if len(text) == 1 and text in self.settings.terminators:
            return text
        if text == GROUP_SEPARATOR:
            return text
        if text and text.isprintable() and not event.modifiers() & _COMMAND_MODIFIERS:
            return text
        return None

    def _key_press(self, target: QObject, event: QKeyEvent) -> bool:
        """Take one key press; True when it is kept from its widget."""
        if event.key() in _MODIFIER_KEYS:
            # Scanners press Shift for capitals; it belongs to neither a scan nor typing.
            return False
        at = event.timestamp()
        quick = (
            self._last_key_at is not None
            and 0 <= at - self._last_key_at <= self.settings.key_gap_ms
        )
        self._last_key_at = at
        character = self._character(event)
        after_scan, self._after_scan = self._after_scan, False
        if character is None or event.isAutoRepeat():
            # Backspace, arrows, a key held down: a person at work (scanners never repeat).
            self._hand_on_held_keys()
            return False
        if character in self.settings.terminators:
            if self._held and quick and len(self._held) >= self.settings.min_length:
                self._end_scan()
                return True
            if after_scan and quick:
                # The second half of a CR LF after a scan.
                self._after_scan = True
                return True
            self._hand_on_held_keys()
            return False
        if self._held and not quick:
            self._hand_on_held_keys()
        elif not self._held and quick:
            # Quick after a key already handed on: the rest of that run is typing too.
            return False
        self._held.append(_HeldKey(target, QKeyEvent(event), character))
        self._release.start()
        return True

    def _end_scan(self) -> None:
        """The held keys were a scan: emit it (unless it repeats the last one too soon)."""
        self._release.stop()
        raw = "".join(held.character for held in self._held)
        at = self._held[-1].event.timestamp()
        self._held.clear()
        self._after_scan = True
        scan = normalise(raw, self.settings.codes)
        if scan.code and self._debounce.accept(scan.code, at):
            self.scanned.emit(scan)

    def _hand_on_held_keys(self) -> None:
        """The held keys were typing: give them to their widgets, in the order they came."""
        self._release.stop()
        held, self._held = self._held, []
        self._handing_on = True
        try:
            for key in held:
                if shiboken6.isValid(key.target):
                    QCoreApplication.sendEvent(key.target, QKeyEvent(key.event))
        finally:
            self._handing_on = False
