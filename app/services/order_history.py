"""An order's history: its parcels with their tracking links, each label's prints and
reprints, the manifest each parcel left on, the notices sent, and every scan concerning it.

Read in one read transaction, one statement a section (`app.db.order_history`), so the
Orders page and `kenpin orders history` show one moment's picture of the order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.carriers import CarrierCode
from app.core.dispatch.links import tracking_url
from app.core.errors import Refused
from app.core.times import as_utc
from app.db import order_history as store
from app.db.database import Database
from app.db.shop_settings import stored_settings

#: What a parcel on no closed manifest yet says instead of a manifest.
OPEN_MANIFEST = "open"


@dataclass(frozen=True, slots=True)
class ManifestShown:
    """The carrier's closed manifest a parcel left on."""

    carrier: str
    ship_date: dt.date
    closed_at: dt.datetime


@dataclass(frozen=True, slots=True)
class LabelPrint:
    """One print of a parcel's label; every one after the parcel's first is a reprint."""

    asked_at: dt.datetime
    station: str | None
    printer_uri: str
    asked_by: str | None
    #: `queued`, `printed` or `failed` (`app.core.statuses.PrintJobStatus`).
    status: str
    printed_at: dt.datetime | None
    error: str
    reprint: bool


@dataclass(frozen=True, slots=True)
class ParcelHistory:
    """One carton's parcel: its number and link, its life, the dock and its manifest."""

    carton_no: int
    carrier: str
    service: str
    tracking_number: str
    #: The carrier's page for this number ("" for a carrier without one).
    tracking_url: str
    #: `labelled`, `verified` or `voided` (`app.core.statuses.ParcelStatus`).
    status: str
    issued_at: dt.datetime
    verified_at: dt.datetime | None
    voided_at: dt.datetime | None
    #: The tracking number of the parcel that replaced this voided one.
    replaced_by: str | None
    loaded_at: dt.datetime | None
    loaded_by: str | None
    loaded_station: str | None
    #: The closed manifest it left on; None while on the carrier's open manifest (or voided).
    manifest: ManifestShown | None
    prints: tuple[LabelPrint, ...] = ()

    @property
    def on_open_manifest(self) -> bool:
        """Verified and on no closed manifest yet: on its carrier's open manifest."""
        return self.manifest is None and self.status == "verified"


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
class ScanShown:
    """One scan concerning the order; a badge's code is `[badge]`, never the code."""

    at: dt.datetime
    station: str
    user: str | None
    code: str
    kind: str
    #: `accepted`, `rejected` (refused) or `info`.
    verdict: str
    reason: str | None
    message: str
    carton_no: int | None
    typed: bool


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
    settings = stored_settings(session)
    jobs: dict[int, list[store.PrintJobRecord]] = {}
    for job in store.print_jobs(session, order.id):
        jobs.setdefault(job.parcel_id, []).append(job)
    parcels = tuple(
        _parcel(parcel, jobs.get(parcel.id, []), settings)
        for parcel in store.parcels(session, order.id)
    )
    notices = [
        Notice("platform", row.platform, as_utc(row.exported_at), "exported")
        for row in store.notice_exports(session, order.id)
    ]
    notices.extend(outbox_notices(session, order.id))
    notices.sort(key=lambda notice: notice.at)
    scans = tuple(
        ScanShown(
            as_utc(row.at),
            row.station,
            row.user,
            row.raw,
            row.kind,
            row.verdict,
            row.reason,
            row.message,
            row.carton_no,
            row.typed,
        )
        for row in store.scans(session, order.id)
    )
    audit = tuple(
        AuditShown(as_utc(row.at), row.user, row.station, row.action, row.detail)
        for row in store.audit_entries(session, order.number)
    )
    return OrderHistory(
        order.number, order.status, order.shipped_on, parcels, tuple(notices), scans, audit
    )


def outbox_notices(session: Session, order_id: int) -> list[Notice]:
    """The e-mails sent about the order (`mail_outbox`), as notices of kind `email`.

    The mail outbox is not on this branch yet: the merge fills this in with one
    statement on the outbox's order column. Until then an order has no e-mails.
    """
    del session, order_id
    return []


def _parcel(
    row: store.ParcelRecord, jobs: list[store.PrintJobRecord], settings: Mapping[str, str]
) -> ParcelHistory:
    manifest = (
        ManifestShown(row.manifest_carrier, row.manifest_date, as_utc(row.manifest_closed_at))
        if row.manifest_carrier is not None
        and row.manifest_date is not None
        and row.manifest_closed_at is not None
        else None
    )
    return ParcelHistory(
        carton_no=row.carton_no,
        carrier=row.carrier,
        service=row.service,
        tracking_number=row.tracking_number,
        tracking_url=_link(row.carrier, row.tracking_number, settings),
        status=row.status,
        issued_at=as_utc(row.issued_at),
        verified_at=_utc(row.verified_at),
        voided_at=_utc(row.voided_at),
        replaced_by=row.replaced_by,
        loaded_at=_utc(row.loaded_at),
        loaded_by=row.loaded_by,
        loaded_station=row.loaded_station,
        manifest=manifest,
        prints=tuple(
            LabelPrint(
                as_utc(job.asked_at),
                job.station,
                job.printer_uri,
                job.asked_by,
                job.status,
                _utc(job.printed_at),
                job.error,
                reprint=position > 0,
            )
            for position, job in enumerate(jobs)
        ),
    )


def _link(carrier: str, number: str, settings: Mapping[str, str]) -> str:
    try:
        code = CarrierCode(carrier)
    except ValueError:  # a carrier Kenpin no longer knows: no page to send anyone to
        return ""
    return tracking_url(code, number, settings)


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return as_utc(moment) if moment is not None else None
