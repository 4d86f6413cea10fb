"""The packing slip (納品書) that goes into the carton, as an A4 PDF.

Prices are printed only when every line's price is known and the order is not
a gift: a gift's recipient must never learn what it cost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.core.errors import EnvironmentFailure
from app.core.label import ShipFrom
from app.labels.fonts import FONT, register_japanese_font, wrap_text
from app.labels.pick_list import order_barcode

MARGIN = 16 * mm
LINE = 4.8 * mm
BOTTOM = MARGIN + 14 * mm
BAR_HEIGHT = 12 * mm


@dataclass(frozen=True, slots=True)
class Address:
    """A Japanese postal address with the addressee's name."""

    name: str
    postal_code: str = ""
    prefecture: str = ""
    city: str = ""
    lines: tuple[str, ...] = ()
    phone: str = ""


@dataclass(frozen=True, slots=True)
class SlipItem:
    """One line of the slip; `unit_price` in yen (tax included) when it is known."""

    sku: str
    name: str
    variant: str
    qty: int
    unit_price: int | None = None


@dataclass(frozen=True, slots=True)
class PackingSlip:
    """What one order's packing slip shows."""

    number: str
    order_date: dt.date
    printed_on: dt.date
    ship_to: Address
    ship_from: ShipFrom
    items: tuple[SlipItem, ...]
    gift: bool = False

    @property
    def shows_prices(self) -> bool:
        """Prices appear only on a non-gift slip whose every line has its price."""
        return not self.gift and all(item.unit_price is not None for item in self.items)


def postal_mark(code: str) -> str:
    """A postal code as printed: 〒123-4567 (seven digits get their hyphen)."""
    digits = code.replace("-", "").replace("〒", "").strip()
    if len(digits) == 7 and digits.isdigit():
        return f"〒{digits[:3]}-{digits[3:]}"
    return f"〒{code.strip()}" if code.strip() else ""


def write_packing_slip(path: Path, slip: PackingSlip) -> int:
    """Write the slip to `path`; returns the number of pages."""
    register_japanese_font()
    pdf = Canvas(str(path), pagesize=A4, pageCompression=1)
    pdf.setTitle(f"納品書 / Packing slip {slip.number}")
    pdf.setAuthor("Kenpin")
    columns = _columns(slip.shows_prices)
    rows = [
        _SlipRow(no, item, _row_lines(item, columns["name"][1]), slip.shows_prices)
        for no, item in enumerate(slip.items, start=1)
    ]
    pages = _paginate([row.height for row in rows])
    for page_no, indexes in enumerate(pages, start=1):
        y = _first_page(pdf, slip) if page_no == 1 else _next_page(pdf, slip)
        y = _table_heads(pdf, y, columns)
        for index in indexes:
            y = _item_row(pdf, y, rows[index], columns)
        if page_no == len(pages):
            _totals(pdf, y, slip)
        _footer(pdf, slip, page_no, len(pages))
        pdf.showPage()
    try:
        pdf.save()
    except OSError as exc:
        raise EnvironmentFailure(f"{path}: cannot write the packing slip: {exc}") from exc
    return len(pages)


# First page: title, addresses and order block take this much before the table.
_FIRST_PAGE_HEAD = 92 * mm
_TOTALS = 24 * mm


def _paginate(heights: list[float]) -> list[list[int]]:
    pages: list[list[int]] = [[]]
    room = A4[1] - MARGIN - _FIRST_PAGE_HEAD - 8 * mm - BOTTOM
    for index, height in enumerate(heights):
        last = index == len(heights) - 1
        if pages[-1] and height + (_TOTALS if last else 0) > room:
            pages.append([])
            room = A4[1] - 2 * MARGIN - 18 * mm - BOTTOM
        pages[-1].append(index)
        room -= height
    return pages


