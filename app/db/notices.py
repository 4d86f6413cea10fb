"""The shop platforms' shipment notices: the shipped orders not yet sent to a platform, and
the record that they were."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, exists, select
from sqlalchemy.dialects import postgresql, sqlite

from app.core.orders import OrderStatus
from app.db.dispatch_models import NoticeExport
from app.db.models import Order, table
from app.db.sql import core

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy.orm import Session

_SENT = exists().where(
    NoticeExport.order_id == Order.id, NoticeExport.platform == bindparam("platform")
)
_SHIPPED = (
    select(Order.id, Order.shipped_on)
    .where(Order.status == OrderStatus.SHIPPED)
    .order_by(Order.shipped_on, Order.number)
)
_EXPORTS = table(NoticeExport)


def orders_to_notify(
    session: Session,
    platform: str,
    *,
    again: bool = False,
    since: dt.date | None = None,
    source: str | None = None,
) -> dict[int, dt.date]:
    """Order id -> ship date of the shipped orders to write to `platform`'s file: those not
    written to it yet (with `again`, those too), shipped on or after `since`, from `source`."""
    statement = _SHIPPED
    if not again:
        statement = statement.where(~_SENT)
    if since is not None:
        statement = statement.where(Order.shipped_on >= since)
    if source is not None:
        statement = statement.where(Order.source == source)
    rows = core(session).execute(statement, {"platform": platform})
    return {order_id: shipped for order_id, shipped in rows if shipped is not None}


def record_notified(
    session: Session, platform: str, orders: Collection[int], at: dt.datetime
) -> None:
    """The orders were written to `platform`'s file at `at` (again: the time is renewed)."""
    if not orders:
        return
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    insert = dialect.insert(_EXPORTS)
    statement = insert.on_conflict_do_update(
        index_elements=[_EXPORTS.c.order_id, _EXPORTS.c.platform],
        set_={"exported_at": insert.excluded.exported_at},
    )
    core(session).execute(
        statement,
        [{"order_id": order, "platform": platform, "exported_at": at} for order in orders],
    )
