"""Adding committed scans into the hourly report tables (`app.db.report_models`), once each.

Scans are taken in id order from the one after `report_progress.scans_through`.
Only ids every writer is done with are taken: on SQLite writers take turns, so
every id up to the largest one visible is committed; on PostgreSQL an id is
drawn before its transaction commits, so `committed_through` first takes the
scans table in SHARE mode for a moment — granted only once every transaction
inserting into it has ended — and reads the largest id then.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, func, insert, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.core.scans import VerdictKind
from app.db.models import table
from app.db.report_models import RefusalHour, ReportProgress, ScanHour
from app.db.station_models import ScanRecord

_S = ScanRecord
_ONE_ROW = 1


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def committed_through(session: Session) -> int:
    """The largest scan id such that every scan up to it is committed (0: none)."""
    if not _is_sqlite(session):
        session.connection().exec_driver_sql("LOCK TABLE scans IN SHARE MODE")
    return int(session.scalar(select(func.max(_S.id))) or 0)


def added_through(session: Session) -> int:
    """The last scan id in the hourly tables (0: none yet)."""
    value = session.scalar(
        select(ReportProgress.scans_through).where(ReportProgress.id == _ONE_ROW)
    )
    return int(value or 0)


def hour_of_scan(session: Session) -> ColumnElement[Any]:
    """The scan's UTC hour, stored as the tables' times are (text on SQLite)."""
    if _is_sqlite(session):
        return func.substr(_S.at, 1, 13) + literal(":00:00.000000")
    return func.timezone("UTC", func.date_trunc("hour", func.timezone("UTC", _S.at)))


def _count(condition: ColumnElement[bool], value: Any = 1) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, value), else_=0)), 0)


def add_scans(session: Session, after: int, through: int) -> bool:
    """Add scans `after` < id <= `through` into the hourly tables and move the progress on;
    False (nothing written) when another process already added them."""
    moved = session.execute(
        update(ReportProgress)
        .where(ReportProgress.id == _ONE_ROW, ReportProgress.scans_through == after)
        .values(scans_through=through)
    )
    if moved.rowcount == 0:  # type: ignore[attr-defined]
        if after or session.get(ReportProgress, _ONE_ROW) is not None:
            return False
        session.execute(insert(ReportProgress).values(id=_ONE_ROW, scans_through=through))
    hour = hour_of_scan(session)
    user = func.coalesce(_S.user_id, 0)
    in_range = and_(_S.id > after, _S.id <= through)
    product = and_(_S.kind == "product", _S.user_id.is_not(None))
    figures = (
        select(
            hour,
            _S.station_id,
            user,
            func.count(),
            _count(_S.effect == "complete"),
            _count(_S.effect == "count", _S.units),
            _count(_S.effect == "undo", _S.units),
            _count(product),
            _count(and_(product, _S.verdict == VerdictKind.REJECTED)),
        )
        .where(in_range)
        .group_by(hour, _S.station_id, user)
    )
    sums = ["scans", "packs", "units_counted", "units_undone", "product_scans"]
    sums.append("refused_product_scans")
    _upsert(session, ScanHour, ["hour", "station_id", "user_key"], sums, figures)
    refused = (
        select(hour, _S.station_id, user, func.coalesce(_S.reason, ""), func.count())
        .where(in_range, _S.verdict == VerdictKind.REJECTED)
        .group_by(hour, _S.station_id, user, _S.reason)
    )
    keys = ["hour", "station_id", "user_key", "reason"]
    _upsert(session, RefusalHour, keys, ["refusals"], refused)
    return True


def _upsert(session: Session, model: Any, keys: list[str], sums: list[str], rows: Any) -> None:
    """INSERT … SELECT `rows` into `model`, adding `sums` onto a row already there."""
    dialect = sqlite if _is_sqlite(session) else postgresql
    target = table(model)
    statement = dialect.insert(target).from_select([*keys, *sums], rows)
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={name: target.c[name] + statement.excluded[name] for name in sums},
    )
    session.execute(statement)
