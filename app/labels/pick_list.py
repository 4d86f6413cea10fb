"""The pick list: one wave of orders, bin by bin in walking order, as an A4 PDF.

Each line says which bin to go to, what to take (product and lot) and how many,
and which orders those units are for. After the lines, every order of the wave
is listed with its number as a Code 128 barcode, so the packer can scan it at
the bench, and the wave's totals close the list. A wave made by `kenpin wave
create` has its number as a barcode at the top, and each order its cart slot
(`slot 3`) beside it wherever it is named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.core.errors import EnvironmentFailure
from app.labels.fonts import FONT, register_japanese_font, wrap_text

MARGIN = 14 * mm
HEADER = 20 * mm
FOOTER = 10 * mm
LINE = 4.6 * mm
#: 13 mil modules where the order number is short enough; narrower only to fit its cell.
MODULE = 0.33 * mm
BAR_HEIGHT = 11 * mm
ORDER_COLUMNS = 3
ORDER_CELL = 26 * mm
WAVE_HEADING = 18 * mm
WAVE_BAR_HEIGHT = 13 * mm

# Columns of the pick table: x offset from the margin, and the width where text is fitted.
BIN_X = 0.0
ITEM_X, ITEM_W = 31 * mm, 68 * mm
LOT_X = 100 * mm
QTY_RIGHT = 141 * mm
ORDERS_X, ORDERS_W = 145 * mm, 31 * mm
CHECK_X = 178 * mm


@dataclass(frozen=True, slots=True)
class PickLine:
    """Units of one product and lot to take from one bin, and the orders they go to."""

    location: str
    sku: str
    name: str
    variant: str
    lot_code: str
    expiry: dt.date | None
    qty: int
    #: (order number, units) in the wave's order.
    orders: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class WaveEntry:
    """One order of the wave, for the order list."""

    number: str
    customer_name: str
    units: int
    #: The order's slot on the picking cart (its place in a stored wave), if it has one.
    slot: int | None = None


@dataclass(frozen=True, slots=True)
class PickList:
    """A wave: its pick lines in walking order and its orders, oldest first."""

    lines: tuple[PickLine, ...]
    orders: tuple[WaveEntry, ...]
    printed_on: dt.date
    #: The stored wave's number (`W-000001`), or "" for a list of orders not kept as a wave.
    wave: str = ""

    @property
    def units(self) -> int:
        return sum(line.qty for line in self.lines)

    @property
    def bins(self) -> int:
        return len({line.location for line in self.lines})


# A block of the page: its height and how to draw it with its top at y.
_Draw = Callable[[Canvas, float], None]


@dataclass(frozen=True, slots=True)
class _Block:
    height: float
    draw: _Draw
    table_row: bool = False


def write_pick_list(path: Path, wave: PickList) -> int:
    """Write the wave's pick list to `path`; returns the number of pages."""
    register_japanese_font()
    height = A4[1]
    pages = _paginate(_blocks(wave), height - MARGIN - HEADER, MARGIN + FOOTER)
    pdf = Canvas(str(path), pagesize=A4, pageCompression=1)
    pdf.setTitle(f"ピッキングリスト / Pick list {wave.wave or wave.printed_on.isoformat()}")
    pdf.setAuthor("Kenpin")
    for page_no, placed in enumerate(pages, start=1):
        _page_frame(pdf, wave, page_no, len(pages))
        for block, top in placed:
            block.draw(pdf, top)
        pdf.showPage()
    try:
        pdf.save()
    except OSError as exc:
        raise EnvironmentFailure(f"{path}: cannot write the pick list: {exc}") from exc
    return len(pages)


def _paginate(blocks: list[_Block], top: float, bottom: float) -> list[list[tuple[_Block, float]]]:
    """Blocks placed top to bottom, page by page; table rows get the column heads on each page."""
    heads = _Block(7 * mm, _column_heads)
    pages: list[list[tuple[_Block, float]]] = [[]]
    y = top
    for block in blocks:
        needs_heads = block.table_row and not (pages[-1] and pages[-1][-1][0].table_row)
        wanted = block.height + (heads.height if needs_heads else 0)
        if pages[-1] and y - wanted < bottom:
            pages.append([])
            y = top
            needs_heads = block.table_row
        if needs_heads:
            pages[-1].append((heads, y))
            y -= heads.height
        pages[-1].append((block, y))
        y -= block.height
    return pages


