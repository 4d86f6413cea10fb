"""The pack screen's parts, each drawing only what it is given: the verdict banner, the
order's lines, the recent scans and the gift panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.scans import VerdictKind
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
    VerdictKind.INFO: "#92400e",
}
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
    """The last scan's verdict, large and coloured; it stays until the next scan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdict")
        self.setProperty("level", "idle")
        self.headline = QLabel()
        self.headline.setObjectName("verdictHeadline")
        self.detail = QLabel()
        self.detail.setObjectName("verdictDetail")
        self.detail.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("verdictCode")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 14)
        layout.setSpacing(4)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addWidget(self.code)
        self.setMinimumHeight(150)

    @property
    def level(self) -> str:
        """The colour shown: `accepted`, `refused`, `info`, `completed`, `waiting` or `idle`."""
        return str(self.property("level"))

    def show_verdict(self, verdict: ShownVerdict) -> None:
        """Show `verdict` until the next one."""
        self._show(verdict.level.value, verdict.headline, verdict.detail, verdict.code)
        self.setToolTip(verdict.note)

    def show_idle(self, headline: str, detail: str = "") -> None:
        """A neutral prompt (what to scan next) when there is no verdict to show."""
        self._show("idle", headline, detail)
        self.setToolTip("")

    def clear(self) -> None:
        """No verdict and nothing to say: the banner steps aside (the badge prompt says it)."""
        self.setProperty("level", "idle")
        self.hide()

    def show_failure(self, headline: str, detail: str) -> None:
        """Red, for a scan that could not be recorded at all."""
        self._show(Level.REFUSED.value, headline, detail)
        self.setToolTip("")

    def show_waiting(self, headline: str, detail: str, queued: str) -> None:
        """Blue-grey, neither a verdict nor a refusal: the scans are on their way."""
        self._show(WAITING, headline, detail, queued)
        self.setToolTip("")

    def _show(self, level: str, headline: str, detail: str, code: str = "") -> None:
        self.setProperty("level", level)
        _restyle(self)
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.code.setText(code)
        self.code.setVisible(bool(code))
        self.show()


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


class RecentScans(QTableWidget):
    """The station's last scans, newest first: time, code, verdict and why."""

    COLUMNS = 4
    TIME, CODE, VERDICT, REASON = range(COLUMNS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("recentScans")
        self.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Code"), self.tr("Verdict"), self.tr("Reason")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in (self.TIME, self.VERDICT, self.REASON):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Codes run long (a GS1 string): they take what is left and are cut at the end.
        header.setSectionResizeMode(self.CODE, QHeaderView.ResizeMode.Stretch)

    def show_scans(self, scans: tuple[ScanOutcome, ...]) -> None:
        """Show `scans` (newest first); the reason column holds the refusal in words."""
        self.setRowCount(len(scans))
        for row, scan in enumerate(scans):
            cells = (
                as_utc(scan.at).astimezone().strftime("%H:%M:%S") if scan.at else "",
                scan.scan,
                verdict_name(scan.verdict),
                reason_label(scan.reason) if scan.reason else "",
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == self.VERDICT:
                    item.setForeground(QColor(VERDICT_COLOURS[scan.verdict]))
                    item.setFont(_bold(self.font()))
                if column == self.CODE:
                    item.setToolTip(scan.scan)
                if column == self.REASON and scan.reason:
                    item.setToolTip(reason_sentence(scan.reason))
                self.setItem(row, column, item)

    def row_text(self, row: int) -> list[str]:
        """The texts of one row, as shown."""
        cells = (self.item(row, column) for column in range(self.COLUMNS))
        return [item.text() if item is not None else "" for item in cells]


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
