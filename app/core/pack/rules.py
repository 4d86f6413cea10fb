"""The pack session and the station's scan rules: scan in, verdict out.

Plain Python: no Qt, no SQL, no clock (today's date is passed in). The
station service loads a `StationSnapshot`, asks `decide` what a classified
scan means, records the `Decision` and applies its `Effect`; the window, the
replay command and the benchmarks all go through that same path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.orders import OrderStatus
from app.core.pack.labels import (
    ParcelLabel,
    command_while_waiting,
    label_not_awaited,
    label_while_waiting,
    pending,
)
from app.core.pack.orders import order_refusal
from app.core.pack.units import Refusal, mismatches, place
from app.core.scans import ClassifiedScan, Command, Reason, ScanKind, VerdictKind


@dataclass(frozen=True, slots=True)
class PackLine:
    """One order line as the packer sees and the rules check it."""

    line_id: int
    product_id: int
    sku: str
    name: str
    variant: str
    bins: str
    ordered: int
    lot_tracked: bool = False
    expiry_tracked: bool = False
    min_shelf_life_days: int = 0
    #: Lot code -> units reserved for this line (lot-tracked lines only).
    reserved_lots: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PackedUnit:
    """Accepted units of one scan, still in the box (not undone)."""

    scan_ref: int
    line_id: int
    units: int
    lot: str | None = None
    serial: str | None = None
    #: The carton the units went into (`KCMD:NEWCARTON` starts the next one).
    carton_no: int = 1


@dataclass(slots=True)
class Pack:
    """An open pack: the order's lines and what is in the box so far."""

    order_id: int
    order_number: str
    lines: tuple[PackLine, ...]
    gift_message: str = ""
    card_confirmed: bool = False
    #: In the order the scans were accepted: `KCMD:UNDO` takes back the last one.
    packed: list[PackedUnit] = field(default_factory=list)
    #: The carton being filled now.
    carton_no: int = 1

    @property
    def in_carton(self) -> list[PackedUnit]:
        """The units in the carton being filled now."""
        return [unit for unit in self.packed if unit.carton_no == self.carton_no]

    @property
    def expected(self) -> int:
        return sum(line.ordered for line in self.lines)

    @property
    def scanned(self) -> int:
        return sum(unit.units for unit in self.packed)

    def packed_on(self, line_id: int) -> int:
        return sum(unit.units for unit in self.packed if unit.line_id == line_id)

    def apply(self, decision: Decision, scan_ref: int | None = None) -> None:
        """Change the box as `decision` asks: count a scan, take one back, confirm the card.

        `scan_ref` names the scan being counted (the caller's scan record).
        Every other effect concerns the station rather than the box and leaves
        the pack as it is; so does every refused scan.
        """
        if decision.effect is Effect.COUNT:
            if scan_ref is None or decision.line_id is None:
                raise ValueError("counting a scan needs its scan_ref and line")
            self.packed.append(
                PackedUnit(
                    scan_ref,
                    decision.line_id,
                    decision.units,
                    decision.lot,
                    decision.serial,
                    self.carton_no,
                )
            )
        elif decision.effect is Effect.UNDO:
            kept = [unit for unit in self.packed if unit.scan_ref != decision.undo_ref]
            if len(kept) == len(self.packed):
                raise ValueError(f"scan {decision.undo_ref} is not in the box")
            self.packed[:] = kept
        elif decision.effect is Effect.CONFIRM_CARD:
            self.card_confirmed = True


@dataclass(frozen=True, slots=True)
class OrderCandidate:
    """What the station knows of an order number just scanned."""

    order_id: int
    number: str
    status: str
    #: Name of another station holding this order under a live lease, else None.
    locked_by: str | None = None
    #: True when this station already has this order's pack open (resume).
    open_here: bool = False


@dataclass(frozen=True, slots=True)
class StationUser:
    user_id: int
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class StationSnapshot:
    """Everything `decide` needs to know about the station before a scan."""

    station: str
    user: StationUser | None
    pack: Pack | None
    today: dt.date
    #: The parcel whose label the station waits to have scanned back, if any.
    awaiting: ParcelLabel | None = None


class Effect(StrEnum):
    """What the service must do to the stored state after a decision."""

    NONE = "none"
    LOGIN = "login"
    LOGOUT = "logout"
    OPEN_ORDER = "open_order"
    COUNT = "count"
    UNDO = "undo"
    CONFIRM_CARD = "confirm_card"
    COMPLETE = "complete"
    CANCEL = "cancel"
    NEW_CARTON = "new_carton"
    VERIFY_LABEL = "verify_label"
    REPRINT = "reprint"


