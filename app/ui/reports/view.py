"""The Reports page: a period, packers or stations, the charts per day, the figures and the
most confused product pairs.

Layout only; `ReportsController` decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.reports import ReportKind
from app.ui.reports.chart import DayChart
from app.ui.tables import row_table


def _table(name: str) -> QTableWidget:
    return row_table(QTableWidget(), name)


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ReportsPage(QWidget):
    """Period and grouping on top, the two charts, then the figures beside the confusions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        self.kind.addItem(self.tr("Packers"), ReportKind.PACKERS.value)
        self.kind.addItem(self.tr("Stations"), ReportKind.STATIONS.value)
        self.since = _date_edit()
        self.until = _date_edit()
        self.show_report = QPushButton(self.tr("Show"))
        self.save_csv = QPushButton(self.tr("Save table as CSV…"))
        self.save_pdf = QPushButton(self.tr("Save table as PDF…"))
        self.save_png = QPushButton(self.tr("Save chart as PNG…"))
        self.status = QLabel()
        self.status.setObjectName("detailsMuted")
        self.error_chart = DayChart(
            self.tr("Error rate per day"), lambda v: f"{v:.1%}".replace(".0%", "%")
        )
        # Quarter steps read as they are (0.25, 0.75), never rounded to 0.2 and 0.8.
        self.speed_chart = DayChart(
            self.tr("Orders per hour per day"), lambda v: f"{round(v, 2):g}"
        )
        self.figures = _table("reportFigures")
        self.confusions = _table("reportConfusions")
        self.confusions_title = QLabel(self.tr("Most confused products (expected → scanned)"))
        self._build()

    def title(self) -> str:
        """The page's tab title."""
        return self.tr("Reports")

    def set_period(self, since: QDate, until: QDate) -> None:
        """Show this period in the date fields."""
        self.since.setDate(since)
        self.until.setDate(until)

    def _build(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(self.kind)
        tools.addSpacing(8)
        tools.addWidget(QLabel(self.tr("From")))
        tools.addWidget(self.since)
        tools.addWidget(QLabel(self.tr("to")))
        tools.addWidget(self.until)
        tools.addWidget(self.show_report)
        tools.addStretch(1)
        saving = QHBoxLayout()
        # The summary may be cut short on a narrow screen, never widen the window.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        saving.addWidget(self.status, 1)
        saving.addWidget(self.save_csv)
        saving.addWidget(self.save_pdf)
        saving.addWidget(self.save_png)

        charts = QHBoxLayout()
        charts.addWidget(self.error_chart)
        charts.addWidget(self.speed_chart)
        top = QWidget()
        top.setLayout(charts)
        charts.setContentsMargins(0, 0, 0, 0)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.confusions_title)
        side_layout.addWidget(self.confusions, 1)
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(self.figures)
        tables.addWidget(side)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)
        tables.setChildrenCollapsible(False)

        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(tables)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        body.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(tools)
        layout.addWidget(body, 1)
        layout.addLayout(saving)
