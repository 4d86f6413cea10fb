"""The verdict sounds: a beep for a counted unit, a buzz for a refusal, a chime for a finished pack.

A packer hears the verdict before looking up. Where QtMultimedia or an audio
output is missing (a PC without speakers, a test machine) the station stays
silent: no error, and none of the multimedia backend's complaints in the log.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, qInstallMessageHandler

import app

if TYPE_CHECKING:
    # Imported late at run time: importing it is what makes the backend complain.
    from PySide6.QtMultimedia import QSoundEffect

SOUNDS = Path(app.__file__).resolve().parent.parent / "resources" / "sounds"
VOLUME = 0.8


class Sound(StrEnum):
    """One of the station's sounds, named as its file is."""

    ACCEPTED = "accepted"
    REFUSED = "refused"
    COMPLETED = "completed"


@contextmanager
def _quiet_qt() -> Iterator[None]:
    """Swallow Qt's messages for a moment.

    Loading the multimedia backend on a machine without sound lists every
    library it could not find (PipeWire, VA-API, PulseAudio); that says
    nothing the packer or a supervisor could act on.
    """
    previous = qInstallMessageHandler(lambda *_: None)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class StationSounds(QObject):
    """Plays the three verdict sounds, or nothing where there is no way to."""

    def __init__(self, folder: Path = SOUNDS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: dict[Sound, QSoundEffect] = {}
        #: The packer's switch (kept while the window is open, across logins).
        self.enabled = True
        with _quiet_qt():
            self._load(folder)

    @property
    def audible(self) -> bool:
        """True when an audio output was found and the sounds were loaded."""
        return bool(self._effects)

    def _load(self, folder: Path) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError:  # PySide6-Addons not installed: a silent station still works
            return
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return
        for sound in Sound:
            path = folder / f"{sound.value}.wav"
            if not path.is_file():
                continue
            effect = QSoundEffect(device, self)
            effect.statusChanged.connect(lambda s=sound: self._check(s))
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(VOLUME)
            self._effects[sound] = effect

    def _check(self, sound: Sound) -> None:
        """Drop a sound the output cannot play, so each verdict does not try again."""
        from PySide6.QtMultimedia import QSoundEffect

        effect = self._effects.get(sound)
        if effect is not None and effect.status() == QSoundEffect.Status.Error:
            del self._effects[sound]

    def set_enabled(self, on: bool) -> None:
        """Switch the sounds on or off (the pack screen's sound switch)."""
        self.enabled = on
        if not on:
            for effect in self._effects.values():
                effect.stop()

    def play(self, sound: Sound) -> None:
        """Play `sound` (cutting short the one before, so quick scans are each heard)."""
        effect = self._effects.get(sound)
        if effect is None or not self.enabled:
            return
        for other in self._effects.values():
            other.stop()
        effect.play()
