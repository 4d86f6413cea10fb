"""The Orders page: the queue table, its status filter and number search, and the details pane.

Layout only; `OrdersController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.orders import OrderStatus
from app.ui.orders.details import OrderDetailsPane
from app.ui.orders.model import (
    OrderQueueModel,
    StatusBadgeDelegate,
    carrier_short_labels,
    status_labels,
)

STATUS_COLUMN = 2
CUSTOMER_COLUMN = 6
HORIZONTAL = Qt.Orientation.Horizontal


class OrdersPage(QWidget):
    """The order queue: a status filter, a number search, the table and the picked order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._statuses = status_labels()

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        # "" rather than None: PySide6 6.12 loses a reference to None on every
        # currentData() of an item holding None, until the interpreter aborts.
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in OrderStatus:
            if status == OrderStatus.IMPORTING:
                continue  # orders an import is still writing are not in the queue
            self.status_filter.addItem(self._statuses[status], status.value)
        self.status_filter.setMinimumContentsLength(14)
        self.search = QLineEdit()
        self.search.setObjectName("orderSearch")
        self.search.setPlaceholderText(self.tr("Order number, e.g. #1001"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(170)
        self.shown = QLabel()
        self.shown.setObjectName("detailsMuted")
        # A hint, not a reason to widen the window past a 1366-pixel screen.
        self.shown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.shown.setMinimumWidth(120)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setToolTip(self.tr("Fetch the queue again (F5)"))
        self.pick_list = QPushButton(self.tr("Pick list…"))
        self.pick_list.setToolTip(self.tr("A pick list (PDF) of every allocated order"))
        self.packing_slip = QPushButton(self.tr("Packing slip…"))
        self.packing_slip.setToolTip(self.tr("The picked order's packing slip (PDF)"))
        self.message_card = QPushButton(self.tr("Message card…"))
        self.message_card.setToolTip(self.tr("The picked gift order's message card (PDF)"))
        self.packing_slip.setEnabled(False)
        self.message_card.setEnabled(False)

        self.table = QTableView()
        self.table.setObjectName("orderQueue")
        self.table.setItemDelegateForColumn(STATUS_COLUMN, StatusBadgeDelegate(self.table))
        self.details = OrderDetailsPane()
        #: F5 fetches the queue again (the controller listens).
        self.refresh_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self._build()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)

    def set_model(self, model: OrderQueueModel) -> None:
        """Show `model` in the table, its columns sized from the font and typical values."""
        self.table.setModel(model)
        self._shape_table(model)

    def _shape_table(self, model: OrderQueueModel) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(34)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Widths from the font and typical values, not from the rows: sizing to
        # contents would read every fetched row again on each page.
        for column, width in enumerate(self._column_widths(model)):
            table.setColumnWidth(column, width)
        # Names take what room is left; the other columns keep their width.
        header.setSectionResizeMode(CUSTOMER_COLUMN, QHeaderView.ResizeMode.Stretch)

    def _column_widths(self, model: OrderQueueModel) -> list[int]:
        plain = QFontMetrics(self.table.font())
        bold_font = QFont(self.table.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        samples = (
            [bold.horizontalAdvance("MK-20261125-0000")],
            [plain.horizontalAdvance("12-31 23:59")],
            [bold.horizontalAdvance(label) + 26 for label in self._statuses.values()],
            [plain.horizontalAdvance(label) for label in carrier_short_labels().values()],
            [plain.horizontalAdvance("999")],
            [plain.horizontalAdvance("999")],
            [plain.horizontalAdvance("長谷川 真由美")],
            [plain.horizontalAdvance("神奈川県")],
        )
        return [
            max(*values, bold.horizontalAdvance(str(model.headerData(column, HORIZONTAL)))) + 20
            for column, values in enumerate(samples)
        ]

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_filter)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Search")))
        filters.addWidget(self.search)
        filters.addSpacing(12)
        # The hint takes the room left (a spacer beside it would leave it 120 px, cut short).
        filters.addWidget(self.shown, 1)
        filters.addWidget(self.pick_list)
        filters.addSpacing(12)
        filters.addWidget(self.refresh)

        # The picked order's slip and card go with the order, beside its label menu: the
        # row above keeps what concerns the queue and fits a 1024-pixel screen.
        self.details.add_order_actions(self.packing_slip, self.message_card)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Room for every queue column at 1366 px; the details pane takes the rest.
        splitter.setSizes([860, 490])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def focus_search(self) -> None:
        """Ctrl+F: into the search box, its text selected to type over."""
        self.search.setFocus()
        self.search.selectAll()

    def show_row_count(self, text: str) -> None:
        """The hint beside the search: how many orders are shown."""
        self.shown.setText(text)
        # The hint may be cut short on a narrow screen; the whole of it is a hover away.
        self.shown.setToolTip(text)
