"""Supervisor overrides at the bench: the error lock-out, short ship, take-over and a new code.

A packer can never do one. `KCMD:SHORT`, `KCMD:TAKEOVER` and `KCMD:ALIAS`
each start an override that waits first for a supervisor's (or admin's)
badge and PIN, then for what it needs, one scan at a time, all from the
scanner:

- short ship: a reason code (`KCMD:REASON:DAMAGED`, ...); the pack then
  completes with what is in the box and the missing units go to a backorder;
- take over: the order another station holds; its claim moves here at once;
- new code: the unknown code, then the product's known code; the new code is
  registered to that product.

`KCMD:CANCEL` leaves an override under way (nothing changed). A packer's
badge offered instead of a supervisor's is refused `not_authorised`. A
supervisor packing at the station approves their own overrides.

The lock-out: after `lockout_after` refused product scans in a row within
one pack (a station setting, `app.core.bench_settings`; 0 turns it off) the
station refuses everything `supervisor_required` until a supervisor signs
in there with badge and PIN; then the packer carries on. Plain rules, like
the rest of `app.core.pack`: the station service stores the override under
way and the streak, and applies what is decided.
"""

from __future__ import annotations

from dataclasses import replace

from app.core.gtin import is_valid_gtin, looks_like_gtin
from app.core.overrides import OverrideKind, OverrideStep, PendingOverride
from app.core.pack.commands import short_lines
from app.core.pack.effects import Decision, Effect, Refusal, info, refused
from app.core.pack.orders import order_refusal
from app.core.pack.session import Pack, PackSnapshot
from app.core.roles import SUPERVISING
from app.core.scans import ClassifiedScan, Command, Fact, Note, Reason, ScanKind, VerdictKind
from app.core.station import StationUser

#: The longest code a product's barcode may be (`barcodes.code`).
LONGEST_CODE = 64


#: The command that starts each override.
STARTED_BY: dict[Command, OverrideKind] = {
    Command.SHORT: OverrideKind.SHORT,
    Command.TAKEOVER: OverrideKind.TAKEOVER,
    Command.ALIAS: OverrideKind.ALIAS,
}
#: What each override waits for once a supervisor approved it.
_AFTER_APPROVAL: dict[OverrideKind, OverrideStep] = {
    OverrideKind.SHORT: OverrideStep.REASON,
    OverrideKind.TAKEOVER: OverrideStep.ORDER,
    OverrideKind.ALIAS: OverrideStep.NEW_CODE,
}
#: A short ship's reason codes, as recorded.
SHORT_REASONS: dict[Command, str] = {
    Command.REASON_DAMAGED: "DAMAGED",
    Command.REASON_OUT_OF_STOCK: "OUT_OF_STOCK",
    Command.REASON_CUSTOMER_REQUEST: "CUSTOMER_REQUEST",
    Command.REASON_OTHER: "OTHER",
}
#: The words of what each step waits for, for the log and replay.
_WAITS_FOR: dict[OverrideStep, str] = {
    OverrideStep.SUPERVISOR: "a supervisor's badge",
    OverrideStep.REASON: "a reason code (KCMD:REASON:...)",
    OverrideStep.ORDER: "the order to take over",
    OverrideStep.NEW_CODE: "the new code",
    OverrideStep.KNOWN_CODE: "the product's known code",
}


def locked_out(snapshot: PackSnapshot) -> bool:
    """True when the station refuses everything until a supervisor signs in at it.

    A supervisor packing is not locked out: they would approve themselves.
    """
    user, after = snapshot.user, snapshot.lockout_after
    return (
        after > 0
        and snapshot.error_streak >= after
        and user is not None
        and user.role not in SUPERVISING
    )


def streak_after(scan: ClassifiedScan, decision: Decision, snapshot: PackSnapshot) -> int:
    """The refused product scans in a row after this scan's `decision`.

    A refused product (or unknown code) within an open pack adds one; a unit
    counted, a lock lifted, a pack opened or let go of starts again from 0;
    anything else leaves the count as it is.
    """
    effect = decision.effect
    if effect in _ENDS_STREAK:
        return 0
    if (
        decision.verdict is VerdictKind.REJECTED
        and decision.reason not in _NOT_COUNTED
        and scan.kind in (ScanKind.PRODUCT, ScanKind.UNKNOWN)
        and snapshot.pack is not None
    ):
        return snapshot.error_streak + 1
    return snapshot.error_streak


_ENDS_STREAK = frozenset(
    {
        Effect.COUNT,
        Effect.UNLOCK,
        Effect.OPEN_ORDER,
        Effect.COMPLETE,
        Effect.CANCEL,
        Effect.SHORT_SHIP,
        Effect.TAKE_OVER,
        Effect.ADD_CODE,
        Effect.FORGET_CLAIM,
    }
)
#: Refusals that are not the packer's wrong pick: the lock-out itself, an override's steps,
#: a scan the scanner did not read, and a scan the database could not record.
_NOT_COUNTED = frozenset(
    {
        Reason.SUPERVISOR_REQUIRED,
        Reason.OVERRIDE_PENDING,
        Reason.UNREADABLE,
        Reason.DATABASE_UNAVAILABLE,
        Reason.LABEL_PENDING,
    }
)


