"""The pick screen, laid out for a cart's or a handheld's small screen (usable at 800×600,
read from two metres): who is picking which wave, the verdict of the last scan, the next
action, the one instruction in large type, and big buttons for a finger.

Layout only; `PickController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.core.scans import Command
from app.services.station.pick import PickView
from app.ui.pack.panels import restyle
from app.ui.pack.widgets import RecentScans
from app.ui.pick.panels import InstructionCard
from app.ui.pick.verdicts import next_action, progress
from app.ui.station.page import BenchPage
from app.ui.styles import PACK_STYLE, PICK_STYLE

#: From this width on the recent scans stand beside the instruction; a narrower screen
#: (a handheld, 800×600) keeps to the one instruction.
RECENT_FROM_WIDTH = 1100
#: From this height on (the window as it opens, 1360×860, or larger) the texts grow to be
#: read from further away; below it they are sized to fit 800×600 whole.
ROOMY_FROM_HEIGHT = 760


class PickPage(BenchPage):
    """The pick screen: a badge prompt when nobody is logged in, else the wave.

    From the top: the header (who, which wave, line N of M, units), the last verdict,
    the next action (the biggest text), the instruction card (bin, product, quantity,
    lot, where it goes) with the recent scans beside it on a wide screen; at the bottom
    the touch buttons (undo, short pick, log out), then the scanner's state and the rest.
    """

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__("pickPage", PACK_STYLE + PICK_STYLE, station, parent)
        self.wave = QLabel()
        self.wave.setObjectName("packOrder")
        self.wave_prompt = QLabel()
        self.wave_prompt.setObjectName("orderPrompt")
        self.wave_prompt.setWordWrap(True)
        self.wave_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = InstructionCard()
        self.recent = RecentScans()
        self.recent_title = QLabel(self.tr("Recent scans"))
        self.recent_title.setObjectName("recentTitle")
        for command, text in (
            (Command.UNDO, self.tr("Undo last unit")),
            (Command.SHORTPICK, self.tr("Short pick")),
            (Command.LOGOUT, self.tr("Log out")),
        ):
            self.buttons[command] = self._button(text, "pickCommand")

        self.wave_area = QStackedWidget()
        self.side = QWidget()
        self._build()
        self._connect_bench_signals()

    def _build(self) -> None:
        self._fill_header(self.wave, (12, 4))

        self.wave_area.addWidget(self.wave_prompt)
        self.wave_area.addWidget(self.card)
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.recent_title)
        side.addWidget(self.recent, 1)
        work = QWidget()
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.wave_area, 5)
        row.addWidget(self.side, 3)
        self.body.addWidget(self._login_panel())
        self.body.addWidget(work)

        self._stack_touch()

    @property
    def logged_in(self) -> bool:
        """True while the wave (not the badge prompt) is shown."""
        return self.body.currentIndex() == 1

    def show_view(self, view: PickView, done_wave: str | None = None) -> None:
        """Show the station's state; `done_wave` is the wave just picked to its end."""
        self.header.setVisible(view.user is not None)
        self.body.setCurrentIndex(0 if view.user is None else 1)
        self.next_action.setVisible(view.user is not None)
        self.show_next_action(next_action(view, done_wave), view.slot is not None)
        open_wave = view.wave is not None
        for command, button in self.buttons.items():
            button.setVisible(view.user is not None)
            enabled = {
                Command.UNDO: open_wave,
                Command.SHORTPICK: open_wave and view.at_bin and view.slot is None,
            }
            button.setEnabled(enabled.get(command, True))
        self.sheet_button.setVisible(not open_wave)
        if view.user is None:
            return
        self.user.setText(
            self.role_words(view.user.role, self.tr("Picker: {0}")).format(view.user.name)
        )
        self.wave.setText(view.wave or self.tr("No wave open"))
        self.total.setText(progress(view))
        if open_wave:
            self.wave_area.setCurrentIndex(1)
            self.card.show_instruction(view)
        else:
            self.wave_prompt.setText(
                self.tr("Scan the wave's barcode on its pick list, or one order's number.")
            )
            self.wave_area.setCurrentIndex(0)
        self.recent.show_scans(view.recent)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A small screen keeps to the one instruction: the recent scans step aside.
        super().resizeEvent(event)
        self.side.setVisible(self.width() >= RECENT_FROM_WIDTH)
        roomy = self.height() >= ROOMY_FROM_HEIGHT
        if self.property("roomy") != roomy:
            self.setProperty("roomy", roomy)
            restyle(self)
