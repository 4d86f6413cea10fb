"""The pack screen's tables and gift panel, each drawing only what it is given: the
order's lines, the recent scans and the gift message with its card step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.scans import VerdictKind
from app.core.times import as_utc
from app.services.station.outcome import LineView, ScanOutcome
from app.ui.pack.panels import named_label, restyle
from app.ui.pack.verdicts import (
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
_CENTRE = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


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
        # A reason is cut at its end (its start says it); a long code in its middle (`_code`).
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.TIME, QHeaderView.ResizeMode.ResizeToContents)
        # A JAN or an order number whole; a longer code (a GS1 string) cut in the middle. The
        # verdict takes what is left: the packer reads the reason before the code.
        header.setSectionResizeMode(self.CODE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(self.VERDICT, QHeaderView.ResizeMode.Stretch)

    def show_scans(self, scans: tuple[ScanOutcome, ...]) -> None:
        """Show `scans` (newest first); a refusal's reason in words beside its mark."""
        self.setColumnWidth(self.CODE, self.fontMetrics().horizontalAdvance("4901234567894") + 20)
        self.setRowCount(len(scans))
        for row, scan in enumerate(scans):
            cells = (
                as_utc(scan.at).astimezone().strftime("%H:%M:%S") if scan.at else "",
                _code(scan),
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


#: Longer codes (a GS1 string) are shown by their start and end, which tell them apart.
CODE_SHOWN = 15


def _code(scan: ScanOutcome) -> str:
    """The scanned code as the recent-scans list shows it: marked when typed, cut in the
    middle when long."""
    code = scan.scan
    if len(code) > CODE_SHOWN:
        code = f"{code[:6]}…{code[-(CODE_SHOWN - 7) :]}"
    return f"⌨ {code}" if scan.typed else code


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
        self.title = named_label("giftTitle", self.tr("Gift: put a message card in the box"))
        self.message = named_label("giftMessage")
        self.card = named_label("giftCard")
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
        restyle(self)
        self.show()
