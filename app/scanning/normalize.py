"""What a scanner sent, made into the code it means.

Every scanner input (keyboard wedge, serial, replay) goes through `normalise`, once:
trim the terminator, fold full-width characters (a Japanese IME left on turns
`A` into `Ａ`), take off the AIM symbology identifier (`]C1`, `]E0`, ...) and
put back the GS1 group separator for the stand-in a wedge scanner sends
instead. `Debounce` drops a code repeated by a held trigger.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.core.scans import Scan

#: The GS1 group separator (FNC1 inside an element string), ASCII 0x1D.
GROUP_SEPARATOR = "\x1d"
#: What scanners end a scan with; trimmed from both ends of a code.
TERMINATORS = "\r\n\t"
# An AIM symbology identifier: "]", the symbology's letter, one modifier character.
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")


@dataclass(frozen=True, slots=True)
class InputSettings:
    """How a station's scanners send their codes.

    `group_separator` is the stand-in the scanner sends for the GS1 group
    separator (many wedge scanners cannot type 0x1D; `<GS>`, `^]` and `~` are
    common choices); an empty stand-in turns the replacement off.
    """

    group_separator: str = "<GS>"
    debounce_ms: int = 300


def strip_symbology(text: str) -> tuple[str | None, str]:
    """(AIM identifier or None, the rest) of a scanned text."""
    if _AIM.match(text):
        return text[:3], text[3:]
    return None, text


def fold_full_width(text: str) -> tuple[str, bool]:
    """`text` with full-width letters, digits and signs made ASCII (NFKC), and whether any were."""
    folded = unicodedata.normalize("NFKC", text)
    return folded, folded != text


def trim(text: str) -> str:
    """`text` without the terminators and spaces around it.

    Not `str.strip()`: Python counts 0x1D as white space, and a trailing
    group separator must stay part of a GS1 element string's text.
    """
    return text.strip(TERMINATORS + " ")


def normalise(raw: str, settings: InputSettings | None = None) -> Scan:
    """The scan `raw` means: trimmed, folded to ASCII, AIM prefix taken off, separators restored.

    Every source calls this once, where the scan comes in; nothing after it
    normalises again.
    """
    settings = settings or InputSettings()
    # Fold first: with the IME on, the AIM prefix and the stand-in come full-width too.
    folded, full_width = fold_full_width(raw)
    symbology, code = strip_symbology(trim(folded))
    if settings.group_separator:
        code = code.replace(settings.group_separator, GROUP_SEPARATOR)
    return Scan(trim(code), symbology, full_width)


class Debounce:
    """Drops a code repeated within `window_ms` of its last reading (a held trigger).

    The clock is passed in (milliseconds), so the rule is testable and each
    input uses its own clock: key event times for the wedge, a monotonic
    clock for serial. Every repetition restarts the window, so a trigger
    held down for seconds still gives one scan.
    """

    def __init__(self, window_ms: int = 300) -> None:
        self.window_ms = window_ms
        self._last_code: str | None = None
        self._last_at = 0

    def accept(self, code: str, now_ms: int) -> bool:
        """True when `code` read at `now_ms` is a new scan, False for a repeat."""
        repeat = code == self._last_code and 0 <= now_ms - self._last_at < self.window_ms
        self._last_code, self._last_at = code, now_ms
        return not repeat
