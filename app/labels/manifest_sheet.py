"""The manifest's hand-over sheet (出荷明細・引渡し書): what the driver signs for, as an A4 PDF.

The first page names the carrier, the ship date, the shipper and the parcel
count, with lines for the driver's and the shipper's signatures and the time
of hand-over. Then every parcel, two to a row: its tracking number as a Code
128 barcode (the driver's scanner reads it) and in groups of four, its order
and carton. A sheet printed again says so at the top.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.core.errors import EnvironmentFailure
from app.core.label import ShipFrom, tracking_display
from app.labels.fonts import FONT, register_japanese_font
from app.labels.pick_list import order_barcode

MARGIN = 14 * mm
HEADER = 16 * mm
FOOTER = 10 * mm
COLUMNS = 2
ROW = 19 * mm
BAR_HEIGHT = 9 * mm
SUMMARY = 62 * mm


@dataclass(frozen=True, slots=True)
class SheetParcel:
    """One parcel on the sheet."""

    tracking: str
    order_number: str
    carton_no: int


@dataclass(frozen=True, slots=True)
class HandoverSheet:
    """Everything the hand-over sheet prints."""

    carrier_name: str
    ship_date: dt.date
    shipper: ShipFrom
    parcels: tuple[SheetParcel, ...]
    closed_at: str
    closed_by: str
    #: Parcels not loaded that stay for the next manifest.
    left_behind: int = 0
    #: Printed again after the close (`kenpin manifest print`).
    reprint: bool = False


def write_handover_sheet(path: Path, sheet: HandoverSheet) -> int:
    """Write the sheet to `path`; the number of pages."""
    register_japanese_font()
    height = A4[1]
    per_page_first = int((height - MARGIN - HEADER - SUMMARY - MARGIN - FOOTER) // ROW) * COLUMNS
    per_page = int((height - MARGIN - HEADER - MARGIN - FOOTER) // ROW) * COLUMNS
    rest = max(0, len(sheet.parcels) - per_page_first)
    pages = 1 + -(-rest // per_page)
    pdf = Canvas(str(path), pagesize=A4, pageCompression=1)
    pdf.setTitle(f"出荷明細 / Manifest {sheet.carrier_name} {sheet.ship_date.isoformat()}")
    pdf.setAuthor("Kenpin")
    start = 0
    for page in range(1, pages + 1):
        _frame(pdf, sheet, page, pages)
        top = height - MARGIN - HEADER
        if page == 1:
            _summary(pdf, sheet, top)
            top -= SUMMARY
            count = per_page_first
        else:
            count = per_page
        _parcels(pdf, sheet.parcels[start : start + count], top, start)
        start += count
        pdf.showPage()
    try:
        pdf.save()
    except OSError as exc:
        raise EnvironmentFailure(f"{path}: cannot write the hand-over sheet: {exc}") from exc
    return pages


def _frame(pdf: Canvas, sheet: HandoverSheet, page: int, pages: int) -> None:
    width, height = A4
    top = height - MARGIN
    pdf.setFont(FONT, 16)
    title = "出荷明細・引渡し書  Manifest"
    pdf.drawString(MARGIN, top - 7 * mm, title + ("  (再発行 reprint)" if sheet.reprint else ""))
    pdf.setFont(FONT, 10)
    pdf.drawRightString(
        width - MARGIN, top - 4 * mm, f"{sheet.carrier_name}  {sheet.ship_date.isoformat()}"
    )
    pdf.drawRightString(width - MARGIN, top - 9 * mm, f"{len(sheet.parcels)} 個口 parcels")
    pdf.setLineWidth(0.8)
    pdf.line(MARGIN, top - 12 * mm, width - MARGIN, top - 12 * mm)
    pdf.setFont(FONT, 8)
    pdf.drawCentredString(width / 2, MARGIN, f"{page} / {pages}")
    pdf.drawString(MARGIN, MARGIN, f"Kenpin · {sheet.closed_at} {sheet.closed_by}")


def _summary(pdf: Canvas, sheet: HandoverSheet, top: float) -> None:
    """Carrier, date, shipper, the count in large type, and the signature lines."""
    width = A4[0]
    shipper = sheet.shipper
    pdf.setFont(FONT, 10)
    y = top - 6 * mm
    for label, value in (
        ("運送会社 Carrier", sheet.carrier_name),
        ("出荷日 Ship date", sheet.ship_date.isoformat()),
        ("荷送人 Shipper", shipper.name),
        ("", f"〒{shipper.postal_code} {shipper.address}".strip()),
        ("", shipper.phone),
    ):
        pdf.drawString(MARGIN, y, label)
        pdf.drawString(MARGIN + 38 * mm, y, value)
        y -= 5.5 * mm
    pdf.setFont(FONT, 30)
    pdf.drawRightString(width - MARGIN, top - 16 * mm, f"{len(sheet.parcels)}")
    pdf.setFont(FONT, 10)
    pdf.drawRightString(width - MARGIN, top - 22 * mm, "個口 parcels")
    if sheet.left_behind:
        pdf.drawRightString(
            width - MARGIN,
            top - 27 * mm,
            f"次便へ持越し {sheet.left_behind} 個口 left for the next manifest",
        )
    y = top - 44 * mm
    column = (width - 2 * MARGIN) / 3
    for n, label in enumerate(
        ("ドライバー署名 Driver", "出荷担当者署名 Shipper", "引渡し時刻 Time handed over")
    ):
        left = MARGIN + n * column
        pdf.setLineWidth(0.6)
        pdf.line(left, y, left + column - 6 * mm, y)
        pdf.setFont(FONT, 8)
        pdf.drawString(left, y - 4 * mm, label)
    pdf.setLineWidth(0.8)
    pdf.line(MARGIN, top - SUMMARY + 4 * mm, width - MARGIN, top - SUMMARY + 4 * mm)


def _parcels(pdf: Canvas, parcels: tuple[SheetParcel, ...], top: float, first: int) -> None:
    cell = (A4[0] - 2 * MARGIN) / COLUMNS
    for n, parcel in enumerate(parcels):
        row, column = divmod(n, COLUMNS)
        left = MARGIN + column * cell
        y = top - row * ROW
        barcode = order_barcode(parcel.tracking, cell * 0.55, BAR_HEIGHT)
        barcode.drawOn(pdf, left, y - 2 * mm - BAR_HEIGHT)
        text_x = left + barcode.width + 3 * mm
        pdf.setFont(FONT, 7)
        pdf.drawString(text_x, y - 4 * mm, f"{first + n + 1}")
        pdf.setFont("Courier-Bold", 9.5)
        pdf.drawString(text_x, y - 8 * mm, tracking_display(parcel.tracking))
        pdf.setFont(FONT, 8)
        pdf.drawString(text_x, y - 12 * mm, f"{parcel.order_number}  #{parcel.carton_no}")
