"""The Orders page: the queue table, its status filter and number search, and the details pane."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
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
from app.services.order_queue import OrderQueue
from app.ui.orders.details import OrderDetailsPane
from app.ui.orders.model import (
    ORDER_ID_ROLE,
    OrderQueueModel,
    StatusBadgeDelegate,
    carrier_short_labels,
    status_labels,
)

#: Wait this long after the last keystroke before searching, so typing stays smooth.
SEARCH_DELAY_MS = 250
STATUS_COLUMN = 2
CUSTOMER_COLUMN = 6
HORIZONTAL = Qt.Orientation.Horizontal


class OrdersPage(QWidget):
    """The order queue: filter by status, search by number, see the picked order's details."""

    #: The user asked for fresh figures (Refresh button or F5).
    refresh_requested = Signal()
    #: The user asked for paper: the wave's pick list, the picked order's slip or card.
    pick_list_requested = Signal()
    packing_slip_requested = Signal(str)
    message_card_requested = Signal(str)

    def __init__(self, queue: OrderQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._statuses = status_labels()
        self._picked: int | None = None
        self._picked_number = ""

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        # "" rather than None: PySide6 6.12 loses a reference to None on every
        # currentData() of an item holding None, until the interpreter aborts.
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in OrderStatus:
            self.status_filter.addItem(self._statuses[status], status.value)
        self.status_filter.setMinimumContentsLength(22)
        self.search = QLineEdit()
        self.search.setObjectName("orderSearch")
        self.search.setPlaceholderText(self.tr("Order number, e.g. #1001"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
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

        self.model = OrderQueueModel(queue, parent=self)
        self.table = QTableView()
        self.table.setObjectName("orderQueue")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STATUS_COLUMN, StatusBadgeDelegate(self.table))
        self._shape_table()
        self.details = OrderDetailsPane()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect_signals()
        self.model.reload()

    def _shape_table(self) -> None:
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
        for column, width in enumerate(self._column_widths()):
            table.setColumnWidth(column, width)
        # Names take what room is left; the other columns keep their width.
        header.setSectionResizeMode(CUSTOMER_COLUMN, QHeaderView.ResizeMode.Stretch)

    def _column_widths(self) -> list[int]:
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
            max(*values, bold.horizontalAdvance(str(self.model.headerData(column, HORIZONTAL))))
            + 20
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
        filters.addWidget(self.shown)
        filters.addStretch(1)
        filters.addWidget(self.pick_list)
        filters.addWidget(self.packing_slip)
        filters.addWidget(self.message_card)
        filters.addSpacing(12)
        filters.addWidget(self.refresh)

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

    def _connect_signals(self) -> None:
        self.status_filter.currentIndexChanged.connect(self.on_status_changed)
        self.search.textEdited.connect(self.on_search_edited)
        self.search.returnPressed.connect(self.on_search_submitted)
        self._search_timer.timeout.connect(self.on_search_due)
        self.refresh.clicked.connect(self.on_refresh)
        self.pick_list.clicked.connect(self.pick_list_requested)
        self.packing_slip.clicked.connect(self.on_packing_slip_clicked)
        self.message_card.clicked.connect(self.on_message_card_clicked)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.on_refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.on_find)
        self.model.filter_applied.connect(self.on_filter_applied)
        self.model.rowsInserted.connect(self.on_rows_fetched)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_order_changed)

    # Slots ---------------------------------------------------------------------

    def on_status_changed(self, _index: int) -> None:
        """A status was picked: show only its orders."""
        self._apply_filter()

    def on_search_edited(self, _text: str) -> None:
        """A key was typed: search once typing pauses."""
        self._search_timer.start()

    def on_search_due(self) -> None:
        """Typing paused: search now."""
        self._apply_filter()

    def on_search_submitted(self) -> None:
        """Enter (or a scanner's trailing Enter) searches at once."""
        self._search_timer.stop()
        self._apply_filter()

    def on_find(self) -> None:
        """Ctrl+F: into the search box."""
        self.search.setFocus()
        self.search.selectAll()

    def on_refresh(self) -> None:
        """Fetch the queue again (the picked order stays picked while it is shown)."""
        self.model.reload()
        self.refresh_requested.emit()

    def on_filter_applied(self) -> None:
        """Pick the searched order when it matches exactly, else keep the picked one."""
        self._show_row_count()
        row = self._exact_match_row()
        if row is None and self._picked is not None:
            row = self.model.row_of(self._picked)
        if row is None:
            self._picked = None
            self.details.show_order(None)
        else:
            self._select_row(row)

    def on_rows_fetched(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        """Another page arrived: say how many rows are shown."""
        self._show_row_count()

    def on_current_order_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Another order was picked: fill the details pane with it."""
        if not current.isValid():
            self.details.show_order(None)
            self.packing_slip.setEnabled(False)
            self.message_card.setEnabled(False)
            return
        self._picked = int(self.model.index(current.row(), 0).data(ORDER_ID_ROLE))
        order = self._queue.details(self._picked)
        self.details.show_order(order)
        self._picked_number = order.number if order else ""
        self.packing_slip.setEnabled(order is not None)
        self.message_card.setEnabled(bool(order and order.gift_message))

    def on_packing_slip_clicked(self) -> None:
        self.packing_slip_requested.emit(self._picked_number)

    def on_message_card_clicked(self) -> None:
        self.message_card_requested.emit(self._picked_number)

    # What others call ----------------------------------------------------------

    def show_counts(self, counts: dict[str, int]) -> None:
        """Name each status in the filter with its number of orders."""
        total = sum(counts.values())
        self.status_filter.setItemText(0, self.tr("All statuses ({0:,})").format(total))
        for position in range(1, self.status_filter.count()):
            status = str(self.status_filter.itemData(position))
            label = self._statuses.get(status, status)
            self.status_filter.setItemText(
                position, self.tr("{0} ({1:,})").format(label, counts.get(status, 0))
            )

    # Inside --------------------------------------------------------------------

    def _apply_filter(self) -> None:
        status = str(self.status_filter.currentData() or "")
        self.model.set_filter(status or None, self.search.text())

    def _exact_match_row(self) -> int | None:
        """Row 0 when it is exactly the searched number (search results come in number
        order, so an exact match is always first)."""
        wanted = self.model.search.casefold()
        if not wanted or self.model.rowCount() == 0:
            return None
        number = self.model.order_at(0).number.casefold()
        return 0 if number in (wanted, "#" + wanted) else None

    def _select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _show_row_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.all_fetched:
            if rows == 0:
                text = self.tr("No orders match")
            elif rows == 1:
                text = self.tr("1 order")
            else:
                text = self.tr("{0:,} orders").format(rows)
        else:
            text = self.tr("first {0:,} orders — scroll for more").format(rows)
        self.shown.setText(text)
        # The hint may be cut short on a narrow screen; the whole of it is a hover away.
        self.shown.setToolTip(text)