def supervising_badge(snapshot: PackSnapshot) -> bool:
    """True when a badge scanned now is read as a supervisor's approval: the station is
    locked out, or an override waits for a supervisor."""
    pending = snapshot.override
    if pending is not None:
        return pending.step is OverrideStep.SUPERVISOR
    return locked_out(snapshot)


def approved(snapshot: PackSnapshot, supervisor: StationUser) -> Decision:
    """A supervisor's badge and right PIN: the override goes on, or the lock is lifted."""
    pending = snapshot.override
    names = {Fact.SUPERVISOR: supervisor.name}
    if pending is None:
        user = snapshot.user
        assert user is not None
        return Decision(
            VerdictKind.INFO,
            Effect.UNLOCK,
            message=f"{supervisor.name} lifted the lock; {user.name} carries on",
            supervisor=supervisor,
            note=Note.LOCK_LIFTED,
            facts={**names, Fact.USER: user.name, Fact.STREAK: str(snapshot.error_streak)},
        )
    going_on = replace(pending, step=_AFTER_APPROVAL[pending.kind], supervisor=supervisor)
    return _step(going_on, f"{supervisor.name} approved; scan {_WAITS_FOR[going_on.step]}")


def not_authorised(badge_user: StationUser) -> Decision:
    """A packer's badge offered where a supervisor's is needed."""
    return refused(
        Refusal(
            Reason.NOT_AUTHORISED,
            f"{badge_user.name} may not approve this: a supervisor must scan their badge",
            {Fact.USER: badge_user.name},
        )
    )


def start(command: Command, user: StationUser, pack: Pack | None) -> Decision:
    """`KCMD:SHORT`, `KCMD:TAKEOVER` or `KCMD:ALIAS` scanned with no override under way."""
    kind = STARTED_BY[command]
    if kind is OverrideKind.TAKEOVER and pack is not None:
        return refused(
            Refusal(
                Reason.PACK_OPEN,
                f"{pack.order_number} is still open: scan COMPLETE, or LEAVE FOR LATER first",
                {Fact.OPEN_ORDER: pack.order_number},
            )
        )
    if kind is OverrideKind.SHORT:
        if pack is None:
            return refused(Refusal(Reason.NO_OPEN_PACK, f"{command.value} needs an open order"))
        order = {Fact.ORDER: pack.order_number}
        if not pack.packed:
            return refused(
                Refusal(
                    Reason.PACK_INCOMPLETE,
                    "nothing is in the box: a short ship sends what is packed "
                    "(LEAVE FOR LATER keeps the order open)",
                    order,
                )
            )
        if not short_lines(pack):
            return info("nothing is short: scan COMPLETE", Note.NO_OVERRIDE, order)
    pending = PendingOverride(kind, OverrideStep.SUPERVISOR)
    if user.role in SUPERVISING:
        pending = replace(pending, step=_AFTER_APPROVAL[kind], supervisor=user)
        return _step(pending, f"{kind.value}: scan {_WAITS_FOR[pending.step]}")
    return Decision(
        VerdictKind.INFO,
        Effect.OVERRIDE,
        message=f"{kind.value}: a supervisor must scan their badge (CANCEL goes back)",
        override=pending,
        note=Note.SUPERVISOR_ASKED,
        facts=pending.facts,
    )


def reason_without_short(command: Command) -> Decision:
    """A reason code scanned with no short ship waiting for one: nothing happens."""
    return info(f"{command.value}: no short ship asks for a reason", Note.NO_OVERRIDE)


def gate(scan: ClassifiedScan, snapshot: PackSnapshot) -> Decision | None:
    """The verdict while the station is locked out or an override is under way (badges
    apart: `supervising_badge`); None when neither is the case."""
    pending = snapshot.override
    if pending is None:
        if locked_out(snapshot):
            return refused(
                Refusal(
                    Reason.SUPERVISOR_REQUIRED,
                    f"{snapshot.error_streak} refused scans in a row: "
                    "a supervisor must scan their badge at this station",
                    {Fact.STREAK: str(snapshot.error_streak)},
                )
            )
        return None
    if scan.command is Command.CANCEL:
        return Decision(
            VerdictKind.INFO,
            Effect.OVERRIDE,
            message=f"{pending.kind.value} cancelled",
            note=Note.OVERRIDE_CANCELLED,
            facts=pending.facts,
        )
    step = pending.step
    if step is OverrideStep.REASON and scan.command in SHORT_REASONS:
        return _short(pending, snapshot, SHORT_REASONS[scan.command])
    if step is OverrideStep.ORDER and scan.kind is ScanKind.ORDER:
        return _take_over(pending, snapshot, scan.code)
    if step is OverrideStep.NEW_CODE and scan.kind in (ScanKind.PRODUCT, ScanKind.UNKNOWN):
        return _new_code(pending, scan)
    if step is OverrideStep.KNOWN_CODE and scan.kind is ScanKind.PRODUCT:
        return _known_code(pending, scan)
    return _waiting(pending)


