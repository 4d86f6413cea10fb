"""The scan protocol's vocabulary: kinds of codes, command codes, verdicts and reasons.

Spelled exactly as INTERFACES.md prints them; `kenpin replay` writes these
values and supervisors read them in the mismatch log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class ScanKind(StrEnum):
    """What a scanned code is."""

    BADGE = "badge"
    ORDER = "order"
    PRODUCT = "product"
    LOCATION = "location"
    LABEL = "label"
    COMMAND = "command"
    #: Picking and its hand-over (`app.core.containers`): a wave's pick list, a tote, a
    #: cart slot, known by their look.
    WAVE = "wave"
    TOTE = "tote"
    SLOT = "slot"
    UNKNOWN = "unknown"


#: What the scan log, the mismatch log, the screen and replay's output say for a badge scan:
#: a badge is a credential, never written down.
BADGE_RECORDED = "[badge]"


class Command(StrEnum):
    """The command codes printed on the station's command sheet."""

    COMPLETE = "KCMD:COMPLETE"
    UNDO = "KCMD:UNDO"
    CANCEL = "KCMD:CANCEL"
    CARD = "KCMD:CARD"
    REPRINT = "KCMD:REPRINT"
    NEWCARTON = "KCMD:NEWCARTON"
    LOGOUT = "KCMD:LOGOUT"
    #: Supervisor overrides (`app.core.overrides`): each asks for a supervisor's badge.
    SHORT = "KCMD:SHORT"
    TAKEOVER = "KCMD:TAKEOVER"
    ALIAS = "KCMD:ALIAS"
    #: Why a pack ships short, scanned after the supervisor's badge.
    REASON_DAMAGED = "KCMD:REASON:DAMAGED"
    REASON_OUT_OF_STOCK = "KCMD:REASON:OUT_OF_STOCK"
    REASON_CUSTOMER_REQUEST = "KCMD:REASON:CUSTOMER_REQUEST"
    REASON_OTHER = "KCMD:REASON:OTHER"
    #: Picking: the units taken at this bin so far are all there is.
    SHORTPICK = "KCMD:SHORTPICK"


