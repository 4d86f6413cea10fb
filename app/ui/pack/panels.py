"""The pack screen's large panels, each drawing only what it is given: the verdict banner,
the next action, the current line and the typed-entry field (and a label that elides)."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.scans import LotCheck
from app.services.station.outcome import LineView
from app.ui.pack.verdicts import Level, ShownVerdict

#: How long a new verdict's banner flashes.
FLASH_MS = 350
#: The banner's level while scans wait for the database (no verdict yet).
WAITING = "waiting"


def named_label(name: str, text: str = "", wrap: bool = True) -> QLabel:
    """A label the style sheet knows by `name`, wrapping its words unless `wrap` is False."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def lay_out(
    frame: QFrame,
    head: tuple[QWidget, QWidget],
    below: tuple[QWidget, ...],
    margins: tuple[int, int, int, int],
) -> None:
    """A big text with a smaller one at its right (`head`), then the lines `below` it."""
    top = QHBoxLayout()
    top.setContentsMargins(0, 0, 0, 0)
    top.addWidget(head[0], 1)
    top.addWidget(head[1])
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(*margins)
    layout.setSpacing(2)
    layout.addLayout(top)
    for widget in below:
        layout.addWidget(widget)


def restyle(widget: QWidget) -> None:
    """Re-read the style sheet after a dynamic property changed (children's rules use it too)."""
    for each in (widget, *widget.findChildren(QLabel)):
        each.style().unpolish(each)
        each.style().polish(each)


class VerdictBanner(QFrame):
    """The last scan's verdict, large and coloured, with the pack's scan number; it stays
    until the next scan, and flashes as it arrives so a repeat verdict is seen as new."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdict")
        self.setProperty("level", "idle")
        self.setProperty("flash", False)
        self.headline = named_label("verdictHeadline")
        self.counter = QLabel()
        self.counter.setObjectName("verdictCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.detail = named_label("verdictDetail")
        self.code = ElidedLabel()
        self.code.setObjectName("verdictCode")
        lay_out(self, (self.headline, self.counter), (self.detail, self.code), (20, 8, 20, 10))
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self.on_flash_over)

    @property
    def level(self) -> str:
        """The colour shown: `accepted`, `refused`, `info`, `completed`, `waiting` or `idle`."""
        return str(self.property("level"))

    @property
    def flashing(self) -> bool:
        """True for a moment after a verdict arrived."""
        return bool(self.property("flash"))

    def show_verdict(self, verdict: ShownVerdict, number: int = 0) -> None:
        """Show `verdict` until the next one; `number` is the scan's number in this pack."""
        self._show(verdict.level.value, verdict.headline, verdict.detail, verdict.code)
        self.counter.setText(self.tr("scan {0}").format(number) if number else "")
        self.setToolTip(verdict.note)
        self._start_flash()

    def show_idle(self, headline: str, detail: str = "") -> None:
        """A neutral prompt (what to scan next) when there is no verdict to show."""
        self._show("idle", headline, detail)
        self.counter.setText("")
        self.setToolTip("")

    def clear(self) -> None:
        """No verdict and nothing to say: the banner steps aside (the badge prompt says it)."""
        self.setProperty("level", "idle")
        self.hide()

    def show_failure(self, headline: str, detail: str, note: str = "") -> None:
        """Red, for a scan that could not be recorded at all or a label that did not print;
        `note` (the lower layer's own words) shows on hover."""
        self._show(Level.REFUSED.value, headline, detail)
        self.counter.setText("")
        self.setToolTip(note)
        self._start_flash()

    def show_waiting(self, headline: str, detail: str, queued: str) -> None:
        """Blue-grey, neither a verdict nor a refusal: the scans are on their way."""
        self._show(WAITING, headline, detail, queued)
        self.counter.setText("")
        self.setToolTip("")

    def on_flash_over(self) -> None:
        """The flash is over: the verdict's own colour stays."""
        self.setProperty("flash", False)
        restyle(self)

    def _start_flash(self) -> None:
        self.setProperty("flash", True)
        restyle(self)
        self._flash.start()

    def _show(self, level: str, headline: str, detail: str, code: str = "") -> None:
        self.setProperty("level", level)
        restyle(self)
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.code.setText(code)
        self.code.setVisible(bool(code))
        self.show()


class ElidedLabel(QLabel):
    """One line of text cut with … where it does not fit (a long code never widens the
    window); the whole text shows on hover."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text if text else "")
        self._elide()

    def text(self) -> str:
        """The whole text, as given (not as cut)."""
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, self._mode, max(self.contentsRect().width(), 40)
        )
        super().setText(shown)


class NextAction(QLabel):
    """What the packer does next: the biggest text on the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextAction")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


class CurrentLine(QFrame):
    """The line the packer is on, large enough to read from two metres: the product and
    its variant, how many more, its bin, and for a lot checked by eye the reserved lot
    and expiry to compare with the print on the unit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentLine")
        self.product = named_label("currentProduct")
        self.remaining = QLabel()
        self.remaining.setObjectName("currentRemaining")
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.where = named_label("currentWhere")
        self.lot = named_label("currentLot")
        lay_out(self, (self.product, self.remaining), (self.where, self.lot), (16, 8, 16, 8))
        self.hide()

    def show_line(self, line: LineView | None) -> None:
        """Show `line` (None: every line is in, the panel steps aside)."""
        if line is None:
            self.hide()
            return
        self.product.setText(f"{line.name}  {line.variant}".strip())
        self.remaining.setText(self.tr("{0} more").format(line.ordered - line.packed))
        self.where.setText(
            self.tr("Bin {0} · {1} · {2} of {3} in the box").format(
                line.bins or "—", line.sku, line.packed, line.ordered
            )
        )
        confirm = line.lot_check is LotCheck.CONFIRM and bool(line.reserved)
        # The caption small, the lot and expiry large on a line of their own: what the
        # packer compares with the print on the unit.
        caption = self.tr("Check the print on the unit: lot and expiry")
        self.lot.setText(
            f"<span style='font-size: 14pt; font-weight: normal'>{html.escape(caption)}</span>"
            f"<br>{html.escape(line.reserved)}"
            if confirm
            else ""
        )
        self.lot.setVisible(confirm)
        self.show()


class TypedEntry(QFrame):
    """The keyboard fallback (F2): a barcode that will not scan is typed here; Enter sends
    it as a typed scan, Esc closes the field."""

    #: A code was typed and Enter pressed.
    typed = Signal(str)
    #: The field closed (Esc, or after Enter): focus goes back to the page.
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typedEntry")
        self.prompt = named_label(
            "typedPrompt", self.tr("Type the barcode, then Enter (Esc closes):")
        )
        self.field = QLineEdit()
        self.field.setObjectName("typedField")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.prompt, 1)
        layout.addWidget(self.field, 2)
        self.field.returnPressed.connect(self.on_return)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_entry)
        self.hide()

    def open_entry(self) -> None:
        """Show the field, empty, with the keyboard in it."""
        self.field.clear()
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_entry(self) -> None:
        """Hide the field (what was typed is dropped)."""
        self.field.clear()
        self.hide()
        self.closed.emit()

    def on_return(self) -> None:
        """Enter: send the typed code, then close."""
        code = self.field.text().strip()
        if code:
            self.typed.emit(code)
        self.close_entry()
