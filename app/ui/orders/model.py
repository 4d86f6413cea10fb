"""The order queue as a Qt table model that fetches pages on demand, and its status badges.

Rows come in pages from `OrderQueue.page` as the view scrolls (canFetchMore /
fetchMore); the model never loads or counts the whole table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.core.carriers import CARRIERS, CarrierCode
from app.core.orders import OrderStatus
from app.core.times import local_time
from app.services.order_queue import PAGE_SIZE, OrderQueue, OrderRow
from app.ui.paged_model import Index, PagedTableModel

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


# (badge background, text) per status: attention statuses warm, finished ones grey.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    OrderStatus.NEW: ("#dbeafe", "#1e40af"),
    OrderStatus.ALLOCATED: ("#dcfce7", "#166534"),
    OrderStatus.PICKING: ("#fef9c3", "#854d0e"),
    OrderStatus.PICKED: ("#d9f99d", "#3f6212"),
    OrderStatus.BACKORDERED: ("#fee2e2", "#b91c1c"),
    OrderStatus.PACKING: ("#f3e8ff", "#6b21a8"),
    OrderStatus.PACKED: ("#ccfbf1", "#115e59"),
    OrderStatus.LABELLED: ("#e0e7ff", "#3730a3"),
    OrderStatus.VERIFIED: ("#cffafe", "#155e75"),
    OrderStatus.SHIPPED: ("#e5e7eb", "#374151"),
    OrderStatus.CANCELLED: ("#f3f4f6", "#6b7280"),
    OrderStatus.ON_HOLD: ("#fef3c7", "#92400e"),
}


#: Qt's translation; called with literal texts so `pyside6-lupdate` finds them.
translate = QCoreApplication.translate


def status_labels() -> dict[str, str]:
    """Each status as the screen names it, in the user's language."""
    return {
        OrderStatus.NEW: translate("OrderStatus", "New"),
        OrderStatus.ALLOCATED: translate("OrderStatus", "Allocated"),
        OrderStatus.PICKING: translate("OrderStatus", "Picking"),
        OrderStatus.PICKED: translate("OrderStatus", "Picked"),
        OrderStatus.BACKORDERED: translate("OrderStatus", "Backordered"),
        OrderStatus.PACKING: translate("OrderStatus", "Packing"),
        OrderStatus.PACKED: translate("OrderStatus", "Packed"),
        OrderStatus.LABELLED: translate("OrderStatus", "Labelled"),
        OrderStatus.VERIFIED: translate("OrderStatus", "Verified"),
        OrderStatus.SHIPPED: translate("OrderStatus", "Shipped"),
        OrderStatus.CANCELLED: translate("OrderStatus", "Cancelled"),
        OrderStatus.ON_HOLD: translate("OrderStatus", "On hold"),
    }


def carrier_label(code: str) -> str:
    """The carrier's name in the user's language (Japanese names on a Japanese desktop)."""
    try:
        carrier = CARRIERS[CarrierCode(code)]
    except ValueError:
        return code
    japanese = QLocale().language() == QLocale.Language.Japanese
    return carrier.name_ja if japanese else carrier.name_en


def carrier_short_labels() -> dict[str, str]:
    """Carrier names short enough for a queue column, in the user's language."""
    return {
        CarrierCode.YAMATO: translate("Carrier", "Yamato"),
        CarrierCode.SAGAWA: translate("Carrier", "Sagawa"),
        CarrierCode.JAPANPOST: translate("Carrier", "Japan Post"),
        CarrierCode.GENERIC: translate("Carrier", "Other"),
    }


def short_time(moment: dt.datetime, today: dt.date) -> str:
    """Like `local_time`, without the year when it is this year (the queue is narrow)."""
    full = local_time(moment)
    return full[5:] if full.startswith(f"{today.year:04d}-") else full[:10]


class OrderQueueModel(PagedTableModel):
    """Orders matching a status and a number search, fetched a page at a time."""

    def __init__(
        self, queue: OrderQueue, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(page_size, parent)
        self._queue = queue
        self._status: str | None = None
        self._search = ""
        self._status_labels = status_labels()
        self._carriers = carrier_short_labels()
        # Order numbers are what packers look for: bold, so the eye lands on them.
        self._number_font = QFont()
        self._number_font.setBold(True)
        self._headers = (
            self.tr("Order"),
            self.tr("Date"),
            self.tr("Status"),
            self.tr("Carrier"),
            self.tr("Lines"),
            self.tr("Units"),
            self.tr("Customer"),
            self.tr("Prefecture"),
        )

    # What the queue shows ------------------------------------------------------

    @property
    def status(self) -> str | None:
        """The status shown (None: every status)."""
        return self._status

    @property
    def search(self) -> str:
        """The number prefix searched for ("" when not searching)."""
        return self._search

    def set_filter(self, status: str | None, search: str) -> None:
        """Show only orders in `status` (None: all) whose number starts with `search`."""
        self._status, self._search = status or None, search.strip()
        self.reload()

    def _fetch(self, after: Any, size: int) -> list[OrderRow]:
        return self._queue.page(self._status, self._search, after, size)

    def order_at(self, row: int) -> OrderRow:
        """The order shown in `row`."""
        shown: OrderRow = self._rows[row]
        return shown

    def row_of(self, order_id: int) -> int | None:
        """The row showing `order_id`, if it has been fetched."""
        for row, order in enumerate(self._rows):
            if order.id == order_id:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        order = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(order, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return local_time(order.order_date)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return f"{carrier_label(order.carrier)} {order.service}".strip()
        if role == Qt.ItemDataRole.FontRole and column == 0:
            return self._number_font
        if role == ORDER_ID_ROLE:
            return order.id
        if role == STATUS_ROLE:
            return order.status
        return None

    def _display(self, order: OrderRow, column: int) -> str:
        match column:
            case 0:
                return order.number
            case 1:
                return short_time(order.order_date, self._today)
            case 2:
                return self._status_labels.get(order.status, order.status)
            case 3:
                return self._carriers.get(order.carrier, order.carrier)
            case 4:
                return str(order.lines)
            case 5:
                return str(order.units)
            case 6:
                return order.customer_name
            case _:
                return order.prefecture


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints the status column as a coloured badge so statuses read at a glance."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The view's own option, not initStyleOption(): it carries the row's background
        # and selection but no text, so the style paints the cell and we paint the badge.
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        background, foreground = STATUS_COLOURS.get(
            str(index.data(STATUS_ROLE)), ("#e5e7eb", "#111827")
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        rect: QRect = option.rect
        width = min(painter.fontMetrics().horizontalAdvance(text) + 20, rect.width() - 10)
        height = min(rect.height() - 6, painter.fontMetrics().height() + 8)
        badge = QRect(rect.left() + 6, rect.center().y() - height // 2 + 1, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 32, size.height() + 8)