def _step(pending: PendingOverride, message: str) -> Decision:
    """The override goes on to `pending`'s step."""
    return Decision(
        VerdictKind.INFO,
        Effect.OVERRIDE,
        message=message,
        override=pending,
        supervisor=pending.supervisor,
        note=Note.OVERRIDE_APPROVED,
        facts=pending.facts,
    )


def _waiting(pending: PendingOverride, message: str | None = None) -> Decision:
    """A scan the override under way does not take: it says what it waits for."""
    return refused(
        Refusal(
            Reason.OVERRIDE_PENDING,
            message or f"{pending.kind.value}: scan {_WAITS_FOR[pending.step]} (CANCEL goes back)",
            pending.facts,
        )
    )


def _short(pending: PendingOverride, snapshot: PackSnapshot, reason: str) -> Decision:
    """The reason for a short ship: the pack completes with what is in the box."""
    pack = snapshot.pack
    assert pack is not None and pending.supervisor is not None
    order = {Fact.ORDER: pack.order_number}
    if pack.gift_message and not pack.card_confirmed:
        return refused(
            Refusal(
                Reason.CARD_NOT_CONFIRMED, "gift order: put the card in and scan KCMD:CARD", order
            )
        )
    short = short_lines(pack)
    return Decision(
        VerdictKind.ACCEPTED,
        Effect.SHORT_SHIP,
        message=f"order {pack.order_number} packed short ({pack.scanned} units); "
        f"{short} to the backorder",
        supervisor=pending.supervisor,
        note=Note.SHIPPED_SHORT,
        facts={
            **order,
            Fact.UNITS: str(pack.scanned),
            Fact.SHORT: short,
            Fact.REASON: reason,
            Fact.SUPERVISOR: pending.supervisor.name,
        },
    )


def _take_over(pending: PendingOverride, snapshot: PackSnapshot, code: str) -> Decision:
    """The order to take over: its claim moves here, whichever station holds it."""
    order = snapshot.order
    if order is None:
        return _waiting(pending, f"{code}: no order has this number; scan the order to take over")
    refusal = order_refusal(order)
    if refusal is not None and refusal.reason is not Reason.ORDER_LOCKED:
        return refused(refusal)
    assert pending.supervisor is not None
    facts = {Fact.ORDER: order.number, Fact.SUPERVISOR: pending.supervisor.name}
    held_by = ""
    if order.locked_by is not None:
        facts[Fact.HOLDER] = order.locked_by
        held_by = f" from station {order.locked_by}"
    return Decision(
        VerdictKind.INFO,
        Effect.TAKE_OVER,
        message=f"order {order.number} taken over{held_by}",
        order=order,
        supervisor=pending.supervisor,
        note=Note.TAKEN_OVER,
        facts=facts,
    )


def _new_code(pending: PendingOverride, scan: ClassifiedScan) -> Decision:
    """The new code: it must be nobody's yet, and short enough to be a barcode."""
    if scan.product is not None:
        return _waiting(
            pending,
            f"{scan.code} is already the code of {scan.product.sku}: scan the new code",
        )
    if len(scan.code) > LONGEST_CODE:
        return _waiting(pending, f"a code is at most {LONGEST_CODE} characters")
    if looks_like_gtin(scan.code) and not is_valid_gtin(scan.code):
        return _waiting(pending, f"{scan.code}: its check digit is wrong; scan it again")
    going_on = replace(pending, step=OverrideStep.KNOWN_CODE, code=scan.code)
    return replace(
        _step(going_on, f"{scan.code}: now scan {_WAITS_FOR[going_on.step]}"),
        note=Note.NEW_CODE_READ,
    )


def _known_code(pending: PendingOverride, scan: ClassifiedScan) -> Decision:
    """The product's known code: the new code is registered to that product."""
    product = scan.product
    if product is None:
        return _waiting(pending, f"{scan.code}: no product has this code either")
    assert pending.code is not None and pending.supervisor is not None
    case = f" (case of {product.units})" if product.units > 1 else ""
    return Decision(
        VerdictKind.INFO,
        Effect.ADD_CODE,
        message=f"{pending.code} registered to {product.sku}{case}; scan the unit again",
        units=product.units,
        supervisor=pending.supervisor,
        note=Note.CODE_ADDED,
        facts={
            Fact.CODE: pending.code,
            Fact.SKU: product.sku,
            Fact.ITEM: product.item,
            Fact.UNITS: str(product.units),
            Fact.SUPERVISOR: pending.supervisor.name,
        },
    )
