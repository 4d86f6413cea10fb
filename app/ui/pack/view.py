"""The pack screen, laid out to be read from arm's length: who is packing which order, the
verdict of the last scan, the lines, the gift message, the recent scans and the scanner.

Layout only; `PackController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.label import tracking_display
from app.core.scans import Command
from app.services.station.outcome import StationView
from app.ui.pack.widgets import GiftPanel, LinesTable, RecentScans, VerdictBanner
from app.ui.styles import PACK_STYLE


class PackPage(QWidget):
    """The pack screen: a badge prompt when nobody is logged in, else the open pack."""

    #: A button standing in for a command barcode was pressed.
    command_chosen = Signal(str)
    #: The user asked for the command sheet PDF.
    command_sheet_requested = Signal()

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PACK_STYLE)

        self.banner = VerdictBanner()
        self.ime_warning = QLabel(
            self.tr(
                "Full-width characters came from the scanner: switch the Japanese input (IME) "
                "off. The scan was read correctly."
            )
        )
        self.ime_warning.setObjectName("imeWarning")
        self.ime_warning.setWordWrap(True)
        self.ime_warning.hide()
        self.label_prompt = QLabel()
        self.label_prompt.setObjectName("labelPrompt")
        self.label_prompt.setWordWrap(True)
        self.label_prompt.hide()

        self.login_prompt = QLabel(self.tr("Scan your badge"))
        self.login_prompt.setObjectName("loginPrompt")
        self.login_hint = QLabel(self.tr("Hold your staff badge under the scanner to log in."))
        self.login_hint.setObjectName("loginHint")
        self.login_station = QLabel(self.tr("Station {0}").format(station))
        self.login_station.setObjectName("loginStation")

        self.user = QLabel()
        self.user.setObjectName("packUser")
        self.order = QLabel()
        self.order.setObjectName("packOrder")
        self.total = QLabel()
        self.total.setObjectName("packTotal")
        self.order_prompt = QLabel(
            self.tr("Scan the order number on the pick list or packing slip.")
        )
        self.order_prompt.setObjectName("orderPrompt")
        self.order_prompt.setWordWrap(True)
        self.order_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines = LinesTable()
        self.gift = GiftPanel()
        self.recent = RecentScans()

        self.scanner_status = QLabel()
        self.scanner_status.setObjectName("scannerStatus")
        self.buttons: dict[Command, QPushButton] = {}
        for command, text in (
            (Command.CARD, self.tr("Card in box")),
            (Command.UNDO, self.tr("Undo last unit")),
            (Command.COMPLETE, self.tr("Complete pack")),
            (Command.CANCEL, self.tr("Leave for later")),
            (Command.LOGOUT, self.tr("Log out")),
        ):
            self.buttons[command] = self._button(text)
        self.sheet_button = self._button(self.tr("Command sheet…"))
        self.sheet_button.setToolTip(self.tr("Save the command codes as a PDF to print"))

        self.header = QFrame()
        self.header.setObjectName("packHeader")
        self.body = QStackedWidget()
        self.order_area = QStackedWidget()
        self._build()
        self._connect_signals()

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("packCommand")
        # A scanner's Enter must never press whatever button last had focus.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _build(self) -> None:
        header = QHBoxLayout(self.header)
        header.setContentsMargins(18, 10, 18, 10)
        header.addWidget(self.user)
        header.addStretch(1)
        header.addWidget(self.order)
        header.addStretch(1)
        header.addWidget(self.total)

        login = QWidget()
        column = QVBoxLayout(login)
        column.addStretch(2)
        for label in (self.login_prompt, self.login_hint, self.login_station):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            column.addWidget(label)
        column.addStretch(3)

        self.order_area.addWidget(self.order_prompt)
        self.order_area.addWidget(self.lines)
        side = QVBoxLayout()
        side.addWidget(self.gift)
        recent_title = QLabel(self.tr("Recent scans"))
        recent_title.setObjectName("recentTitle")
        side.addWidget(recent_title)
        side.addWidget(self.recent, 1)
        work = QWidget()
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.order_area, 3)
        row.addLayout(side, 2)

        self.body.addWidget(login)
        self.body.addWidget(work)

        footer = QHBoxLayout()
        footer.addWidget(self.scanner_status)
        footer.addStretch(1)
        for button in self.buttons.values():
            footer.addWidget(button)
        footer.addSpacing(16)
        footer.addWidget(self.sheet_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.ime_warning)
        layout.addWidget(self.label_prompt)
        layout.addWidget(self.body, 1)
        layout.addLayout(footer)

    def _connect_signals(self) -> None:
        for command, button in self.buttons.items():
            button.clicked.connect(lambda _=False, c=command: self.command_chosen.emit(c.value))
        self.sheet_button.clicked.connect(self.command_sheet_requested)

    @property
    def logged_in(self) -> bool:
        """True while the pack panel (not the badge prompt) is shown."""
        return self.body.currentIndex() == 1

    def show_view(self, view: StationView, counted: int | None = None) -> None:
        """Show the station's state; `counted` is the line the last scan changed."""
        self.header.setVisible(view.user is not None)
        self.body.setCurrentIndex(0 if view.user is None else 1)
        has_order = view.order_number is not None
        for command, button in self.buttons.items():
            # Nobody to act for: the badge prompt alone, no buttons to wonder about.
            button.setVisible(view.user is not None)
            button.setEnabled(has_order or command is Command.LOGOUT)
        awaiting = view.awaiting if view.user is not None else None
        self.label_prompt.setVisible(awaiting is not None)
        if awaiting is not None:
            self.label_prompt.setText(
                self.tr("Put the label on the box and scan it: {0}, {1}").format(
                    awaiting.order_number, tracking_display(awaiting.tracking_number)
                )
            )
        if view.user is None:
            return
        self.user.setText(self.tr("Packer: {0}").format(view.user.name))
        if has_order:
            self.order.setText(self.tr("Order {0}").format(view.order_number))
            self.total.setText(self.tr("{0} / {1} units").format(view.scanned, view.expected))
            self.order_area.setCurrentWidget(self.lines)
            self.lines.show_lines(view.lines, counted)
        else:
            self.order.setText(self.tr("No order open"))
            self.total.setText("")
            self.order_area.setCurrentWidget(self.order_prompt)
        self.order_prompt.setText(
            self.tr("Scan the label on the box before the next order.")
            if awaiting is not None
            else self.tr("Scan the order number on the pick list or packing slip.")
        )
        self.buttons[Command.CARD].setVisible(bool(view.gift_message))
        self.gift.show_gift(view.gift_message, view.card_confirmed)
        self.recent.show_scans(view.recent)

    def show_scanner(self, state: str, text: str) -> None:
        """The scanner's state (`connected`, `disconnected`) and a sentence about it."""
        self.scanner_status.setProperty("state", state)
        self.scanner_status.style().unpolish(self.scanner_status)
        self.scanner_status.style().polish(self.scanner_status)
        self.scanner_status.setText(text)

    def show_waiting(self, scans: int) -> None:
        """The database is slow: `scans` scans are waiting for their verdicts, kept in order."""
        self.banner.show_waiting(
            self.tr("Waiting for the database…"),
            self.tr("Keep scanning: your scans are kept in order."),
            self.tr("Scans waiting: {0}").format(scans) if scans else "",
        )

    def show_ime_warning(self, shown: bool) -> None:
        """Warn (or stop warning) that the IME turned the scan into full-width characters."""
        self.ime_warning.setVisible(shown)
