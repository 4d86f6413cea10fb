"""The one shipping-label layout both renderers draw: 100 × 150 mm, positions in mm.

Origin is the label's top-left corner, y grows downwards (as on a thermal
printer); the PDF renderer flips it. Text is fitted here, once, with the
bundled font's own advance widths, so ZPL and PDF shrink or cut the same text
the same way.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

from app.core.label import LabelContent, postal_display
from app.labels.fonts import FONT_FILE

WIDTH_MM = 100.0
HEIGHT_MM = 150.0
ELLIPSIS = "…"
#: Font size the advance widths are measured at; widths scale linearly from it.
_MEASURE_PX = 100


@dataclass(frozen=True, slots=True)
class Rule:
    """A box outline (or a line, when one side is 0) of the given thickness."""

    x: float
    y: float
    width: float
    height: float
    thickness: float = 0.4


@dataclass(frozen=True, slots=True)
class TextField:
    """Where one text goes: top-left corner, font size (em, mm), width it must fit."""

    key: str
    x: float
    y: float
    size: float
    width: float
    min_size: float


@dataclass(frozen=True, slots=True)
class BarcodeArea:
    """The tracking barcode: top-left corner, bar height, narrow module, wide:narrow ratio."""

    x: float
    y: float
    height: float
    module: float
    ratio: float
    text_size: float


@dataclass(frozen=True, slots=True)
class Layout:
    """A whole label: its size, outlines, text fields and the barcode."""

    width: float
    height: float
    rules: tuple[Rule, ...]
    fields: tuple[TextField, ...]
    barcode: BarcodeArea


@dataclass(frozen=True, slots=True)
class FittedText:
    """A field's text as it will be printed and the size that makes it fit."""

    field: TextField
    text: str
    size: float


def _text(key: str, x: float, y: float, size: float, width: float) -> TextField:
    return TextField(key, x, y, size, width, min_size=min(size, 2.6))


LABEL = Layout(
    width=WIDTH_MM,
    height=HEIGHT_MM,
    rules=(
        Rule(3, 3, 94, 144, 0.6),
        Rule(3, 16, 94, 0),
        Rule(3, 72, 94, 0),
        Rule(50, 72, 0, 16),
        Rule(3, 88, 94, 0),
        Rule(3, 110, 94, 0),
        Rule(3, 121, 94, 0),
    ),
    fields=(
        _text("carrier", 5, 6, 5.5, 68),
        _text("parcel", 75, 6, 5.5, 20),
        _text("to_caption", 5, 18, 2.8, 40),
        _text("to_postal", 5, 22.5, 4.5, 60),
        _text("to_region", 5, 28.5, 4.5, 90),
        _text("to_address1", 5, 34.5, 4.5, 90),
        _text("to_address2", 5, 40.5, 4.5, 90),
        _text("to_name", 5, 48, 7, 90),
        _text("to_phone", 5, 58, 4.5, 90),
        _text("date_caption", 5, 74, 2.8, 43),
        _text("date", 5, 79, 5, 43),
        _text("time_caption", 52, 74, 2.8, 43),
        _text("time", 52, 79, 5, 43),
        _text("from_caption", 5, 90, 2.8, 40),
        _text("from_name", 5, 94, 3.8, 90),
        _text("from_address", 5, 99.5, 3, 90),
        _text("from_phone", 5, 104.5, 3, 90),
        _text("order", 5, 113, 4, 62),
        _text("gift", 72, 113, 4, 23),
        _text("tracking", 5, 141, 5, 90),
    ),
    barcode=BarcodeArea(x=8, y=123, height=12, module=0.375, ratio=2.5, text_size=2.5),
)


def printable(text: str) -> str:
    """`text` with control, format and separator characters made spaces, on one line."""
    return "".join(
        " " if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Zl", "Zp"} else char
        for char in text
    ).strip()


def field_texts(content: LabelContent) -> dict[str, str]:
    """The text of every field for this label, keyed as in `LABEL.fields`; empty ones left out."""
    to, sender = content.ship_to, content.ship_from
    date = content.delivery_date
    texts = {
        "carrier": f"{content.carrier_name} {content.service}",
        "parcel": f"{content.parcel_no}/{content.parcel_count}",
        "to_caption": "お届け先",
        "to_postal": postal_display(printable(to.postal_code)),
        "to_region": f"{printable(to.prefecture)}{printable(to.city)}",
        "to_address1": to.address1,
        "to_address2": to.address2,
        "to_name": f"{printable(to.name)} 様" if printable(to.name) else "",
        "to_phone": f"TEL {printable(to.phone)}" if printable(to.phone) else "",
        "date_caption": "お届け予定日",
        "date": f"{date.year}/{date.month:02d}/{date.day:02d}" if date else "指定なし",
        "time_caption": "時間帯",
        "time": content.delivery_time or "指定なし",
        "from_caption": "ご依頼主",
        "from_name": sender.name,
        "from_address": " ".join(
            part for part in (postal_display(sender.postal_code), sender.address) if part
        ),
        "from_phone": f"TEL {sender.phone}" if printable(sender.phone) else "",
        "order": f"Order {content.order_number}",
        "gift": "ギフト" if content.gift else "",
        "tracking": content.tracking_display,
    }
    cleaned = {key: printable(text) for key, text in texts.items()}
    return {key: text for key, text in cleaned.items() if text}


@lru_cache(maxsize=1)
def measuring_font() -> ImageFont.FreeTypeFont:
    """The bundled font at the measuring size, basic layout (no shaping, as in the PDF)."""
    return ImageFont.truetype(str(FONT_FILE), _MEASURE_PX, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=1)
def ascent() -> float:
    """The font's ascent in em: how far below a field's top its baseline sits."""
    return measuring_font().getmetrics()[0] / _MEASURE_PX


@lru_cache(maxsize=8192)
def advance(text: str) -> float:
    """Width of `text` in em (mm at a 1 mm font size)."""
    return float(measuring_font().getlength(text)) / _MEASURE_PX


def fit(field: TextField, text: str) -> FittedText:
    """Shrink `text` to fit its field, down to the field's smallest size, then cut it with …."""
    width = advance(text)
    if width * field.size <= field.width:
        return FittedText(field, text, field.size)
    size = field.width / width
    if size >= field.min_size:
        return FittedText(field, text, size)
    # Longest prefix that fits with the ellipsis, by bisection over its length.
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if advance(text[:middle] + ELLIPSIS) * field.min_size <= field.width:
            low = middle
        else:
            high = middle - 1
    return FittedText(field, text[:low].rstrip() + ELLIPSIS, field.min_size)


def fitted_fields(content: LabelContent, layout: Layout = LABEL) -> list[FittedText]:
    """Every non-empty field of the label, fitted to its place."""
    texts = field_texts(content)
    return [fit(field, texts[field.key]) for field in layout.fields if field.key in texts]
