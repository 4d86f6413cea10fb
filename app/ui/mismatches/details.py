"""The mismatch details pane: one refusal worded in full, expected against scanned, the
scans of its pack session, and the review form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.scans import Fact, Reason
from app.core.times import local_time
from app.services.mismatches import AroundScan, MismatchDetails, MismatchRow
from app.ui.mismatches.model import expected_words, fact_map, reason_words
from app.ui.pack.wording import refusal_words

_REFUSED = QColor("#fee2e2")
_THIS_ONE = QColor("#fca5a5")


def _words(row: MismatchRow) -> tuple[str, str]:
    """The refusal's headline and sentence, as the packer was shown them."""
    try:
        return refusal_words(Reason(row.reason), fact_map(row.facts))
    except (ValueError, KeyError):
        return row.reason, row.detail


class MismatchDetailsPane(QWidget):
    """Shows the refusal picked in the log; empty until one is picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mismatchDetails")
        self.headline = QLabel()
        self.headline.setObjectName("mismatchHeadline")
        self.headline.setWordWrap(True)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.scanned = self._value()
        self.expected = self._value()
        self.where = self._value()
        self.session_scans = QTableWidget(0, 4)
        self.session_scans.setObjectName("sessionScans")
        self.review_state = QLabel()
        self.review_state.setObjectName("reviewState")
        self.review_state.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("reviewNote")
        self.note.setPlaceholderText(self.tr("What was found, what was done"))
        self.mark_reviewed = QPushButton(self.tr("Mark reviewed…"))
        self.mark_reviewed.setToolTip(self.tr("A supervisor's badge and PIN are asked for"))
        self.mark_reviewed.setObjectName("markReviewed")
        self._build()
        self.show_mismatch(None)

    @staticmethod
    def _value() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build(self) -> None:
        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        facts.addRow(self._caption(self.tr("Scanned")), self.scanned)
        facts.addRow(self._caption(self.tr("Expected")), self.expected)
        facts.addRow(self._caption(self.tr("Where")), self.where)
        left = QVBoxLayout()
        left.addWidget(self.headline)
        left.addWidget(self.sentence)
        left.addLayout(facts)
        left.addStretch(1)

        table = self.session_scans
        table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Time"), self.tr("Scan"), self.tr("Verdict")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        middle = QVBoxLayout()
        middle.addWidget(self._caption(self.tr("The pack session, scan by scan")))
        middle.addWidget(table, 1)

        right = QVBoxLayout()
        right.addWidget(self._caption(self.tr("Review")))
        right.addWidget(self.review_state)
        right.addWidget(self.note)
        right.addWidget(self.mark_reviewed)
        right.addStretch(1)

        grid = QGridLayout(self)
        grid.setContentsMargins(4, 8, 4, 4)
        grid.addLayout(left, 0, 0)
        grid.addLayout(middle, 0, 1)
        grid.addLayout(right, 0, 2)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)
        grid.setColumnStretch(2, 3)

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("detailsCaption")
        return label

    def show_mismatch(self, details: MismatchDetails | None) -> None:
        """Fill the pane with `details` (None: empty, nothing to review)."""
        self.note.clear()
        if details is None:
            for label in (self.headline, self.sentence, self.scanned, self.expected, self.where):
                label.clear()
            self.review_state.setText(self.tr("Pick a refused scan in the list."))
            self.session_scans.setRowCount(0)
            self._enable_review(False)
            return
        row = details.mismatch
        headline, sentence = _words(row)
        self.headline.setText(headline)
        self.sentence.setText(sentence)
        self.scanned.setText(self._scanned_text(row))
        self.expected.setText(expected_words(row) or "—")
        self.where.setText(
            self.tr("{0} at {1}, {2}").format(
                local_time(row.at), row.station, row.packer or self.tr("nobody logged in")
            )
            + (self.tr(", order {0}").format(row.order) if row.order else "")
        )
        self.show_review(row)
        self._fill_scans(details.around, row.scan_record_id)
        self._enable_review(True)

    def show_review(self, row: MismatchRow) -> None:
        """Say whether (and by whom) the refusal was reviewed."""
        if row.reviewer and row.reviewed_at:
            when = local_time(row.reviewed_at)
            text = self.tr("Reviewed by {0} at {1}").format(row.reviewer, when)
            if row.review_note:
                text += f"\n“{row.review_note}”"
        else:
            text = self.tr("Not reviewed yet.")
        self.review_state.setText(text)

    def _scanned_text(self, row: MismatchRow) -> str:
        facts = row.facts
        parts = [row.scanned]
        if facts.get(Fact.ITEM):
            parts.append(f"{facts[Fact.ITEM]} ({row.sku})" if row.sku else facts[Fact.ITEM])
        if facts.get(Fact.LOT):
            parts.append(self.tr("lot {0}").format(facts[Fact.LOT]))
        if facts.get(Fact.EXPIRY):
            parts.append(self.tr("expiry {0}").format(facts[Fact.EXPIRY]))
        if row.typed:
            parts.append(self.tr("keyed in by hand"))
        return "\n".join(parts)

    def _fill_scans(self, scans: tuple[AroundScan, ...], refused_id: int) -> None:
        table = self.session_scans
        table.setRowCount(len(scans))
        bold = QFont(table.font())
        bold.setBold(True)
        for position, scan in enumerate(scans):
            verdict = reason_words(scan.reason) if scan.reason else self._verdict(scan.verdict)
            cells = (str(scan.seq), local_time(scan.at)[11:], scan.raw, verdict)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(scan.message)
                if scan.verdict == "rejected":
                    item.setBackground(_THIS_ONE if scan.id == refused_id else _REFUSED)
                if scan.id == refused_id:
                    item.setFont(bold)
                table.setItem(position, column, item)
        refused = [n for n, scan in enumerate(scans) if scan.id == refused_id]
        if refused:
            # Laid out now rather than later, so the scroll bar knows its range: the refused
            # scan in view, the session around it.
            table.doItemsLayout()
            table.updateGeometries()
            centre = QAbstractItemView.ScrollHint.PositionAtCenter
            table.scrollTo(table.model().index(refused[0], 0), centre)

    def _verdict(self, verdict: str) -> str:
        return {
            "accepted": self.tr("accepted"),
            "rejected": self.tr("refused"),
            "info": self.tr("info"),
        }.get(verdict, verdict)

    def _enable_review(self, enabled: bool) -> None:
        for widget in (self.note, self.mark_reviewed):
            widget.setEnabled(enabled)
