"""The History tab's logic: read the picked order's history on a worker whenever the tab is
shown or another order is picked while it is, and open a tracking link in the browser.

The read runs on a lane of its own, never on the GUI thread; a history that comes back
for an order no longer picked is dropped, so a fast walk down the queue never shows the
wrong order's scans.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from app.core.errors import KenpinError
from app.services.order_history import OrderHistories, OrderHistory
from app.ui.jobs import JobLane
from app.ui.orders.controller import OrdersController


class OrderHistoryController(QObject):
    """Fills the details pane's History tab with the picked order's history."""

    #: A history was shown (or its reading failed); tests wait for it.
    shown = Signal()

    def __init__(
        self, histories: OrderHistories, orders: OrdersController, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.histories = histories
        self.orders = orders
        self.details = orders.page.details
        self.view = self.details.history
        self.lane = JobLane("order history", self)
        #: The order whose history is wanted (0: none picked).
        self._wanted = 0
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.orders.order_picked.connect(self.on_order_picked)
        self.details.sections.currentChanged.connect(self.on_section_changed)
        # Refresh (F5), and a label voided or reprinted on this page, read it again.
        self.orders.refresh_requested.connect(self.on_refresh)
        self.view.parcels.linkActivated.connect(self.on_tracking_link)

    def close(self) -> None:
        """The window is closing: a history being read is not waited for long."""
        self.lane.close()

    # Slots ---------------------------------------------------------------------

    def on_order_picked(self, order_id: int) -> None:
        """Another order was picked: read its history if the tab is shown."""
        self._wanted = order_id
        if order_id == 0:
            self.view.show_history(None)
        elif self._tab_shown():
            self._read()

    def on_section_changed(self, _index: int) -> None:
        """The History tab came up: read the picked order's history afresh."""
        if self._tab_shown() and self._wanted:
            self._read()

    def on_refresh(self) -> None:
        """The queue was fetched again: so is the history shown."""
        self.on_section_changed(self.details.sections.currentIndex())

    def on_tracking_link(self, url: str) -> None:
        """A tracking number was clicked: its carrier's page opens in the browser."""
        QDesktopServices.openUrl(QUrl(url))

    def on_read(self, order_id: int, history: OrderHistory | None) -> None:
        if order_id != self._wanted:
            return  # another order was picked meanwhile; its own read follows
        self.view.show_history(history)
        self.shown.emit()

    def on_failed(self, error: KenpinError) -> None:
        self.view.show_problem(str(error))
        self.shown.emit()

    # Inside --------------------------------------------------------------------

    def _tab_shown(self) -> bool:
        return self.details.sections.currentWidget() is self.details.history_page

    def _read(self) -> None:
        order_id = self._wanted
        self.view.show_reading()
        self.lane.submit(
            lambda: self.histories.of_order(order_id),
            lambda history: self.on_read(order_id, history),
            self.on_failed,
        )
