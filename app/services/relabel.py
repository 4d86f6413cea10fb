"""A supervisor's corrections to a label: voiding it (a new number for the carton) and printing
it again, on the word of a supervisor or admin (badge and PIN), at the station they name.

Who waits for the label and where it prints are kept apart. The station that
was waiting for the label's scan-back (its packer has the box) waits for the
replacement; without one (the label was scanned back, its box has moved on),
the supervisor's station does, unless it is waiting for another label: a
station waits for one label at a time, so that is refused. The label prints at
the supervisor's station (`kenpin label void --station`, the window's Orders
page), so it comes out where they stand; without a station it is queued at
the waiting station's printer, printed there by `KCMD:REPRINT`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.audit import Action
from app.core.carriers import parse_carrier
from app.core.errors import Refused
from app.core.orders import OrderStatus
from app.core.pack.labels import ParcelLabel
from app.core.statuses import ParcelStatus
from app.core.tracking import OutOfTrackingNumbers, normalise
from app.db import audit, tracking
from app.db import labels as store
from app.db.database import Database
from app.db.labels import LiveParcel
from app.db.models import utcnow
from app.db.pack_claims import set_order_status
from app.services.labels import carrier_of
from app.services.signin import Credentials, signed_in

__all__ = [
    "LabelDesk",
    "LiveParcel",
    "NoPrinter",
    "PrintingAt",
    "Relabelled",
    "StationWaiting",
    "reprint_label",
    "void_label",
]


class NoPrinter(Refused):
    """The station a label is to print at has no printer (or no such station)."""

    def __init__(self, station: str, *, known: bool) -> None:
        said = "has no printer" if known else "is not a station of this database"
        super().__init__(f"--station: {station} {said}: the label would print nowhere")
        self.station = station


class StationWaiting(Refused):
    """The supervisor's station, which would wait for the new label, waits for another."""

    def __init__(self, station: str, order_number: str) -> None:
        super().__init__(
            f"--station: {station} waits for the label of {order_number} to be scanned back: "
            "scan it there first, or print at another station"
        )
        self.order_number = order_number


@dataclass(frozen=True, slots=True)
class PrintingAt:
    """The supervisor's station, where the label prints; `place` names the command or window
    in the wrong PINs kept (`kenpin label void --station S1` is `cli: label void`)."""

    station: str
    place: str


@dataclass(frozen=True, slots=True)
class Relabelled:
    """A label voided and replaced, or printed again: its job, and where it prints."""

    order_number: str
    #: The label printed: the replacement's number after a void, else the label's own.
    tracking_number: str
    job_id: int
    message: str
    #: The voided label's number (a reprint: "").
    voided: str = ""


@dataclass(frozen=True, slots=True)
class _Printing:
    """Where a supervisor's label goes: the station waiting for its scan-back (None: none)
    and the printer (None: the waiting station's own)."""

    station_id: int | None
    printer_uri: str | None
    station: str


def _waiting(session: Session, label: ParcelLabel) -> list[int]:
    """The stations waiting for the label's scan-back: none once it was scanned back (the
    station that printed it has moved on)."""
    if label.status != ParcelStatus.LABELLED:
        return []
    return store.waiting_stations(session, label.parcel_id)


def _printing(
    session: Session, label: ParcelLabel, at_station: str | None, *, to_scan: bool
) -> _Printing:
    """Where the label goes. The station waiting for the parcel's label keeps waiting (for
    its replacement); without one, a label `to_scan` (not scanned back yet) is waited for
    at the supervisor's station `at_station`, which must not be waiting for another label
    (the one slot a station has would lose it). It prints at `at_station`."""
    waiting = _waiting(session, label)
    if at_station is None:
        name = store.station_name(session, waiting[0]) if waiting else ""
        return _Printing(waiting[0] if waiting else None, None, name)
    found = store.station_named(session, at_station)
    if found is None or not found[1]:
        raise NoPrinter(at_station, known=found is not None)
    station_id, printer_uri = found
    if waiting:
        return _Printing(waiting[0], printer_uri, at_station)
    if not to_scan:
        return _Printing(None, printer_uri, at_station)
    busy = store.awaited_parcel(session, station_id)
    if busy is not None and busy.parcel_id != label.parcel_id:
        raise StationWaiting(at_station, busy.order_number)
    return _Printing(station_id, printer_uri, at_station)


def _label(session: Session, tracking_number: str) -> ParcelLabel:
    label = store.parcel_by_tracking(session, normalise(tracking_number))
    if label is None:
        raise Refused(f"TRACKING: no parcel has the tracking number {tracking_number!r}")
    return label