def _columns(prices: bool) -> dict[str, tuple[float, float]]:
    """Column name -> (x from the margin, width)."""
    if prices:
        return {
            "no": (0, 8 * mm),
            "sku": (9 * mm, 30 * mm),
            "name": (40 * mm, 72 * mm),
            "qty": (113 * mm, 14 * mm),
            "price": (128 * mm, 22 * mm),
            "amount": (151 * mm, 27 * mm),
        }
    return {
        "no": (0, 8 * mm),
        "sku": (9 * mm, 36 * mm),
        "name": (46 * mm, 110 * mm),
        "qty": (158 * mm, 20 * mm),
    }


def _row_lines(item: SlipItem, width: float) -> list[tuple[str, float]]:
    """The name's lines, then the variant's in a smaller size, as (text, font size)."""
    lines = [(text, 9.5) for text in wrap_text(item.name, FONT, 9.5, width)]
    if item.variant:
        lines += [(text, 8.5) for text in wrap_text(item.variant, FONT, 8.5, width)]
    return lines


def _first_page(pdf: Canvas, slip: PackingSlip) -> float:
    width, height = A4
    top = height - MARGIN
    pdf.setFont(FONT, 22)
    pdf.drawString(MARGIN, top - 9 * mm, "納品書")
    pdf.setFont(FONT, 10)
    pdf.drawString(MARGIN + 30 * mm, top - 9 * mm, "Packing slip")
    barcode = order_barcode(slip.number, 70 * mm, BAR_HEIGHT)
    barcode.drawOn(pdf, width - MARGIN - barcode.width, top - BAR_HEIGHT)
    pdf.setFont("Courier-Bold", 10)
    pdf.drawRightString(width - MARGIN, top - BAR_HEIGHT - 4.5 * mm, slip.number)
    pdf.setFont(FONT, 9)
    pdf.drawRightString(width - MARGIN, top - BAR_HEIGHT - 9.5 * mm, f"発行日 {slip.printed_on}")
    _ship_to(pdf, slip.ship_to, top - 24 * mm)
    _ship_from(pdf, slip.ship_from, width - MARGIN - 62 * mm, top - 40 * mm)
    y = top - 72 * mm
    pdf.setFont(FONT, 10)
    pdf.drawString(MARGIN, y, f"ご注文番号  {slip.number}")
    pdf.drawString(MARGIN + 80 * mm, y, f"ご注文日  {slip.order_date.isoformat()}")
    pdf.setFont(FONT, 9.5)
    greeting = (
        "ご注文の品をお届けいたします。内容をご確認ください。"
        if slip.gift
        else "このたびはご注文いただき、誠にありがとうございます。下記の通り納品いたします。"
    )
    pdf.drawString(MARGIN, y - 9 * mm, greeting)
    return float(top - _FIRST_PAGE_HEAD)


def _next_page(pdf: Canvas, slip: PackingSlip) -> float:
    top = A4[1] - MARGIN
    pdf.setFont(FONT, 11)
    pdf.drawString(MARGIN, top - 5 * mm, f"納品書（続き）  {slip.number}")
    return float(top - 10 * mm)


def _ship_to(pdf: Canvas, to: Address, top: float) -> None:
    width = 105 * mm
    pdf.setFont(FONT, 10.5)
    y = top - 5 * mm
    for text in [postal_mark(to.postal_code), f"{to.prefecture}{to.city}", *to.lines]:
        for part in wrap_text(text, FONT, 10.5, width) if text else []:
            pdf.drawString(MARGIN, y, part)
            y -= 5.5 * mm
    y -= 3 * mm
    pdf.setFont(FONT, 15)
    name = wrap_text(to.name, FONT, 15, width - 12 * mm)[0]
    pdf.drawString(MARGIN, y, name)
    pdf.drawString(MARGIN + pdf.stringWidth(name, FONT, 15) + 3 * mm, y, "様")
    pdf.setLineWidth(0.6)
    pdf.line(MARGIN, y - 2 * mm, MARGIN + width, y - 2 * mm)
    if to.phone:
        pdf.setFont(FONT, 9)
        pdf.drawString(MARGIN, y - 7 * mm, f"TEL {to.phone}")


