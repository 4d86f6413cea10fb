"""Text fitted to a carrier's file: Shift_JIS (CP932), JIS X 0208 only, measured in bytes.

The carriers count width the way their systems store it: a character CP932 writes in
one byte (ASCII, 半角カナ) is 1, any other 2 (全角); "≤ 16 全角" is 32 bytes. Yamato's
B2クラウド refuses characters outside JIS X 0208 levels 1 and 2, so the NEC and IBM
extension rows CP932 adds (①, ㈱, 髙, 﨑...) are not written either: the well-known ones
are replaced by their JIS forms (`REPLACEMENTS`), any other makes the order refused.

Nothing is cut short: a value that does not fit is a problem naming the order and the
field (`Fitting`), every order's problems are collected, and the file is refused whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.errors import Refused
from app.core.text import shown

#: Characters a carrier's system cannot take, and what is written instead: the 異体字 that
#: have a JIS X 0208 form, the NEC row-13 signs common in company names, and the Unicode
#: spellings of dashes and spaces that CP932 writes differently.
REPLACEMENTS: dict[str, str] = {
    "𠮷": "吉",
    "髙": "高",
    "﨑": "崎",
    "德": "徳",
    "濵": "濱",
    "栁": "柳",
    "\ufa10": "塚",  # CJK COMPATIBILITY IDEOGRAPH
    "㈱": "(株)",
    "㈲": "(有)",
    "\u00a0": " ",  # NO-BREAK SPACE
    "\u301c": "～",  # WAVE DASH: CP932's 0x8160 reads back as FULLWIDTH TILDE
    "\u2212": "－",  # MINUS SIGN
    "\u2011": "-",  # NON-BREAKING HYPHEN
    "\u2012": "－",  # FIGURE DASH
    "\u2013": "－",  # EN DASH
    "\u2014": "―",  # EM DASH: CP932's 0x815C is HORIZONTAL BAR
    "\u2016": "∥",  # DOUBLE VERTICAL LINE
    "\u00a5": "￥",  # YEN SIGN: CP932's 0x5C is the backslash
    "\u00a2": "￠",
    "\u00a3": "￡",
    "\u00ac": "￢",
    "\t": " ",
    "\r": " ",
    "\n": " ",
}
#: Removed from free text rather than trusting every reader to honour CSV quoting.
_REMOVED = str.maketrans({'"': None, ",": None})
_SPACES = " 　"
#: After these a long address is best split (丁目, 番地, 号 end a part of a Japanese address).
_PART_ENDS = ("丁目", "番地", "号")


def folded(text: str) -> str:
    """`text` with the replacements made and `"` and `,` removed, stripped."""
    return "".join(REPLACEMENTS.get(ch, ch) for ch in text).translate(_REMOVED).strip()


def _writable(ch: str) -> bool:
    try:
        code = ch.encode("cp932")
    except UnicodeEncodeError:
        return False
    if len(code) == 1:
        return 0x20 <= code[0] <= 0x7E or 0xA1 <= code[0] <= 0xDF
    # JIS X 0208 rows 1-8 and 16-84; 0x85-0x87 are CP932's NEC row 13, 0xED-0xFC its
    # NEC-selected and IBM extensions and the user-defined area.
    lead = code[0]
    return 0x81 <= lead <= 0x84 or 0x88 <= lead <= 0x9F or 0xE0 <= lead <= 0xEA


def unwritable(text: str) -> str | None:
    """The first character of `text` a carrier's file cannot hold, or None."""
    return next((ch for ch in text if not _writable(ch)), None)


def width(text: str) -> int:
    """Bytes `text` takes in CP932: 1 for ASCII and 半角カナ, 2 for the rest."""
    return sum(1 if ord(ch) < 0x80 or 0xFF61 <= ord(ch) <= 0xFF9F else 2 for ch in text)


@dataclass(frozen=True, slots=True)
class Most:
    """A field's limit in bytes, said in 全角 (2 bytes each) or 半角 as the carrier says it."""

    bytes: int
    zenkaku: bool = True

    def __str__(self) -> str:
        if self.zenkaku:
            return f"{self.bytes // 2} 全角 ({self.bytes} bytes)"
        return f"{self.bytes} 半角"


def zen(count: int) -> Most:
    """A limit of `count` 全角 characters."""
    return Most(2 * count)


