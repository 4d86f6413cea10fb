"""The pack screen, laid out to be read from two metres: who is packing which order, the
verdict of the last scan, the next action, the current line, the lines, the gift message,
the recent scans and the scanner.

Layout only; `PackController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from app.core.roles import Role
from app.core.scans import Command
from app.core.times import local_time
from app.services.station.outcome import StationView
from app.ui.pack.panels import CurrentLine, ElidedLabel, NextAction, TypedEntry, VerdictBanner
from app.ui.pack.pin_entry import PinEntry
from app.ui.pack.verdicts import current_line, next_action
from app.ui.pack.widgets import GiftPanel, LinesTable, RecentScans
from app.ui.styles import PACK_STYLE


class PackPage(QWidget):
    """The pack screen: a badge prompt when nobody is logged in, else the open pack.

    From the top: the header (who, which order, units in), the last verdict, the next
    action (the biggest text), then the current line in large type beside the lines,
    the gift message and the recent scans; the scanner's state, the sound switch and the
    command buttons at the bottom.
    """

    #: A button standing in for a command barcode was pressed.
    command_chosen = Signal(str)
    #: The user asked for the command sheet PDF.
    command_sheet_requested = Signal()
    #: A barcode was typed into the F2 field and Enter pressed.
    code_typed = Signal(str)
    #: The sound switch was flipped: True for sound on.
    sound_switched = Signal(bool)

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PACK_STYLE)
        # The page takes the focus back after a click, so a scanner never types into a button.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.banner = VerdictBanner()
        self.next_action = NextAction()
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
        self.typed_entry = TypedEntry()
        self.pin_entry = PinEntry()

        self.login_prompt = QLabel(self.tr("Scan your badge"))
        self.login_prompt.setObjectName("loginPrompt")
        self.login_hint = QLabel(self.tr("Hold your staff badge under the scanner to log in."))
        self.login_hint.setObjectName("loginHint")
        self.login_station = QLabel(self.tr("Station {0}").format(station))
        self.login_station.setObjectName("loginStation")

        self.user = ElidedLabel()
        self.user.setObjectName("packUser")
        self.order = QLabel()
        self.order.setObjectName("packOrder")
        self.total = QLabel()
        self.total.setObjectName("packTotal")
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

        # Cut at the start, so the state ("connected") stays in sight.
        self.scanner_status = ElidedLabel(
            self.tr("No scanner yet: use the buttons, or F2"), mode=Qt.TextElideMode.ElideLeft
        )
        self.scanner_status.setObjectName("scannerStatus")
        self.scanner_status.setProperty("state", "disconnected")
        self.sound = QPushButton()
        self.sound.setObjectName("soundSwitch")
        self.sound.setCheckable(True)
        self.sound.setChecked(True)
        self.sound.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._show_sound(True)
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
        self.typed_button = self._button(self.tr("Type (F2)"))

        self.header = QFrame()
        self.header.setObjectName("packHeader")
        self.body = QStackedWidget()
        self.order_area = QStackedWidget()
        self._build()
        self._connect_signals()

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("packCommand")
        # Reached with Tab, never by a click's focus: focus goes back to the page after a
        # click, and a scanner's burst (its Enter included) is kept from whatever has focus.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setAutoDefault(False)
        return button

    def _build(self) -> None:
        header = QHBoxLayout(self.header)
        header.setContentsMargins(16, 6, 16, 6)
        header.addWidget(self.user, 1)
        header.addWidget(self.order)
        header.addWidget(self.picked)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.next_action)
        layout.addWidget(self.ime_warning)
        layout.addWidget(self.label_prompt)
        layout.addWidget(self.typed_entry)
        layout.addWidget(self.pin_entry)
        layout.addWidget(self.body, 1)
        layout.addLayout(footer)

    def _connect_signals(self) -> None:
        for command, button in self.buttons.items():
            button.clicked.connect(lambda _=False, c=command: self.on_button(c.value))
        self.sheet_button.clicked.connect(self.on_sheet_button)
        self.typed_button.clicked.connect(self.open_typed_entry)
        self.sound.toggled.connect(self.on_sound_toggled)
        self.typed_entry.typed.connect(self.code_typed)
        self.typed_entry.closed.connect(self.take_focus)
        self.pin_entry.entered.connect(self.take_focus)
        self.pin_entry.cancelled.connect(self.take_focus)
        f2 = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        f2.setContext(Qt.ShortcutContext.WindowShortcut)
        f2.activated.connect(self.open_typed_entry)

    # Slots ---------------------------------------------------------------------------------

    def on_button(self, command: str) -> None:
        """A command button: its command, and the focus back on the page."""
        self.take_focus()
        self.command_chosen.emit(command)

    def on_sheet_button(self) -> None:
        """The command sheet button: the focus back on the page, then the save dialog."""
        self.take_focus()
        self.command_sheet_requested.emit()

    def on_sound_toggled(self, on: bool) -> None:
        """The sound switch: its words, and the speaker told."""
        self._show_sound(on)
        self.take_focus()
        self.sound_switched.emit(on)

    def _role_words(self, role: Role) -> str:
        """The header's "Role: {0}" for who is logged in."""
        if role is Role.SUPERVISOR:
            return self.tr("Supervisor: {0}")
        if role is Role.ADMIN:
            return self.tr("Admin: {0}")
        return self.tr("Packer: {0}")

    def open_typed_entry(self) -> None:
        """F2: the field where a barcode that will not scan is typed."""
        self.typed_entry.open_entry()

    def take_focus(self) -> None:
        """Keep the keyboard on the page (no button, no field has it)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

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
        self.next_action.setText(next_action(view, print_failed))
        self.next_action.setProperty(
            "waiting", view.awaiting is not None or view.override is not None or view.locked
        )
        self.next_action.style().unpolish(self.next_action)
        self.next_action.style().polish(self.next_action)
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

    def _show_sound(self, on: bool) -> None:
        self.sound.setText(self.tr("♪ Sound on") if on else self.tr("Sound off"))