def _blocks(wave: PickList) -> list[_Block]:
    slots = {entry.number: entry.slot for entry in wave.orders if entry.slot is not None}
    blocks = []
    if wave.wave:
        blocks.append(_Block(WAVE_HEADING, lambda pdf, top: _wave_heading(pdf, top, wave)))
    blocks += [_pick_block(line, slots) for line in wave.lines]
    blocks.append(_Block(12 * mm, _orders_heading))
    for start in range(0, len(wave.orders), ORDER_COLUMNS):
        blocks.append(_order_block(wave.orders[start : start + ORDER_COLUMNS]))
    blocks.append(_Block(16 * mm, lambda pdf, top: _totals(pdf, top, wave)))
    return blocks


def _page_frame(pdf: Canvas, wave: PickList, page: int, pages: int) -> None:
    width, height = A4
    top = height - MARGIN
    pdf.setFont(FONT, 16)
    pdf.drawString(MARGIN, top - 7 * mm, "ピッキングリスト  Pick list")
    pdf.setFont(FONT, 9.5)
    pdf.drawRightString(width - MARGIN, top - 4 * mm, f"{wave.printed_on.isoformat()}")
    pdf.drawRightString(
        width - MARGIN,
        top - 9 * mm,
        f"注文 {len(wave.orders)} 件 · {wave.bins} 棚 · {wave.units} 点   "
        f"{len(wave.orders)} orders · {wave.bins} bins · {wave.units} units",
    )
    pdf.setLineWidth(0.8)
    pdf.line(MARGIN, top - 13 * mm, width - MARGIN, top - 13 * mm)
    pdf.setFont(FONT, 8)
    pdf.drawCentredString(width / 2, MARGIN, f"{page} / {pages}")
    pdf.drawString(MARGIN, MARGIN, "Kenpin")


def _column_heads(pdf: Canvas, top: float) -> None:
    pdf.setFont(FONT, 8)
    base = top - 4 * mm
    pdf.drawString(MARGIN + BIN_X, base, "棚 Bin")
    pdf.drawString(MARGIN + ITEM_X, base, "商品 Item")
    pdf.drawString(MARGIN + LOT_X, base, "ロット / 期限 Lot")
    pdf.drawRightString(MARGIN + QTY_RIGHT, base, "数量 Qty")
    pdf.drawString(MARGIN + ORDERS_X, base, "注文 Orders")
    pdf.setLineWidth(0.5)
    pdf.line(MARGIN, top - 6 * mm, A4[0] - MARGIN, top - 6 * mm)


def _wave_heading(pdf: Canvas, top: float, wave: PickList) -> None:
    """The wave's number as a barcode the picker scans to start, and in words beside it."""
    barcode = order_barcode(wave.wave, 60 * mm, WAVE_BAR_HEIGHT)
    barcode.drawOn(pdf, MARGIN, top - 1 * mm - WAVE_BAR_HEIGHT)
    pdf.setFont("Courier-Bold", 14)
    pdf.drawString(MARGIN + barcode.width + 6 * mm, top - 7 * mm, wave.wave)
    pdf.setFont(FONT, 8.5)
    left = MARGIN + barcode.width + 6 * mm
    if any(entry.slot is not None for entry in wave.orders):
        said = (
            "ウェーブ · 商品は注文ごとにカートのスロットへ",
            "Wave · each order's units go to its cart slot",
        )
    else:
        said = (
            "1件の注文 · 商品は空のトート（TOTE-…）へ",
            "One order · its units go into an empty tote (TOTE-…)",
        )
    pdf.drawString(left, top - 11.5 * mm, said[0])
    pdf.drawString(left, top - 15.5 * mm, said[1])


def _order_text(number: str, qty: int, slot: int | None) -> str:
    text = f"{number}  ×{qty}" if qty > 1 else number
    return f"slot {slot}  {text}" if slot is not None else text


