"""Shipping labels: rendering (`kenpin label render`), the parcels a station closes and their
print jobs (voiding and a supervisor's reprint: `app.services.relabel`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.core.carriers import CarrierCode, parse_carrier
from app.core.errors import EnvironmentFailure, Refused
from app.core.label import LabelFormat, LabelOrder, LabelParcel, ShipFrom, ShipTo, build_label
from app.core.orders import OrderStatus
from app.db import labels as store
from app.db import tracking
from app.db.database import Database
from app.db.models import Order, utcnow
from app.db.pack_claims import set_order_status
from app.db.tracking import OrderForLabel
from app.labels.print_queue import PrinterFactory, PrintJob, run_job
from app.labels.printers import open_printer
from app.labels.render import render_label
from app.services.shop_settings import Overrides, sender_in

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """How a label is drawn: its format (zpl or pdf), the printer's dots per inch, and the
    shop it ships from."""

    fmt: str = LabelFormat.ZPL
    dpi: int = 203
    ship_from: ShipFrom = field(default_factory=ShipFrom)


class _ParcelOnLabel(Protocol):
    """What a label prints of its parcel."""

    @property
    def carrier(self) -> str: ...

    @property
    def service(self) -> str: ...

    @property
    def tracking_number(self) -> str: ...


def _render(order: Order, parcel: _ParcelOnLabel, of: tuple[int, int], style: LabelStyle) -> bytes:
    """The label of `parcel` of `order`, parcel `of[0]` of `of[1]`, drawn as `style` says."""
    content = build_label(
        _label_order(order),
        LabelParcel(
            carrier=parcel.carrier,
            service=parcel.service or order.service,
            tracking_number=parcel.tracking_number,
            parcel_no=of[0],
            parcel_count=of[1],
        ),
        style.ship_from,
    )
    return render_label(content, style.fmt, style.dpi)


def _label_order(order: Order) -> LabelOrder:
    return LabelOrder(
        number=order.number,
        ship_to=ShipTo(
            postal_code=order.postal_code,
            prefecture=order.prefecture,
            city=order.city,
            address1=order.address1,
            address2=order.address2,
            name=order.customer_name,
            phone=order.phone,
        ),
        delivery_date=order.delivery_date,
        delivery_time=order.delivery_time,
        gift=bool(order.gift_message),
    )


def order_label(db: Database, number: str, style: LabelStyle) -> bytes:
    """The label of the order's newest live parcel, drawn as `style` says."""
    with db.read() as session:
        found = store.order_with_parcels(session, number)
    if found is None:
        raise Refused(f"no such order: {number}")
    order, parcels = found
    if not parcels:
        raise Refused(
            f"order {number} has no shipping label yet: it gets one when its pack is completed "
            "or a carrier's number is attached (kenpin carriers import)"
        )
    return _render(order, parcels[-1], (len(parcels), len(parcels)), style)


def write_order_label(db: Database, number: str, out: Path, style: LabelStyle) -> str:
    """Write the order's current label to `out`; a one-line summary."""
    data = order_label(db, number, style)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise EnvironmentFailure(f"{out}: cannot write the label: {exc.strerror}") from exc
    return f"label of {number} written to {out} ({style.fmt}, {len(data):,} bytes)"


# -- Parcels closed at the station, their print jobs, voiding -----------------------------------

_LABELLED_FROM = frozenset({OrderStatus.PACKING.value, OrderStatus.PACKED.value})


def carrier_of(order: OrderForLabel) -> CarrierCode:
    """The carrier whose numbers the order's parcels get (generic when it names none)."""
    return parse_carrier(order.carrier) or CarrierCode.GENERIC


def carrier_without_numbers(session: Session, order_number: str, carton_no: int) -> str | None:
    """The order's carrier when its carton can get no tracking number now, else None.

    A carrier's own number already attached to the carton is used first; else
    the carrier's registered blocks must hold a number. Asked before anything
    changes, so the packer is told before the pack completes.
    """
    order = tracking.order_by_number(session, order_number)
    assert order is not None
    if store.live_parcel(session, order.id, carton_no) is not None:
        return None
    carrier = carrier_of(order)
    return None if tracking.numbers_left(session, carrier) > 0 else carrier.value


def close_carton(
    session: Session, order_number: str, carton_no: int, request: store.PrintRequest
) -> int:
    """Give the order's carton its parcel and queue its label at the station; the job's id.

    The carton's live parcel is used when it has one (a carrier's number
    imported); otherwise the next number of the carrier's blocks is issued.
    """
    order = tracking.order_by_number(session, order_number)
    assert order is not None
    found = store.live_parcel(session, order.id, carton_no)
    if found is not None:
        parcel_id = found.parcel_id
    else:
        number = tracking.issue_number(session, carrier_of(order))
        parcel_id = tracking.add_parcel(session, order, carton_no, number)
    return store.add_print_job(session, parcel_id, request)


def mark_labelled(session: Session, order_id: int) -> None:
    """The order's last carton is closed: `labelled`, or `verified` when every label is."""
    waiting = store.order_waits_for_labels(session, order_id)
    status = OrderStatus.LABELLED if waiting else OrderStatus.VERIFIED
    set_order_status(session, order_id, status, _LABELLED_FROM)


def verify_label(session: Session, parcel_id: int, at: dt.datetime) -> None:
    """The parcel's label was scanned back; its order is `verified` once every label is."""
    order_id = store.verify_parcel(session, parcel_id, at)
    if order_id is not None:
        set_order_status(
            session, order_id, OrderStatus.VERIFIED, frozenset({OrderStatus.LABELLED.value})
        )


def reprint(session: Session, parcel_id: int, request: store.PrintRequest) -> int:
    """Queue the parcel's label again at the station (who and when are recorded); the job's id."""
    return store.add_print_job(session, parcel_id, request)


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """How running a print job went; `message` is for the packer when it failed."""

    job_id: int
    printed: bool
    message: str = ""


def parcel_label(session: Session, parcel_id: int, style: LabelStyle) -> bytes:
    """The parcel's label, carton n of the order's m live parcels."""
    row = store.parcel_row(session, parcel_id)
    order = session.get(Order, row.order_id)
    assert order is not None
    cartons = store.live_cartons(session, row.order_id)
    return _render(order, row, (row.carton_no, max(cartons, row.carton_no)), style)


def run_print_job(
    db: Database,
    job_id: int,
    printer_factory: PrinterFactory = open_printer,
    shop_overrides: Overrides | None = None,
) -> PrintOutcome:
    """Print a queued job once and record how it went (printed, or failed with the reason).

    Runs off the scan path (the window's print worker thread, or `kenpin
    replay` after the scan committed); a printer problem is a failed outcome,
    never an exception, and the job stays for a reprint. The sender is the shop
    settings' as they stand now (`shop_overrides`: this PC's environment over them).
    """
    with db.read() as session:
        job = store.print_job(session, job_id)
        if job is None:
            raise Refused(f"no print job {job_id}")
        ship_from = sender_in(session, shop_overrides or {})
        data = parcel_label(session, job.parcel_id, LabelStyle(ship_from=ship_from))
    if not job.printer_uri:
        result_message: str | None = "the station has no printer"
        attempts = job.attempts
    else:
        result = run_job(
            PrintJob(job.id, job.printer_uri, data, job.tracking_number, job.attempts),
            printer_factory,
        )
        result_message = None if result.printed else result.message
        attempts = result.attempts
    with db.write() as session:
        store.record_print(session, job_id, attempts, result_message, utcnow())
    return PrintOutcome(job_id, result_message is None, result_message or "")
