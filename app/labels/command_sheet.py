"""The station's command sheet: every command code as a Code 128 barcode, on three A4 pages.

Packers keep it on the bench and scan it instead of reaching for mouse or
keyboard: the first page holds the packer's commands, the second the
supervisor's overrides (short ship and its reasons, take-over, a new code),
which a supervisor approves with their badge, the third the picker's. Each command is named in
Japanese and English; the Japanese text is set in IPA Gothic, embedded in the
PDF, so it prints the same on a PC without Japanese fonts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.core.errors import EnvironmentFailure
from app.core.scans import Command
from app.labels.fonts import FONT, register_japanese_font

#: 0.33 mm is a 13 mil module: read at a glance by any handheld or fixed scanner.
MODULE = 0.33 * mm
BAR_HEIGHT = 15 * mm
MARGIN = 16 * mm
HEADER = 30 * mm


@dataclass(frozen=True, slots=True)
class CommandCard:
    """How the sheet names one command."""

    command: Command
    japanese: str
    english: str
    hint_ja: str
    hint_en: str


PACKER_CARDS = (
    CommandCard(
        Command.COMPLETE,
        "梱包完了",
        "Complete pack",
        "全商品をスキャンしたら梱包を完了します",
        "Finish the pack once every item is scanned",
    ),
    CommandCard(
        Command.UNDO,
        "取り消し",
        "Undo last unit",
        "最後に受け付けた1点を取り消します",
        "Take back the last accepted unit",
    ),
    CommandCard(
        Command.CARD,
        "カード確認",
        "Card in box",
        "メッセージカード・ギフトメモを箱に入れました",
        "The message card or gift note is in the box",
    ),
    CommandCard(
        Command.CANCEL,
        "梱包中断",
        "Leave for later",
        "梱包を中断して注文を解放します（後で再開できます）",
        "Leave the pack open for later and release the order",
    ),
    CommandCard(
        Command.REPRINT,
        "送り状再印刷",
        "Reprint label",
        "送り状をもう一度印刷します",
        "Print the shipping label again",
    ),
    CommandCard(
        Command.NEWCARTON,
        "次の箱",
        "New carton",
        "この箱を1個口として閉じ、次の箱を開きます",
        "Close this carton as its own parcel and open the next",
    ),
    CommandCard(
        Command.LOGOUT,
        "ログアウト",
        "Log out",
        "このステーションからログアウトします",
        "Log out of this station",
    ),
)

OVERRIDE_CARDS = (
    CommandCard(
        Command.SHORT,
        "欠品出荷",
        "Short ship",
        "箱の中の分だけで出荷し、不足分は後送り注文（-B1）にします",
        "Ship what is in the box; the missing units become a backorder (-B1)",
    ),
    CommandCard(
        Command.REASON_DAMAGED,
        "理由：破損",
        "Reason: damaged",
        "欠品出荷の理由：商品の破損・汚損",
        "Short-ship reason: the units are damaged",
    ),
    CommandCard(
        Command.REASON_OUT_OF_STOCK,
        "理由：在庫切れ",
        "Reason: out of stock",
        "欠品出荷の理由：棚に在庫がない",
        "Short-ship reason: no stock in the bin",
    ),
    CommandCard(
        Command.REASON_CUSTOMER_REQUEST,
        "理由：お客様の希望",
        "Reason: customer request",
        "欠品出荷の理由：お客様から先に送るよう依頼",
        "Short-ship reason: the customer asked for what is ready",
    ),
    CommandCard(
        Command.REASON_OTHER,
        "理由：その他",
        "Reason: other",
        "欠品出荷の理由：その他",
        "Short-ship reason: something else",
    ),
    CommandCard(
        Command.TAKEOVER,
        "引き継ぎ",
        "Take over",
        "他のステーションで開いている注文をこちらで引き継ぎます",
        "Take over an order another station holds",
    ),
    CommandCard(
        Command.ALIAS,
        "バーコード追加",
        "New barcode",
        "未登録のバーコードを既存の商品に登録します（JAN変更時）",
        "Register an unknown barcode to a known product (a changed JAN)",
    ),
)

PICKER_CARDS = (
    CommandCard(
        Command.SHORTPICK,
        "欠品（棚）",
        "Short pick",
        "この棚にはスキャンした分しかありません（残りは他の棚から）",
        "The units scanned at this bin are all there is",
    ),
)

#: Each page's title and its commands.
PAGES = (
    ("コマンドシート  Command sheet", PACKER_CARDS),
    ("管理者操作  Supervisor overrides", OVERRIDE_CARDS),
    ("ピッキング  Picking", PICKER_CARDS),
)
#: Rows a page is laid out for, so both pages share one row height.
ROWS = max(len(cards) for _title, cards in PAGES)


def write_command_sheet(path: Path, station: str = "", today: dt.date | None = None) -> None:
    """Write the command sheet as a one-page A4 PDF to `path`.

    `station` is printed in the heading when given; the sheet works at any station.
    """
    register_japanese_font()
    pdf = Canvas(str(path), pagesize=A4, pageCompression=1)
    pdf.setTitle("Kenpin command sheet / コマンドシート")
    pdf.setAuthor("Kenpin")
    width, height = A4
    row_height = (height - HEADER - 2 * MARGIN) / ROWS
    for title, cards in PAGES:
        _heading(pdf, (width, height), title, station, today or dt.date.today())
        for index, card in enumerate(cards):
            top = height - MARGIN - HEADER - index * row_height
            _card(pdf, card, top, row_height, width)
        pdf.showPage()
    try:
        pdf.save()
    except OSError as exc:
        raise EnvironmentFailure(f"{path}: cannot write the command sheet: {exc}") from exc


def _heading(
    pdf: Canvas, size: tuple[float, float], title: str, station: str, today: dt.date
) -> None:
    width, height = size
    pdf.setFont(FONT, 20)
    pdf.drawString(MARGIN, height - MARGIN - 8 * mm, title)
    pdf.setFont(FONT, 9.5)
    pdf.drawString(
        MARGIN,
        height - MARGIN - 15 * mm,
        "バーコードをスキャンすると操作できます。 Scan a barcode to give the station that command.",
    )
    where = f"Kenpin · {station} · {today.isoformat()}" if station else f"Kenpin · {today}"
    pdf.drawRightString(width - MARGIN, height - MARGIN - 8 * mm, where)
    pdf.setLineWidth(0.6)
    pdf.line(MARGIN, height - MARGIN - 20 * mm, width - MARGIN, height - MARGIN - 20 * mm)


def _card(pdf: Canvas, card: CommandCard, top: float, row_height: float, width: float) -> None:
    """One command: barcode on the left with its code below, names and hint on the right."""
    barcode = Code128(card.command.value, barWidth=MODULE, barHeight=BAR_HEIGHT, quiet=1)
    bar_top = top - (row_height - BAR_HEIGHT - 6 * mm) / 2
    barcode.drawOn(pdf, MARGIN, bar_top - BAR_HEIGHT)
    pdf.setFont("Courier", 9)
    pdf.drawCentredString(
        MARGIN + barcode.width / 2, bar_top - BAR_HEIGHT - 4.5 * mm, card.command.value
    )
    text_x = MARGIN + 92 * mm
    pdf.setFont(FONT, 18)
    pdf.drawString(text_x, bar_top - 5 * mm, card.japanese)
    pdf.setFont(FONT, 13)
    pdf.drawString(text_x, bar_top - 11 * mm, card.english)
    pdf.setFont(FONT, 8.5)
    pdf.drawString(text_x, bar_top - 16.5 * mm, card.hint_ja)
    pdf.drawString(text_x, bar_top - 20.5 * mm, card.hint_en)
    pdf.setLineWidth(0.3)
    pdf.setDash(2, 3)
    pdf.line(MARGIN, top - row_height, width - MARGIN, top - row_height)
    pdf.setDash()
