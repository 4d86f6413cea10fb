"""The pack mode's effects: one handler per `Effect`, each the writes of one kind of scan.

Every write to a held pack starts with the fence (`pack_claims.fenced`): a
station whose claim was taken over between reading and writing changes
nothing, and the scan is decided again from what is stored then (the rules
refuse it `order_locked`). `KCMD:CANCEL` parks the pack: it stays open with
its units and no station, the order goes back to `allocated`, and the next
station to open the order resumes it. (Another order is opened only when the
station holds no pack, or lost the one it held: the rules refuse `pack_open`.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.core.audit import Action
from app.core.errors import ConcurrentChange
from app.core.orders import OrderStatus
from app.core.pack.effects import Decision, Effect
from app.core.pack.orders import PACKABLE
from app.core.pack.rules import applied
from app.core.pack.session import Pack, PackSnapshot
from app.core.scans import Fact
from app.core.station import StationUser
from app.core.statuses import PackStatus
from app.db import handover, overrides
from app.db import pack_claims as claims
from app.db import pack_contents as contents
from app.db import station as store
from app.db.labels import PrintRequest
from app.services import labels as parcels
from app.services.station.pipeline import Step
from app.services.station.signins import audit_scan, log_in, log_out, pin_failed

_PACKING_ONLY = frozenset({OrderStatus.PACKING.value})
_PACKABLE = frozenset(status.value for status in PACKABLE)


@dataclass(frozen=True, slots=True)
class PackFacts:
    """What the pack rules are told, and the stored order an order number named."""

    snapshot: PackSnapshot
    on_file: store.OrderOnFile | None = None
    #: For a wave's number scanned: the id of the wave whose cart is brought to the bench.
    cart_wave_id: int | None = None


@dataclass(frozen=True, slots=True)
class KeptPack:
    """The pack a station holds under `claim`, as it stood after the station's last scan."""

    claim: store.Claim
    pack: Pack


PackStep = Step[PackFacts, Decision, KeptPack]


@dataclass(frozen=True, slots=True)
class After:
    """What a pack scan's effect did: what it reports on, and the station afterwards."""

    #: The pack the scan reports on (the outcome's order and counts), if any.
    reported: Pack | None
    #: The pack the station holds afterwards (a counted unit is added with its record's id).
    held: Pack | None
    #: The station's claim afterwards.
    claim: store.Claim | None
    #: Units in the box after the scan.
    scanned: int | None
    session_id: int | None
    carton_no: int | None
    #: Who is logged in afterwards.
    user: StationUser | None
    #: The label print job the scan queued.
    print_job: int | None = None
    #: The awaited label may have changed: the view reads it again.
    labels_changed: bool = False


Handler = Callable[[PackStep], After]


def _as_it_was(step: PackStep) -> After:
    """The station unchanged: the pack it still holds (none once lost to another station)."""
    row, snapshot = step.row, step.facts.snapshot
    shown = None if snapshot.lost else snapshot.pack
    held = row.held
    return After(
        reported=shown,
        held=shown,
        claim=row.claim,
        scanned=shown.scanned if shown else None,
        session_id=held.session_id if held else None,
        carton_no=held.carton_no if held and shown else None,
        user=row.user,
    )


def _log_in(step: PackStep) -> After:
    user = step.decision.user
    assert user is not None
    log_in(step, user)
    return replace(_as_it_was(step), user=user)


def _log_out(step: PackStep) -> After:
    log_out(step)
    return replace(_as_it_was(step), user=None)


def _pin_failed(step: PackStep) -> After:
    """A wrong PIN with a supervising badge: kept (nobody logs in)."""
    assert step.decision.user is not None
    pin_failed(step, step.decision.user, step.facts.snapshot.badge_pin)
    return _as_it_was(step)


def _forget_claim(step: PackStep) -> After:
    claims.set_claim(step.session, step.row.station_id, None)
    # An override under way concerned the pack the station no longer holds.
    if step.row.override is not None:
        overrides.set_override(step.session, step.row.station_id, None)
    return replace(_as_it_was(step), held=None, claim=None, reported=None, scanned=None)


def _lease(step: PackStep) -> claims.Lease:
    """The lease a write under the claim renews: the station's lease length, from the
    database's clock (the scan's own time is only recorded)."""
    return claims.Lease(step.at, step.incoming.lease)


def _lease_over(step: PackStep) -> claims.Lease:
    """The lease of a pack left for later: over as the write commits."""
    return claims.Lease(step.at, dt.timedelta(0))


def _printed_here(step: PackStep) -> PrintRequest:
    """A label asked for by this scan: at this station, by who is logged in, now."""
    row = step.row
    return PrintRequest(row.station_id, row.user.user_id if row.user else None, step.at)


def _fence(
    step: PackStep, values: Mapping[str, Any] | None = None, lease: claims.Lease | None = None
) -> Pack:
    """Renew the lease of the held pack (setting `values` on it); the pack as decided on."""
    row, pack = step.row, step.facts.snapshot.pack
    assert row.claim is not None and pack is not None
    held = lease or _lease(step)
    if not claims.fenced(step.session, row.station_id, row.claim, held, values):
        # Taken over since this scan read the station: decided again on what is stored now.
        raise ConcurrentChange("another station took this order a moment ago")
    return pack


