"""Keyboard-wedge scanners: a scan typed as a burst of keys, told apart from a person typing.

A USB scanner in keyboard mode types its code far faster than a person can
(a few milliseconds between keys) and ends it with Enter or Tab. The
`KeyboardWedge` watches every key press of the application. Keys that may
be part of a scan are held back from the focused widget until the wedge
knows what they are:

- a **scan**: at least `min_length` characters, each within `key_gap_ms` of
  the one before, ended within `key_gap_ms` by a terminator (Enter, Tab, as
  the settings say). It is swallowed and emitted as one `Scan`.
- an **unreadable scan**: keys that looked like a scan (a run of at least
  three characters within the key gap: people do not type that fast) and
  ended in Enter or Tab within `release_after_ms`, but broke a rule: one
  slow gap after the run, or before the end key (`gap`), an end key that is
  not the station's terminator (`terminator`), or fewer characters than
  `min_length` (`short`). It is swallowed and emitted as
  `Scan(code, unreadable=True)`, so the packer is told to scan again.
- **typing**, anything else: slow keys, a lone Enter, one or two quick keys,
  a run broken by a second slow gap or a pause over `release_after_ms`, or
  one that never ends in Enter or Tab. The held keys are handed on to the
  widget they were meant for, in order, so nothing typed is lost.

Every burst is also reported as a `Burst` (`burst_read`) with its key times,
for the scanner test page. Times come from the key events themselves
(`QKeyEvent.timestamp()`), so a busy GUI thread that handles a burst late
still sees it as a burst, and tests can set them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QWidget

from app.core.scans import Scan
from app.scanning.bursts import (
    LOOKS_LIKE_SCAN,
    Burst,
    KeyTime,
    Outcome,
    Problem,
    Rule,
    why_typing,
)
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
_END_KEYS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
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
    #: Every burst and what it was read as (`app.scanning.bursts.Burst`): the test page's.
    burst_read = Signal(object)

    def __init__(
        self, settings: WedgeSettings | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings or WedgeSettings()
        self._debounce = Debounce(self.settings.codes.debounce_ms)
        self._held: list[_HeldKey] = []
        #: The slow gap inside the held keys, once a run that looked like a scan was cut.
        self._cut: Problem | None = None
        #: Every key since the last pause, held or handed on: what the test page is shown.
        self._trail: list[KeyTime] = []
        #: The last key press let pass (time, key, text), offered again to the focused widget.
        self._let_pass: tuple[int, int, str] | None = None
        self._last_key_at: int | None = None
        self._after_scan = False
        self._handing_on = False
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(self.settings.release_after_ms)
        self._release.timeout.connect(self._on_release)
        self._on_scan: ScanHandler | None = None

    def reconfigure(self, settings: WedgeSettings) -> None:
        """Read the next keys with `settings` (the station's were changed); held keys go on."""
        self._hand_on_held_keys()
        self._end_trail()
        self.settings = settings
        self._debounce = Debounce(settings.codes.debounce_ms)
        self._release.setInterval(settings.release_after_ms)

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
            if self._held and (self._character(event) is not None or _end_key(event)):
                event.accept()
                return True
            return False
        # Qt offers a key press to the window, then to the focused widget and up its
        # parents. A press kept here goes no further; one let pass comes back with the same
        # time stamp and is let pass again without a change of state.
        press = (event.timestamp(), event.key(), event.text())
        if press == self._let_pass:
            return False
        if self._key_press(watched, event):
            event.accept()
            return True
        self._let_pass = press
        return False

    def _character(self, event: QKeyEvent) -> str | None:
        """The character a key types into a scan, or None for any other key."""
        text = event.text()
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
        gap = None if self._last_key_at is None else at - self._last_key_at
        self._last_key_at = at
        if gap is None or not 0 <= gap <= self.settings.release_after_ms:
            # A pause: what came before it is over (the release timer may not have run yet).
            self._hand_on_held_keys()
            self._end_trail()
        quick = gap is not None and 0 <= gap <= self.settings.key_gap_ms
        after_scan, self._after_scan = self._after_scan, False
        end = _end_key(event)
        character = None if end else self._character(event)
        if event.isAutoRepeat() or not (end or character):
            # Backspace, arrows, a key held down: a person at work (scanners never repeat).
            self._hand_on_held_keys()
            self._end_trail()
            return False
        if end:
            return self._end_key(end, at, gap if not quick else None, after_scan=after_scan)
        assert character is not None
        self._trail.append(KeyTime(character, at))
        if self._held and not quick:
            if self._cut is None and len(self._held) >= LOOKS_LIKE_SCAN:
                # A run that looked like a scan, cut by one slow gap: hold on to it.
                assert gap is not None
                self._cut = Problem(Rule.GAP, len(self._held) + 1, gap)
            else:
                self._hand_on_held_keys()
        elif not self._held and quick and not after_scan:
            # Quick after a key already handed on: the rest of that run is typing too. (Quick
            # after a scan's end key is the next scan starting: a scanner that reads two
            # barcodes at one pull sends them back to back.)
            return False
        self._held.append(_HeldKey(target, QKeyEvent(event), character))
        self._release.start()
        return True

    def _end_key(self, end: str, at: int, slow_gap: int | None, *, after_scan: bool) -> bool:
        """Enter or Tab: the held keys are a scan, an unreadable scan or typing.

        `slow_gap` is the pause before the end key when it was longer than the key gap.
        """
        held = len(self._held)
        if held < LOOKS_LIKE_SCAN:
            if not held and after_scan and slow_gap is None:
                # The second half of a CR LF after a scan.
                self._after_scan = True
                return True
            self._hand_on_held_keys()
            self._end_trail(end, at)
            return False
        problem = self._cut
        if problem is None and slow_gap is not None:
            problem = Problem(Rule.GAP, held + 1, slow_gap)
        if problem is None and end not in self.settings.terminators:
            problem = Problem(Rule.TERMINATOR)
        if problem is None and held < self.settings.min_length:
            problem = Problem(Rule.SHORT)
        self._end_scan(end, at, problem)
        return True

    def _end_scan(self, end: str, at: int, problem: Problem | None) -> None:
        """The held keys were a scan (or, with `problem`, an unreadable one): emit it, unless
        it repeats the last scan too soon."""
        self._release.stop()
        keys = tuple(KeyTime(held.character, held.event.timestamp()) for held in self._held)
        raw = "".join(key.character for key in keys)
        self._held.clear()
        self._cut = None
        self._trail.clear()
        self._after_scan = True
        scan = normalise(raw, self.settings.codes)
        if problem is not None:
            scan = replace(scan, code=scan.code or raw, unreadable=True)
        outcome = Outcome.SCAN if problem is None else Outcome.UNREADABLE
        self.burst_read.emit(Burst(keys, end, at, outcome, scan, problem))
        # A held trigger repeats a scan; an unreadable one is told every time.
        if problem is not None or (scan.code and self._debounce.accept(scan.code, at)):
            self.scanned.emit(scan)

    def _end_trail(self, end: str = "", at: int | None = None) -> None:
        """The keys since the last pause were typing: tell the test page when they were a run
        of a few keys or ended in Enter or Tab (a scanner the settings do not fit)."""
        keys, self._trail = tuple(self._trail), []
        if len(keys) < LOOKS_LIKE_SCAN and not (end and len(keys) > 1):
            return
        raw = "".join(key.character for key in keys)
        burst = Burst(keys, end, at, Outcome.TYPING, normalise(raw, self.settings.codes))
        settings = self.settings
        problem = why_typing(burst, settings.key_gap_ms, settings.min_length)
        self.burst_read.emit(replace(burst, problem=problem))

    def _on_release(self) -> None:
        """No key came for a while: the held keys were typing."""
        self._hand_on_held_keys()
        self._end_trail()

    def _hand_on_held_keys(self) -> None:
        """The held keys were typing: give them to their widgets, in the order they came."""
        self._release.stop()
        held, self._held = self._held, []
        self._cut = None
        self._handing_on = True
        try:
            for key in held:
                if shiboken6.isValid(key.target):
                    QCoreApplication.sendEvent(key.target, QKeyEvent(key.event))
        finally:
            self._handing_on = False


def _end_key(event: QKeyEvent) -> str:
    """CR for Enter, TAB for Tab (named by their key: their text differs between platforms),
    "" for any other key."""
    key = event.key()
    if key in _END_KEYS:
        return _END_KEYS[Qt.Key(key)]
    return "\r" if event.text() in ("\r", "\n") else ""