def void_label(
    db: Database,
    tracking_number: str,
    by: Credentials,
    reason: str = "",
    at: PrintingAt | None = None,
) -> Relabelled:
    """Void a parcel's label on the word of the supervisor or admin whose badge and PIN `by`
    are (`signin.signed_in`: a wrong PIN is kept, and the void refused): a new number for
    the same carton, its label queued to print at `at`'s station.

    The old parcel stays, `voided`, pointing at its replacement, so the old
    label scanned later is `label_voided`. The station waiting for the old
    label waits for the new one (else `at`'s station does). Without `at` the
    new label is queued at the waiting station's printer. Refused, nothing
    changed, when `at`'s station has no printer or waits for another label.
    An audit row says who, where and why.
    """
    number = normalise(tracking_number)
    moment = utcnow()
    station = at.station if at is not None else None
    place = at.place if at is not None else "cli: label void"
    supervisor = signed_in(db, by, place=place, at=moment)
    with db.write() as session:
        old = _label(session, tracking_number)
        if old.status == ParcelStatus.VOIDED:
            raise _already_voided(number)
        printing = _printing(session, old, station, to_scan=True)
        order = tracking.order_by_number(session, old.order_number)
        assert order is not None
        row = store.parcel_row(session, old.parcel_id)
        carrier = parse_carrier(row.carrier) or carrier_of(order)
        if tracking.numbers_left(session, carrier) == 0:
            raise OutOfTrackingNumbers(carrier)
        # The old parcel leaves the carton's one live slot before its replacement takes it.
        if not store.void_parcel(session, old.parcel_id, moment):
            # Another void of this label committed while this one read it.
            raise _already_voided(number)
        new_number = tracking.issue_number(session, carrier)
        new_id = tracking.add_parcel(session, order, old.carton_no, new_number)
        store.replace_parcel(session, old.parcel_id, new_id)
        request = store.PrintRequest(printing.station_id, supervisor.user_id, moment)
        job_id = store.add_print_job(session, new_id, request, printing.printer_uri)
        # A verified order has a label to scan again.
        set_order_status(
            session, order.id, OrderStatus.LABELLED, frozenset({OrderStatus.VERIFIED.value})
        )
        detail = {"order": old.order_number, "voided": number, "new": new_number.digits}
        audit.record(
            session,
            Action.LABEL_VOID,
            user_id=supervisor.user_id,
            station=station or "",
            detail=json.dumps({**detail, "reason": reason}, ensure_ascii=False),
        )
    said = f"label {number} of {old.order_number} voided; new label {new_number.digits} "
    return Relabelled(
        old.order_number,
        new_number.digits,
        job_id,
        said + _where(printing, station, job_id, new_number.digits),
        voided=number,
    )


def _where(printing: _Printing, station: str | None, job_id: int, number: str) -> str:
    """Where the new label prints, and who waits for it, in words."""
    if station is not None:
        return f"printing at {station} (print job {job_id})"
    if printing.station:
        return (
            f"queued for station {printing.station}, which waits for it (print job {job_id}): "
            "scan KCMD:REPRINT there to print it"
        )
    return (
        f"not printed (print job {job_id}): print it at a station with "
        f"kenpin label reprint {number} --badge BADGE --station NAME"
    )


def _already_voided(number: str) -> Refused:
    return Refused(f"TRACKING: the label {number} is already voided")


def reprint_label(
    db: Database, tracking_number: str, by: Credentials, at: PrintingAt
) -> Relabelled:
    """Print a live parcel's label again at `at`'s station on the word of a supervisor or
    admin (`by`; a wrong PIN is kept); audited as a reprint. The station waiting for the
    label, if any, goes on waiting for it; a label not scanned back that nobody waits for
    is then waited for at `at`'s station; one scanned back already is waited for nowhere.
    Refused, nothing changed, for a voided label (its replacement is the one to print) or
    a station with no printer (or waiting for another label, when it would wait)."""
    moment = utcnow()
    station = at.station
    supervisor = signed_in(db, by, place=at.place, at=moment)
    with db.write() as session:
        label = _label(session, tracking_number)
        if label.status == ParcelStatus.VOIDED:
            raise Refused(
                f"TRACKING: the label {label.tracking_number} is voided: print its replacement"
            )
        to_scan = label.status == ParcelStatus.LABELLED
        printing = _printing(session, label, station, to_scan=to_scan)
        request = store.PrintRequest(printing.station_id, supervisor.user_id, moment)
        job_id = store.add_print_job(session, label.parcel_id, request, printing.printer_uri)
        audit.record(
            session,
            Action.LABEL_REPRINT,
            user_id=supervisor.user_id,
            station=station,
            detail=json.dumps(
                {
                    "order": label.order_number,
                    "tracking": label.tracking_number,
                    "carton": label.carton_no,
                },
                ensure_ascii=False,
            ),
        )
    message = (
        f"label {label.tracking_number} of {label.order_number} printing again at {station} "
        f"(print job {job_id})"
    )
    return Relabelled(label.order_number, label.tracking_number, job_id, message)


@dataclass(frozen=True, slots=True)
class LabelDesk:
    """What the window's Orders page does with labels at its station: an order's live
    parcels, and a supervisor's void or reprint printed at this station."""

    db: Database
    station: str

    def parcels(self, order_number: str) -> list[LiveParcel]:
        """The order's parcels whose labels are live, by carton."""
        with self.db.read() as session:
            found = store.order_with_parcels(session, order_number)
        return found[1] if found is not None else []

    def void(self, tracking_number: str, by: Credentials, reason: str) -> Relabelled:
        """Void the label and print its replacement at this station."""
        return void_label(self.db, tracking_number, by, reason, self._here)

    def reprint(self, tracking_number: str, by: Credentials) -> Relabelled:
        """Print the label again at this station."""
        return reprint_label(self.db, tracking_number, by, self._here)

    @property
    def _here(self) -> PrintingAt:
        # A wrong PIN given at the window is kept as one given at this station.
        return PrintingAt(self.station, self.station)
