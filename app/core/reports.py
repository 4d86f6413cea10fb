"""Supervisors' reports: what each figure means, and the tables and series made of them.

The database adds the scans up per packer (or station) and report day; this
module holds the definitions those sums are turned into, so the command, the
PDF and the window say the same thing:

- **packs**: packs completed (an accepted `KCMD:COMPLETE`).
- **units**: units accepted into cartons, less those taken back by `KCMD:UNDO`.
- **product scans**: scans that read as a product code while the station had a
  user; **refused product scans** are those of them refused, for any reason.
- **error rate**: refused product scans ÷ product scans (none when there were
  no product scans).
- **active hours**: clock hours (10:00–10:59, …) in which the packer (station)
  recorded at least one scan of any kind; **orders per hour**: packs ÷ active
  hours. Over several days or several packers the hours add up, so the total's
  orders per hour is the average bench's.
- **report day**: the day in Japan time (JST, UTC+9) the scan was made on.

A confused pair (expected X, scanned Y) is a `not_on_order` refusal of product
Y, counted against the product of the next unit accepted in the same pack after
it — the one the packer went back for. A refusal with no accepted unit after
it in its pack (the pack given up) counts in no pair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.scans import Reason

#: Report days are Japan days: a warehouse's day, whatever the PC's clock is set to.
REPORT_OFFSET = dt.timedelta(hours=9)
#: Confused pairs shown, most frequent first.
CONFUSIONS_SHOWN = 50


class ReportKind(StrEnum):
    """The reports `kenpin report` writes."""

    PACKERS = "packers"
    STATIONS = "stations"
    CONFUSIONS = "confusions"


@dataclass(frozen=True, slots=True)
class Period:
    """Report days `since` to `until`, both included."""

    since: dt.date
    until: dt.date

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """The period as UTC times [start, end) for the scans' `at`."""
        start = dt.datetime.combine(self.since, dt.time(), dt.UTC) - REPORT_OFFSET
        end = dt.datetime.combine(self.until + dt.timedelta(days=1), dt.time(), dt.UTC)
        return start, end - REPORT_OFFSET

    def days(self) -> list[dt.date]:
        """Every day of the period, in order."""
        count = (self.until - self.since).days + 1
        return [self.since + dt.timedelta(days=n) for n in range(count)]


def period(since: dt.date | None, until: dt.date | None, today: dt.date) -> Period:
    """The period asked for: `until` defaults to `today`, `since` to 29 days before `until`."""
    last = until or today
    first = since or last - dt.timedelta(days=29)
    if first > last:
        raise ValueError(f"--since {first} is after --until {last}")
    return Period(first, last)


@dataclass(frozen=True, slots=True)
class DayFigures:
    """One packer's (or station's) sums over one report day, as the database adds them up."""

    name: str
    day: dt.date
    packs: int
    units: int
    product_scans: int
    refused_product_scans: int
    active_hours: int
    #: Refused scans of every kind, by reason.
    refusals: dict[str, int] = field(default_factory=dict)


def error_rate(refused: int, scans: int) -> float | None:
    """Refused product scans ÷ product scans; None without product scans."""
    return refused / scans if scans else None


def orders_per_hour(packs: int, hours: int) -> float | None:
    """Completed packs ÷ active hours; None without activity."""
    return packs / hours if hours else None


def add_up(name: str, day: dt.date, parts: Iterable[DayFigures]) -> DayFigures:
    """The sums of `parts` under one name and day (hours add up, see the module's text)."""
    items = list(parts)
    refusals: dict[str, int] = {}
    for part in items:
        for reason, count in part.refusals.items():
            refusals[reason] = refusals.get(reason, 0) + count
    return DayFigures(
        name,
        day,
        packs=sum(p.packs for p in items),
        units=sum(p.units for p in items),
        product_scans=sum(p.product_scans for p in items),
        refused_product_scans=sum(p.refused_product_scans for p in items),
        active_hours=sum(p.active_hours for p in items),
        refusals=refusals,
    )


def with_refusals(
    days: Sequence[DayFigures], refusals: Iterable[tuple[str, dt.date, str, int]]
) -> list[DayFigures]:
    """`days` with the (name, day, reason, count) refusals filled in; a name and day with
    refusals but no other figure gets a row of its own."""
    by_key = {(d.name, d.day): d for d in days}
    for name, day, reason, count in refusals:
        row = by_key.get((name, day)) or DayFigures(name, day, 0, 0, 0, 0, 0)
        by_key[(name, day)] = DayFigures(
            row.name,
            row.day,
            row.packs,
            row.units,
            row.product_scans,
            row.refused_product_scans,
            row.active_hours,
            {**row.refusals, reason: row.refusals.get(reason, 0) + count},
        )
    return sorted(by_key.values(), key=lambda d: (d.name, d.day))