def han(count: int) -> Most:
    """A limit of `count` 半角 characters (bytes)."""
    return Most(count, zenkaku=False)


def measured(size: int, most: Most) -> str:
    """A value's size in the words of its limit: `18 全角 (36 bytes)`, `16 半角`."""
    if most.zenkaku:
        return f"{size / 2:g} 全角 ({size} bytes)"
    return f"{size} 半角"


class Fitting:
    """The problems of one file being written: `ORDER: FIELD: problem`, every order's.

    `done()` refuses the file with all of them; while there is one, nothing is written.
    """

    def __init__(self, layout: str) -> None:
        self.layout = layout
        self.problems: list[str] = []

    def refuse(self, order: str, field: str, message: str) -> None:
        """Note a problem of `order`'s `field`."""
        self.problems.append(f"{order}: {field}: {message}")

    def writable(self, order: str, field: str, value: str) -> str | None:
        """`value` folded, or None (a problem noted) when a character cannot be written."""
        text = folded(value)
        bad = unwritable(text)
        if bad is None:
            return text
        self.refuse(
            order,
            field,
            f"{shown(value)} holds {bad} (U+{ord(bad):04X}), which {self.layout} cannot "
            "take (not Shift_JIS JIS X 0208)",
        )
        return None

    def text(
        self, order: str, field: str, value: str, most: Most, *, required: bool = False
    ) -> str:
        """`value` folded and checked to fit `most` (and not to be empty when `required`);
        "" with a problem noted otherwise."""
        text = self.writable(order, field, value)
        if text is None:
            return ""
        if required and not text:
            self.refuse(order, field, f"empty; {self.layout} requires it")
        if width(text) > most.bytes:
            said = measured(width(text), most)
            self.refuse(order, field, f"{shown(text)} is {said}; {self.layout} allows {most}")
            return ""
        return text

    def spread(
        self, order: str, field: str, parts: Sequence[str], limits: Sequence[Most]
    ) -> list[str]:
        """`parts` (an address's pieces) over fields of `limits`: one part a field when they
        fit, else the whole split between characters, at a space or after 丁目/番地/号
        where it can be. Blanks with a problem noted on `field` when it cannot fit."""
        pieces = [self.writable(order, field, part) for part in parts]
        if any(piece is None for piece in pieces):
            return [""] * len(limits)
        kept = [piece for piece in pieces if piece]
        whole = " ".join(kept)
        lines = _split_parts(kept, [most.bytes for most in limits])
        if lines is None:
            lines = _split(whole, [most.bytes for most in limits])
        if lines is None:
            room = sum(most.bytes for most in limits)
            self.refuse(
                order,
                field,
                f"{shown(whole)} is {measured(width(whole), limits[0])}; {self.layout} allows "
                f"{len(limits)} × {limits[0]}, {room} bytes in all",
            )
            return [""] * len(limits)
        return lines

    def done(self) -> None:
        """Refuse the file with every problem found, one a line."""
        if self.problems:
            raise Refused("\n".join(self.problems))


def _split_parts(parts: Sequence[str], limits: Sequence[int]) -> list[str] | None:
    """Each part starting a field of its own, on as few fields as it needs; None when the
    parts do not fit that way."""
    if not parts:
        return [""] * len(limits)
    for needed in range(1, len(limits) - len(parts) + 2):
        lines = _split(parts[0], limits[:needed])
        rest = _split_parts(parts[1:], limits[needed:]) if lines is not None else None
        if lines is not None and rest is not None and all(lines):
            return [*lines, *rest]
    return None


def _split(text: str, limits: Sequence[int]) -> list[str] | None:
    """`text` over fields of `limits` bytes, or None when it does not fit."""
    if not limits:
        return [] if not text else None
    if width(text) <= limits[0]:
        return [text] + [""] * (len(limits) - 1)
    end, used = 0, 0
    for ch in text:
        used += width(ch)
        if used > limits[0]:
            break
        end += 1
    nice = next((cut for cut in range(end, 0, -1) if _nice_cut(text, cut)), None)
    for cut in dict.fromkeys((nice, end)):
        if not cut:
            continue
        rest = _split(text[cut:].lstrip(_SPACES), limits[1:])
        if rest is not None:
            return [text[:cut].rstrip(_SPACES), *rest]
    return None


def _nice_cut(text: str, cut: int) -> bool:
    return text[cut - 1] in _SPACES or text[:cut].endswith(_PART_ENDS)
