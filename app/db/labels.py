"""Parcels' labels as stored: what a label is made from, its scan-back, voiding, print jobs."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.core.bench_settings import stored_lockout
from app.core.errors import ConcurrentChange
from app.core.label import LabelFormat
from app.core.pack.labels import ParcelLabel
from app.core.statuses import ParcelStatus, PrintJobStatus
from app.db.models import Order, Station, table
from app.db.shipping_models import Parcel, PrintJob
from app.db.sql import core


@dataclass(frozen=True, slots=True)
class LiveParcel:
    """A parcel of the order whose label has not been voided."""

    carton_no: int
    tracking_number: str
    carrier: str
    service: str
    status: ParcelStatus


def order_with_parcels(session: Session, number: str) -> tuple[Order, list[LiveParcel]] | None:
    """The order with this number and its live parcels by carton, or None for no such order."""
    order = session.scalar(select(Order).where(Order.number == number))
    if order is None:
        return None
    rows = session.execute(
        select(
            Parcel.carton_no, Parcel.tracking_number, Parcel.carrier, Parcel.service, Parcel.status
        )
        .where(Parcel.order_id == order.id, Parcel.status != ParcelStatus.VOIDED)
        .order_by(Parcel.carton_no)
    )
    return order, [LiveParcel(*row) for row in rows]


_PARCEL_LABEL = (
    Parcel.id,
    Parcel.tracking_number,
    Order.number,
    Parcel.carton_no,
    Parcel.status,
    Parcel.order_id,
)
# The statements a scan runs, built once (a statement built per call costs more than
# running it); parameters by name.
_LABEL_BY_TRACKING = (
    select(*_PARCEL_LABEL)
    .join(Order, Order.id == Parcel.order_id)
    .where(Parcel.tracking_number == bindparam("tracking"))
)
_AWAITED = (
    select(*_PARCEL_LABEL)
    .join(PrintJob, PrintJob.parcel_id == Parcel.id)
    .join(Order, Order.id == Parcel.order_id)
    .where(
        PrintJob.id
        == select(func.max(PrintJob.id))
        .where(PrintJob.station_id == bindparam("station_id"))
        .scalar_subquery(),
        Parcel.status == ParcelStatus.LABELLED,
    )
)
_LIVE_CARTON = (
    select(*_PARCEL_LABEL)
    .join(Order, Order.id == Parcel.order_id)
    .where(
        Parcel.order_id == bindparam("order_id"),
        Parcel.carton_no == bindparam("carton_no"),
        Parcel.status != ParcelStatus.VOIDED,
    )
)
_PARCELS = table(Parcel).c
_VERIFY = (
    update(table(Parcel))
    .where(_PARCELS.id == bindparam("parcel"), _PARCELS.status == ParcelStatus.LABELLED)
    .values(status=ParcelStatus.VERIFIED, verified_at=bindparam("at"))
    .returning(_PARCELS.order_id)
)
_WAITING_FOR_LABELS = (
    select(func.count())
    .select_from(Parcel)
    .where(Parcel.order_id == bindparam("order_id"), Parcel.status == ParcelStatus.LABELLED)
)


def parcel_by_tracking(session: Session, tracking_number: str) -> ParcelLabel | None:
    """The parcel (live or voided) with this tracking number (already normalised), or None."""
    row = core(session).execute(_LABEL_BY_TRACKING, {"tracking": tracking_number}).first()
    return ParcelLabel(*row) if row else None


def awaited_parcel(session: Session, station_id: int) -> ParcelLabel | None:
    """The parcel whose label the station waits to have scanned back, or None.

    The station waits for the parcel of its newest print job while that
    parcel is labelled (not yet verified, not voided): completing a pack,
    closing a carton, a reprint and a void's replacement label each queue a
    job at the station, and scanning the label back verifies its parcel.
    """
    row = core(session).execute(_AWAITED, {"station_id": station_id}).first()
    return ParcelLabel(*row) if row else None


def live_parcel(session: Session, order_id: int, carton_no: int) -> ParcelLabel | None:
    """The live parcel of the order's carton (for example a carrier's number imported)."""
    row = (
        core(session).execute(_LIVE_CARTON, {"order_id": order_id, "carton_no": carton_no}).first()
    )
    return ParcelLabel(*row) if row else None


def verify_parcel(session: Session, parcel_id: int, at: dt.datetime) -> int | None:
    """Mark the parcel's label scanned back; the id of its order once every live parcel of
    the order is (None while another still waits).

    The label was awaited when the scan read the station; when it is no longer
    `labelled` now (voided a moment ago, on PostgreSQL where the void's commit
    can fall between that read and this write), ConcurrentChange: the scan is
    decided again on what is stored now, and a voided label is refused.
    """
    order_id = core(session).scalar(_VERIFY, {"parcel": parcel_id, "at": at})
    if order_id is None:
        raise ConcurrentChange("the label was voided or verified a moment ago")
    if order_waits_for_labels(session, int(order_id)):
        return None
    return int(order_id)


def void_parcel(session: Session, parcel_id: int, at: dt.datetime) -> bool:
    """Mark the parcel's label voided; False (nothing changed) when it already was.

    On PostgreSQL a second void of the same label waits here for the first to
    commit and then finds the label voided, so only one void replaces it.
    """
    done = core(session).execute(
        update(table(Parcel))
        .where(_PARCELS.id == parcel_id, _PARCELS.status != ParcelStatus.VOIDED)
        .values(status=ParcelStatus.VOIDED, voided_at=at)
    )
    return bool(done.rowcount == 1)


def replace_parcel(session: Session, parcel_id: int, replaced_by: int) -> None:
    """Record that the voided parcel's label was replaced by parcel `replaced_by`."""
    session.execute(
        update(Parcel).where(Parcel.id == parcel_id).values(replaced_by_parcel_id=replaced_by)
    )


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """Who asked for a label to print, at which station (None: none waits for it), and when."""

    station_id: int | None
    user_id: int | None
    at: dt.datetime


