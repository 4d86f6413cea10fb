"""The scanner test page: the last burst in large type, every burst's key timings, and the
station's scanner settings with a Save.

Layout only; `ScannerTestController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.scanning.bursts import Terminator
from app.ui.styles import SCANNER_TEST_STYLE

#: The bursts table's columns.
OUTCOME, CODE, KIND, KEYS, GAPS, END, AIM = range(7)
#: Bursts kept in the table, newest first.
KEPT_BURSTS = 50


class BurstPanel(QFrame):
    """The last burst: its code in large type, what it was read as, and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("burstPanel")
        self.code = QLabel()
        self.code.setObjectName("burstCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long GS1 string must not widen the window.
        self.code.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.verdict = QLabel()
        self.verdict.setObjectName("burstVerdict")
        self.verdict.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("burstDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.code)
        layout.addWidget(self.verdict)
        layout.addWidget(self.detail, 1)

    def show_burst(self, outcome: str, code: str, verdict: str, detail: str) -> None:
        """Show a burst; `outcome` (`scan`, `unreadable`, `typing`) picks the colour."""
        self.setProperty("outcome", outcome)
        self.style().unpolish(self)
        self.style().polish(self)
        self.code.setText(code)
        self.code.setToolTip(code)
        self.verdict.setText(verdict)
        self.detail.setText(detail)


class ScannerTestPage(QWidget):
    """Scan here to see what the station makes of a scanner, and tune its settings."""

    #: The page came into view (scans stop going to the pack station) or left it.
    shown = Signal()
    hidden = Signal()

    def __init__(self, station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scannerTestPage")
        self.setStyleSheet(SCANNER_TEST_STYLE)
        self.hint = QLabel(
            self.tr(
                "Scan a few barcodes with the scanner. Scans made on this page do not go to "
                "the pack station."
            )
        )
        self.hint.setObjectName("scannerTestHint")
        self.hint.setWordWrap(True)
        self.panel = BurstPanel()
        self.panel.show_burst("", self.tr("Waiting for a scan…"), "", "")

        self.gap = QSpinBox()
        self.gap.setRange(1, 1000)
        self.gap.setSuffix(" ms")
        self.min_length = QSpinBox()
        self.min_length.setRange(1, 200)
        self.terminator = QComboBox()
        for label, value in (
            (self.tr("Enter"), Terminator.ENTER),
            (self.tr("Tab"), Terminator.TAB),
            (self.tr("Enter or Tab"), Terminator.ENTER_OR_TAB),
        ):
            self.terminator.addItem(label, str(value))
        self.gs1_standin = QLineEdit()
        self.gs1_standin.setPlaceholderText(self.tr("none"))
        #: Under each setting: the environment variable that overrides it, when one does.
        self.overridden = {name: self._override_note() for name in _SETTINGS}
        self.save = QPushButton(self.tr("Save for {0}").format(station))
        self.save.setObjectName("scannerSave")
        self.saved = QLabel()
        self.saved.setObjectName("scannerSaved")
        self.saved.setWordWrap(True)
        self.bursts = QTableWidget(0, 7)
        self.bursts.setObjectName("scannerBursts")
        self._build(station)

    @staticmethod
    def _override_note() -> QLabel:
        note = QLabel()
        note.setObjectName("scannerOverride")
        note.setWordWrap(True)
        note.hide()
        return note

    def _build(self, station: str) -> None:
        settings = QGroupBox(self.tr("Scanner settings of {0}").format(station))
        form = QFormLayout(settings)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            (self.tr("Longest gap between keys"), self.gap, "key_gap_ms"),
            (self.tr("Minimum length"), self.min_length, "min_length"),
            (self.tr("Terminator"), self.terminator, "terminator"),
            (self.tr("GS1 separator stand-in"), self.gs1_standin, "gs1_standin"),
        )
        for label, field, name in rows:
            caption = QLabel(label)
            caption.setWordWrap(True)
            form.addRow(caption, field)
            form.addRow("", self.overridden[name])
        form.addRow(self.save)
        form.addRow(self.saved)
        settings.setFixedWidth(360)

        top = QHBoxLayout()
        top.addWidget(settings)
        top.addWidget(self.panel, 1)

        table = self.bursts
        table.setHorizontalHeaderLabels(
            [
                self.tr("Read as"),
                self.tr("Code"),
                self.tr("What it is"),
                self.tr("Keys"),
                self.tr("Gaps (ms)"),
                self.tr("End"),
                self.tr("AIM"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((OUTCOME, 100), (CODE, 230), (KIND, 250), (KEYS, 56), (END, 70)):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(GAPS, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(AIM, 60)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addWidget(self.bursts, 1)

    def add_burst(self, cells: list[str], gaps_tip: str) -> int:
        """A new burst on top of the table; returns its row (0) for the kind to follow."""
        table = self.bursts
        table.insertRow(0)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(gaps_tip if column == GAPS else text)
            table.setItem(0, column, item)
        while table.rowCount() > KEPT_BURSTS:
            table.removeRow(table.rowCount() - 1)
        return 0

    def set_kind(self, rows_ago: int, text: str) -> None:
        """Fill in what the burst `rows_ago` rows below the top turned out to be."""
        item = self.bursts.item(rows_ago, KIND)
        if item is not None:
            item.setText(text)
            item.setToolTip(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.shown.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self.hidden.emit()


#: The settings the page sets, by their names in `ScanRules`.
_SETTINGS = ("key_gap_ms", "min_length", "terminator", "gs1_standin")