@dataclass(frozen=True, slots=True)
class Decision:
    """The verdict on one scan and the change it asks for.

    `message` is short English for logs and replay; the window words it from
    `reason` and the fields below so it can be translated.
    """

    verdict: VerdictKind
    effect: Effect = Effect.NONE
    reason: Reason | None = None
    message: str = ""
    line_id: int | None = None
    units: int = 0
    lot: str | None = None
    serial: str | None = None
    #: For UNDO: the scan_ref of the PackedUnit taken back.
    undo_ref: int | None = None
    #: For LOGIN: the badge's user; for OPEN_ORDER: the order.
    user: StationUser | None = None
    order: OrderCandidate | None = None
    #: For a label scan: the parcel the label belongs to.
    label: ParcelLabel | None = None


def decide(
    scan: ClassifiedScan,
    snapshot: StationSnapshot,
    *,
    badge_user: StationUser | None = None,
    order: OrderCandidate | None = None,
    label: ParcelLabel | None = None,
) -> Decision:
    """The verdict on `scan` at a station in state `snapshot`.

    `badge_user` is the user a badge scan belongs to; `order` what the station
    knows of a scanned order number, `label` the parcel a label scan names.
    All are looked up by the caller.
    Nothing is changed here: the caller records the decision and applies it.
    """
    if scan.kind is ScanKind.BADGE:
        return _badge(scan, snapshot.user, badge_user)
    if snapshot.user is None:
        return _refused(Reason.NOT_LOGGED_IN, "scan your badge to log in")
    pack = snapshot.pack
    if snapshot.awaiting is not None:
        waiting = _waiting(scan, snapshot.user, snapshot.awaiting, label)
        if waiting is not None:
            return waiting
    if scan.kind is ScanKind.ORDER:
        return _order(scan, pack, order)
    if scan.kind is ScanKind.PRODUCT:
        if scan.product is None:
            return _refused(Reason.UNKNOWN_BARCODE, f"{scan.code}: no product has this code")
        if pack is None:
            return _refused(Reason.NO_OPEN_PACK, "scan an order first")
        return _product(scan, pack, snapshot.today)
    if scan.kind is ScanKind.COMMAND and scan.command is not None:
        return _command(scan.command, snapshot.user, pack)
    if scan.kind is ScanKind.LOCATION:
        return _info(f"{scan.code}: bin locations are not scanned when packing")
    if scan.kind is ScanKind.LABEL:
        return _info(label_not_awaited(label, scan.code))
    return _refused(Reason.UNKNOWN_BARCODE, f"{scan.code}: unknown barcode")


def _waiting(
    scan: ClassifiedScan, user: StationUser, awaiting: ParcelLabel, label: ParcelLabel | None
) -> Decision | None:
    """The verdict while the station waits for a label; None where the usual rules apply."""
    if scan.kind is ScanKind.LABEL:
        verdict = label_while_waiting(awaiting, label)
    elif scan.kind is ScanKind.COMMAND and scan.command is not None:
        if scan.command is Command.LOGOUT:
            return None
        verdict = command_while_waiting(awaiting, scan.command)
    elif scan.kind in (ScanKind.PRODUCT, ScanKind.ORDER, ScanKind.LOCATION):
        verdict = pending(awaiting)
    else:
        return None
    effect = Effect.NONE
    if verdict.verifies:
        effect = Effect.VERIFY_LABEL
    elif verdict.reprints:
        effect = Effect.REPRINT
    return Decision(verdict.verdict, effect, verdict.reason, verdict.message, label=awaiting)


def _refused(reason: Reason, message: str) -> Decision:
    return Decision(VerdictKind.REJECTED, reason=reason, message=message)


def _info(message: str, effect: Effect = Effect.NONE) -> Decision:
    return Decision(VerdictKind.INFO, effect, message=message)


def _badge(
    scan: ClassifiedScan, current: StationUser | None, badge_user: StationUser | None
) -> Decision:
    """Log in, switch user, or (the same badge again) log out; an open pack stays open."""
    if badge_user is None:
        return _refused(Reason.UNKNOWN_BARCODE, f"{scan.code}: no user has this badge")
    if current is not None and current.user_id == badge_user.user_id:
        return Decision(
            VerdictKind.INFO, Effect.LOGOUT, message=f"{current.name} logged out", user=current
        )
    message = f"{badge_user.name} logged in"
    if current is not None:
        message += f"; {current.name} logged out"
    return Decision(VerdictKind.INFO, Effect.LOGIN, message=message, user=badge_user)


