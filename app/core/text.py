"""What any text given to Kenpin may hold: no control characters, and no more than fits.

A control character (NUL, ESC, DEL, the C1 block) in a stored name or number
is echoed raw to a terminal, breaks a label's ZPL, and PostgreSQL refuses NUL
outright; so text with one is refused where it comes in. Multi-line fields
(a gift message, notes) may hold tabs and line breaks; nothing else may.
"""

from __future__ import annotations

import unicodedata

from app.core.errors import Refused

_NAMED = {
    "\x00": "NUL",
    "\x1b": "ESC",
    "\x7f": "DEL",
    "\n": "line break",
    "\r": "line break",
    "\t": "tab",
}
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: What a multi-line field may hold besides printable text.
_LAYOUT = frozenset("\t\n\r")


def control_character(value: str, *, multiline: bool = False) -> str | None:
    """The name of the first control character in `value` (NUL, ESC, U+0085...), or None.

    With `multiline`, tabs and line breaks are allowed.
    """
    if value.isprintable():
        return None
    for ch in value:
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in _LAYOUT):
            return _NAMED.get(ch, f"U+{ord(ch):04X}")
    return None


def shown(value: str, most: int = 40) -> str:
    """The value in double quotes as a message shows it: control characters escaped, cut short."""
    text = "".join(
        _ESCAPES.get(ch, f"\\x{ord(ch):02x}") if unicodedata.category(ch) == "Cc" else ch
        for ch in value
    )
    return '"' + (text if len(text) <= most else text[: most - 1] + "…") + '"'


def check_text(what: str, value: str, most: int) -> None:
    """Refuse a value given on the command line that is too long or holds a control character;
    `what` names it in the sentence (`--station`, `name`)."""
    if len(value) > most:
        raise Refused(f"{what}: too long ({len(value)} characters, at most {most})")
    found = control_character(value)
    if found is not None:
        raise Refused(f"{what}: {value!r} contains a control character ({found})")
