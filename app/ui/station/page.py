"""What every station mode's screen has (the pack bench's, the pick screen's): the verdict
banner, the next action, the badge prompt, the F2 field, the PIN entry, the scanner's
state, the sound switch and the command buttons, and how they behave.

Layout only: each mode's page places these parts with its own, and its controller
(`app.ui.station.controller.BenchController`) decides what they show.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.roles import Role
from app.core.scans import Command
from app.ui.pack.panels import ElidedLabel, NextAction, TypedEntry, VerdictBanner, restyle
from app.ui.pack.pin_entry import PinEntry

translate = QCoreApplication.translate


class BenchPage(QWidget):
    """The parts every station screen shares; `role_worker` names who works it ("Packer:
    {0}", "Picker: {0}") in the header."""

    #: A button standing in for a command barcode was pressed.
    command_chosen = Signal(str)
    #: The user asked for the command sheet PDF.
    command_sheet_requested = Signal()
    #: A barcode was typed into the F2 field and Enter pressed.
    code_typed = Signal(str)
    #: The sound switch was flipped: True for sound on.
    sound_switched = Signal(bool)

    def __init__(self, name: str, style: str, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(style)
        # The page takes the focus back after a click, so a scanner never types into a button.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.banner = VerdictBanner()
        self.next_action = NextAction()
        self.ime_warning = QLabel(
            translate(
                "Bench",
                "Full-width characters came from the scanner: switch the Japanese input (IME) "
                "off. The scan was read correctly.",
            )
        )
        self.ime_warning.setObjectName("imeWarning")
        self.ime_warning.setWordWrap(True)
        self.ime_warning.hide()
        self.typed_entry = TypedEntry()
        self.pin_entry = PinEntry()

        self.login_prompt = QLabel(translate("Bench", "Scan your badge"))
        self.login_prompt.setObjectName("loginPrompt")
        self.login_hint = QLabel(
            translate("Bench", "Hold your staff badge under the scanner to log in.")
        )
        self.login_hint.setObjectName("loginHint")
        self.login_station = QLabel(translate("Bench", "Station {0}").format(station))
        self.login_station.setObjectName("loginStation")
        self.user = ElidedLabel()
        self.user.setObjectName("packUser")
        self.total = QLabel()
        self.total.setObjectName("packTotal")
        #: Who works on what, over the verdict; the badge prompt or the work below it.
        self.header = QFrame()
        self.header.setObjectName("packHeader")
        self.body = QStackedWidget()

        # Cut at the start, so the state ("connected") stays in sight.
        self.scanner_status = ElidedLabel(
            translate("Bench", "No scanner yet: use the buttons, or F2"),
            mode=Qt.TextElideMode.ElideLeft,
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
        self.sheet_button = self._button(translate("Bench", "Command sheet…"))
        self.sheet_button.setToolTip(translate("Bench", "Save the command codes as a PDF to print"))
        self.typed_button = self._button(translate("Bench", "Type (F2)"))

    def _button(self, text: str, name: str = "packCommand") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        # Reached with Tab, never by a click's focus: focus goes back to the page after a
        # click, and a scanner's burst (its Enter included) is kept from whatever has focus.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setAutoDefault(False)
        return button

    def _fill_header(self, title: QWidget, margins: tuple[int, int]) -> None:
        """The header: who is logged in, `title` (the order, the wave), the units counted."""
        header = QHBoxLayout(self.header)
        header.setContentsMargins(margins[0], margins[1], margins[0], margins[1])
        header.addWidget(self.user, 1)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.total)

    def _login_panel(self) -> QWidget:
        """The badge prompt shown while nobody is logged in."""
        login = QWidget()
        column = QVBoxLayout(login)
        column.addStretch(2)
        for label in (self.login_prompt, self.login_hint, self.login_station):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            column.addWidget(label)
        column.addStretch(3)
        return login

    def _stack(self, extra: tuple[QWidget, ...], rows: tuple[QLayout, ...], spacing: int) -> None:
        """The page from the top: the header, the verdict, the next action, the IME warning,
        `extra`, the F2 field and the PIN entry, the body (taking what room is left), then
        the button `rows`."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(spacing + 2,) * 4)
        layout.setSpacing(spacing)
        for widget in (self.header, self.banner, self.next_action, self.ime_warning, *extra):
            layout.addWidget(widget)
        layout.addWidget(self.typed_entry)
        layout.addWidget(self.pin_entry)
        layout.addWidget(self.body, 1)
        for row in rows:
            layout.addLayout(row)

    def _stack_touch(self, extra: tuple[QPushButton, ...] = ()) -> None:
        """`_stack` for a screen worked by finger (pick, dock): its command buttons and
        `extra` in one row of big buttons, the scanner's state and the small ones below."""
        touch = QHBoxLayout()
        touch.setSpacing(8)
        for button in (*self.buttons.values(), *extra):
            touch.addWidget(button, 1)
        footer = QHBoxLayout()
        footer.setSpacing(4)
        footer.addWidget(self.scanner_status, 1)
        for button in (self.sound, self.typed_button, self.sheet_button):
            footer.addWidget(button)
        self._stack((), (touch, footer), spacing=4)

    def _connect_bench_signals(self) -> None:
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

    def open_typed_entry(self) -> None:
        """F2: the field where a barcode that will not scan is typed."""
        self.typed_entry.open_entry()

    def take_focus(self) -> None:
        """Keep the keyboard on the page (no button, no field has it)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def role_words(self, role: Role, worker: str) -> str:
        """The header's "Role: {0}" for who is logged in; `worker` words the staff's own."""
        if role is Role.SUPERVISOR:
            return translate("Bench", "Supervisor: {0}")
        if role is Role.ADMIN:
            return translate("Bench", "Admin: {0}")
        return worker

    def show_next_action(self, text: str, waiting: bool) -> None:
        """The next action's words; `waiting` (amber) when it waits on someone else."""
        self.next_action.setText(text)
        self.next_action.setProperty("waiting", waiting)
        self.next_action.style().unpolish(self.next_action)
        self.next_action.style().polish(self.next_action)

    def show_scanner(self, state: str, text: str) -> None:
        """The scanner's state (`connected`, `disconnected`) and a sentence about it."""
        self.scanner_status.setProperty("state", state)
        restyle(self.scanner_status)
        self.scanner_status.setText(text)

    def show_waiting(self, scans: int) -> None:
        """The database is slow: `scans` scans are waiting for their verdicts, kept in order."""
        self.banner.show_waiting(
            translate("Bench", "Waiting for the database…"),
            translate("Bench", "Keep scanning: your scans are kept in order."),
            translate("Bench", "Scans waiting: {0}").format(scans) if scans else "",
        )

    def show_ime_warning(self, shown: bool) -> None:
        """Warn (or stop warning) that the IME turned the scan into full-width characters."""
        self.ime_warning.setVisible(shown)

    def _show_sound(self, on: bool) -> None:
        self.sound.setText(
            translate("Bench", "♪ Sound on") if on else translate("Bench", "Sound off")
        )
