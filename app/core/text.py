"""What any text given to Kenpin may hold: no control characters, and no more than fits.

A control character (NUL, ESC, DEL, the C1 block) in a stored name or number
is echoed raw to a terminal, breaks a label's ZPL, and PostgreSQL refuses NUL
outright; so text with one is refused where it comes in. Multi-line fields
(a gift message, notes) may hold tabs and line breaks; nothing else may.
"""

from __future__ import annotations

import re

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
# Unicode's control characters (category Cc): C0, DEL and C1.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# The same but tab, line feed and carriage return, which multi-line text may hold.
_CONTROL_BUT_LAYOUT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character(value: str, *, multiline: bool = False) -> str | None:
    """The name of the first control character in `value` (NUL, ESC, U+0085...), or None.

    With `multiline`, tabs and line breaks are allowed.
    """
    found = (_CONTROL_BUT_LAYOUT if multiline else _CONTROL).search(value)
    if found is None:
        return None
    ch = found.group()
    return _NAMED.get(ch, f"U+{ord(ch):04X}")


def shown(value: str, most: int = 40) -> str:
    """The value in double quotes as a message shows it: control characters escaped, cut short."""
    text = _CONTROL.sub(lambda found: _ESCAPES.get(found[0], f"\\x{ord(found[0]):02x}"), value)
    return '"' + (text if len(text) <= most else text[: most - 1] + "…") + '"'


def check_text(what: str, value: str, most: int) -> None:
    """Refuse a value given on the command line that is too long or holds a control character;
    `what` names it in the sentence (`--station`, `name`)."""
    if len(value) > most:
        raise Refused(f"{what}: too long ({len(value)} characters, at most {most})")
    found = control_character(value)
    if found is not None:
        raise Refused(f"{what}: {value!r} contains a control character ({found})")
