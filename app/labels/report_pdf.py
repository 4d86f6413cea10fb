"""A supervisor's report as a landscape A4 PDF: a heading, the charts per day, the table.

The charts (error rate, orders per hour) are drawn by reportlab's line plots
from the points `app.core.reports.series` gives; the table repeats its column
heads on every page. Text is set in the embedded Japanese font, so product
names print as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.core.errors import EnvironmentFailure
from app.core.reports import DayPoint, nice_top
from app.core.reports import Table as ReportTable
from app.labels.fonts import register_japanese_font

CHART_W, CHART_H = 125 * mm, 55 * mm


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """What the PDF holds: a title, the period in words, the table and the day points."""

    title: str
    subtitle: str
    table: ReportTable
    points: Sequence[DayPoint] = ()


def _chart(title: str, values: Sequence[float | None], days: Sequence[str], font: str) -> Drawing:
    drawing = Drawing(CHART_W, CHART_H)
    drawing.add(String(0, CHART_H - 10, title, fontName=font, fontSize=10))
    plot = LinePlot()
    plot.x, plot.y = 30, 20
    plot.width, plot.height = CHART_W - 45, CHART_H - 40
    points = [(n, v) for n, v in enumerate(values) if v is not None]
    plot.data = [points or [(0, 0.0)]]
    plot.lines[0].strokeColor = colors.HexColor("#1f6fb2")
    plot.lines[0].strokeWidth = 1.5
    plot.lines[0].symbol = makeMarker("FilledCircle", size=3)
    x_axis, y_axis = plot.xValueAxis, plot.yValueAxis
    x_axis.valueMin, x_axis.valueMax = 0, max(len(days) - 1, 1)
    every = max(1, len(days) // 8)
    x_axis.valueSteps = list(range(0, len(days), every))
    x_axis.labelTextFormat = lambda n: days[int(n)] if 0 <= int(n) < len(days) else ""
    x_axis.labels.fontName = y_axis.labels.fontName = font
    y_axis.valueMin = 0
    y_axis.valueMax = nice_top(max((v for _, v in points), default=0.0))
    drawing.add(plot)
    return drawing


def _charts(points: Sequence[DayPoint], font: str) -> Table:
    days = [p.day.strftime("%m-%d") for p in points]
    errors = [None if p.error_rate is None else p.error_rate * 100 for p in points]
    speed = [p.orders_per_hour for p in points]
    return Table(
        [
            [
                _chart("Error rate % / エラー率", errors, days, font),
                _chart("Orders per hour / 時間当たり件数", speed, days, font),
            ]
        ]
    )


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4f}" if value < 1 else f"{value:.1f}"
    return str(value)


def _table(table: ReportTable, font: str) -> Table:
    header = [name.replace("_", " ") for name in table.header]
    body = [[_cell(value) for value in row] for row in table.rows]
    grid = Table([header, *body], repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 7),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4ebf2")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#b0b8c0")),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return grid


def write_report_pdf(path: Path, document: ReportDocument) -> int:
    """Write `document` to `path`; returns the number of pages."""
    font = register_japanese_font()
    heading = ParagraphStyle("heading", fontName=font, fontSize=15, leading=19)
    plain = ParagraphStyle("plain", fontName=font, fontSize=9, leading=12)
    story: list[object] = [
        Paragraph(document.title, heading),
        Paragraph(document.subtitle, plain),
        Spacer(1, 4 * mm),
    ]
    if document.points:
        story += [_charts(document.points, font), Spacer(1, 4 * mm)]
    if document.table.rows:
        story.append(_table(document.table, font))
    else:
        story.append(
            Paragraph("No scans in this period. / この期間のスキャンはありません。", plain)
        )
    pdf = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=document.title,
        author="Kenpin",
    )
    try:
        pdf.build(story)
    except OSError as exc:
        raise EnvironmentFailure(f"{path}: cannot write the report: {exc}") from exc
    return int(pdf.page)
