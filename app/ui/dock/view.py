"""The dock screen: who loads which carrier's truck, the verdict of the last scan, the next
action in the largest type, the truck's count (parcels loaded of those on its open
manifest), the last parcel loaded, and big buttons: take the last parcel off, end the
truck, close the manifest, log out.

Layout only; `DockController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.label import tracking_display
from app.core.scans import Command
from app.services.station.dock import DockView
from app.ui.dock.verdicts import next_action
from app.ui.orders.model import carrier_label
from app.ui.pack.panels import named_label
from app.ui.pack.widgets import RecentScans
from app.ui.station.page import BenchPage
from app.ui.styles import DOCK_STYLE, PACK_STYLE

#: From this width on the recent scans stand beside the truck's card.
RECENT_FROM_WIDTH = 1000


class TruckCard(QFrame):
    """The truck being loaded: its carrier, parcels loaded of those on the manifest, the
    last parcel loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("truckCard")
        self.carrier = named_label("truckCarrier", wrap=False)
        self.caption = named_label("truckCaption", self.tr("Loaded / on the manifest"), wrap=False)
        self.count = named_label("truckCount", wrap=False)
        self.last = named_label("truckLast")
        for label in (self.carrier, self.caption, self.count, self.last):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addStretch(1)
        for label in (self.carrier, self.caption, self.count, self.last):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_truck(self, view: DockView) -> None:
        """The view's truck; with none being loaded, what starts one."""
        if view.carrier is None:
            self.carrier.setText(self.tr("No truck being loaded"))
            self.caption.hide()
            self.count.hide()
        else:
            self.carrier.setText(self.tr("{0}'s truck").format(carrier_label(view.carrier)))
            self.caption.show()
            self.count.show()
            self.count.setText(f"{view.loaded or 0} / {view.total or 0}")
        last = view.last
        self.last.setText(
            self.tr("Last loaded: {0} · {1}").format(
                last.order_number, tracking_display(last.tracking)
            )
            if last is not None
            else ""
        )


class DockPage(BenchPage):
    """The dock screen: a badge prompt when nobody is logged in, else the truck."""

    #: The loader asked to close a carrier's manifest (its dialog opens).
    close_manifest_requested = Signal()

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__("dockPage", PACK_STYLE + DOCK_STYLE, station, parent)
        self.truck = QLabel()
        self.truck.setObjectName("packOrder")
        self.card = TruckCard()
        self.recent = RecentScans()
        self.recent_title = QLabel(self.tr("Recent scans"))
        self.recent_title.setObjectName("recentTitle")
        for command, text in (
            (Command.UNDO, self.tr("Take the last parcel off")),
            (Command.CANCEL, self.tr("Truck done")),
            (Command.LOGOUT, self.tr("Log out")),
        ):
            self.buttons[command] = self._button(text, "dockCommand")
        self.close_button = self._button(self.tr("Close manifest…"), "dockCommand")
        self.side = QWidget()
        self._build()
        self._connect_bench_signals()
        self.close_button.clicked.connect(self.on_close_button)

    def _build(self) -> None:
        self._fill_header(self.truck, (12, 4))
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.recent_title)
        side.addWidget(self.recent, 1)
        work = QWidget()
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.card, 5)
        row.addWidget(self.side, 3)
        self.body.addWidget(self._login_panel())
        self.body.addWidget(work)
        self._stack_touch((self.close_button,))

    @property
    def logged_in(self) -> bool:
        """True while the truck (not the badge prompt) is shown."""
        return self.body.currentIndex() == 1

    def show_view(self, view: DockView) -> None:
        """Show the station's state."""
        logged_in = view.user is not None
        self.header.setVisible(logged_in)
        self.body.setCurrentIndex(1 if logged_in else 0)
        self.next_action.setVisible(logged_in)
        self.show_next_action(next_action(view), False)
        for command, button in self.buttons.items():
            button.setVisible(logged_in)
            button.setEnabled(command is Command.LOGOUT or view.carrier is not None)
        self.close_button.setVisible(logged_in)
        if view.user is None:
            return
        self.user.setText(
            self.role_words(view.user.role, self.tr("Loader: {0}")).format(view.user.name)
        )
        self.truck.setText(carrier_label(view.carrier) if view.carrier else "")
        self.total.setText(
            self.tr("{0} / {1} loaded").format(view.loaded or 0, view.total or 0)
            if view.carrier
            else ""
        )
        self.card.show_truck(view)
        self.recent.show_scans(view.recent)

    def on_close_button(self) -> None:
        """The close-manifest button: the focus back on the page, then its dialog."""
        self.take_focus()
        self.close_manifest_requested.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A narrow screen keeps to the truck: the recent scans step aside.
        super().resizeEvent(event)
        self.side.setVisible(self.width() >= RECENT_FROM_WIDTH)
