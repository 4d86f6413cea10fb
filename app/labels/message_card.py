"""The gift message card: the customer's message set in Japanese on a 100×148 mm card."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.core.errors import EnvironmentFailure, Refused
from app.labels.fonts import FONT, register_japanese_font, wrap_text

#: Postcard size (はがき), which fits the card slots of most gift boxes.
CARD = (100 * mm, 148 * mm)
CARD_NAME = "100×148 mm"
MARGIN = 12 * mm
# The message is set as large as fits, from a generous size down to a small one.
SIZES = (16.0, 14.0, 12.0, 10.5, 9.0, 8.0, 7.0)
LEADING = 1.75


@dataclass(frozen=True, slots=True)
class MessageCard:
    """A gift order's message and the order it belongs to."""

    order_number: str
    message: str


def write_message_card(path: Path, card: MessageCard) -> None:
    """Write the card to `path` as a one-page PDF."""
    register_japanese_font()
    width, height = CARD
    pdf = Canvas(str(path), pagesize=CARD, pageCompression=1)
    pdf.setTitle(f"メッセージカード / Message card {card.order_number}")
    pdf.setAuthor("Kenpin")
    pdf.setStrokeGray(0.6)
    pdf.setLineWidth(0.5)
    pdf.roundRect(6 * mm, 6 * mm, width - 12 * mm, height - 12 * mm, 3 * mm)
    pdf.line(width / 2 - 12 * mm, height - 22 * mm, width / 2 + 12 * mm, height - 22 * mm)
    pdf.setFillGray(0.35)
    pdf.setFont(FONT, 9)
    pdf.drawCentredString(width / 2, height - 18 * mm, "Message")
    pdf.setFillGray(0)
    size, lines = _fit(card.message, width - 2 * MARGIN, height - 2 * MARGIN - 26 * mm)
    pdf.setFont(FONT, size)
    step = size * LEADING
    middle = (height - 26 * mm + MARGIN) / 2 + 4 * mm
    y = middle + (len(lines) - 1) * step / 2
    for line in lines:
        pdf.drawCentredString(width / 2, y, line)
        y -= step
    pdf.setFillGray(0.45)
    pdf.setFont(FONT, 6.5)
    pdf.drawRightString(width - MARGIN, 9 * mm, card.order_number)
    pdf.showPage()
    try:
        pdf.save()
    except OSError as exc:
        raise EnvironmentFailure(f"{path}: cannot write the message card: {exc}") from exc


def _fit(message: str, width: float, height: float) -> tuple[float, list[str]]:
    """The largest size at which the message fits the area, and its lines at that size.

    A size at which every phrase stays whole on its line wins over a larger one
    that has to cut a phrase in two.
    """
    fitting = []
    for size in SIZES:
        lines, whole = _phrase_lines(message, size, width)
        if len(lines) * size * LEADING <= height:
            if whole:
                return size, lines
            fitting.append((size, lines))
    if fitting:
        return fitting[0]
    # Cutting a customer's message short would be worse than printing no card.
    raise Refused(
        f"the gift message ({len(message)} characters) is too long for a "
        f"{CARD_NAME} card even at {SIZES[-1]} pt"
    )


def _phrase_lines(message: str, size: float, width: float) -> tuple[list[str], bool]:
    """Lines of whole phrases (ending at 、。！？ or a space) where they fit; whether all did."""
    lines: list[str] = []
    whole = True
    for paragraph in message.splitlines() or [""]:
        line = ""
        for phrase in re.findall(r"[^、。！？!?\s]*[、。！？!?\s]*", paragraph):
            if pdfmetrics.stringWidth(line + phrase.rstrip(), FONT, size) <= width:
                line += phrase
                continue
            if line:
                lines.append(line.rstrip())
            if pdfmetrics.stringWidth(phrase.rstrip(), FONT, size) <= width:
                line = phrase
                continue
            whole = False
            *full, line = wrap_text(phrase, FONT, size, width)
            lines += full
        lines.append(line.rstrip())
    return lines, whole
