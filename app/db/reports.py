"""The sums behind the supervisors' reports, added up by the database (SQLite and PostgreSQL).

Packers' and stations' figures are read from the hourly tables
(`app.db.report_models`, kept up by `app.db.report_rollup`) and added up per
report day, the confused pairs from `confusion_hours` over the period's hours.
`app.core.reports` says what each sum means. The one dialect difference: how a
stored hour is moved to its report day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, cast, func, select, text
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app.core.reports import REPORT_OFFSET, Confusion, DayFigures, ReportKind
from app.db.models import Barcode, Product, Station, User
from app.db.report_models import ConfusionHour, RefusalHour, ScanHour


def _report_day(session: Session, hour: Any) -> ColumnElement[Any]:
    """The report day of a stored UTC hour."""
    minutes = int(REPORT_OFFSET.total_seconds() // 60)
    if session.get_bind().dialect.name == "sqlite":
        return func.date(hour, f"+{minutes} minutes")
    return cast(func.timezone("UTC", hour) + text(f"interval '{minutes} minutes'"), Date)


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _who(kind: ReportKind, model: Any) -> tuple[Any, Any]:
    """The hourly table's column a report groups by, and the name it joins to."""
    if kind is ReportKind.PACKERS:
        return model.user_key == User.id, User.name
    return model.station_id == Station.id, Station.name


def day_figures(
    session: Session, kind: ReportKind, start: dt.datetime, end: dt.datetime
) -> list[DayFigures]:
    """Each packer's (station's) sums per report day of the hours in [start, end).

    Packers' figures leave out scans made with nobody logged in; stations' keep them.
    """
    joined, name = _who(kind, ScanHour)
    h = ScanHour
    day = _report_day(session, h.hour).label("day")
    rows = session.execute(
        select(
            name,
            day,
            func.sum(h.packs),
            func.sum(h.units_counted) - func.sum(h.units_undone),
            func.sum(h.product_scans),
            func.sum(h.refused_product_scans),
            func.count(h.hour.distinct()),
        )
        .join(h, joined)
        .where(h.hour >= start, h.hour < end)
        .group_by(name, day)
        .order_by(name, day)
    ).all()
    return [
        DayFigures(who, _as_date(d), int(p), int(u), int(ps), int(r), int(hours))
        for who, d, p, u, ps, r, hours in rows
    ]


def refusals(
    session: Session, kind: ReportKind, start: dt.datetime, end: dt.datetime
) -> list[tuple[str, dt.date, str, int]]:
    """(name, report day, reason, refused scans) of the hours in [start, end)."""
    joined, name = _who(kind, RefusalHour)
    h = RefusalHour
    day = _report_day(session, h.hour).label("day")
    rows = session.execute(
        select(name, day, h.reason, func.sum(h.refusals))
        .join(h, joined)
        .where(h.hour >= start, h.hour < end)
        .group_by(name, day, h.reason)
    ).all()
    return [(who, _as_date(d), str(reason), int(n)) for who, d, reason, n in rows]


#: Memory PostgreSQL may hash a period's pairs in (its default, 4 MB, spills 90 days of 20
#: stations' 90,000 pairs to disk and takes three times as long).
_PAIRS_MEMORY = "64MB"


def confusions(
    session: Session, start: dt.datetime, end: dt.datetime, limit: int
) -> list[Confusion]:
    """The `limit` most frequent (expected, scanned) pairs of the `not_on_order` refusals
    made in the hours in [start, end)."""
    if session.get_bind().dialect.name != "sqlite":
        session.execute(text(f"SET LOCAL work_mem = '{_PAIRS_MEMORY}'"))
    h, expected, scanned = ConfusionHour, aliased(Product), aliased(Product)
    pairs = (
        select(h.expected_product_id, h.scanned_code, func.sum(h.times).label("times"))
        .where(h.hour >= start, h.hour < end)
        .group_by(h.expected_product_id, h.scanned_code)
        .subquery("pairs")
    )
    # Cut to the first `limit` before the scanned codes are looked up: a period holds many
    # pairs, the report shows few.
    top = (
        select(expected.sku, expected.name, pairs.c.scanned_code.label("code"), pairs.c.times)
        .join(expected, expected.id == pairs.c.expected_product_id)
        .order_by(pairs.c.times.desc(), expected.sku, pairs.c.scanned_code)
        .limit(limit)
        .subquery("top")
    )
    rows = session.execute(
        select(top.c.sku, top.c.name, top.c.code, scanned.sku, scanned.name, top.c.times)
        .outerjoin(Barcode, Barcode.code == top.c.code)
        .outerjoin(scanned, scanned.id == Barcode.product_id)
        .order_by(top.c.times.desc(), top.c.sku, top.c.code)
    ).all()
    return [
        Confusion(x_sku, x_name, y_sku or code, y_name or "", int(n))
        for x_sku, x_name, code, y_sku, y_name, n in rows
    ]
