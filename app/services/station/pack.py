"""One scan inside its transaction: classify, load, decide, apply the effect, record.

Every write a pack effect makes starts with the fence (`pack_claims.fenced`):
a station whose claim was taken over gets `order_locked` and changes nothing
but the scan record and the mismatch log. `KCMD:CANCEL`, and opening another
order while a pack is open, park the pack: it stays open with its units and no
station, the order goes back to `allocated`, and the next station to open the
order resumes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.errors import ConcurrentChange
from app.core.orders import OrderStatus
from app.core.pack.orders import PACKABLE
from app.core.pack.rules import Decision, Effect, Pack, StationSnapshot, decide
from app.core.scans import ClassifiedScan, Reason, ScanKind, VerdictKind
from app.core.tracking import normalise
from app.db import labels, scan_log
from app.db import pack_claims as claims
from app.db import pack_contents as contents
from app.db import station as store
from app.db.codes import RegisteredCodes
from app.db.station_models import COMPLETED
from app.scanning.classify import classify
from app.services import labels as parcels

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Effects that change the held pack: each is fenced by the station's lease token.
PACK_EFFECTS = frozenset(
    {
        Effect.COUNT,
        Effect.UNDO,
        Effect.CONFIRM_CARD,
        Effect.COMPLETE,
        Effect.CANCEL,
        Effect.NEW_CARTON,
    }
)
_PACKING_ONLY = frozenset({OrderStatus.PACKING.value})
_PACKABLE = frozenset(status.value for status in PACKABLE)


@dataclass(frozen=True, slots=True)
class PackScan:
    """One scan as the station received it, with the times that apply to it."""

    code: str
    scan_id: str
    symbology: str | None
    at: dt.datetime
    today: dt.date
    lease: dt.timedelta


@dataclass(frozen=True, slots=True)
class Applied:
    """What a scan came to: its kind, the (final) decision, and the pack it reports on."""

    kind: ScanKind
    decision: Decision
    pack: Pack | None
    scanned: int | None
    #: The print job the scan queued (a label to print once the scan is committed).
    print_job: int | None = None


def pack_of(session: Session, held: store.HeldPack, *, for_screen: bool = False) -> Pack:
    """A stored pack session as `decide` sees it: lines, reserved lots, units in the box;
    for the screen also the bins the units were reserved in."""
    return Pack(
        held.order_id,
        held.order_number,
        contents.pack_lines(session, held.order_id, with_bins=for_screen),
        held.gift_message,
        held.card_confirmed,
        contents.packed_units(session, held.session_id),
        held.carton_no,
    )


def apply_decision(
    session: Session, station: str, row: store.StationRow, scan: PackScan
) -> Applied:
    """Decide `scan` at the station in state `row`, apply its effect and record it."""
    classified = classify(scan.code, RegisteredCodes(session), scan.symbology)
    held = row.held
    lost = (
        held is not None and row.claim is not None and not held.held_by(row.station_id, row.claim)
    )
    pack = None
    # A station that lost its pack may still open orders: the lost pack is not in its way.
    if held is not None and not (lost and classified.kind is ScanKind.ORDER):
        pack = pack_of(session, held)
    badge_user = None
    if classified.kind is ScanKind.BADGE:
        badge_user = store.badge_user(session, classified.code)
    on_file = None
    if classified.kind is ScanKind.ORDER:
        on_file = store.order_on_file(session, classified.code, row.station_id, scan.at)
    _printer, labels_on = labels.station_printer(session, row.station_id)
    awaiting = labels.awaited_parcel(session, row.station_id) if labels_on else None
    label = None
    if classified.kind is ScanKind.LABEL:
        label = labels.parcel_by_tracking(session, normalise(classified.code))
    snapshot = StationSnapshot(station, row.user, pack, scan.today, awaiting)
    decision = decide(
        classified,
        snapshot,
        badge_user=badge_user,
        order=on_file.candidate if on_file else None,
        label=label,
    )
    if held is not None and not lost and decision.effect in (Effect.COMPLETE, Effect.NEW_CARTON):
        decision = _numbers_first(session, held, pack, decision, labels_on)
    session_id = held.session_id if held else None
    # The order a refusal concerns, for the mismatch log: the one scanned, else the open one.
    concerning = on_file.candidate.order_id if on_file else (held.order_id if held else None)
    # What the outcome reports: the pack this station holds (none once it lost its claim).
    shown = None if lost else pack
    scanned = shown.scanned if shown else None
    carton = held.carton_no if held and shown else None
    job: int | None = None

    if decision.effect in PACK_EFFECTS:
        assert held is not None and pack is not None and row.claim is not None
        values = _fence_values(decision.effect, scan.at, held)
        if lost or not claims.fenced(
            session, row.station_id, row.claim, scan.at, scan.lease, values
        ):
            decision = _claim_lost(session, held)
            claims.set_claim(session, row.station_id, None)
            shown = scanned = carton = None
        else:
            scanned, job = _apply_to_pack(session, row, held, pack, decision, labels_on, scan.at)
    elif decision.effect is Effect.OPEN_ORDER:
        assert on_file is not None and row.user is not None
        if pack is not None and row.claim is not None:
            _park(session, row, held, scan)
        new_claim = claims.claim(
            session, row.station_id, row.user.user_id, on_file, scan.at, scan.lease
        )
        if not claims.set_order_status(
            session, on_file.candidate.order_id, OrderStatus.PACKING, _PACKABLE
        ):
            raise ConcurrentChange("the order's status changed a moment ago")
        claims.set_claim(session, row.station_id, new_claim)
        opened = store.held_pack(session, new_claim.session_id)
        assert opened is not None
        shown, session_id, carton = pack_of(session, opened), opened.session_id, opened.carton_no
        scanned = shown.scanned
    elif decision.effect is Effect.LOGIN:
        assert decision.user is not None
        claims.log_in(session, row.station_id, decision.user.user_id, scan.at)
    elif decision.effect is Effect.LOGOUT:
        claims.log_out(session, row.station_id, scan.at)
    elif decision.effect is Effect.VERIFY_LABEL:
        assert decision.label is not None
        parcels.verify_label(session, decision.label.parcel_id, scan.at)
    elif decision.effect is Effect.REPRINT:
        assert decision.label is not None and row.user is not None
        job = parcels.reprint(
            session, decision.label.parcel_id, row.station_id, row.user.user_id, scan.at
        )

    _record(
        session,
        station,
        row,
        scan,
        classified,
        decision,
        shown,
        scanned,
        session_id,
        concerning,
        carton,
    )
    return Applied(classified.kind, decision, shown, scanned, job)


def _numbers_first(
    session: Session, held: store.HeldPack, pack: Pack | None, decision: Decision, labels_on: bool
) -> Decision:
    """COMPLETE or NEWCARTON as decided, or refused when the carton could get no tracking
    number: the packer hears it before the pack changes."""
    if not labels_on:
        if decision.effect is Effect.NEW_CARTON:
            return Decision(VerdictKind.INFO, message="this station prints no labels")
        return decision
    if pack is not None and not _needs_parcel(pack):
        return decision
    problem = parcels.number_problem(session, held.order_number, held.carton_no)
    if problem is None:
        return decision
    return Decision(VerdictKind.REJECTED, message=problem)


def _needs_parcel(pack: Pack) -> bool:
    """The carton being closed gets a parcel: it has units, or it is the order's only one.

    A carton left empty after `KCMD:NEWCARTON` is not shipped.
    """
    return bool(pack.in_carton) or pack.carton_no == 1


def _fence_values(
    effect: Effect, at: dt.datetime, held: store.HeldPack | None = None
) -> dict[str, Any]:
    """What the fencing UPDATE sets on the session besides the renewed lease."""
    if effect is Effect.NEW_CARTON:
        assert held is not None
        return {"carton_no": held.carton_no + 1}
    if effect is Effect.CONFIRM_CARD:
        return {"card_confirmed": True}
    if effect is Effect.COMPLETE:
        return {"status": COMPLETED, "closed_at": at}
    if effect is Effect.CANCEL:
        # Parked: open, held by no station, its lease over.
        return {"station_id": None, "lease_expires_at": at}
    return {}


def _apply_to_pack(
    session: Session,
    row: store.StationRow,
    held: store.HeldPack,
    pack: Pack,
    decision: Decision,
    labels_on: bool,
    at: dt.datetime,
) -> tuple[int, int | None]:
    """The writes of a fenced pack effect; the units in the box afterwards, and the print
    job queued (closing a carton prints its label)."""
    effect = decision.effect
    user_id = row.user.user_id if row.user else None
    if effect is Effect.COUNT:
        assert decision.line_id is not None
        claims.count_units(session, decision.line_id, decision.units)
        return pack.scanned + decision.units, None
    if effect is Effect.UNDO:
        assert decision.undo_ref is not None and decision.line_id is not None
        claims.take_back(session, decision.undo_ref, decision.line_id, decision.units)
        return pack.scanned - decision.units, None
    job = None
    if effect is Effect.NEW_CARTON:
        job = parcels.close_carton(
            session, held.order_number, held.carton_no, row.station_id, user_id, at
        )
    elif effect is Effect.COMPLETE:
        claims.ship_out(session, held.order_number, [line.line_id for line in pack.lines], user_id)
        if not claims.set_order_status(session, held.order_id, OrderStatus.PACKED, _PACKING_ONLY):
            raise ConcurrentChange("the order's status changed a moment ago")
        if labels_on:
            if _needs_parcel(pack):
                job = parcels.close_carton(
                    session, held.order_number, held.carton_no, row.station_id, user_id, at
                )
            parcels.mark_labelled(session, held.order_id)
        claims.set_claim(session, row.station_id, None)
    elif effect is Effect.CANCEL:
        claims.set_order_status(session, held.order_id, OrderStatus.ALLOCATED, _PACKING_ONLY)
        claims.set_claim(session, row.station_id, None)
    return pack.scanned, job


def _park(
    session: Session, row: store.StationRow, held: store.HeldPack | None, scan: PackScan
) -> None:
    """Leave the held pack for later (another order is being opened)."""
    assert held is not None and row.claim is not None
    values = _fence_values(Effect.CANCEL, scan.at)
    if claims.fenced(session, row.station_id, row.claim, scan.at, scan.lease, values):
        claims.set_order_status(session, held.order_id, OrderStatus.ALLOCATED, _PACKING_ONLY)


def _claim_lost(session: Session, held: store.HeldPack) -> Decision:
    """The refusal of a pack scan at a station whose claim on the order was taken over."""
    holder = store.holder_name(session, held.session_id)
    where = f"is now open at station {holder}" if holder else "is no longer open here"
    return Decision(
        VerdictKind.REJECTED,
        reason=Reason.ORDER_LOCKED,
        message=f"order {held.order_number} {where}; this station's claim ran out",
    )


def _record(
    session: Session,
    station: str,
    row: store.StationRow,
    scan: PackScan,
    classified: ClassifiedScan,
    decision: Decision,
    pack: Pack | None,
    scanned: int | None,
    session_id: int | None,
    concerning: int | None,
    held_carton: int | None,
) -> None:
    """Store the scan with its verdict (and a refusal in the mismatch log)."""
    effect = decision.effect
    user = decision.user if effect in (Effect.LOGIN, Effect.LOGOUT) else row.user
    product = classified.product
    scan_log.record_scan(
        session,
        scan_log.NewScan(
            scan_id=scan.scan_id,
            station_id=row.station_id,
            seq=row.last_seq + 1,
            at=scan.at,
            raw=scan.code[: scan_log.CODE_LENGTH],
            kind=classified.kind.value,
            code=classified.code[: scan_log.CODE_LENGTH],
            verdict=decision.verdict.value,
            reason=decision.reason.value if decision.reason else None,
            effect=effect.value,
            message=decision.message,
            user_id=user.user_id if user else None,
            pack_session_id=session_id,
            order_id=pack.order_id if pack else None,
            order_line_id=decision.line_id,
            units=decision.units,
            carton_no=held_carton,
            lot=decision.lot,
            expiry=product.expiry if product else None,
            serial=decision.serial,
            undoes_scan=decision.undo_ref,
            scanned=scanned,
            expected=pack.expected if pack else None,
        ),
        station,
        concerning,
    )
