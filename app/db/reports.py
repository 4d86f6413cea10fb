"""The sums behind the supervisors' reports, added up by the database (SQLite and PostgreSQL).

Scans are picked by their time (`ix_scans_at`) and added up per packer (or
station) and UTC hour, then per report day; `app.core.reports` says what each
sum means. Only SQL's own aggregates are used, with one dialect difference:
how a stored time is cut to its hour and moved to the report day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, and_, case, cast, func, literal, select, text
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app.core.reports import REPORT_OFFSET, Confusion, DayFigures, ReportKind
from app.core.scans import Reason, VerdictKind
from app.db.models import Barcode, OrderLine, Product, Station, User
from app.db.station_models import ScanRecord

_S = ScanRecord


def _hour(session: Session) -> ColumnElement[Any]:
    """The scan's UTC hour: text `YYYY-MM-DD HH` on SQLite, a timestamp on PostgreSQL."""
    if session.get_bind().dialect.name == "sqlite":
        return func.substr(_S.at, 1, 13)
    return func.date_trunc("hour", func.timezone("UTC", _S.at))


def _report_day(session: Session, hour: ColumnElement[Any]) -> ColumnElement[Any]:
    """The report day of an hour made by `_hour`."""
    minutes = int(REPORT_OFFSET.total_seconds() // 60)
    if session.get_bind().dialect.name == "sqlite":
        return func.date(hour + literal(":00:00"), f"+{minutes} minutes")
    return cast(hour + text(f"interval '{minutes} minutes'"), Date)


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _who(kind: ReportKind) -> tuple[Any, Any, Any]:
    """The scan's column a report groups by, the table naming it, and that name."""
    if kind is ReportKind.PACKERS:
        return _S.user_id, User.id, User.name
    return _S.station_id, Station.id, Station.name


def _count(condition: ColumnElement[bool], value: Any = 1) -> ColumnElement[Any]:
    return func.sum(case((condition, value), else_=0))


def day_figures(
    session: Session, kind: ReportKind, start: dt.datetime, end: dt.datetime
) -> list[DayFigures]:
    """Each packer's (station's) sums per report day of scans made in [start, end)."""
    key, name_key, name = _who(kind)
    product = and_(_S.kind == "product", _S.user_id.is_not(None))
    hour = _hour(session).label("hour")
    hours = (
        select(
            key.label("who"),
            hour,
            _count(_S.effect == "complete").label("packs"),
            _count(and_(_S.effect == "count", _S.undone.is_(False)), _S.units).label("units"),
            _count(product).label("product_scans"),
            _count(and_(product, _S.verdict == VerdictKind.REJECTED)).label("refused"),
        )
        .where(_S.at >= start, _S.at < end, key.is_not(None))
        .group_by(key, hour)
        .subquery()
    )
    day = _report_day(session, hours.c.hour).label("day")
    rows = session.execute(
        select(
            name,
            day,
            func.sum(hours.c.packs),
            func.sum(hours.c.units),
            func.sum(hours.c.product_scans),
            func.sum(hours.c.refused),
            func.count(),
        )
        .join(hours, hours.c.who == name_key)
        .group_by(name, day)
        .order_by(name, day)
    ).all()
    return [
        DayFigures(who, _as_date(d), int(p), int(u), int(ps), int(r), int(h))
        for who, d, p, u, ps, r, h in rows
    ]


def refusals(
    session: Session, kind: ReportKind, start: dt.datetime, end: dt.datetime
) -> list[tuple[str, dt.date, str, int]]:
    """(name, report day, reason, refused scans) of scans made in [start, end)."""
    key, name_key, name = _who(kind)
    hour = _hour(session).label("hour")
    hours = (
        select(key.label("who"), hour, _S.reason.label("reason"), func.count().label("refused"))
        .where(
            _S.at >= start,
            _S.at < end,
            key.is_not(None),
            _S.verdict == VerdictKind.REJECTED,
        )
        .group_by(key, hour, _S.reason)
        .subquery()
    )
    day = _report_day(session, hours.c.hour).label("day")
    rows = session.execute(
        select(name, day, hours.c.reason, func.sum(hours.c.refused))
        .join(hours, hours.c.who == name_key)
        .group_by(name, day, hours.c.reason)
    ).all()
    return [(who, _as_date(d), str(reason or ""), int(n)) for who, d, reason, n in rows]


def _scanned_code() -> ColumnElement[Any]:
    """The code a product is registered under: a GS1 string's GTIN-13 (its `(01)0…`),
    else the code as scanned."""
    return case(
        (_S.code.like("(01)0%"), func.substr(_S.code, 6, 13)),
        else_=_S.code,
    )


def confusions(
    session: Session, start: dt.datetime, end: dt.datetime, limit: int
) -> list[Confusion]:
    """The `limit` most frequent (expected, scanned) pairs of `not_on_order` refusals made
    in [start, end); expected is the product of the next unit accepted in the same pack."""
    later = aliased(ScanRecord)
    next_line = (
        select(later.order_line_id)
        .where(
            later.pack_session_id == _S.pack_session_id,
            later.id > _S.id,
            later.effect == "count",
        )
        .order_by(later.id)
        .limit(1)
        .scalar_subquery()
    )
    refused = (
        select(next_line.label("line_id"), _scanned_code().label("code"))
        .where(
            _S.at >= start,
            _S.at < end,
            _S.reason == Reason.NOT_ON_ORDER.value,
            _S.pack_session_id.is_not(None),
        )
        .subquery()
    )
    expected, scanned = aliased(Product), aliased(Product)
    times = func.count().label("times")
    rows = session.execute(
        select(expected.sku, expected.name, refused.c.code, scanned.sku, scanned.name, times)
        .select_from(refused)
        .join(OrderLine, OrderLine.id == refused.c.line_id)
        .join(expected, expected.id == OrderLine.product_id)
        .outerjoin(Barcode, Barcode.code == refused.c.code)
        .outerjoin(scanned, scanned.id == Barcode.product_id)
        .group_by(expected.sku, expected.name, refused.c.code, scanned.sku, scanned.name)
        .order_by(times.desc(), expected.sku, refused.c.code)
        .limit(limit)
    ).all()
    return [
        Confusion(x_sku, x_name, y_sku or code, y_name or "", int(n))
        for x_sku, x_name, code, y_sku, y_name, n in rows
    ]