def _order(scan: ClassifiedScan, pack: Pack | None, order: OrderCandidate | None) -> Decision:
    """Open (or resume) the scanned order's pack, or say why not."""
    if order is None:
        return _refused(Reason.UNKNOWN_BARCODE, f"{scan.code}: no order has this number")
    # A new order while the last pack's label is not verified never gets here:
    # `_waiting` refuses it with Reason.LABEL_PENDING.
    refusal = order_refusal(order)
    if refusal is not None:
        return _refused(refusal.reason, refusal.message)
    if pack is not None and pack.order_id == order.order_id:
        return Decision(
            VerdictKind.INFO, message=f"order {order.number} is already open", order=order
        )
    resumed = order.open_here or order.status == OrderStatus.PACKING
    message = f"order {order.number} {'resumed' if resumed else 'opened'}"
    if pack is not None:
        # The pack open until now is left for later, as KCMD:CANCEL leaves it.
        message += f"; order {pack.order_number} left for later"
    return Decision(VerdictKind.INFO, Effect.OPEN_ORDER, message=message, order=order)


def _product(scan: ClassifiedScan, pack: Pack, today: dt.date) -> Decision:
    """Count a product scan on its line, or refuse it whole."""
    assert scan.product is not None
    product = scan.product
    line = place(pack, product, scan.code, today)
    if isinstance(line, Refusal):
        return _refused(line.reason, line.message)
    message = f"{line.sku}: {pack.packed_on(line.line_id) + product.units} of {line.ordered}"
    if product.units > 1:
        message += f" (case of {product.units})"
    return Decision(
        VerdictKind.ACCEPTED,
        Effect.COUNT,
        message=message,
        line_id=line.line_id,
        units=product.units,
        lot=product.lot,
        serial=product.serial,
    )


def _command(command: Command, user: StationUser, pack: Pack | None) -> Decision:
    """A command code's verdict; every command but LOGOUT needs an open pack."""
    if command is Command.LOGOUT:
        return Decision(
            VerdictKind.INFO, Effect.LOGOUT, message=f"{user.name} logged out", user=user
        )
    if pack is None:
        return _refused(Reason.NO_OPEN_PACK, f"{command.value} needs an open order")
    if command is Command.UNDO:
        return _undo(pack)
    if command is Command.CARD:
        if not pack.gift_message:
            return _info("no gift card on this order")
        if pack.card_confirmed:
            return _info("gift card already confirmed")
        return _info("gift card confirmed", Effect.CONFIRM_CARD)
    if command is Command.COMPLETE:
        missing = mismatches(pack)
        if missing:
            return _refused(Reason.PACK_INCOMPLETE, "incomplete: " + "; ".join(missing))
        if pack.gift_message and not pack.card_confirmed:
            return _refused(
                Reason.CARD_NOT_CONFIRMED, "gift order: put the card in and scan KCMD:CARD"
            )
        return Decision(
            VerdictKind.ACCEPTED,
            Effect.COMPLETE,
            message=f"order {pack.order_number} packed ({pack.scanned} units)",
        )
    if command is Command.CANCEL:
        return _info(f"order {pack.order_number} left for later", Effect.CANCEL)
    if command is Command.NEWCARTON:
        if not pack.in_carton:
            return _info("carton is empty")
        # INTERFACES.md: a command that changes no count is `info`.
        return Decision(
            VerdictKind.INFO,
            Effect.NEW_CARTON,
            message=f"carton {pack.carton_no} of order {pack.order_number} closed",
        )
    return _info("no label to reprint")


def _undo(pack: Pack) -> Decision:
    """Take back the last accepted scan still in the box."""
    # Units of a carton already closed are under its label: they stay.
    if not pack.in_carton:
        return _info("nothing to undo")
    unit = pack.in_carton[-1]
    line = next((line for line in pack.lines if line.line_id == unit.line_id), None)
    sku = line.sku if line is not None else "unit"
    left = pack.packed_on(unit.line_id) - unit.units
    of = f" of {line.ordered}" if line is not None else ""
    return Decision(
        VerdictKind.ACCEPTED,
        Effect.UNDO,
        message=f"{sku}: took back {unit.units}, {left}{of}",
        line_id=unit.line_id,
        units=unit.units,
        lot=unit.lot,
        serial=unit.serial,
        undo_ref=unit.scan_ref,
    )
