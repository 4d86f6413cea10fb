"""The pack screen, laid out to be read from two metres: who is packing which order, the
verdict of the last scan, the next action, the current line, the lines, the gift message,
the recent scans and the scanner.

Layout only; `PackController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.core.label import tracking_display
from app.core.roles import Role
from app.core.scans import Command
from app.core.times import local_time
from app.services.station.outcome import StationView
from app.ui.pack.panels import CurrentLine
from app.ui.pack.verdicts import current_line, next_action
from app.ui.pack.widgets import GiftPanel, LinesTable, RecentScans
from app.ui.station.page import BenchPage
from app.ui.styles import PACK_STYLE


class PackPage(BenchPage):
    """The pack screen: a badge prompt when nobody is logged in, else the open pack.

    From the top: the header (who, which order, units in), the last verdict, the next
    action (the biggest text), then the current line in large type beside the lines,
    the gift message and the recent scans; the scanner's state, the sound switch and the
    command buttons at the bottom.
    """

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__("packPage", PACK_STYLE, station, parent)
        self.label_prompt = QLabel()
        self.label_prompt.setObjectName("labelPrompt")
        self.label_prompt.setWordWrap(True)
        self.label_prompt.hide()

        self.order = QLabel()
        self.order.setObjectName("packOrder")
        #: Who picked the open order by scan, and when: the double check's first half.
        self.picked = QLabel()
        self.picked.setObjectName("packPicked")
        self.order_prompt = QLabel(
            self.tr("Scan the order number on the pick list or packing slip.")
        )
        self.order_prompt.setObjectName("orderPrompt")
        self.order_prompt.setWordWrap(True)
        self.order_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current = CurrentLine()
        self.lines = LinesTable()
        self.gift = GiftPanel()
        self.recent = RecentScans()

        for command, text in (
            (Command.CARD, self.tr("Card in box")),
            (Command.UNDO, self.tr("Undo last unit")),
            (Command.COMPLETE, self.tr("Complete pack")),
            (Command.CANCEL, self.tr("Leave for later")),
            (Command.LOGOUT, self.tr("Log out")),
        ):
            self.buttons[command] = self._button(text)

        self.order_area = QStackedWidget()
        self._build()
        self._connect_bench_signals()

    def _build(self) -> None:
        title = QWidget()
        row = QHBoxLayout(title)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.order)
        row.addWidget(self.picked)
        self._fill_header(title, (16, 6))

        login = self._login_panel()

        lines = QWidget()
        stack = QVBoxLayout(lines)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.current)
        stack.addWidget(self.lines, 1)
        self.order_area.addWidget(self.order_prompt)
        self.order_area.addWidget(lines)
        side = QVBoxLayout()
        side.addWidget(self.gift)
        recent_title = QLabel(self.tr("Recent scans"))
        recent_title.setObjectName("recentTitle")
        side.addWidget(recent_title)
        side.addWidget(self.recent, 1)
        work = QWidget()
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.order_area, 5)
        row.addLayout(side, 3)

        self.body.addWidget(login)
        self.body.addWidget(work)

        footer = QHBoxLayout()
        footer.setSpacing(6)
        footer.addWidget(self.scanner_status, 1)
        footer.addWidget(self.sound)
        for button in (*self.buttons.values(), self.typed_button, self.sheet_button):
            footer.addWidget(button)

        self._stack((self.label_prompt,), (footer,), spacing=6)

    def _role_words(self, role: Role) -> str:
        """The header's "Role: {0}" for who is logged in."""
        return self.role_words(role, self.tr("Packer: {0}"))

    @property
    def logged_in(self) -> bool:
        """True while the pack panel (not the badge prompt) is shown."""
        return self.body.currentIndex() == 1

    def show_view(
        self, view: StationView, counted: int | None = None, print_failed: bool = False
    ) -> None:
        """Show the station's state; `counted` is the line the last scan changed,
        `print_failed` says the awaited label did not print."""
        self.header.setVisible(view.user is not None)
        self.body.setCurrentIndex(0 if view.user is None else 1)
        self.next_action.setVisible(view.user is not None)
        self.show_next_action(
            next_action(view, print_failed),
            view.awaiting is not None or view.override is not None or view.locked,
        )
        has_order = view.order_number is not None
        for command, button in self.buttons.items():
            # Nobody to act for: the badge prompt alone, no buttons to wonder about.
            button.setVisible(view.user is not None)
            button.setEnabled(has_order or command is Command.LOGOUT)
        # The sheet is printed between packs; during one its place goes to the scanner's state.
        self.sheet_button.setVisible(view.user is None or not has_order)
        awaiting = view.awaiting if view.user is not None else None
        self.label_prompt.setVisible(awaiting is not None)
        if awaiting is not None:
            self.label_prompt.setText(
                self.tr("Label to scan: order {0}, tracking number {1}").format(
                    awaiting.order_number, tracking_display(awaiting.tracking_number)
                )
            )
        if view.user is None:
            return
        self.user.setText(self._role_words(view.user.role).format(view.user.name))
        self._show_order(view, counted)
        self.buttons[Command.CARD].setVisible(bool(view.gift_message))
        self.gift.show_gift(view.gift_message, view.card_confirmed)
        self.recent.show_scans(view.recent)

    def _show_order(self, view: StationView, counted: int | None) -> None:
        awaiting = view.awaiting
        picked = view.picked_by is not None and view.order_number is not None
        self.picked.setVisible(picked)
        if picked and view.picked_at is not None:
            self.picked.setText(
                self.tr("picked by {0} at {1}").format(view.picked_by, local_time(view.picked_at))
            )
        if view.order_number is not None:
            self.order.setText(self.tr("Order {0}").format(view.order_number))
            self.total.setText(self.tr("{0} / {1} units").format(view.scanned, view.expected))
            self.order_area.setCurrentIndex(1)
            self.current.show_line(current_line(view, counted))
            self.lines.show_lines(view.lines, counted)
            return
        if awaiting is not None:
            # The pack is done but its parcel has not left: the header names it still.
            self.order.setText(self.tr("Order {0}").format(awaiting.order_number))
            self.total.setText(self.tr("Label to scan"))
            self.order_prompt.setText(self.tr("Scan the label on the box before the next order."))
        else:
            self.order.setText(self.tr("No order open"))
            self.total.setText("")
            self.order_prompt.setText(
                self.tr("Scan the order number on the pick list or packing slip.")
            )
        self.order_area.setCurrentIndex(0)
        self.current.show_line(None)