class VerdictKind(StrEnum):
    """`accepted` counted something, `rejected` refused it, `info` changed no count."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    INFO = "info"


class Reason(StrEnum):
    """Why a scan was refused."""

    NOT_LOGGED_IN = "not_logged_in"
    UNKNOWN_BARCODE = "unknown_barcode"
    NO_OPEN_PACK = "no_open_pack"
    ORDER_NOT_PACKABLE = "order_not_packable"
    ORDER_LOCKED = "order_locked"
    NOT_ON_ORDER = "not_on_order"
    OVER_QUANTITY = "over_quantity"
    WRONG_LOT = "wrong_lot"
    EXPIRED = "expired"
    PACK_INCOMPLETE = "pack_incomplete"
    CARD_NOT_CONFIRMED = "card_not_confirmed"
    LABEL_PENDING = "label_pending"
    LABEL_MISMATCH = "label_mismatch"
    LABEL_VOIDED = "label_voided"
    NO_TRACKING_NUMBER = "no_tracking_number"
    #: The database could not record the scan: nothing changed, the packer scans again.
    DATABASE_UNAVAILABLE = "database_unavailable"
    #: An order scanned while another order's pack is open at the station.
    PACK_OPEN = "pack_open"
    #: `KCMD:CARD` on an order without a gift message.
    NO_CARD = "no_card"
    #: A plain JAN of a lot product whose lot must be read from the unit (`lot_check` gs1).
    LOT_REQUIRED = "lot_required"
    #: A key burst that looked like a scan but broke the scanner's rules (gap, minimum length).
    UNREADABLE = "unreadable"
    #: COMPLETE or NEWCARTON while the label's sender (the shop's name, address...) is not set.
    SHOP_NOT_SET = "shop_not_set"
    #: A supervisor's or admin's badge with a wrong PIN.
    WRONG_PIN = "wrong_pin"
    #: A badge locked after too many wrong PINs, until its lock runs out.
    BADGE_LOCKED = "badge_locked"
    #: The station is locked after too many refused product scans in a row: a supervisor
    #: signs in at it (badge and PIN), then the packer carries on.
    SUPERVISOR_REQUIRED = "supervisor_required"
    #: A packer's badge offered where a supervisor's is needed (an override, a lock-out).
    NOT_AUTHORISED = "not_authorised"
    #: A scan that is not what the override under way waits for (its reason, the order to
    #: take over, the new code or the product's known code); `KCMD:CANCEL` leaves it.
    OVERRIDE_PENDING = "override_pending"
    #: Picking (`app.core.pick`): a bin that is not the instruction's, or a unit scanned
    #: before its bin.
    WRONG_BIN = "wrong_bin"
    #: Picking: a product that is not the one the instruction names.
    NOT_ON_PICK = "not_on_pick"
    #: Picking onto a cart: a slot label that is not the unit's order's slot.
    WRONG_SLOT = "wrong_slot"
    #: Picking: a wave or order scanned while another pick is open at the station.
    PICK_OPEN = "pick_open"
    #: Picking: `KCMD:SHORTPICK` said the bin holds fewer units than reserved. Not a
    #: refusal: the scan is recorded with it and goes into the mismatch log, so a
    #: supervisor reviews the short pick and has the bin counted.
    SHORT_PICK = "short_pick"
    #: Picking one order: a tote that holds another order still being picked or packed.
    TOTE_IN_USE = "tote_in_use"
    #: Picking one order: a bin or unit scanned before the tote the units go in.
    TOTE_REQUIRED = "tote_required"
    #: Packing: a tote or cart slot scanned that holds no order to pack.
    TOTE_EMPTY = "tote_empty"
    #: Packing: a cart slot scanned before the cart's wave (the pick list's `W-…`).
    CART_UNKNOWN = "cart_unknown"
    #: The dock (`app.core.dock`): a parcel whose label was not scanned back at the bench.
    NOT_VERIFIED = "not_verified"
    #: The dock: a parcel loaded already, or gone on a closed manifest.
    ALREADY_LOADED = "already_loaded"
    #: The dock: a parcel of another carrier than the truck being loaded.
    WRONG_CARRIER = "wrong_carrier"


class Note(StrEnum):
    """What an accepted or `info` verdict says, for the screen to word in its language.

    The rules set one on every decision that is not a refusal (a refusal is
    worded from its `Reason`); `Decision.facts` carries the names and numbers
    the sentence needs (keys from `Fact`).
    """

    LOGGED_IN = "logged_in"
    LOGGED_OUT = "logged_out"
    #: A supervisor's or admin's badge scanned without its PIN: the PIN is asked for.
    PIN_NEEDED = "pin_needed"
    ORDER_OPENED = "order_opened"
    ORDER_RESUMED = "order_resumed"
    #: The open order scanned again: shown, nothing changed.
    ORDER_SHOWN = "order_shown"
    COUNTED = "counted"
    TOOK_BACK = "took_back"
    NOTHING_TO_UNDO = "nothing_to_undo"
    CARD_CONFIRMED = "card_confirmed"
    CARD_ALREADY_CONFIRMED = "card_already_confirmed"
    LEFT_FOR_LATER = "left_for_later"
    PACK_COMPLETED = "pack_completed"
    CARTON_CLOSED = "carton_closed"
    CARTON_EMPTY = "carton_empty"
    NO_LABELS_HERE = "no_labels_here"
    REPRINTING = "reprinting"
    NOTHING_TO_REPRINT = "nothing_to_reprint"
    LABEL_VERIFIED = "label_verified"
    #: A label scanned with none awaited: already verified, or not verified yet.
    LABEL_ALREADY_VERIFIED = "label_already_verified"
    LABEL_NOT_VERIFIED = "label_not_verified"
    NO_SUCH_LABEL = "no_such_label"
    LOCATION_NOT_PACKED = "location_not_packed"
    #: An override asked for (`KCMD:SHORT`, `KCMD:TAKEOVER`, `KCMD:ALIAS`): a supervisor's
    #: badge is awaited.
    SUPERVISOR_ASKED = "supervisor_asked"
    #: The supervisor approved the override: its next step is awaited (`Fact.STEP`).
    OVERRIDE_APPROVED = "override_approved"
    #: A supervisor lifted the station's lock-out.
    LOCK_LIFTED = "lock_lifted"
    #: The pack completed short; the missing units went to a backorder order.
    SHIPPED_SHORT = "shipped_short"
    #: An order another station held was taken over here.
    TAKEN_OVER = "taken_over"
    #: The new code of `KCMD:ALIAS` was read: the product's known code is awaited.
    NEW_CODE_READ = "new_code_read"
    #: The new code was registered to the product.
    CODE_ADDED = "code_added"
    #: `KCMD:CANCEL` during an override: it was left, nothing changed.
    OVERRIDE_CANCELLED = "override_cancelled"
    #: A reason code scanned with no short ship asking for one.
    NO_OVERRIDE = "no_override"
    #: Picking (`app.core.pick`): a wave (or order) opened, its first bin named.
    PICK_OPENED = "pick_opened"
    #: The instruction's bin scanned: its units may be taken.
    AT_BIN = "at_bin"
    #: A unit taken (on a cart: its slot is asked for next).
    PICKED = "picked"
    #: A unit put into its order's cart slot.
    SLOTTED = "slotted"
    #: Every line picked (or shorted): the pick is done.
    PICK_DONE = "pick_done"
    #: `KCMD:SHORTPICK`: the bin held no more; the rest of the line is short.
    SHORT_PICKED = "short_picked"
    #: Picking one order: the tote its units go in was scanned.
    TOTE_TAKEN = "tote_taken"
    #: Packing: a cart's wave scanned; its slots open their orders now.
    CART_AT_BENCH = "cart_at_bench"
    #: The dock: a parcel loaded onto the truck.
    LOADED = "loaded"
    #: The dock: `KCMD:UNDO` took the last parcel loaded off the truck again.
    UNLOADED = "unloaded"
    #: The dock: `KCMD:CANCEL` ended the truck; the next parcel may be another carrier's.
    TRUCK_ENDED = "truck_ended"


class Fact(StrEnum):
    """Keys of `Decision.facts`: what Kenpin knows about a scan, for the screen's sentence.

    Values are plain text, ready to show (numbers as digits, dates as
    YYYY-MM-DD); a key is present only when the verdict concerns it.
    """

    #: The order scanned, opened, or a label belongs to.
    ORDER = "order"
    #: The order open at the station (for `pack_open`: the one still open).
    OPEN_ORDER = "open_order"
    #: The scanned product: name and variant ("Tシャツ 赤 / M"), and its SKU.
    ITEM = "item"
    SKU = "sku"
    #: What the order expects instead: "name variant" of the line(s) still needed.
    EXPECTED = "expected"
    #: Lines still short, with how many: "SKU-1 ×2, SKU-2 ×1".
    SHORT = "short"
    #: Units on the line after the scan, and ordered.
    PACKED = "packed"
    ORDERED = "ordered"
    #: Units in a case scanned.
    UNITS = "units"
    #: The station holding an order.
    HOLDER = "holder"
    #: The lot read from the unit, and the lot(s) reserved for the line ("L1 2027-03-31").
    LOT = "lot"
    RESERVED_LOT = "reserved_lot"
    EXPIRY = "expiry"
    #: The product's minimum shelf life in days.
    DAYS = "days"
    TRACKING = "tracking"
    CARTON = "carton"
    CARRIER = "carrier"
    #: The badge's user.
    USER = "user"
    #: The shop settings not set: "shop.name, shop.phone".
    SETTINGS = "settings"
    #: Until when a badge is locked (Japan time, "2026-12-01 16:05").
    UNTIL = "until"
    #: The supervisor who approved an override.
    SUPERVISOR = "supervisor"
    #: The override under way (`short`, `takeover`, `alias`) and what it waits for next.
    OVERRIDE = "override"
    STEP = "step"
    #: A short ship's reason code (`DAMAGED`, ...).
    REASON = "reason"
    #: A code registered by `KCMD:ALIAS`.
    CODE = "code"
    #: Refused product scans in a row that locked the station.
    STREAK = "streak"
    #: Picking: the wave (or order) picked, the instruction's bin, a cart slot.
    WAVE = "wave"
    BIN = "bin"
    SLOT = "slot"
    #: The tote an order's units go in (`TOTE-0042`).
    TOTE = "tote"
    #: An order's status where it decides (`order_not_packable`: `picking`, `allocated`...).
    STATUS = "status"


class LotCheck(StrEnum):
    """How a lot product's unit proves its lot at the bench (`lot_check` in the products CSV).

    `gs1`: the unit's GS1 code must carry `(10)`; a plain JAN is refused
    `lot_required`. `confirm`: a plain JAN is accepted and recorded with the
    reserved lot, marked as not read from the unit; a GS1 code with a lot is
    still checked against the reservation.
    """

    GS1 = "gs1"
    CONFIRM = "confirm"


@dataclass(frozen=True, slots=True)
class ProductCode:
    """A product scan's content: which product, how many units, and what GS1 data came with it."""

    product_id: int
    units: int = 1
    gtin: str | None = None
    lot: str | None = None
    expiry: dt.date | None = None
    serial: str | None = None
    #: The product's SKU and "name variant", as registered: a refusal names the product
    #: scanned even when it is on no line of the open order.
    sku: str = ""
    item: str = ""