def _pick_block(line: PickLine, slots: dict[str, int]) -> _Block:
    item = wrap_text(line.name + (f"  {line.variant}" if line.variant else ""), FONT, 8.5, ITEM_W)
    # One order a line, so the picker can split the units into totes at a glance.
    orders = [
        wrap_text(_order_text(number, qty, slots.get(number)), FONT, 8, ORDERS_W)[0]
        for number, qty in line.orders
    ]
    rows = max(1 + len(item), len(orders), 2)
    height = rows * LINE + 2.5 * mm

    def draw(pdf: Canvas, top: float) -> None:
        first = top - 5 * mm
        pdf.setFont(FONT, 12)
        pdf.drawString(MARGIN + BIN_X, first, line.location)
        pdf.setFont("Courier-Bold", 9.5)
        pdf.drawString(MARGIN + ITEM_X, first, line.sku)
        pdf.setFont(FONT, 8.5)
        for n, text in enumerate(item, start=1):
            pdf.drawString(MARGIN + ITEM_X, first - n * LINE, text)
        if line.lot_code:
            pdf.drawString(MARGIN + LOT_X, first, line.lot_code)
        if line.expiry:
            pdf.drawString(MARGIN + LOT_X, first - LINE, f"期限 {line.expiry.isoformat()}")
        pdf.setFont(FONT, 14)
        pdf.drawRightString(MARGIN + QTY_RIGHT, first - 0.5 * mm, str(line.qty))
        pdf.setFont(FONT, 8)
        for n, text in enumerate(orders):
            pdf.drawString(MARGIN + ORDERS_X, first - n * LINE, text)
        pdf.setLineWidth(0.6)
        pdf.rect(MARGIN + CHECK_X, first - 0.8 * mm, 4 * mm, 4 * mm)
        pdf.setLineWidth(0.25)
        pdf.line(MARGIN, top - height, A4[0] - MARGIN, top - height)

    return _Block(height, draw, table_row=True)


def _orders_heading(pdf: Canvas, top: float) -> None:
    pdf.setFont(FONT, 12)
    pdf.drawString(MARGIN, top - 8 * mm, "注文一覧  Orders in this wave")
    pdf.setLineWidth(0.5)
    pdf.line(MARGIN, top - 10 * mm, A4[0] - MARGIN, top - 10 * mm)


def order_barcode(number: str, width: float, height: float = BAR_HEIGHT) -> Code128:
    """The order number as Code 128, its module narrowed only as far as needed to fit `width`."""
    barcode = Code128(number, barWidth=MODULE, barHeight=height, quiet=1)
    if barcode.width > width:
        barcode = Code128(
            number, barWidth=MODULE * width / barcode.width, barHeight=height, quiet=1
        )
    return barcode


def _order_block(row: tuple[WaveEntry, ...]) -> _Block:
    return _Block(ORDER_CELL, lambda pdf, top: _order_row(pdf, top, row))


def _order_row(pdf: Canvas, top: float, row: tuple[WaveEntry, ...]) -> None:
    cell = (A4[0] - 2 * MARGIN) / ORDER_COLUMNS
    for n, entry in enumerate(row):
        left = MARGIN + n * cell
        barcode = order_barcode(entry.number, cell - 6 * mm)
        barcode.drawOn(pdf, left, top - 2 * mm - BAR_HEIGHT)
        pdf.setFont("Courier-Bold", 9)
        pdf.drawString(left + 2 * mm, top - BAR_HEIGHT - 6 * mm, entry.number)
        pdf.setFont(FONT, 8)
        pdf.drawRightString(left + cell - 6 * mm, top - BAR_HEIGHT - 6 * mm, f"{entry.units} 点")
        slot = f"slot {entry.slot} · " if entry.slot is not None else ""
        name = wrap_text(f"{slot}{entry.customer_name} 様", FONT, 8, cell - 8 * mm)[0]
        pdf.drawString(left + 2 * mm, top - BAR_HEIGHT - 10 * mm, name)


def _totals(pdf: Canvas, top: float, wave: PickList) -> None:
    pdf.setLineWidth(0.8)
    pdf.line(MARGIN, top - 3 * mm, A4[0] - MARGIN, top - 3 * mm)
    pdf.setFont(FONT, 11)
    pdf.drawString(
        MARGIN,
        top - 9 * mm,
        f"合計  注文 {len(wave.orders)} 件 · 棚 {wave.bins} か所 · "
        f"ピック {len(wave.lines)} 行 · {wave.units} 点",
    )
    pdf.setFont(FONT, 8.5)
    pdf.drawString(
        MARGIN,
        top - 13.5 * mm,
        f"Total: {len(wave.orders)} orders, {wave.bins} bins, "
        f"{len(wave.lines)} pick lines, {wave.units} units",
    )