def _changed(step: PackStep, pack: Pack, **fields: Any) -> After:
    """The held pack changed to `pack`."""
    return replace(_as_it_was(step), reported=pack, held=pack, scanned=pack.scanned, **fields)


def _count(step: PackStep) -> After:
    decision = step.decision
    pack = _fence(step)
    assert decision.line_id is not None
    claims.count_units(step.session, decision.line_id, decision.units)
    # The unit joins the held pack once its record has an id (`PackMode.shown`).
    return replace(_changed(step, pack), scanned=pack.scanned + decision.units)


def _undo(step: PackStep) -> After:
    decision = step.decision
    pack = _fence(step)
    assert decision.undo_ref is not None and decision.line_id is not None
    claims.take_back(step.session, decision.undo_ref, decision.line_id, decision.units)
    return _changed(step, applied(pack, decision))


def _confirm_card(step: PackStep) -> After:
    pack = _fence(step, {"card_confirmed": True})
    return _changed(step, applied(pack, step.decision))


def _override(step: PackStep) -> After:
    """An override starts, goes on to its next step, or is cancelled."""
    pending = step.decision.override
    overrides.set_override(step.session, step.row.station_id, pending)
    if pending is not None and pending.supervisor is not None and step.row.override is not None:
        # A supervisor approved what the packer asked for.
        _override_event(step, Action.OVERRIDE_APPROVED, pending.kind.value)
    if pending is None and step.row.override is not None:
        _override_event(step, Action.OVERRIDE_CANCELLED, step.row.override.kind.value)
    return _as_it_was(step)


def _override_event(step: PackStep, action: Action, kind: str, **detail: Any) -> None:
    """An override's audit row: which, packer, supervisor, station, order, and the rest."""
    row, decision = step.row, step.decision
    supervisor = decision.supervisor or (row.override.supervisor if row.override else None)
    held = row.held
    audit_scan(
        step,
        action,
        supervisor,
        override=kind,
        packer=row.user.name if row.user else "",
        supervisor=supervisor.name if supervisor else "",
        order=held.order_number if held else "",
        **detail,
    )


def _unlock(step: PackStep) -> After:
    """A supervisor lifted the lock-out: the packer carries on (the streak starts again)."""
    _override_event(
        step, Action.OVERRIDE_LOCKOUT, "lockout", refused_in_a_row=step.row.error_streak
    )
    return _as_it_was(step)


def _short_ship(step: PackStep) -> After:
    """The pack completes with what is in the box; the missing units go to a backorder."""
    row, decision = step.row, step.decision
    pack = step.facts.snapshot.pack
    assert pack is not None and row.override is not None
    reason = decision.facts.get(Fact.REASON, "OTHER")
    user_id = row.user.user_id if row.user else None
    split = overrides.ship_short(step.session, pack, reason, user_id)
    after = _complete(step)
    overrides.set_override(step.session, row.station_id, None)
    _override_event(
        step,
        Action.OVERRIDE_SHORT,
        "short",
        reason=reason,
        note=step.incoming.note or "",
        short=decision.facts.get(Fact.SHORT, ""),
        backorder=split.backorder,
    )
    return after


def _take_over(step: PackStep) -> After:
    """The order another station holds moves here at once; that station is fenced out."""
    row, on_file = step.row, step.facts.on_file
    assert on_file is not None and row.user is not None and row.override is not None
    new_claim = claims.take_over(
        step.session, row.station_id, row.user.user_id, on_file, _lease(step)
    )
    after = _opened(step, new_claim)
    overrides.set_override(step.session, row.station_id, None)
    _override_event(
        step,
        Action.OVERRIDE_TAKEOVER,
        "takeover",
        taken_from=on_file.candidate.locked_by or on_file.lapsed_from or "",
        note=step.incoming.note or "",
    )
    return after


def _add_code(step: PackStep) -> After:
    """The override's new code joins the product's barcodes; the pack goes on."""
    row, product = step.row, step.classified.product
    pending = row.override
    assert product is not None and pending is not None and pending.code is not None
    overrides.add_code(step.session, pending.code, product.product_id, product.units)
    overrides.set_override(step.session, row.station_id, None)
    _override_event(
        step,
        Action.OVERRIDE_ALIAS,
        "alias",
        code=pending.code,
        sku=product.sku,
        units=product.units,
        note=step.incoming.note or "",
    )
    return _as_it_was(step)


def _complete(step: PackStep) -> After:
    row = step.row
    pack = _fence(step, {"status": PackStatus.COMPLETED, "closed_at": step.at})
    held = row.held
    assert held is not None
    user_id = row.user.user_id if row.user else None
    claims.ship_out(step.session, pack.order_number, [line.line_id for line in pack.lines], user_id)
    if not claims.set_order_status(step.session, pack.order_id, OrderStatus.PACKED, _PACKING_ONLY):
        raise ConcurrentChange("the order's status changed a moment ago")
    job = None
    if row.labels_on:
        if pack.closes_carton_with_parcel():
            job = _close_carton(step, held.carton_no)
        parcels.mark_labelled(step.session, pack.order_id)
    claims.set_claim(step.session, row.station_id, None)
    return replace(_left(step, pack), print_job=job, labels_changed=True)


