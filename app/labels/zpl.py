"""The shipping label as ZPL II for 203 and 300 dpi thermal printers.

Every field's data goes through `^FH` with every byte that could mean something
to the printer written as a hex escape, so nothing a customer types into an
address can end the field or start a command. Japanese text is drawn as a
`^GFA` bitmap from the bundled font, because thermal printers rarely carry a
CJK font; plain ASCII text uses the printer's own scalable font `^A0`.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from app.core.errors import Refused
from app.core.label import LabelContent, Symbology
from app.labels.fonts import FONT_FILE
from app.labels.layout import LABEL, FittedText, Layout, Rule, fitted_fields

#: Zebra's 203 and 300 dpi heads are 8 and 12 dots per mm: 100 × 150 mm is 800 × 1200 dots.
DOTS_PER_MM = {203: 8, 300: 12}
DPIS = tuple(DOTS_PER_MM)
#: `^FH`'s default escape character, which must itself be escaped in field data.
ESCAPE = "_"
_SPECIAL = frozenset(b"^~" + ESCAPE.encode())


def dots(mm: float, dpi: int) -> int:
    """A length in mm as whole printer dots at `dpi`."""
    return round(mm * DOTS_PER_MM[dpi])


def escape_field(text: str) -> str:
    """`text` as `^FH` field data: printable ASCII as is, every other UTF-8 byte as `_XX`.

    `^`, `~`, the escape character and control characters are always escaped,
    so the data can never end the field or become a command.
    """
    out = []
    for byte in text.encode("utf-8", errors="replace"):
        if 0x20 <= byte < 0x7F and byte not in _SPECIAL:
            out.append(chr(byte))
        else:
            out.append(f"{ESCAPE}{byte:02X}")
    return "".join(out)


def uses_printer_font(text: str) -> bool:
    """True when every character is printable ASCII, which every Zebra font has."""
    return all(" " <= char <= "~" for char in text)


@lru_cache(maxsize=64)
def _font(pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), pixels, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=4096)
def text_bitmap(text: str, pixels: int) -> str:
    """`text` in the bundled font at `pixels` em as a `^GFA` graphic field (cached per text)."""
    font = _font(pixels)
    ascent, descent = font.getmetrics()
    width = max(1, math.ceil(font.getlength(text)))
    image = Image.new("1", (width, ascent + descent), 0)
    # Ink is 1 in mode "1", and 1 is a black dot in ZPL's graphic data.
    ImageDraw.Draw(image).text((0, 0), text, font=font, fill=1, anchor="la")
    data = image.tobytes()
    row = (width + 7) // 8
    return f"^GFA,{len(data)},{len(data)},{row},{data.hex().upper()}"


def _rule(rule: Rule, dpi: int) -> str:
    thickness = max(1, dots(rule.thickness, dpi))
    width = max(thickness, dots(rule.width, dpi))
    height = max(thickness, dots(rule.height, dpi))
    return f"^FO{dots(rule.x, dpi)},{dots(rule.y, dpi)}^GB{width},{height},{thickness}^FS"


def _text(fitted: FittedText, dpi: int) -> str:
    at = f"^FO{dots(fitted.field.x, dpi)},{dots(fitted.field.y, dpi)}"
    pixels = max(1, dots(fitted.size, dpi))
    if uses_printer_font(fitted.text):
        return f"{at}^A0N,{pixels},{pixels}^FH{ESCAPE}^FD{escape_field(fitted.text)}^FS"
    return f"{at}{text_bitmap(fitted.text, pixels)}^FS"


def _barcode(content: LabelContent, layout: Layout, dpi: int) -> str:
    area = layout.barcode
    module = max(1, dots(area.module, dpi))
    height = dots(area.height, dpi)
    data = escape_field(content.tracking_number)
    start = f"^FO{dots(area.x, dpi)},{dots(area.y, dpi)}^BY{module},{area.ratio:.1f},{height}"
    if content.symbology is Symbology.CODABAR:
        # Start and stop characters are the command's parameters, not field data.
        symbol = f"^BKN,N,{height},Y,N,A,A"
    else:
        symbol = f"^BCN,{height},Y,N,N"
    return f"{start}{symbol}^FH{ESCAPE}^FD{data}^FS"


def render_zpl(content: LabelContent, dpi: int = 203, layout: Layout = LABEL) -> bytes:
    """One label as a ZPL II document `^XA … ^XZ` for a printer of `dpi` (203 or 300)."""
    if dpi not in DPIS:
        raise Refused(f"dpi: {dpi} is not one of {', '.join(map(str, DPIS))}")
    parts = [
        "^XA",
        "^CI28",
        f"^PW{dots(layout.width, dpi)}",
        f"^LL{dots(layout.height, dpi)}",
        "^LH0,0",
    ]
    parts += [_rule(rule, dpi) for rule in layout.rules]
    parts += [_text(fitted, dpi) for fitted in fitted_fields(content, layout)]
    parts.append(_barcode(content, layout, dpi))
    parts.append("^XZ")
    return "\n".join(parts).encode("ascii")
