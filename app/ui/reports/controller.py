"""The Reports page's logic: read the period's report off the GUI thread, fill the tables and
the charts (everyone, or the picked packer or station), and save the table or the charts.

`ReportsPage` is the layout; this decides what it shows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QDate, QObject, QSize, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QTableWidget, QTableWidgetItem, QWidget

from app.core.errors import KenpinError
from app.core.reports import (
    Confusion,
    Period,
    Report,
    ReportKind,
    Table,
    confusions_table,
    report_table,
    series,
)
from app.core.scans import Reason
from app.services.reports import Reports
from app.ui.jobs import JobLane
from app.ui.pack.wording import reason_label
from app.ui.reports.view import ReportsPage

# The size of the saved PNG: both charts, one above the other.
PNG_SIZE = QSize(900, 640)
# The page opens on the last this many days.
DEFAULT_DAYS = 30


class Window(Protocol):
    """What the page needs of the window: a place for it, and the message channel."""

    def add_page(self, page: QWidget, title: str) -> int: ...
    def show_error(self, text: str) -> None: ...
    def show_info(self, text: str) -> None: ...


def _cell(value: object) -> QTableWidgetItem:
    if isinstance(value, float):
        item = QTableWidgetItem(f"{value:.1%}" if value < 1 and value != 0 else f"{value:.2f}")
    else:
        item = QTableWidgetItem("–" if value is None else str(value))
    return item


class ReportsController(QObject):
    """Shows the report of the chosen period and grouping, and saves it."""

    # A message for the window's banner.
    problem = Signal(str)
    notice = Signal(str)
    # The report of the period is on the page.
    shown = Signal()

    def __init__(self, reports: Reports, page: ReportsPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reports = reports
        self.page = page
        self.lane = JobLane("reports", self)
        self._report: Report | None = None
        today = QDate.currentDate()
        page.set_period(today.addDays(1 - DEFAULT_DAYS), today)
        self._connect_signals()

    def _connect_signals(self) -> None:
        page = self.page
        page.show_report.clicked.connect(self.on_show)
        page.kind.currentIndexChanged.connect(self.on_show)
        page.save_csv.clicked.connect(self.on_save_csv)
        page.save_pdf.clicked.connect(self.on_save_pdf)
        page.save_png.clicked.connect(self.on_save_png)
        page.figures.itemSelectionChanged.connect(self.on_row_picked)

    # What others call ----------------------------------------------------------

    def period(self) -> Period | None:
        """The period in the date fields; None (said on the banner) when it runs backwards."""
        since = self.page.since.date().toPython()
        until = self.page.until.date().toPython()
        assert isinstance(since, dt.date) and isinstance(until, dt.date)
        if since > until:
            self.problem.emit(self.tr("The first day is after the last day."))
            return None
        return Period(since, until)

    def kind(self) -> ReportKind:
        return ReportKind(str(self.page.kind.currentData()))

    def save_chart_png(self, path: Path) -> None:
        """Both charts, one above the other, as a PNG of PNG_SIZE."""
        image = QImage(PNG_SIZE, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        half = QSize(PNG_SIZE.width(), PNG_SIZE.height() // 2)
        painter = QPainter(image)
        painter.drawImage(0, 0, self.page.error_chart.image(half))
        painter.drawImage(0, half.height(), self.page.speed_chart.image(half))
        painter.end()
        # PySide6 takes the format as str at run time; its stubs say bytes.
        if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
            self.problem.emit(self.tr("Could not save the chart to {0}.").format(path))
            return
        self.notice.emit(self.tr("Chart saved to {0}.").format(path))

    def save_table(self, path: Path, fmt: str) -> None:
        """Write the shown report to `path` as csv or pdf, off the GUI thread."""
        period = self.period()
        if period is None:
            return
        kind = self.kind()
        said = self.tr("Report saved to {0}.").format(path)
        self.lane.submit(
            lambda: self.reports.export(kind, period, fmt, path),
            lambda _summary: self.notice.emit(said),
            lambda error: self.problem.emit(str(error)),
        )

    # Slots ---------------------------------------------------------------------

    def on_show(self) -> None:
        """Read the period's report (and its confusions) off the GUI thread."""
        period = self.period()
        if period is None:
            return
        kind = self.kind()
        self.page.status.setText(self.tr("Reading the report…"))
        self.lane.submit(
            lambda: (self.reports.figures(kind, period), self.reports.confusions(period)),
            self.on_loaded,
            self.on_failed,
        )

    def on_loaded(self, loaded: tuple[Report, list[Confusion]]) -> None:
        """The report arrived: into the tables and the charts."""
        report, confusions = loaded
        self._report = report
        self._fill(self.page.figures, report_table(report))
        self._fill(self.page.confusions, confusions_table(confusions))
        self._chart(None)
        floor = report.floor()
        self.page.status.setText(
            self.tr("{0} to {1}: {2:,} packs, {3:,} units, {4:,} refused product scans").format(
                report.period.since,
                report.period.until,
                floor.packs,
                floor.units,
                floor.refused_product_scans,
            )
        )
        self.shown.emit()

    def on_failed(self, error: KenpinError) -> None:
        self.page.status.setText("")
        self.problem.emit(self.tr("Could not read the report: {0}").format(error))

    def on_row_picked(self) -> None:
        """A packer or station was picked: the charts show theirs (nothing picked: everyone)."""
        rows = self.page.figures.selectionModel().selectedRows()
        item = self.page.figures.item(rows[0].row(), 0) if rows else None
        self._chart(item.text() if item else None)

    def on_save_csv(self) -> None:
        path = self._save_as(self.tr("Save the report as CSV"), "csv")
        if path:
            self.save_table(path, "csv")

    def on_save_pdf(self) -> None:
        path = self._save_as(self.tr("Save the report as PDF"), "pdf")
        if path:
            self.save_table(path, "pdf")

    def on_save_png(self) -> None:
        path = self._save_as(self.tr("Save the charts as PNG"), "png")
        if path:
            self.save_chart_png(path)

    # Inside --------------------------------------------------------------------

    def _chart(self, name: str | None) -> None:
        if self._report is None:
            return
        points = series(self._report, name)
        subject = name or self.tr("everyone")
        self.page.error_chart.set_points([(p.day, p.error_rate) for p in points], subject)
        self.page.speed_chart.set_points([(p.day, p.orders_per_hour) for p in points], subject)

    def _fill(self, table: QTableWidget, content: Table) -> None:
        table.clearContents()
        table.setColumnCount(len(content.header))
        table.setHorizontalHeaderLabels([self._heading(name) for name in content.header])
        table.setRowCount(len(content.rows))
        for row, values in enumerate(content.rows):
            for column, value in enumerate(values):
                table.setItem(row, column, _cell(value))

    def _heading(self, column: str) -> str:
        headings = {
            "packer": self.tr("Packer"),
            "station": self.tr("Station"),
            "packs": self.tr("Packs"),
            "units": self.tr("Units"),
            "product_scans": self.tr("Product scans"),
            "refused_product_scans": self.tr("Refused"),
            "error_rate": self.tr("Error rate"),
            "active_hours": self.tr("Active hours"),
            "orders_per_hour": self.tr("Orders / hour"),
            "expected_sku": self.tr("Expected"),
            "expected_name": self.tr("Expected product"),
            "scanned_sku": self.tr("Scanned"),
            "scanned_name": self.tr("Scanned product"),
            "times": self.tr("Times"),
        }
        if column in headings:
            return headings[column]
        reason = column.removeprefix("refused_")
        if reason in {r.value for r in Reason}:
            return reason_label(Reason(reason))
        return column

    def _save_as(self, title: str, suffix: str) -> Path | None:
        kind = self.kind().value
        name = f"kenpin-{kind}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self.page,
            title,
            str(Path.home() / name),
            f"{suffix.upper()} (*.{suffix})",
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        return Path(path) if path else None

    def close(self) -> None:
        """Wait (bounded) for a report or save under way."""
        self.lane.close()


def add_reports_page(window: Window, reports: Reports | None) -> ReportsController | None:
    """Add the Reports page to `window` (when it has the reports service), wired to its
    message banner."""
    if reports is None:
        return None
    page = ReportsPage()
    window.add_page(page, page.title())
    controller = ReportsController(reports, page, window if isinstance(window, QObject) else None)
    controller.problem.connect(window.show_error)
    controller.notice.connect(window.show_info)
    return controller