def _ship_from(pdf: Canvas, shop: ShipFrom, left: float, top: float) -> None:
    lines = [postal_mark(shop.postal_code), *wrap_text(shop.address, FONT, 8.5, 62 * mm)]
    lines += [f"TEL {shop.phone}" if shop.phone else ""]
    if not shop.name and not any(lines):
        return
    pdf.setFont(FONT, 11)
    pdf.drawString(left, top, shop.name)
    pdf.setFont(FONT, 8.5)
    y = top - 5.5 * mm
    for text in lines:
        if text:
            pdf.drawString(left, y, text)
            y -= 4.3 * mm


def _table_heads(pdf: Canvas, y: float, columns: dict[str, tuple[float, float]]) -> float:
    heads = {"no": "No.", "sku": "品番 SKU", "name": "商品名 / 内容", "qty": "数量"}
    heads |= {"price": "単価", "amount": "金額"}
    pdf.setFillGray(0.9)
    pdf.rect(MARGIN, y - 7 * mm, A4[0] - 2 * MARGIN, 7 * mm, stroke=0, fill=1)
    pdf.setFillGray(0)
    pdf.setFont(FONT, 9)
    for key, (x, w) in columns.items():
        if key in ("qty", "price", "amount"):
            pdf.drawRightString(MARGIN + x + w, y - 4.8 * mm, heads[key])
        else:
            pdf.drawString(MARGIN + x + 1 * mm, y - 4.8 * mm, heads[key])
    return float(y - 7 * mm)


@dataclass(frozen=True, slots=True)
class _SlipRow:
    """One item's row of the table: its number, the item, its wrapped lines, its prices."""

    no: int
    item: SlipItem
    lines: list[tuple[str, float]]
    prices: bool

    @property
    def height(self) -> float:
        return float(len(self.lines) * LINE + 3 * mm)


def _item_row(
    pdf: Canvas, y: float, row: _SlipRow, columns: dict[str, tuple[float, float]]
) -> float:
    item, lines = row.item, row.lines
    base = y - 5 * mm
    pdf.setFont(FONT, 9)
    pdf.drawRightString(MARGIN + columns["no"][1] - 1 * mm, base, str(row.no))
    pdf.setFont("Courier", 9)
    pdf.drawString(MARGIN + columns["sku"][0] + 1 * mm, base, item.sku)
    for n, (text, size) in enumerate(lines):
        pdf.setFont(FONT, size)
        pdf.drawString(MARGIN + columns["name"][0] + 1 * mm, base - n * LINE, text)
    pdf.setFont(FONT, 10)
    x, w = columns["qty"]
    pdf.drawRightString(MARGIN + x + w, base, str(item.qty))
    if row.prices and item.unit_price is not None:
        for key, value in (("price", item.unit_price), ("amount", item.unit_price * item.qty)):
            x, w = columns[key]
            pdf.drawRightString(MARGIN + x + w, base, f"¥{value:,}")
    bottom = y - len(lines) * LINE - 3 * mm
    pdf.setLineWidth(0.25)
    pdf.line(MARGIN, bottom, A4[0] - MARGIN, bottom)
    return float(bottom)


def _totals(pdf: Canvas, y: float, slip: PackingSlip) -> None:
    units = sum(item.qty for item in slip.items)
    pdf.setFont(FONT, 10.5)
    right = A4[0] - MARGIN
    pdf.drawRightString(right, y - 7 * mm, f"合計数量  {units} 点")
    if slip.shows_prices:
        total = sum((item.unit_price or 0) * item.qty for item in slip.items)
        pdf.setFont(FONT, 12)
        pdf.drawRightString(right, y - 14 * mm, f"合計金額（税込）  ¥{total:,}")


def _footer(pdf: Canvas, slip: PackingSlip, page: int, pages: int) -> None:
    pdf.setFont(FONT, 8)
    pdf.drawString(MARGIN, MARGIN, f"納品書 {slip.number}")
    pdf.drawRightString(A4[0] - MARGIN, MARGIN, f"{page} / {pages}")