def _cancel(step: PackStep) -> After:
    pack = _fence(step, _PARKED, _lease_over(step))
    claims.set_order_status(step.session, pack.order_id, OrderStatus.ALLOCATED, _PACKING_ONLY)
    claims.set_claim(step.session, step.row.station_id, None)
    return _left(step, pack)


def _left(step: PackStep, pack: Pack) -> After:
    """The station let go of `pack` (completed or parked): it reports on it, holds none."""
    return replace(_as_it_was(step), reported=pack, held=None, claim=None, scanned=pack.scanned)


def _new_carton(step: PackStep) -> After:
    held = step.row.held
    assert held is not None
    pack = _fence(step, {"carton_no": held.carton_no + 1})
    job = _close_carton(step, held.carton_no)
    after = _changed(step, pack, print_job=job, labels_changed=True)
    return replace(after, held=replace(pack, carton_no=pack.carton_no + 1))


def _close_carton(step: PackStep, carton_no: int) -> int:
    """Give the carton its parcel and queue its label; the print job."""
    pack = step.facts.snapshot.pack
    assert pack is not None
    return parcels.close_carton(step.session, pack.order_number, carton_no, _printed_here(step))


#: What the fence sets on a pack left for later (with its lease over): open, held by no station.
_PARKED: Mapping[str, Any] = {"station_id": None}


def _open_order(step: PackStep) -> After:
    row, on_file = step.row, step.facts.on_file
    assert on_file is not None and row.user is not None
    new_claim = claims.claim(step.session, row.station_id, row.user.user_id, on_file, _lease(step))
    after = _opened(step, new_claim)
    if on_file.lapsed_from is not None:
        audit_scan(
            step,
            Action.CLAIM_TAKEOVER,
            row.user,
            order=on_file.candidate.number,
            taken_from=on_file.lapsed_from,
            why="lease ran out",
        )
    return after


def _opened(step: PackStep, new_claim: store.Claim) -> After:
    """The order's pack is held here under `new_claim`: the order is being packed."""
    row, on_file = step.row, step.facts.on_file
    assert on_file is not None
    order_id = on_file.candidate.order_id
    if not claims.set_order_status(step.session, order_id, OrderStatus.PACKING, _PACKABLE):
        raise ConcurrentChange("the order's status changed a moment ago")
    claims.set_claim(step.session, row.station_id, new_claim)
    opened = store.held_pack(step.session, new_claim.session_id)
    assert opened is not None
    pack = contents.stored_pack(step.session, opened)
    return After(
        reported=pack,
        held=pack,
        claim=new_claim,
        scanned=pack.scanned,
        session_id=opened.session_id,
        carton_no=opened.carton_no,
        user=row.user,
    )


def _verify_label(step: PackStep) -> After:
    label = step.decision.label
    assert label is not None
    parcels.verify_label(step.session, label.parcel_id, step.at)
    return replace(_as_it_was(step), labels_changed=True)


def _reprint(step: PackStep) -> After:
    label = step.decision.label
    assert label is not None
    job = parcels.reprint(step.session, label.parcel_id, _printed_here(step))
    audit_scan(
        step,
        Action.LABEL_REPRINT,
        step.row.user,
        order=label.order_number,
        tracking=label.tracking_number,
        carton=label.carton_no,
    )
    return replace(_as_it_was(step), print_job=job)


#: Every effect's handler (a test holds this table and `Effect` together).
def _set_cart(step: PackStep) -> After:
    """The cart of the wave scanned is at the bench: its slot labels open their orders."""
    wave_id = step.facts.cart_wave_id
    assert wave_id is not None
    handover.set_cart(step.session, step.row.station_id, wave_id)
    return _as_it_was(step)


HANDLERS: Mapping[Effect, Handler] = {
    Effect.NONE: _as_it_was,
    Effect.LOGIN: _log_in,
    Effect.LOGOUT: _log_out,
    Effect.FORGET_CLAIM: _forget_claim,
    Effect.PIN_FAILED: _pin_failed,
    Effect.OPEN_ORDER: _open_order,
    Effect.COUNT: _count,
    Effect.UNDO: _undo,
    Effect.CONFIRM_CARD: _confirm_card,
    Effect.COMPLETE: _complete,
    Effect.CANCEL: _cancel,
    Effect.NEW_CARTON: _new_carton,
    Effect.VERIFY_LABEL: _verify_label,
    Effect.REPRINT: _reprint,
    Effect.OVERRIDE: _override,
    Effect.UNLOCK: _unlock,
    Effect.SHORT_SHIP: _short_ship,
    Effect.TAKE_OVER: _take_over,
    Effect.ADD_CODE: _add_code,
    Effect.SET_CART: _set_cart,
}
