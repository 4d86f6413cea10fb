"""The details pane: one order's address, delivery, gift message, short lines and lines, and
its history on a tab beside them (`app.ui.orders.history`)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.times import local_time
from app.services.order_queue import OrderDetails, OrderLineDetails, ReservedStock
from app.ui.orders.history import OrderHistoryView
from app.ui.orders.model import STATUS_COLOURS, carrier_label, status_labels, translate
from app.ui.styles import status_badge_style

LINE_COLUMNS = 5
QTY, ALLOCATED, PACKED = 1, 2, 3
_SHORT = "#b91c1c"
_DONE = "#166534"
_NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _reserved_text(place: ReservedStock) -> str:
    """Where reserved units wait: `A-01-02 ×2`, with the lot and expiry below when tracked."""
    rows = [translate("OrderDetailsPane", "{0} ×{1}").format(place.location, place.qty)]
    if place.lot_code:
        rows.append(translate("OrderDetailsPane", "lot {0}").format(place.lot_code))
    if place.expiry is not None:
        rows.append(translate("OrderDetailsPane", "exp {0}").format(place.expiry.isoformat()))
    return "\n".join(rows)


def _item_text(line: OrderLineDetails) -> str:
    """The SKU, then the product's name and variant."""
    name = f"{line.name} · {line.variant}" if line.variant else line.name
    return f"{line.sku}\n{name}"


