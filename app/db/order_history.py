"""Queries behind an order's history: its parcels, their print jobs, its shipment notices,
every scan concerning it and the audit rows naming it.

One statement per section, each on an index that starts with the order: parcels on
`ix_parcels_order`, print jobs through them on `ix_print_jobs_parcel`, notices on
their primary key and the outbox's unique order, scans on `ix_scans_order`, the
mismatch log's order index and `ix_scans_label_code` (label scans by number). The
audit trail has no index on what a row names, so its statement reads the label and
override rows' text; the trail holds supervisors' and logins' rows (hundreds a day),
not scans, so that stays cheap.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select, union
from sqlalchemy.orm import Session, aliased

from app.core.audit import Action
from app.core.scans import ScanKind
from app.core.times import as_utc
from app.db.audit import LISTED, Listed, listed
from app.db.dispatch_models import Manifest, NoticeExport
from app.db.mail_models import MailOutboxRow
from app.db.models import AuditEntry, Order, Station, User
from app.db.shipping_models import Parcel, PrintJob
from app.db.station_models import Mismatch, ScanRecord

#: The audit actions whose rows name an order (`"order": NUMBER` in their detail).
ORDER_ACTIONS = (
    Action.LABEL_VOID,
    Action.LABEL_REPRINT,
    Action.CLAIM_TAKEOVER,
    Action.OVERRIDE_LOCKOUT,
    Action.OVERRIDE_SHORT,
    Action.OVERRIDE_TAKEOVER,
    Action.OVERRIDE_ALIAS,
    Action.OVERRIDE_APPROVED,
    Action.OVERRIDE_CANCELLED,
)


@dataclass(frozen=True, slots=True)
class OrderRecord:
    """The order a history is of."""

    id: int
    number: str
    status: str
    carrier: str
    shipped_on: dt.date | None


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
    reprint: bool = False


@dataclass(frozen=True, slots=True)
class ParcelHistory:
    """One carton's parcel: its number and link, its life, the dock and its manifest."""

    carton_no: int
    carrier: str
    service: str
    tracking_number: str
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
    #: The carrier's page for this number ("" for a carrier without one).
    tracking_url: str = ""
    prints: tuple[LabelPrint, ...] = ()

    @property
    def on_open_manifest(self) -> bool:
        """Verified and on no closed manifest yet: on its carrier's open manifest."""
        return self.manifest is None and self.status == "verified"


@dataclass(frozen=True, slots=True)
class NoticeRecord:
    """An order written to a shop platform's shipment file, or its shipment e-mail."""

    platform: str
    exported_at: dt.datetime
    #: How it went: `exported` for a platform's file, the e-mail's status for a mail.
    status: str = "exported"


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


def order_by_number(session: Session, number: str) -> OrderRecord | None:
    """The order numbered `number` exactly; None when there is none."""
    return _order(session, Order.number == number)


def order_by_id(session: Session, order_id: int) -> OrderRecord | None:
    """The order with this id; None when it is gone."""
    return _order(session, Order.id == order_id)


def _order(session: Session, which: ColumnElement[bool]) -> OrderRecord | None:
    columns = (Order.id, Order.number, Order.status, Order.carrier, Order.shipped_on)
    row = session.execute(select(*columns).where(which)).first()
    return OrderRecord(*_values(row)) if row is not None else None


def parcels(session: Session, order_id: int) -> list[tuple[int, ParcelHistory]]:
    """The order's parcels (each with its id), voided ones too, carton by carton, oldest
    first; without their links and prints, which the service adds."""
    replacement = aliased(Parcel)
    loader = aliased(User)
    dock = aliased(Station)
    query = (
        select(
            Parcel.id,
            Parcel.carton_no,
            Parcel.carrier,
            Parcel.service,
            Parcel.tracking_number,
            Parcel.status,
            Parcel.issued_at,
            Parcel.verified_at,
            Parcel.voided_at,
            replacement.tracking_number,
            Parcel.loaded_at,
            loader.name,
            dock.name,
            Manifest.carrier,
            Manifest.ship_date,
            Manifest.closed_at,
        )
        .outerjoin(replacement, replacement.id == Parcel.replaced_by_parcel_id)
        .outerjoin(loader, loader.id == Parcel.loaded_by_id)
        .outerjoin(dock, dock.id == Parcel.loaded_station_id)
        .outerjoin(Manifest, Manifest.id == Parcel.manifest_id)
        .where(Parcel.order_id == order_id)
        .order_by(Parcel.carton_no, Parcel.id)
    )
    found = []
    for row in session.execute(query):
        (parcel_id, carton, carrier, service, number, status, issued, verified, voided) = row[:9]
        replaced_by, loaded, loaded_by, station, on, day, closed = row[9:]
        manifest = ManifestShown(on, day, as_utc(closed)) if on and day and closed else None
        parcel = ParcelHistory(
            *(carton, carrier, service, number, getattr(status, "value", status)),
            *(as_utc(issued), _utc(verified), _utc(voided), replaced_by),
            *(_utc(loaded), loaded_by, station, manifest),
        )
        found.append((parcel_id, parcel))
    return found


