"""A small line chart of one figure per day, drawn with QPainter (no chart library).

The same drawing paints the widget and renders into a QImage, so "Save chart
as PNG" saves what the page shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.reports import nice_top

LINE = QColor("#1f6fb2")
GRID = QColor("#d5dbe1")
TEXT = QColor("#2b3137")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48.0, 26.0, 28.0, 26.0
GRID_LINES = 4

DayValue = tuple[dt.date, float | None]


class DayChart(QWidget):
    """One series of day values as a line with dots; days without a value are gaps."""

    def __init__(
        self, title: str, label: Callable[[float], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title
        self._label = label
        self._points: list[DayValue] = []
        #: Whose days are shown ("" before any): named after the title.
        self.subject = ""
        self.setMinimumSize(300, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, points: Sequence[DayValue], subject: str) -> None:
        """Show these days (in order) of `subject` (a packer, a station, everyone)."""
        self._points = list(points)
        self.subject = subject
        self.update()

    @property
    def points(self) -> list[DayValue]:
        return list(self._points)

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.draw(painter, QRectF(self.rect()))
        painter.end()

    def image(self, size: QSize) -> QImage:
        """The chart drawn at `size` on white, for a PNG."""
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self.draw(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image

    def draw(self, painter: QPainter, area: QRectF) -> None:
        """Title, axes with a few grid lines, the day labels and the line."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(area, QColor("white"))
        painter.setPen(TEXT)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            area.adjusted(8, 4, -8, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            f"{self.title} — {self.subject}" if self.subject else self.title,
        )
        font.setBold(False)
        painter.setFont(font)
        plot = area.adjusted(MARGIN_LEFT, MARGIN_TOP, -MARGIN_RIGHT, -MARGIN_BOTTOM)
        values = [v for _, v in self._points if v is not None]
        top = nice_top(max(values, default=0.0))
        self._grid(painter, plot, top)
        self._days(painter, plot)
        self._line(painter, plot, top)

    def _grid(self, painter: QPainter, plot: QRectF, top: float) -> None:
        for n in range(GRID_LINES + 1):
            y = plot.bottom() - plot.height() * n / GRID_LINES
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(0, y - 8, plot.left() - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._label(top * n / GRID_LINES),
            )

    def _x(self, plot: QRectF, index: int) -> float:
        count = len(self._points)
        return plot.center().x() if count < 2 else plot.left() + plot.width() * index / (count - 1)

    def _days(self, painter: QPainter, plot: QRectF) -> None:
        count = len(self._points)
        if not count:
            return
        every = max(1, round(count / max(1, plot.width() // 60)))
        for index in range(0, count, every):
            x = self._x(plot, index)
            painter.drawText(
                QRectF(x - 30, plot.bottom() + 4, 60, 18),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self._points[index][0].strftime("%m-%d"),
            )

    def _line(self, painter: QPainter, plot: QRectF, top: float) -> None:
        painter.setPen(QPen(LINE, 2))
        painter.setBrush(LINE)
        previous: QPointF | None = None
        for index, (_day, value) in enumerate(self._points):
            if value is None:
                previous = None
                continue
            point = QPointF(self._x(plot, index), plot.bottom() - plot.height() * value / top)
            if previous is not None:
                painter.drawLine(previous, point)
            painter.drawEllipse(point, 2.5, 2.5)
            previous = point