_ADD_JOB = insert(table(PrintJob)).returning(table(PrintJob).c.id)
_STATION_PRINTER = select(Station.printer_uri, Station.settings).where(
    Station.id == bindparam("station_id")
)


def add_print_job(
    session: Session, parcel_id: int, request: PrintRequest, printer_uri: str | None = None
) -> int:
    """Queue the parcel's label for printing (ZPL) at `printer_uri`, else at the station's
    printer (none without a station); the job's id."""
    station_id = request.station_id
    if printer_uri is None:
        printer_uri = station_printer(session, station_id)[0] if station_id is not None else ""
    job_id = core(session).scalar(
        _ADD_JOB,
        {
            "parcel_id": parcel_id,
            "station_id": station_id,
            "printer_uri": printer_uri,
            "format": LabelFormat.ZPL,
            "status": PrintJobStatus.QUEUED,
            "attempts": 0,
            "last_error": "",
            "requested_by_id": request.user_id,
            "created_at": request.at,
        },
    )
    assert job_id is not None
    return int(job_id)


@dataclass(frozen=True, slots=True)
class StoredJob:
    """A print job as stored: where it goes and which parcel's label it prints."""

    id: int
    printer_uri: str
    format: LabelFormat
    status: PrintJobStatus
    attempts: int
    parcel_id: int
    order_number: str
    tracking_number: str


def print_job(session: Session, job_id: int) -> StoredJob | None:
    """The print job with this id, or None."""
    row = session.execute(
        select(
            PrintJob.id,
            PrintJob.printer_uri,
            PrintJob.format,
            PrintJob.status,
            PrintJob.attempts,
            Parcel.id,
            Order.number,
            Parcel.tracking_number,
        )
        .join(Parcel, Parcel.id == PrintJob.parcel_id)
        .join(Order, Order.id == Parcel.order_id)
        .where(PrintJob.id == job_id)
    ).first()
    return StoredJob(*row) if row else None


def record_print(
    session: Session, job_id: int, attempts: int, error: str | None, at: dt.datetime
) -> None:
    """Record one attempt at a job: printed (no `error`) or failed with `error`."""
    values: dict[str, object] = {"attempts": attempts}
    if error is None:
        values.update(status=PrintJobStatus.PRINTED, printed_at=at, last_error="")
    else:
        values.update(status=PrintJobStatus.FAILED, last_error=error)
    session.execute(update(PrintJob).where(PrintJob.id == job_id).values(**values))


def parcel_row(session: Session, parcel_id: int) -> Parcel:
    """The parcel row with this id (it exists)."""
    parcel = session.get(Parcel, parcel_id)
    assert parcel is not None
    return parcel


def waiting_stations(session: Session, parcel_id: int) -> list[int]:
    """Stations waiting for this parcel's label (their newest print job is for it)."""
    newest = (
        select(PrintJob.station_id, func.max(PrintJob.id).label("newest"))
        .where(PrintJob.station_id.is_not(None))
        .group_by(PrintJob.station_id)
        .subquery()
    )
    rows = session.scalars(
        select(PrintJob.station_id)
        .join(newest, newest.c.newest == PrintJob.id)
        .where(PrintJob.parcel_id == parcel_id)
    )
    return [int(station) for station in rows if station is not None]


_STATION_NAMED = select(Station.id, Station.printer_uri).where(Station.name == bindparam("name"))


def station_named(session: Session, name: str) -> tuple[int, str] | None:
    """The station with this name: its id and its printer URI ("" for none); None for none."""
    row = core(session).execute(_STATION_NAMED, {"name": name}).first()
    return (int(row.id), row.printer_uri or "") if row else None


def station_name(session: Session, station_id: int) -> str:
    """The name of the station with this id."""
    return str(session.scalar(select(Station.name).where(Station.id == station_id)))


def station_printer(session: Session, station_id: int) -> tuple[str, bool]:
    """The station's printer URI ("" for none) and whether it prints labels at all."""
    row = core(session).execute(_STATION_PRINTER, {"station_id": station_id}).one()
    return row.printer_uri or "", prints_labels(row.settings)


def lockout_after(settings: str | None) -> int:
    """How many refused product scans in a row lock a station with these stored settings
    (`"lockout": {"after": N}`; 0 never locks; `app.core.bench_settings`)."""
    values = _settings(settings).get("lockout")
    return stored_lockout(values.get("after") if isinstance(values, dict) else None)


def _settings(settings: str | None) -> dict[str, object]:
    """A station's stored settings as a dict ({} when they are not a JSON object)."""
    try:
        values = json.loads(settings or "{}")
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def prints_labels(settings: str | None) -> bool:
    """Whether a station with these stored settings prints labels.

    A station whose settings hold `"labels": "off"` completes packs as
    `packed` without labels (the shop labels its parcels elsewhere).
    """
    return _settings(settings).get("labels") != "off"


def order_waits_for_labels(session: Session, order_id: int) -> bool:
    """True when a live parcel of the order still waits for its label's scan-back."""
    return bool(core(session).scalar(_WAITING_FOR_LABELS, {"order_id": order_id}))


def live_cartons(session: Session, order_id: int) -> int:
    """How many live parcels the order has."""
    count = session.scalar(
        select(func.count())
        .select_from(Parcel)
        .where(Parcel.order_id == order_id, Parcel.status != ParcelStatus.VOIDED)
    )
    return int(count or 0)
