"""Adding committed scans into the report tables (`app.db.report_models`), once each.

Scans are taken in id order from the one after `report_progress.scans_through`,
up to an id every writer is done with (`ids_drawn` once `writers` is empty). On
SQLite writers take turns, so every id up to the largest one visible is
committed. On PostgreSQL an id is drawn before its transaction commits, and a
transaction may commit after one that drew a larger id; no lock is taken to
wait for them (a lock on the scans table would hold up every station's next
scan behind the slowest one). Instead:

1. `ids_drawn` reads the scans' id sequence: every id up to it has been drawn.
2. `writers` then lists the transactions holding ROW EXCLUSIVE on `scans`. An
   id is drawn only inside an INSERT into `scans`, and that statement takes
   the lock before it draws the id and keeps it until its transaction ends; so
   a transaction that drew an id up to (1) and has not ended yet is listed.
3. Once none of those is listed any more (`writers(session, among=…)`), every
   id up to (1) is committed or rolled back for good, and may be taken.

This holds as long as the sequence hands ids out one at a time (PostgreSQL's
`CACHE 1`, as the migrations create it) and no one draws a scan id outside an
INSERT into `scans`. It needs no clock: a scan's `at` may be hours old (a
replayed file) while its transaction is still open.

A confused pair (`app.core.reports`) is fixed only by the pack's next accepted
unit, which may come in a later chunk or a later catch-up: a refusal is added
with the chunk holding that unit; until then it waits in `unpaired_refusals`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    select,
    text,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from app.core.scans import Reason, VerdictKind
from app.core.statuses import PackStatus
from app.db.models import OrderLine, table
from app.db.report_models import (
    ConfusionHour,
    RefusalHour,
    ReportProgress,
    ScanHour,
    UnpairedRefusal,
)
from app.db.station_models import PackSession, ScanRecord

_S = ScanRecord
_ONE_ROW = 1
_SCANS = table(ScanRecord).name
# Both run on PostgreSQL only; pg_locks is live (not read through the snapshot).
_LAST_ID = text(f"SELECT pg_sequence_last_value(pg_get_serial_sequence('{_SCANS}', 'id'))")
_WRITERS = text(
    "SELECT virtualtransaction FROM pg_locks"
    " WHERE locktype = 'relation' AND mode = 'RowExclusiveLock' AND granted"
    "   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    f"  AND relation = CAST('{_SCANS}' AS regclass)"
    "   AND pid IS DISTINCT FROM pg_backend_pid()"
)


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def ids_drawn(session: Session) -> int:
    """The largest scan id handed out so far (0: none); see the module's text."""
    if _is_sqlite(session):
        return int(session.scalar(select(func.max(_S.id))) or 0)
    return int(session.scalar(_LAST_ID) or 0)


def writers(session: Session, among: list[str] | None = None) -> list[str]:
    """The other transactions (of `among`, when given) that may still be writing scans;
    call after `ids_drawn` (none on SQLite)."""
    if _is_sqlite(session):
        return []
    listed = [str(v) for v in session.scalars(_WRITERS)]
    return listed if among is None else [v for v in listed if v in among]


def added_through(session: Session) -> int:
    """The last scan id in the report tables (0: none yet)."""
    value = session.scalar(
        select(ReportProgress.scans_through).where(ReportProgress.id == _ONE_ROW)
    )
    return int(value or 0)


def hour_of(session: Session, at: Any) -> ColumnElement[Any]:
    """The UTC hour of a scan's time `at`, stored as the tables' times are (text on SQLite)."""
    if _is_sqlite(session):
        return func.substr(at, 1, 13) + literal(":00:00.000000")
    return func.timezone("UTC", func.date_trunc("hour", func.timezone("UTC", at)))


def _count(condition: ColumnElement[bool], value: Any = 1) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, value), else_=0)), 0)


def add_scans(session: Session, after: int, through: int) -> bool:
    """Add scans `after` < id <= `through` into the report tables and move the progress on;
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
    hour = hour_of(session, _S.at)
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
    _add_pairs(session, after, through)
    return True


_R = aliased(ScanRecord, name="refused")
_NEXT = aliased(ScanRecord, name="next_unit")
#: No session objects to keep in step with (and no RETURNING for it on PostgreSQL).
_PLAIN = {"synchronize_session": False}


def _next_unit(through: int | None) -> Any:
    """The accepted units after the refusal `_R` in its pack (up to scan `through`)."""
    return select(_NEXT.order_line_id).where(
        _NEXT.pack_session_id == _R.pack_session_id,
        _NEXT.id > _R.id,
        _NEXT.effect == "count",
        *([] if through is None else [_NEXT.id <= through]),
    )


def _scanned_code() -> ColumnElement[Any]:
    """The code a product is registered under: a GS1 string's GTIN-13 (its `(01)0…`),
    else the code as scanned."""
    return case((_R.code.like("(01)0%"), func.substr(_R.code, 6, 13)), else_=_R.code)


def _add_pairs(session: Session, after: int, through: int) -> None:
    """Add the confused pairs completed by scans up to `through`: the chunk's `not_on_order`
    refusals and the waiting ones whose pack's next accepted unit is now in."""
    u = UnpairedRefusal
    new = and_(
        _R.id > after,
        _R.id <= through,
        _R.reason == Reason.NOT_ON_ORDER.value,
        _R.pack_session_id.is_not(None),
    )
    waiting = select(_R.id).select_from(u).join(_R, _R.id == u.scan_id)
    # Each its own statement, each reaching the refusals by id: the chunk's by a range, the
    # waiting ones from their table (a UNION of the two joined to `scans` drove SQLite
    # through every scan).
    _add_pairs_of(session, through, select(_R.id).where(new))
    _add_pairs_of(session, through, waiting)
    # Deleted by a test on each waiting row (a row of `scans` by id): an IN list of them
    # drove SQLite through every scan.
    paired_now = select(_R.id).where(_R.id == u.scan_id, exists(_next_unit(through)))
    session.execute(delete(u).where(exists(paired_now)), execution_options=_PLAIN)
    unpaired = select(_R.id).where(new, ~exists(_next_unit(through)))
    session.execute(insert(u).from_select(["scan_id"], unpaired))
    # A closed pack takes no more units: its refusals with none after them pair with nothing.
    given_up = (
        select(_R.id)
        .join(PackSession, PackSession.id == _R.pack_session_id)
        .where(_R.id == u.scan_id, PackSession.status != PackStatus.OPEN)
        .where(~exists(_next_unit(None)))
    )
    session.execute(delete(u).where(exists(given_up)), execution_options=_PLAIN)


def _add_pairs_of(session: Session, through: int, refusals: Select[Any]) -> None:
    """Add up the `refusals` (a SELECT from `_R`) whose next accepted unit is in by `through`."""
    line = _next_unit(through).order_by(_NEXT.id).limit(1).scalar_subquery()
    # Materialised: the next unit is looked up once per refusal, not once more per join.
    paired = (
        refusals.with_only_columns(_R.at, _scanned_code().label("code"), line.label("line_id"))
        .cte("paired")
        .prefix_with("MATERIALIZED")
    )
    hour = hour_of(session, paired.c.at)
    pairs = (
        select(hour, OrderLine.product_id, paired.c.code, func.count())
        .join(OrderLine, OrderLine.id == paired.c.line_id)
        .where(true())  # SQLite's upsert needs a WHERE after a join
        .group_by(hour, OrderLine.product_id, paired.c.code)
    )
    keys = ["hour", "expected_product_id", "scanned_code"]
    _upsert(session, ConfusionHour, keys, ["times"], pairs)


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
