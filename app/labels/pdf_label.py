"""The shipping label as a 100 × 150 mm PDF, drawn from the same layout as the ZPL.

All text is real text in IPA Gothic, embedded as a subset, so the label prints
the same on a PC without Japanese fonts and its text layer holds the address.
The tracking barcode comes from python-barcode where it has the symbology and
from reportlab's barcode module otherwise.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import barcode
import barcode.charsets.code128
import barcode.codex
from reportlab.graphics.barcode.common import Codabar
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.core.label import LabelContent, Symbology
from app.labels.fonts import register_japanese_font
from app.labels.layout import LABEL, BarcodeArea, Layout, ascent, fitted_fields

#: python-barcode's name for each symbology.
_PYTHON_BARCODE: dict[Symbology, str] = {Symbology.CODE128: "code128", Symbology.CODABAR: "codabar"}

#: Draws the barcode's bars with their bottom-left corner at (x, y) in points; returns its width.
BarDrawer = Callable[[Canvas, LabelContent, BarcodeArea, float, float], float]


def _bar_runs(modules: str) -> Iterator[tuple[int, int]]:
    """(first module, width in modules) of each run of 1s in a module string: one bar each."""
    start = None
    for index, module in enumerate(modules + "0"):
        if module == "1" and start is None:
            start = index
        elif module == "0" and start is not None:
            yield start, index - start
            start = None


#: Code 128's start character of code set C (digit pairs).
START_C = barcode.charsets.code128.START_CODES["C"]


class Code128(barcode.codex.Code128):  # type: ignore[misc]
    """python-barcode's Code 128, without its one slip: a code that starts in code set C
    with the digits "99" (`99000000`) lost them, taken for a switch to code set C."""

    def _try_to_optimize(self, encoded: list[int]) -> list[int]:
        if encoded[0] == START_C:
            return encoded
        return list(super()._try_to_optimize(encoded))


def draw_with_python_barcode(
    pdf: Canvas, content: LabelContent, area: BarcodeArea, x: float, y: float
) -> float:
    """The bars as python-barcode builds them, drawn as vector rectangles."""
    kind = (
        Code128
        if content.symbology is Symbology.CODE128
        else barcode.get_barcode_class(_PYTHON_BARCODE[content.symbology])
    )
    if content.symbology is Symbology.CODABAR:
        # Narrow 2 units, wide 2 × ratio units: the ratio the ZPL printer uses too.
        symbol = kind(content.barcode_data, narrow=2, wide=round(2 * area.ratio))
        unit = area.module * mm / 2
    else:
        symbol = kind(content.barcode_data)
        unit = area.module * mm
    modules: str = symbol.build()[0]
    for start, width in _bar_runs(modules):
        pdf.rect(x + start * unit, y, width * unit, area.height * mm, stroke=0, fill=1)
    return float(len(modules) * unit)


def draw_with_reportlab(
    pdf: Canvas, content: LabelContent, area: BarcodeArea, x: float, y: float
) -> float:
    """Codabar (NW-7) from reportlab's barcode module, for a python-barcode without it."""
    symbol = Codabar(
        content.barcode_data,
        barWidth=area.module * mm,
        ratio=area.ratio,
        barHeight=area.height * mm,
        quiet=0,
        checksum=0,
    )
    symbol.drawOn(pdf, x, y)
    return float(symbol.width)


def bar_drawer(symbology: Symbology) -> BarDrawer:
    """Which library draws this symbology: python-barcode when it has it, else reportlab."""
    if _PYTHON_BARCODE[symbology] in barcode.PROVIDED_BARCODES:
        return draw_with_python_barcode
    return draw_with_reportlab


def render_pdf(
    content: LabelContent, layout: Layout = LABEL, draw_bars: BarDrawer | None = None
) -> bytes:
    """One label as a one-page PDF of the layout's size, the font embedded."""
    font = register_japanese_font()
    out = io.BytesIO()
    page_height = layout.height * mm
    pdf = Canvas(out, pagesize=(layout.width * mm, page_height), pageCompression=1)
    pdf.setTitle(
        f"Shipping label {content.order_number} {content.parcel_no}/{content.parcel_count}"
    )
    pdf.setAuthor("Kenpin")
    for rule in layout.rules:
        pdf.setLineWidth(rule.thickness * mm)
        top = page_height - rule.y * mm
        if rule.width and rule.height:
            pdf.rect(rule.x * mm, top - rule.height * mm, rule.width * mm, rule.height * mm)
        else:
            pdf.line(rule.x * mm, top, (rule.x + rule.width) * mm, top - rule.height * mm)
    for fitted in fitted_fields(content, layout):
        baseline = fitted.field.y + ascent() * fitted.size
        pdf.setFont(font, fitted.size * mm)
        pdf.drawString(fitted.field.x * mm, page_height - baseline * mm, fitted.text)
    area = layout.barcode
    bottom = page_height - (area.y + area.height) * mm
    drawer = draw_bars or bar_drawer(content.symbology)
    width = drawer(pdf, content, area, area.x * mm, bottom)
    # The interpretation line under the bars, as the printer's ^BK/^BC … Y prints it.
    pdf.setFont(font, area.text_size * mm)
    pdf.drawCentredString(
        area.x * mm + width / 2,
        bottom - (0.5 + ascent() * area.text_size) * mm,
        content.tracking_number,
    )
    pdf.showPage()
    pdf.save()
    return out.getvalue()