@dataclass(frozen=True, slots=True)
class Report:
    """A packers' or stations' report: figures per name and day over a period."""

    kind: ReportKind
    period: Period
    days: list[DayFigures]

    def totals(self) -> list[DayFigures]:
        """One row per name over the whole period (its day is the period's first)."""
        names = sorted({d.name for d in self.days})
        return [
            add_up(name, self.period.since, (d for d in self.days if d.name == name))
            for name in names
        ]

    def floor(self) -> DayFigures:
        """Everyone together over the whole period."""
        return add_up("", self.period.since, self.days)

    def by_day(self, name: str | None = None) -> list[DayFigures]:
        """Every day of the period for `name` (everyone when None), days without scans
        included as zeros."""
        rows = [d for d in self.days if name is None or d.name == name]
        return [
            add_up(name or "", day, (d for d in rows if d.day == day)) for day in self.period.days()
        ]

    def reasons(self) -> list[str]:
        """The reasons refused in the period, in the scan protocol's order."""
        seen = {reason for d in self.days for reason in d.refusals}
        known = [r.value for r in Reason if r.value in seen]
        return known + sorted(seen - set(known))


@dataclass(frozen=True, slots=True)
class Confusion:
    """A look-alike: how often `scanned` was refused where `expected` was then packed."""

    expected_sku: str
    expected_name: str
    scanned_sku: str
    scanned_name: str
    times: int


@dataclass(frozen=True, slots=True)
class Table:
    """A report as a table: English column names and cells (numbers stay numbers)."""

    header: list[str]
    rows: list[list[str | int | float | None]]


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _figures_cells(row: DayFigures, reasons: Sequence[str]) -> list[str | int | float | None]:
    return [
        row.packs,
        row.units,
        row.product_scans,
        row.refused_product_scans,
        _rate(error_rate(row.refused_product_scans, row.product_scans)),
        row.active_hours,
        _rate(orders_per_hour(row.packs, row.active_hours)),
        *[row.refusals.get(reason, 0) for reason in reasons],
    ]


FIGURE_COLUMNS = [
    "packs",
    "units",
    "product_scans",
    "refused_product_scans",
    "error_rate",
    "active_hours",
    "orders_per_hour",
]


def report_table(report: Report, *, daily: bool = False) -> Table:
    """The report's table: one row per name over the period, or per name and day."""
    reasons = report.reasons()
    who = "packer" if report.kind is ReportKind.PACKERS else "station"
    header = [who, *(["day"] if daily else []), *FIGURE_COLUMNS]
    header += [f"refused_{reason}" for reason in reasons]
    rows: list[list[str | int | float | None]] = []
    for row in report.days if daily else report.totals():
        day: list[str | int | float | None] = [row.day.isoformat()] if daily else []
        rows.append([row.name, *day, *_figures_cells(row, reasons)])
    return Table(header, rows)


def confusions_table(confusions: Sequence[Confusion]) -> Table:
    """The confused pairs, most frequent first."""
    header = ["expected_sku", "expected_name", "scanned_sku", "scanned_name", "times"]
    rows: list[list[str | int | float | None]] = [
        [c.expected_sku, c.expected_name, c.scanned_sku, c.scanned_name, c.times]
        for c in confusions
    ]
    return Table(header, rows)


def nice_top(value: float) -> float:
    """A round number at or above `value` for the top of a chart's axis (1 for nothing)."""
    if value <= 0:
        return 1.0
    step = 10 ** len(str(int(value))) / 10 if value >= 1 else 0.1
    while step * 10 < value:
        step *= 10
    top = step
    while top < value:
        top += step
    return top


@dataclass(frozen=True, slots=True)
class DayPoint:
    """One day of a chart: the error rate and the orders per hour (None: no activity)."""

    day: dt.date
    error_rate: float | None
    orders_per_hour: float | None


def series(report: Report, name: str | None = None) -> list[DayPoint]:
    """The chart's points, one per day of the period, for `name` or everyone."""
    return [
        DayPoint(
            d.day,
            error_rate(d.refused_product_scans, d.product_scans),
            orders_per_hour(d.packs, d.active_hours),
        )
        for d in report.by_day(name)
    ]
