"""Write the station's three sounds as short 16-bit stereo 48 kHz WAV files.

    .venv/bin/python scripts/make_sounds.py [FOLDER]   (default resources/sounds)

accepted.wav: a short high beep; refused.wav: a low double buzz a packer
cannot mistake for it; completed.wav: a rising two-tone chime. Generated
rather than recorded so they can be remade and carry no one else's rights.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Callable, Iterable
from pathlib import Path

#: 48 kHz stereo is what most sound cards mix at, so no device has to convert it.
RATE = 48_000
#: Below full scale: a USB speaker turned up at the bench must not clip.
PEAK = 0.55


def _tone(
    seconds: float,
    wave_at: Callable[[float], float],
    *,
    attack: float = 0.005,
    release: float = 0.02,
    decay: float = 0.0,
) -> list[float]:
    """Samples of one tone with soft edges (no click) and an optional exponential decay."""
    count = int(seconds * RATE)
    samples = []
    for n in range(count):
        t = n / RATE
        edge = min(1.0, t / attack, (seconds - t) / release)
        fade = math.exp(-decay * t) if decay else 1.0
        samples.append(wave_at(t) * edge * fade)
    return samples


def _sine(freq: float) -> Callable[[float], float]:
    return lambda t: math.sin(2 * math.pi * freq * t)


def _buzz(freq: float) -> Callable[[float], float]:
    """A square-ish wave of odd harmonics: rough, low and unmistakable."""
    return lambda t: sum(math.sin(2 * math.pi * freq * k * t) / k for k in (1, 3, 5, 7)) * 0.8


def _bell(freq: float) -> Callable[[float], float]:
    """A fundamental with a quiet octave above it: rounder than a bare sine."""
    return lambda t: 0.8 * math.sin(2 * math.pi * freq * t) + 0.2 * math.sin(4 * math.pi * freq * t)


def _silence(seconds: float) -> list[float]:
    return [0.0] * int(seconds * RATE)


SOUNDS: dict[str, Callable[[], list[float]]] = {
    "accepted": lambda: _tone(0.11, _bell(1568.0), release=0.04),
    "refused": lambda: (
        _tone(0.18, _buzz(150.0)) + _silence(0.07) + _tone(0.26, _buzz(150.0), release=0.05)
    ),
    "completed": lambda: (
        _tone(0.16, _bell(1046.5), decay=3.0) + _tone(0.45, _bell(1568.0), decay=5.0, release=0.1)
    ),
}


def write_wav(path: Path, samples: Iterable[float]) -> None:
    """`samples` (floats in -1..1) as a 16-bit stereo PCM WAV file, the same on both sides."""
    frames = b"".join(
        struct.pack("<hh", level, level)
        for level in (round(max(-1.0, min(1.0, s * PEAK)) * 32767) for s in samples)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/sounds")
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        write_wav(folder / f"{name}.wav", make())
        print(f"wrote {folder / name}.wav")
    return 0


if __name__ == "__main__":
    sys.exit(main())
