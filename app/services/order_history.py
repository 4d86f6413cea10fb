"""An order's history: its parcels with their tracking links, each label's prints and
reprints, the manifest each parcel left on, the notices sent, and every scan concerning it.

Read in one read transaction, one statement a section (`app.db.order_history`), so the
Orders page and `kenpin orders history` show one moment's picture of the order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from app.core.carriers import CarrierCode
from app.core.dispatch.settings import DispatchSettings, from_shop, tracking_url
from app.core.errors import Refused
from app.core.times import as_utc
from app.db import order_history as store
from app.db.database import Database
from app.db.order_history import LabelPrint, ManifestShown, ParcelHistory, ScanShown
from app.db.shop_settings import stored_settings

__all__ = [
    "AuditShown",
    "LabelPrint",
    "ManifestShown",
    "Notice",
    "OrderHistories",
    "OrderHistory",
    "ParcelHistory",
    "ScanShown",
]


@dataclass(frozen=True, slots=True)
class Notice:
    """A shipment notice for the order: a platform's shipment file, or an e-mail."""

    #: `platform` (a shop platform's shipment file) or `email`.
    kind: str
    #: The platform (`rakuten`, `amazon`, ...) or the e-mail's address.
    to: str
    at: dt.datetime
    #: How it went (`exported`, or the e-mail's status).
    status: str


@dataclass(frozen=True, slots=True)
class AuditShown:
    """An audit trail row naming the order (voids, reprints, overrides, take-overs)."""

    at: dt.datetime
    user: str | None
    station: str
    action: str
    detail: str


@dataclass(frozen=True, slots=True)
class OrderHistory:
    """Everything that happened to an order's parcels, labels and scans."""

    number: str
    status: str
    shipped_on: dt.date | None
    parcels: tuple[ParcelHistory, ...] = ()
    notices: tuple[Notice, ...] = ()
    scans: tuple[ScanShown, ...] = ()
    audit: tuple[AuditShown, ...] = ()


class OrderHistories:
    """Reads orders' histories from one database."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def of_number(self, number: str) -> OrderHistory:
        """The history of order `number` (`#1001`, or `1001` when only `#1001` exists);
        refused naming the number when there is no such order."""
        with self._db.read() as session:
            order = store.order_by_number(session, number)
            if order is None and not number.startswith("#"):
                order = store.order_by_number(session, "#" + number)
            if order is None:
                raise Refused(f"ORDER: no order numbered {number!r}")
            return _history(session, order)

    def of_order(self, order_id: int) -> OrderHistory | None:
        """The history of the order with this id; None when it is gone."""
        with self._db.read() as session:
            order = store.order_by_id(session, order_id)
            return _history(session, order) if order is not None else None


def _history(session: Session, order: store.OrderRecord) -> OrderHistory:
    settings = _links(stored_settings(session))
    jobs: dict[int, list[LabelPrint]] = {}
    for parcel_id, job in store.print_jobs(session, order.id):
        jobs.setdefault(parcel_id, []).append(job)
    parcels = tuple(
        replace(
            parcel,
            tracking_url=_link(parcel.carrier, parcel.tracking_number, settings),
            # Every print of a label after its first is a reprint.
            prints=tuple(
                replace(job, reprint=position > 0)
                for position, job in enumerate(jobs.get(parcel_id, []))
            ),
        )
        for parcel_id, parcel in store.parcels(session, order.id)
    )
    notices = [
        Notice("platform", row.platform, as_utc(row.exported_at), "exported")
        for row in store.notice_exports(session, order.id)
    ]
    notices.extend(outbox_notices(session, order.id))
    notices.sort(key=lambda notice: notice.at)
    audit = tuple(
        AuditShown(row.at, row.user or None, row.station, row.action, row.detail)
        for row in store.audit_entries(session, order.number)
    )
    return OrderHistory(
        order.number,
        order.status,
        order.shipped_on,
        parcels,
        tuple(notices),
        tuple(store.scans(session, order.id)),
        audit,
    )


def outbox_notices(session: Session, order_id: int) -> list[Notice]:
    """The shipment e-mail about the order (`mail_outbox`), as a notice of kind `email`:
    its address, when it was sent (or queued) and its status (`sent`, `retry`, ...)."""
    return [
        Notice("email", row.platform, row.exported_at, row.status)
        for row in store.mail_notices(session, order_id)
    ]


def _links(values: Mapping[str, str]) -> DispatchSettings:
    """The shop's tracking links; the defaults when a stored dispatch setting no longer
    follows its rule (the history is still worth showing: that setting is refused where
    the files are written)."""
    try:
        return from_shop(values)
    except Refused:
        return DispatchSettings()


def _link(carrier: str, number: str, settings: DispatchSettings) -> str:
    try:
        code = CarrierCode(carrier)
    except ValueError:  # a carrier Kenpin no longer knows: no page to send anyone to
        return ""
    return tracking_url(code, number, settings)