def item_name(name: str, variant: str) -> str:
    """A product as a refusal names it: its name and variant ("Tシャツ 赤 / M")."""
    return f"{name} {variant}".strip()


@dataclass(frozen=True, slots=True)
class Scan:
    """One scan as its source read it, normalised once, there.

    `code` is the normalised text (terminator trimmed, full-width folded,
    AIM prefix taken off, GS1 separator restored); `symbology` the AIM
    identifier the scanner sent, if any; `full_width` says full-width
    characters were folded (the packer should switch the IME off). `sent`
    is what a recorded scan file held, when it differs from `code`.
    `typed` marks a code keyed in by hand; `unreadable` a burst that was not
    read as a scan (the packer scans again).
    """

    code: str
    symbology: str | None = None
    full_width: bool = False
    sent: str | None = None
    #: Typed by hand (the F2 field, `"typed": true` in a replay line), not scanned.
    typed: bool = False
    #: A key burst that looked like a scan but broke the scanner's rules: refused `unreadable`.
    unreadable: bool = False

    @property
    def raw(self) -> str:
        """The scan as recorded and shown: what the file held, else the code."""
        return self.sent if self.sent is not None else self.code


@dataclass(frozen=True, slots=True)
class ClassifiedScan:
    """A scan and what it turned out to be.

    `product` is set for product scans, `command` for command scans.
    """

    scan: Scan
    kind: ScanKind
    product: ProductCode | None = None
    command: Command | None = None

    @property
    def code(self) -> str:
        """The normalised code."""
        return self.scan.code
