"""The pack station's scan rules: scan in, verdict out.

Plain Python: no Qt, no SQL, no clock (today's date is part of the
snapshot). The station service reads a `PackSnapshot` (the station's state
and the facts this scan needs), asks `decide` what the classified scan
means, applies the `Decision`'s effect through its table of handlers and
records it; the window, the replay command and the benchmarks all go
through that one path. Every verdict, refusals included, is made here or
in the rules it hands a scan to: `units` (a product), `orders` (an order
number), `labels` (a label, or anything while a label is awaited) and
`commands` (a command code).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.core.orders import OrderStatus
from app.core.overrides import OverrideStep
from app.core.pack import overrides
from app.core.pack.commands import CLOSING, command_decision, counted_facts, logged_out
from app.core.pack.effects import PACK_EFFECTS, Decision, Effect, Refusal, info, refused
from app.core.pack.labels import (
    LabelVerdict,
    command_while_waiting,
    label_not_awaited,
    label_while_waiting,
    pending,
)
from app.core.pack.orders import OPENS_ORDER, order_refusal
from app.core.pack.session import Pack, PackedUnit, PackSnapshot
from app.core.pack.units import place
from app.core.roles import SUPERVISING
from app.core.scans import ClassifiedScan, Command, Fact, Note, Reason, ScanKind, VerdictKind
from app.core.station import (
    BadgeChange,
    BadgeOutcome,
    StationUser,
    badge_scanned,
    badge_verdict,
)


def decide(scan: ClassifiedScan, snapshot: PackSnapshot) -> Decision:
    """The verdict on `scan` at a station in state `snapshot`.

    Nothing is changed here: the caller applies the decision's effect and
    records it. A scan that was not read is refused before anything else, so
    the packer always hears that it must scan again.
    """
    if scan.scan.unreadable:
        return refused(Refusal(Reason.UNREADABLE, "scan not read, scan again"))
    if scan.kind is ScanKind.BADGE:
        if snapshot.user is not None and overrides.supervising_badge(snapshot):
            return _approval(snapshot)
        if snapshot.override is not None:
            # Not what the override under way waits for: it says what it does.
            gated = overrides.gate(scan, snapshot)
            assert gated is not None
            return gated
        return _badge(scan, snapshot)
    if snapshot.user is None:
        return refused(Refusal(Reason.NOT_LOGGED_IN, "scan your badge to log in"))
    gated = overrides.gate(scan, snapshot)
    decision = gated or _decide_logged_in(scan, snapshot, snapshot.user)
    if decision.effect in PACK_EFFECTS:
        return _fenced(decision, snapshot)
    return decision


def needs_numbers(scan: ClassifiedScan, snapshot: PackSnapshot) -> bool:
    """True when the scan would close a carton that needs a tracking number.

    The service then looks up whether the order's carrier has one left
    (`PackSnapshot.no_numbers_for`) before asking `decide`.
    """
    pack, pending = snapshot.pack, snapshot.override
    closing = scan.command in CLOSING and pending is None
    shipping_short = (
        pending is not None
        and pending.step is OverrideStep.REASON
        and scan.command in overrides.SHORT_REASONS
    )
    return (
        (closing or shipping_short)
        and snapshot.labels_on
        and pack is not None
        and snapshot.lost is None
        and pack.closes_carton_with_parcel()
    )


def applied(pack: Pack, decision: Decision, scan_ref: int | None = None) -> Pack:
    """The box after `decision`: a scan counted or taken back, the card confirmed.

    `scan_ref` names the scan being counted (the caller's scan record). Every
    other effect concerns the station rather than the box and leaves the
    pack as it is; so does every refused scan.
    """
    if decision.effect is Effect.COUNT:
        if scan_ref is None or decision.line_id is None:
            raise ValueError("counting a scan needs its scan_ref and line")
        return pack.with_unit(
            PackedUnit(scan_ref, decision.line_id, decision.units, decision.lot, decision.serial)
        )
    if decision.effect is Effect.UNDO:
        assert decision.undo_ref is not None
        return pack.without_scan(decision.undo_ref)
    if decision.effect is Effect.CONFIRM_CARD:
        return replace(pack, card_confirmed=True)
    return pack


def _decide_logged_in(scan: ClassifiedScan, snapshot: PackSnapshot, user: StationUser) -> Decision:
    # A pack another station took over is not in the way of opening an order.
    pack = None if snapshot.lost and scan.kind in OPENS_ORDER else snapshot.pack
    if snapshot.awaiting is not None:
        waiting = _waiting(scan, snapshot)
        if waiting is not None:
            return waiting
    if scan.kind in OPENS_ORDER or scan.kind is ScanKind.WAVE:
        return _hand_over(scan, pack, snapshot)
    if scan.kind is ScanKind.PRODUCT:
        if scan.product is None:
            return refused(
                Refusal(Reason.UNKNOWN_BARCODE, f"{scan.code}: no product has this code")
            )
        if pack is None:
            return refused(Refusal(Reason.NO_OPEN_PACK, "scan an order first"))
        return _product(scan, pack, snapshot.today)
    if scan.kind is ScanKind.COMMAND and scan.command is not None:
        if scan.command in overrides.STARTED_BY:
            return overrides.start(scan.command, user, pack)
        if scan.command in overrides.SHORT_REASONS:
            return overrides.reason_without_short(scan.command)
        return command_decision(scan.command, user, pack, snapshot)
    if scan.kind is ScanKind.LOCATION:
        return info(
            f"{scan.code}: bin locations are not scanned when packing", Note.LOCATION_NOT_PACKED
        )
    if scan.kind is ScanKind.LABEL:
        return _label(label_not_awaited(snapshot.label, scan.code))
    return refused(Refusal(Reason.UNKNOWN_BARCODE, f"{scan.code}: unknown barcode"))


def _fenced(decision: Decision, snapshot: PackSnapshot) -> Decision:
    """A change to the pack as decided, unless the station no longer holds it."""
    lost = snapshot.lost
    if lost is None:
        return decision
    where = f"is now open at station {lost.holder}" if lost.holder else "is no longer open here"
    facts = {Fact.ORDER: lost.order_number}
    if lost.holder:
        facts[Fact.HOLDER] = lost.holder
    return refused(
        Refusal(
            Reason.ORDER_LOCKED,
            f"order {lost.order_number} {where}; this station's claim ran out",
            facts,
        ),
        Effect.FORGET_CLAIM,
    )


def _waiting(scan: ClassifiedScan, snapshot: PackSnapshot) -> Decision | None:
    """The verdict while the station waits for a label; None where the usual rules apply."""
    awaiting = snapshot.awaiting
    assert awaiting is not None
    if scan.kind is ScanKind.LABEL:
        verdict = label_while_waiting(awaiting, snapshot.label)
    elif scan.kind is ScanKind.COMMAND and scan.command is not None:
        if scan.command is Command.LOGOUT:
            return None
        verdict = command_while_waiting(awaiting, scan.command)
    elif scan.kind in (ScanKind.PRODUCT, ScanKind.LOCATION, ScanKind.WAVE, *OPENS_ORDER):
        verdict = pending(awaiting)
    else:
        return None
    effect = Effect.NONE
    if verdict.verifies:
        effect = Effect.VERIFY_LABEL
    elif verdict.reprints:
        effect = Effect.REPRINT
    return replace(_label(verdict), effect=effect, label=awaiting)


def _label(verdict: LabelVerdict) -> Decision:
    """A label rule's verdict as a decision (its effect and parcel set by the caller)."""
    return Decision(
        verdict.verdict,
        reason=verdict.reason,
        message=verdict.message,
        note=verdict.note,
        facts=verdict.facts,
    )


def _badge(scan: ClassifiedScan, snapshot: PackSnapshot) -> Decision:
    """Log in, switch user, or (the same badge again) log out; an open pack stays open.

    A supervisor's or admin's badge without its PIN asks for it; a wrong PIN is
    refused and kept as a failure (`Effect.PIN_FAILED`); a locked badge is refused."""
    outcome = badge_scanned(snapshot.user, snapshot.badge_user, snapshot.badge_pin)
    if outcome.change is BadgeChange.UNKNOWN or outcome.user is None:
        return refused(Refusal(Reason.UNKNOWN_BARCODE, outcome.message))
    if outcome.change is BadgeChange.LOG_OUT:
        return logged_out(outcome.user, outcome.message)
    not_in = _pin_refused(outcome, snapshot)
    if not_in is not None:
        return not_in
    return Decision(
        VerdictKind.INFO,
        Effect.LOGIN,
        message=outcome.message,
        user=outcome.user,
        note=Note.LOGGED_IN,
        facts={Fact.USER: outcome.user.name},
    )


def _approval(snapshot: PackSnapshot) -> Decision:
    """A badge scanned where a supervisor's approval is awaited (an override, a lock-out):
    a supervisor's or admin's with the right PIN approves; a packer's never does."""
    badge_user = snapshot.badge_user
    if badge_user is None:
        return refused(Refusal(Reason.UNKNOWN_BARCODE, "no active user has this badge"))
    if badge_user.role not in SUPERVISING:
        return overrides.not_authorised(badge_user)
    outcome = badge_scanned(None, badge_user, snapshot.badge_pin)
    not_in = _pin_refused(outcome, snapshot)
    if not_in is not None:
        return not_in
    return overrides.approved(snapshot, badge_user)


def _pin_refused(outcome: BadgeOutcome, snapshot: PackSnapshot) -> Decision | None:
    """The PIN a supervising badge needs: asked for, wrong (kept as a failure: it counts
    towards a lock), or the badge locked; None when the badge may sign in."""
    assert outcome.user is not None
    if outcome.change not in (BadgeChange.PIN_NEEDED, BadgeChange.WRONG_PIN, BadgeChange.LOCKED):
        return None
    said = badge_verdict(outcome, snapshot.badge_pin)
    if said.note is not None:
        return info(outcome.message, said.note, said.facts)
    assert said.reason is not None
    refusal = Refusal(said.reason, outcome.message, said.facts)
    if outcome.change is BadgeChange.WRONG_PIN:
        return replace(refused(refusal, Effect.PIN_FAILED), user=outcome.user)
    return refused(refusal)


def _order(scan: ClassifiedScan, pack: Pack | None, snapshot: PackSnapshot) -> Decision:
    """Open (or resume) the scanned order's pack, or say why not.

    Why the scanned order itself cannot be packed (not packable, held by
    another station) is told before that another pack is still open: the
    packer then does not leave the pack in front of them for an order that
    could not be opened anyway.
    """
    order = snapshot.order
    if order is None:
        return refused(Refusal(Reason.UNKNOWN_BARCODE, f"{scan.code}: no order has this number"))
    # A new order while the last pack's label is not verified never gets here:
    # `_waiting` refuses it with Reason.LABEL_PENDING.
    refusal = order_refusal(order)
    if refusal is not None:
        return refused(refusal)
    facts = {Fact.ORDER: order.number}
    if pack is not None and pack.order_id == order.order_id:
        return Decision(
            VerdictKind.INFO,
            message=f"order {order.number} is already open",
            order=order,
            note=Note.ORDER_SHOWN,
            facts=facts,
        )
    if pack is not None:
        return refused(
            Refusal(
                Reason.PACK_OPEN,
                f"{pack.order_number} is still open: scan COMPLETE, or LEAVE FOR LATER first",
                {Fact.OPEN_ORDER: pack.order_number, **facts},
            )
        )
    resumed = order.open_here or order.status == OrderStatus.PACKING
    return Decision(
        VerdictKind.INFO,
        Effect.OPEN_ORDER,
        message=f"order {order.number} {'resumed' if resumed else 'opened'}",
        order=order,
        note=Note.ORDER_RESUMED if resumed else Note.ORDER_OPENED,
        facts=facts,
    )


def _hand_over(scan: ClassifiedScan, pack: Pack | None, snapshot: PackSnapshot) -> Decision:
    """An order's number, tote or cart slot opens its pack; a wave's number brings its cart."""
    if scan.kind is ScanKind.ORDER:
        return _order(scan, pack, snapshot)
    if scan.kind is ScanKind.WAVE:
        return _cart(scan, snapshot)
    return _container(scan, pack, snapshot)


def _container(scan: ClassifiedScan, pack: Pack | None, snapshot: PackSnapshot) -> Decision:
    """A tote or cart slot opens the order it holds, as its number would."""
    if scan.kind is ScanKind.SLOT and snapshot.cart is None:
        return refused(
            Refusal(
                Reason.CART_UNKNOWN,
                f"{scan.code}: scan the cart's wave number (W-…) on its pick list first",
                {Fact.SLOT: scan.code},
            )
        )
    if snapshot.order is None:
        facts = {Fact.TOTE: scan.code}
        if snapshot.cart is not None:
            facts = {Fact.SLOT: scan.code, Fact.WAVE: snapshot.cart}
        return refused(Refusal(Reason.TOTE_EMPTY, f"{scan.code} holds no order to pack", facts))
    return _order(scan, pack, snapshot)


def _cart(scan: ClassifiedScan, snapshot: PackSnapshot) -> Decision:
    """A wave's number: its cart is at the bench, its slot labels open their orders."""
    if snapshot.wave is None:
        return refused(Refusal(Reason.UNKNOWN_BARCODE, f"{scan.code}: no wave has this number"))
    return Decision(
        VerdictKind.INFO,
        Effect.SET_CART,
        message=f"cart of {snapshot.wave} at the bench: scan a slot to open its order",
        note=Note.CART_AT_BENCH,
        facts={Fact.WAVE: snapshot.wave},
    )


def _product(scan: ClassifiedScan, pack: Pack, today: dt.date) -> Decision:
    """Count a product scan on its line, or refuse it whole."""
    assert scan.product is not None
    product = scan.product
    placed = place(pack, product, scan.code, today)
    if isinstance(placed, Refusal):
        return refused(placed)
    line = placed.line
    packed = pack.packed_on(line.line_id) + product.units
    message = f"{line.sku}: {packed} of {line.ordered}"
    if product.units > 1:
        message += f" (case of {product.units})"
    return Decision(
        VerdictKind.ACCEPTED,
        Effect.COUNT,
        message=message,
        line_id=line.line_id,
        units=product.units,
        lot=placed.lot,
        lot_read=placed.lot_read,
        serial=product.serial,
        note=Note.COUNTED,
        facts=counted_facts(line, packed, product.units),
    )
