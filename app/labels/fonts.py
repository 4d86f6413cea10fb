"""The Japanese font every Kenpin PDF embeds: IPA Gothic, shipped in resources/fonts.

A subset of the font travels inside each PDF, so a PC without Japanese fonts
prints the same page. The IPA Font Licence allows redistribution; its text is
next to the font file.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import app
from app.core.errors import EnvironmentFailure

FONT_FILE = Path(app.__file__).resolve().parent.parent / "resources" / "fonts" / "ipag.ttf"
#: The name documents set text in, once `register_japanese_font()` has run.
FONT = "IPAGothic"


def register_japanese_font() -> str:
    """Make IPA Gothic available to reportlab (once per process); returns its name."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    try:
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    except Exception as exc:  # a missing file is an OSError, a damaged one reportlab's TTFError
        raise EnvironmentFailure(f"{FONT_FILE}: cannot load the Japanese font: {exc}") from exc
    return FONT


# Characters a Japanese line must not start with (kinsoku): they hang at the end
# of the line before instead.
_NO_LINE_START = frozenset(
    "、。，．,.)）」』】〕〉》！？!?ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ・：；:;"
)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` points (kept newlines start lines).

    Breaks anywhere between characters, as Japanese text does; Latin words are
    kept whole where a space allows it.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        # Most texts fit whole: one measure instead of one per character (a wave's pick
        # list measures thousands).
        if pdfmetrics.stringWidth(paragraph, font, size) <= width:
            lines.append(paragraph)
            continue
        line = ""
        for char in paragraph:
            candidate = line + char
            if line and pdfmetrics.stringWidth(candidate, font, size) > width:
                if char in _NO_LINE_START:
                    lines.append(candidate)
                    line = ""
                    continue
                head, tail = _break_latin_word(line, char)
                lines.append(head)
                line = tail + char if char != " " else tail
            else:
                line = candidate
        lines.append(line)
    return lines


def _break_latin_word(line: str, following: str) -> tuple[str, str]:
    """Move a Latin word cut in half to the next line, when the line has a space to break at."""
    space = line.rfind(" ")
    in_word = following.isascii() and following.isalnum() and line[-1].isascii()
    if space <= 0 or not in_word or not line[-1].isalnum():
        return line, ""
    return line[:space], line[space + 1 :]