class OrderDetailsPane(QWidget):
    """Shows the order picked in the queue; empty until one is picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDetails")
        self._statuses = status_labels()

        self.number = QLabel()
        self.number.setObjectName("detailsNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("detailsStatus")
        self.ordered = QLabel()
        self.ordered.setObjectName("detailsMuted")
        self.address = QLabel()
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        self.delivery = QLabel()
        self.delivery.setWordWrap(True)
        self.gift = QLabel()
        self.gift.setObjectName("detailsGift")
        self.gift.setWordWrap(True)
        self.short_lines = QLabel()
        self.short_lines.setObjectName("detailsShort")
        self.short_lines.setWordWrap(True)
        self.lines = QTableWidget(0, LINE_COLUMNS)
        #: A supervisor's label corrections (`OrderLabelsController`), printed at this station:
        #: one narrow button with a menu, as the pane's right part is off a 1024-pixel screen.
        self.label_menu = QPushButton(self.tr("Shipping label"))
        self.label_menu.setObjectName("labelMenu")
        self.label_menu.setToolTip(self.tr("A supervisor voids or reprints the label here"))
        menu = QMenu(self.label_menu)
        self.void_label = menu.addAction(self.tr("Void label…"))
        self.void_label.setToolTip(
            self.tr("Void this order's label; the new one prints here (supervisor)")
        )
        self.reprint_label = menu.addAction(self.tr("Reprint label…"))
        self.reprint_label.setToolTip(self.tr("Print this order's label again here (supervisor)"))
        menu.setToolTipsVisible(True)
        self.label_menu.setMenu(menu)
        # The order's lines (Details) and what happened to it (History), as two tabs.
        self.sections = QTabWidget()
        self.sections.setObjectName("detailsSections")
        # No frame round the tabs: the pane keeps the width it had before it had tabs.
        self.sections.setDocumentMode(True)
        self.history = OrderHistoryView()
        self.history_page = QScrollArea()
        self.history_page.setWidgetResizable(True)
        self.history_page.setFrameShape(QScrollArea.Shape.NoFrame)
        self.history_page.setWidget(self.history)
        self.placeholder = QLabel(self.tr("Pick an order in the queue to see its lines."))
        self.placeholder.setObjectName("detailsMuted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build()
        self._connect_signals()
        self.show_order(None)

    def add_order_actions(self, *buttons: QWidget) -> None:
        """Put the page's buttons for the picked order beside its label menu."""
        for button in buttons:
            self.order_actions.insertWidget(self.order_actions.count() - 1, button)

    def drop_history(self) -> None:
        """No history to show (the window was given no way to read one): no History tab."""
        self.sections.removeTab(self.sections.indexOf(self.history_page))

    def _connect_signals(self) -> None:
        self.lines.horizontalHeader().sectionResized.connect(self.on_line_column_resized)

    def _build(self) -> None:
        title = QHBoxLayout()
        title.setSpacing(14)
        title.addWidget(self.number)
        title.addWidget(self.status)
        title.addStretch(1)
        labels = QHBoxLayout()
        labels.addWidget(self.label_menu)
        labels.addStretch(1)
        #: The picked order's own paper (the page puts its slip and card buttons here).
        self.order_actions = labels
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addLayout(title)
        header.addWidget(self.ordered)
        header.addLayout(labels)

        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        facts.addWidget(self._caption(self.tr("Ship to")), 0, 0)
        facts.addWidget(self._caption(self.tr("Delivery")), 0, 1)
        facts.addWidget(self.address, 1, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.delivery, 1, 1, Qt.AlignmentFlag.AlignTop)
        facts.setColumnStretch(0, 1)
        facts.setColumnStretch(1, 1)

        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Qty"),
                self.tr("Allocated"),
                self.tr("Packed"),
                self.tr("Reserved in"),
            ]
        )
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setWordWrap(True)
        self.lines.setAlternatingRowColors(True)
        header_view = self.lines.horizontalHeader()
        header_view.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        lines_page = QWidget()
        column = QVBoxLayout(lines_page)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(12)
        column.addLayout(facts)
        column.addWidget(self.gift)
        column.addWidget(self.short_lines)
        column.addWidget(self._caption(self.tr("Lines")))
        column.addWidget(self.lines, 1)
        self.sections.addTab(lines_page, self.tr("Details"))
        self.sections.addTab(self.history_page, self.tr("History"))
        self.sections.setTabToolTip(
            1, self.tr("Parcels and tracking links, labels and reprints, manifest, scans")
        )

        body = QWidget()
        body_column = QVBoxLayout(body)
        body_column.setContentsMargins(0, 0, 0, 0)
        body_column.setSpacing(12)
        body_column.addLayout(header)
        body_column.addWidget(self.sections, 1)
        self._body = body

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        self._outer = outer
        outer.addWidget(self.placeholder, 1)
        outer.addWidget(body, 1)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the order's buttons allow, an order picked or not: the splitter never
        squeezes their words, nor moves when the first order is picked."""
        hint = super().minimumSizeHint()
        margins = self._outer.contentsMargins()
        body = self._body.minimumSizeHint().width() + margins.left() + margins.right()
        return QSize(max(hint.width(), body), hint.height())

    def on_line_column_resized(self, _column: int, _old: int, _new: int) -> None:
        """Wrapped names need taller rows whenever the pane (so the columns) changes width."""
        self.lines.resizeRowsToContents()

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("detailsCaption")
        return label

    def show_order(self, order: OrderDetails | None) -> None:
        """Show `order`, or the placeholder when None."""
        self.placeholder.setVisible(order is None)
        self._body.setVisible(order is not None)
        if order is None:
            return
        self.number.setText(order.number)
        background, foreground = STATUS_COLOURS.get(order.status, ("#e5e7eb", "#111827"))
        self.status.setText(self._statuses.get(order.status, order.status))
        self.status.setStyleSheet(status_badge_style(background, foreground))
        self.ordered.setText(self.tr("Ordered {0}").format(local_time(order.order_date)))
        self.address.setText(self._address_text(order))
        self.delivery.setText(self._delivery_text(order))
        self.gift.setVisible(bool(order.gift_message))
        self.gift.setText(self.tr("Gift message: {0}").format(order.gift_message))
        self.short_lines.setVisible(bool(order.short_lines))
        self.short_lines.setText(self.tr("Not enough stock: {0}").format(order.short_lines))
        self._fill_lines(order.lines)

    def _address_text(self, order: OrderDetails) -> str:
        rows = [
            f"〒{order.postal_code}" if order.postal_code else "",
            f"{order.prefecture}{order.city}{order.address1}",
            order.address2,
            self.tr("{0} 様").format(order.customer_name),
            self.tr("TEL {0}").format(order.phone) if order.phone else "",
        ]
        return "\n".join(row for row in rows if row)

    def _delivery_text(self, order: OrderDetails) -> str:
        date = order.delivery_date.isoformat() if order.delivery_date else self.tr("any day")
        rows = [
            carrier_label(order.carrier),
            order.service,
            self.tr("Date: {0}").format(date),
            self.tr("Time: {0}").format(order.delivery_time or self.tr("any time")),
        ]
        if order.notes:
            rows.append(self.tr("Note: {0}").format(order.notes))
        return "\n".join(row for row in rows if row)

    def _fill_lines(self, lines: tuple[OrderLineDetails, ...]) -> None:
        self.lines.setRowCount(len(lines))
        for row, line in enumerate(lines):
            reserved = "\n".join(_reserved_text(place) for place in line.reserved)
            cells = (
                _item_text(line),
                str(line.qty),
                str(line.allocated),
                str(line.packed),
                reserved or "—",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (QTY, ALLOCATED, PACKED):
                    item.setTextAlignment(_NUMBER_ALIGNMENT)
                if column == ALLOCATED:
                    item.setForeground(QColor(_DONE if line.allocated >= line.qty else _SHORT))
                self.lines.setItem(row, column, item)
        self.lines.resizeRowsToContents()
