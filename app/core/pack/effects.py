"""What a pack decision asks of the station: its verdict, its effect, and what it concerns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.overrides import PendingOverride
from app.core.pack.labels import ParcelLabel
from app.core.pack.session import OrderCandidate, PackLine
from app.core.scans import Fact, Note, Reason, VerdictKind
from app.core.station import StationUser


class Effect(StrEnum):
    """What the station service must do to the stored state after a decision.

    Each has one handler in the station service's table
    (`app.services.station.pack.HANDLERS`); a test holds the two together.
    """

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
    #: The station's claim was taken over: it lets go of the pack (a refusal's only change).
    FORGET_CLAIM = "forget_claim"
    #: A wrong PIN for a supervising badge: the failure is kept (it counts towards a lock).
    PIN_FAILED = "pin_failed"
    #: An override starts, goes on to its next step, or is cancelled (`Decision.override`:
    #: the override under way afterwards, None once cancelled).
    OVERRIDE = "override"
    #: A supervisor lifted the station's lock-out.
    UNLOCK = "unlock"
    #: The pack completes short; the missing units go to a backorder order.
    SHORT_SHIP = "short_ship"
    #: The order another station holds is taken over here.
    TAKE_OVER = "take_over"
    #: The override's new code is registered to the product scanned.
    ADD_CODE = "add_code"
    #: A cart (its wave) brought to the bench: its slot labels open their orders.
    SET_CART = "set_cart"


#: Effects that change the held pack: each is fenced by the station's lease token.
PACK_EFFECTS = frozenset(
    {
        Effect.COUNT,
        Effect.UNDO,
        Effect.CONFIRM_CARD,
        Effect.COMPLETE,
        Effect.CANCEL,
        Effect.NEW_CARTON,
        Effect.SHORT_SHIP,
    }
)


#: Effects after which the station has another user or no longer holds its pack: with no
#: pack held, its recent-scans list begins at the newest scan of these.
NEW_LIST = frozenset(
    {
        Effect.LOGIN,
        Effect.LOGOUT,
        Effect.COMPLETE,
        Effect.SHORT_SHIP,
        Effect.CANCEL,
        Effect.FORGET_CLAIM,
    }
)


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a scan cannot be counted."""

    reason: Reason
    message: str
    #: What Kenpin knows about it, for the screen (keys from `Fact`).
    facts: Mapping[Fact, str] = field(default_factory=dict)


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
    #: False when `lot` was taken from the reservation (`lot_check` confirm), not read
    #: from the unit's code.
    lot_read: bool = True
    serial: str | None = None
    #: For UNDO: the scan_ref of the PackedUnit taken back.
    undo_ref: int | None = None
    #: For LOGIN and LOGOUT: the user; for OPEN_ORDER: the order.
    user: StationUser | None = None
    order: OrderCandidate | None = None
    #: For a label scan: the parcel the label belongs to.
    label: ParcelLabel | None = None
    #: What a verdict that is not a refusal says (the screen words it); None for refusals.
    note: Note | None = None
    #: Names and numbers the screen's sentence needs (keys from `Fact`).
    facts: Mapping[Fact, str] = field(default_factory=dict)
    #: For OVERRIDE: the override under way afterwards (None: it ended).
    override: PendingOverride | None = None
    #: For an override's steps and UNLOCK: the supervisor who approved.
    supervisor: StationUser | None = None


def refused(refusal: Refusal, effect: Effect = Effect.NONE) -> Decision:
    """The decision of a refusal (which changes nothing but, at most, the station's claim)."""
    return Decision(
        VerdictKind.REJECTED, effect, refusal.reason, refusal.message, facts=refusal.facts
    )


def info(
    message: str,
    note: Note,
    facts: Mapping[Fact, str] | None = None,
    effect: Effect = Effect.NONE,
) -> Decision:
    """A decision that counts nothing (`info` in the scan protocol), with what it says."""
    return Decision(VerdictKind.INFO, effect, message=message, note=note, facts=facts or {})


def item(line: PackLine) -> str:
    """A line's product as the packer reads it: its name and variant ("Tシャツ 赤 / M")."""
    return f"{line.name} {line.variant}".strip()


def line_facts(line: PackLine) -> dict[Fact, str]:
    """What a verdict about one order line names: its SKU and its product."""
    return {Fact.SKU: line.sku, Fact.ITEM: item(line)}
