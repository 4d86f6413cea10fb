"""The pack screen's parts, each drawing only what it is given: the verdict banner, the
next action, the current line, the order's lines, the recent scans, the gift panel and
the typed-entry field."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.scans import LotCheck, VerdictKind
from app.core.times import as_utc
from app.services.station.outcome import LineView, ScanOutcome
from app.ui.pack.verdicts import (
    Level,
    ShownVerdict,
    line_progress,
    progress_name,
    reason_label,
    reason_sentence,
    verdict_name,
)

#: (background, text) of a line's row by progress: to do, in progress, done, too many.
PROGRESS_COLOURS = {
    "not_started": ("#ffffff", "#0f172a"),
    "partial": ("#fef3c7", "#78350f"),
    "done": ("#dcfce7", "#14532d"),
    "over": ("#fee2e2", "#991b1b"),
}
VERDICT_COLOURS = {
    VerdictKind.ACCEPTED: "#166534",
    VerdictKind.REJECTED: "#b91c1c",
    VerdictKind.INFO: "#475569",
}
#: How long a new verdict's banner flashes.
FLASH_MS = 350
#: The banner's level while scans wait for the database (no verdict yet).
WAITING = "waiting"
_CENTRE = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _restyle(widget: QWidget) -> None:
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
        self.headline = QLabel()
        self.headline.setObjectName("verdictHeadline")
        self.headline.setWordWrap(True)
        self.counter = QLabel()
        self.counter.setObjectName("verdictCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.detail = QLabel()
        self.detail.setObjectName("verdictDetail")
        self.detail.setWordWrap(True)
        self.code = ElidedLabel()
        self.code.setObjectName("verdictCode")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.headline, 1)
        top.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 10)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        layout.addWidget(self.code)
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
        _restyle(self)

    def _start_flash(self) -> None:
        self.setProperty("flash", True)
        _restyle(self)
        self._flash.start()

    def _show(self, level: str, headline: str, detail: str, code: str = "") -> None:
        self.setProperty("level", level)
        _restyle(self)
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
        self.product = QLabel()
        self.product.setObjectName("currentProduct")
        self.product.setWordWrap(True)
        self.remaining = QLabel()
        self.remaining.setObjectName("currentRemaining")
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.where = QLabel()
        self.where.setObjectName("currentWhere")
        self.where.setWordWrap(True)
        self.lot = QLabel()
        self.lot.setObjectName("currentLot")
        self.lot.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.product, 1)
        top.addWidget(self.remaining)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.where)
        layout.addWidget(self.lot)
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
        self.lot.setText(
            self.tr("Check the unit's print: lot / expiry {0}").format(line.reserved)
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
        self.prompt = QLabel(self.tr("Type the barcode, then Enter (Esc closes):"))
        self.prompt.setObjectName("typedPrompt")
        self.prompt.setWordWrap(True)
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


class LinesTable(QTableWidget):
    """The open order's lines: product, variant, bin, scanned of ordered, and progress."""

    COLUMNS = 5
    PRODUCT, VARIANT, BIN, COUNT, PROGRESS = range(COLUMNS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("packLines")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Variant"),
                self.tr("Bin"),
                self.tr("Scanned / ordered"),
                self.tr("Progress"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column in (self.VARIANT, self.BIN, self.COUNT, self.PROGRESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._bold = QFont(self.font())
        self._bold.setBold(True)

    def show_lines(self, lines: tuple[LineView, ...], counted: int | None = None) -> None:
        """Show `lines`; the line with id `counted` (the one just scanned) stands out."""
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            progress = line_progress(line)
            background, text = PROGRESS_COLOURS[progress.value]
            cells = (
                (f"{line.name}\n{line.sku}", Qt.AlignmentFlag.AlignVCenter),
                (line.variant, Qt.AlignmentFlag.AlignVCenter),
                (line.bins, Qt.AlignmentFlag.AlignVCenter),
                (f"{line.packed} / {line.ordered}", _CENTRE),
                (progress_name(progress), _CENTRE),
            )
            for column, (value, alignment) in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setTextAlignment(alignment)
                item.setBackground(QColor(background))
                item.setForeground(QColor(text))
                if column in (self.COUNT, self.PROGRESS) or line.line_id == counted:
                    item.setFont(self._bold)
                self.setItem(row, column, item)
        rows = [row for row, line in enumerate(lines) if line.line_id == counted]
        if rows:
            self.scrollTo(self.model().index(rows[0], 0))

    def row_text(self, row: int) -> list[str]:
        """The texts of one row, as shown."""
        cells = (self.item(row, column) for column in range(self.COLUMNS))
        return [item.text() if item is not None else "" for item in cells]

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A narrower product column wraps names onto more lines: the rows grow with them.
        super().resizeEvent(event)
        self.resizeRowsToContents()


class RecentScans(QTableWidget):
    """The last scans, newest first, narrow: time, the code (cut in the middle) and the
    verdict's mark with the refusal's reason."""

    COLUMNS = 3
    TIME, CODE, VERDICT = range(COLUMNS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("recentScans")
        self.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Code"), self.tr("Verdict")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.TIME, QHeaderView.ResizeMode.ResizeToContents)
        # Codes run long (a GS1 string): they take what is left, cut in the middle.
        header.setSectionResizeMode(self.CODE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.VERDICT, QHeaderView.ResizeMode.ResizeToContents)

    def show_scans(self, scans: tuple[ScanOutcome, ...]) -> None:
        """Show `scans` (newest first); a refusal's reason in words beside its mark."""
        self.setRowCount(len(scans))
        for row, scan in enumerate(scans):
            cells = (
                as_utc(scan.at).astimezone().strftime("%H:%M:%S") if scan.at else "",
                f"⌨ {scan.scan}" if scan.typed else scan.scan,
                _mark(scan),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == self.VERDICT:
                    item.setForeground(QColor(VERDICT_COLOURS[scan.verdict]))
                    item.setFont(_bold(self.font()))
                    item.setToolTip(
                        reason_sentence(scan.reason) if scan.reason else verdict_name(scan.verdict)
                    )
                if column == self.CODE:
                    item.setToolTip(scan.scan)
                self.setItem(row, column, item)

    def row_text(self, row: int) -> list[str]:
        """The texts of one row, as shown."""
        cells = (self.item(row, column) for column in range(self.COLUMNS))
        return [item.text() if item is not None else "" for item in cells]


def _mark(scan: ScanOutcome) -> str:
    """✔ accepted, ✖ and the reason for a refusal, · for information."""
    if scan.verdict is VerdictKind.REJECTED:
        return f"✖ {reason_label(scan.reason)}" if scan.reason else "✖"
    return "✔" if scan.verdict is VerdictKind.ACCEPTED else "·"


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class GiftPanel(QFrame):
    """A gift order's message and whether the card is in the box yet; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gift")
        self.setProperty("card", "missing")
        self.title = QLabel(self.tr("Gift: put a message card in the box"))
        self.title.setObjectName("giftTitle")
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("giftMessage")
        self.message.setWordWrap(True)
        self.card = QLabel()
        self.card.setObjectName("giftCard")
        self.card.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.card)
        self.hide()

    def show_gift(self, message: str, card_confirmed: bool) -> None:
        """Show the gift `message` and the card step, or hide the panel when there is none."""
        if not message:
            self.hide()
            return
        self.message.setText(message)
        if card_confirmed:
            self.card.setText(self.tr("✔ Card is in the box"))
        else:
            self.card.setText(self.tr("Card not confirmed yet: put it in, then scan CARD"))
        self.setProperty("card", "confirmed" if card_confirmed else "missing")
        _restyle(self)
        self.show()