def print_jobs(session: Session, order_id: int) -> list[tuple[int, LabelPrint]]:
    """Every print job of the order's labels with its parcel's id, oldest first."""
    query = (
        select(
            PrintJob.parcel_id,
            PrintJob.created_at,
            Station.name,
            PrintJob.printer_uri,
            User.name,
            PrintJob.status,
            PrintJob.printed_at,
            PrintJob.last_error,
        )
        .join(Parcel, Parcel.id == PrintJob.parcel_id)
        .outerjoin(Station, Station.id == PrintJob.station_id)
        .outerjoin(User, User.id == PrintJob.requested_by_id)
        .where(Parcel.order_id == order_id)
        .order_by(PrintJob.id)
    )
    return [
        (parcel_id, LabelPrint(as_utc(at), station, uri, who, status.value, _utc(printed), error))
        for parcel_id, at, station, uri, who, status, printed, error in session.execute(query)
    ]


def notice_exports(session: Session, order_id: int) -> list[NoticeRecord]:
    """The shop platforms' shipment files the order was written to, oldest first."""
    query = (
        select(NoticeExport.platform, NoticeExport.exported_at)
        .where(NoticeExport.order_id == order_id)
        .order_by(NoticeExport.exported_at, NoticeExport.platform)
    )
    return [NoticeRecord(*_values(row)) for row in session.execute(query)]


def mail_notices(session: Session, order_id: int) -> list[NoticeRecord]:
    """The order's shipment e-mail (one at most): its address as `platform`, when it was
    sent (else queued) as `exported_at`, and its status."""
    query = select(
        MailOutboxRow.to_address,
        func.coalesce(MailOutboxRow.sent_at, MailOutboxRow.created_at),
        MailOutboxRow.status,
    ).where(MailOutboxRow.order_id == order_id)
    return [
        NoticeRecord(address, as_utc(at), status.value)
        for address, at, status in session.execute(query)
    ]


def scans(session: Session, order_id: int) -> list[ScanShown]:
    """Every scan concerning the order, in the order they were made: its pack's and pick's
    scans, the refusals the mismatch log files under it (a wrong scan while its label was
    awaited), and every scan of one of its labels (scanned back, at the dock, voided)."""
    numbers = select(Parcel.tracking_number).where(Parcel.order_id == order_id)
    concerning = union(
        select(ScanRecord.id.label("id")).where(ScanRecord.order_id == order_id),
        select(Mismatch.scan_record_id).where(Mismatch.order_id == order_id),
        # The literal matches the partial index's WHERE (a bound value would not).
        select(ScanRecord.id).where(
            ScanRecord.kind == literal_column(f"'{ScanKind.LABEL.value}'"),
            ScanRecord.code.in_(numbers),
        ),
    ).subquery()
    query = (
        select(
            ScanRecord.at,
            Station.name,
            User.name,
            ScanRecord.raw,
            ScanRecord.kind,
            ScanRecord.verdict,
            ScanRecord.reason,
            ScanRecord.message,
            ScanRecord.carton_no,
            ScanRecord.typed,
        )
        .join(concerning, concerning.c.id == ScanRecord.id)
        .join(Station, Station.id == ScanRecord.station_id)
        .outerjoin(User, User.id == ScanRecord.user_id)
        .order_by(ScanRecord.at, ScanRecord.id)
    )
    return [ScanShown(as_utc(at), *_values(rest)) for at, *rest in session.execute(query)]


def audit_entries(session: Session, number: str) -> list[Listed]:
    """The label and override rows of the audit trail that name order `number`, in order."""
    named = '"order": ' + json.dumps(number, ensure_ascii=False)
    query = LISTED.where(
        AuditEntry.action.in_([action.value for action in ORDER_ACTIONS]),
        AuditEntry.detail.contains(named, autoescape=True),
    ).order_by(AuditEntry.id)
    return listed(session, query)


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return as_utc(moment) if moment is not None else None


def _values(row: Sequence[Any]) -> tuple[Any, ...]:
    """A row's values with enum members as their text (the history is plain values)."""
    return tuple(getattr(value, "value", value) for value in row)
