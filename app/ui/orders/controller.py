"""The Orders page's logic: which orders the queue shows (status filter, number search as
typed), the picked order's details, an exact number opening its order, and the counts.

`OrdersPage` is the layout; this decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal

from app.services.order_queue import OrderQueue
from app.ui.orders.model import ORDER_ID_ROLE, OrderQueueModel, status_labels
from app.ui.orders.view import OrdersPage
from app.ui.paged_model import select_row

#: Wait this long after the last keystroke before searching, so typing stays smooth.
SEARCH_DELAY_MS = 250


class OrdersController(QObject):
    """Filters and searches the order queue and fills the details pane of the picked order."""

    #: The user asked for fresh figures (Refresh button or F5).
    refresh_requested = Signal()
    #: The user asked for paper: the wave's pick list, the picked order's slip or card.
    pick_list_requested = Signal()
    packing_slip_requested = Signal(str)
    message_card_requested = Signal(str)
    #: Another order was picked in the queue: its id (0: none is).
    order_picked = Signal(int)

    def __init__(self, queue: OrderQueue, page: OrdersPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.page = page
        self.model = OrderQueueModel(queue, parent=self)
        page.set_model(self.model)
        self._statuses = status_labels()
        self._picked: int | None = None
        self._picked_number = ""
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._connect_signals()
        self.model.reload()

    def _connect_signals(self) -> None:
        page = self.page
        page.status_filter.currentIndexChanged.connect(self.on_status_changed)
        page.search.textEdited.connect(self.on_search_edited)
        page.search.returnPressed.connect(self.on_search_submitted)
        self._search_timer.timeout.connect(self.on_search_due)
        page.refresh.clicked.connect(self.on_refresh)
        page.refresh_shortcut.activated.connect(self.on_refresh)
        page.pick_list.clicked.connect(self.pick_list_requested)
        page.packing_slip.clicked.connect(self.on_packing_slip_clicked)
        page.message_card.clicked.connect(self.on_message_card_clicked)
        self.model.filter_applied.connect(self.on_filter_applied)
        self.model.rowsInserted.connect(self.on_rows_fetched)
        page.table.selectionModel().currentRowChanged.connect(self.on_current_order_changed)

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
            self.page.details.show_order(None)
            self.order_picked.emit(0)
        else:
            select_row(self.page.table, row)

    def on_rows_fetched(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        """Another page arrived: say how many rows are shown."""
        self._show_row_count()

    def on_current_order_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Another order was picked: fill the details pane with it."""
        page = self.page
        if not current.isValid():
            page.details.show_order(None)
            page.packing_slip.setEnabled(False)
            page.message_card.setEnabled(False)
            self.order_picked.emit(0)
            return
        self._picked = int(self.model.index(current.row(), 0).data(ORDER_ID_ROLE))
        order = self.queue.details(self._picked)
        page.details.show_order(order)
        self._picked_number = order.number if order else ""
        page.packing_slip.setEnabled(order is not None)
        page.message_card.setEnabled(bool(order and order.gift_message))
        self.order_picked.emit(self._picked if order is not None else 0)

    def on_packing_slip_clicked(self) -> None:
        self.packing_slip_requested.emit(self._picked_number)

    def on_message_card_clicked(self) -> None:
        self.message_card_requested.emit(self._picked_number)

    # What others call ----------------------------------------------------------

    @property
    def picked_number(self) -> str:
        """The number of the order picked in the queue ("" when none is)."""
        return self._picked_number

    def show_counts(self, counts: dict[str, int]) -> None:
        """Name each status in the filter with its number of orders."""
        status_filter = self.page.status_filter
        total = sum(counts.values())
        status_filter.setItemText(0, self.tr("All statuses ({0:,})").format(total))
        for position in range(1, status_filter.count()):
            status = str(status_filter.itemData(position))
            label = self._statuses.get(status, status)
            status_filter.setItemText(
                position, self.tr("{0} ({1:,})").format(label, counts.get(status, 0))
            )

    # Inside --------------------------------------------------------------------

    def _apply_filter(self) -> None:
        status = str(self.page.status_filter.currentData() or "")
        self.model.set_filter(status or None, self.page.search.text())

    def _exact_match_row(self) -> int | None:
        """Row 0 when it is exactly the searched number (search results come in number
        order, so an exact match is always first)."""
        wanted = self.model.search.casefold()
        if not wanted or self.model.rowCount() == 0:
            return None
        number = self.model.order_at(0).number.casefold()
        return 0 if number in (wanted, "#" + wanted) else None

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
        self.page.show_row_count(text)
