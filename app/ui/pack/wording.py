"""What a verdict says, in the packer's language: a refusal worded from its `Reason` and
facts, an accepted or `info` verdict from its `Note` and facts.

Every sentence goes through Qt's translation; a fact that is missing (an older
record, a retried scan) leaves out the clause it would fill rather than the
whole verdict. The station's English `message` never reaches the screen here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from app.core.label import tracking_display
from app.core.scans import Fact, Note, Reason
from app.ui.orders.model import carrier_label

translate = QCoreApplication.translate

Facts = Mapping[Fact, str]
#: A headline and a sentence under it ("" when there is nothing more to say).
Words = tuple[str, str]


def reason_sentence(reason: Reason) -> str:
    """The refusal `reason` as a sentence a packer understands at a glance, translated."""
    return _REASON_SENTENCES[reason]()


def reason_label(reason: Reason) -> str:
    """The refusal `reason` in a few words, for the recent-scans list and the headline."""
    return _REASON_LABELS[reason]()


_REASON_SENTENCES: dict[Reason, Callable[[], str]] = {
    Reason.NOT_LOGGED_IN: lambda: translate(
        "Reason", "Nobody is logged in: scan your badge first."
    ),
    Reason.UNKNOWN_BARCODE: lambda: translate(
        "Reason", "Unknown barcode: not a product, order, badge or command code Kenpin knows."
    ),
    Reason.NO_OPEN_PACK: lambda: translate(
        "Reason", "No order is open: scan the order number on the pick list first."
    ),
    Reason.ORDER_NOT_PACKABLE: lambda: translate(
        "Reason",
        "This order cannot be packed: not allocated, on hold, cancelled or already packed.",
    ),
    Reason.ORDER_LOCKED: lambda: translate(
        "Reason", "This order is open at another station. Finish or cancel it there first."
    ),
    Reason.NOT_ON_ORDER: lambda: translate(
        "Reason", "This item is not on the order. Take it out of the box."
    ),
    Reason.OVER_QUANTITY: lambda: translate(
        "Reason",
        "Too many: the order does not need this unit (or case). Take it out of the box.",
    ),
    Reason.WRONG_LOT: lambda: translate(
        "Reason",
        "Wrong lot: this lot is not the one reserved for the order. Take another unit.",
    ),
    Reason.EXPIRED: lambda: translate(
        "Reason", "Expired, or too close to its expiry date for this order. Set this unit aside."
    ),
    Reason.PACK_INCOMPLETE: lambda: translate(
        "Reason", "Not finished: some lines still need units before the pack can be completed."
    ),
    Reason.CARD_NOT_CONFIRMED: lambda: translate(
        "Reason", "Gift order: put the message card in the box and scan CARD before completing."
    ),
    Reason.LABEL_PENDING: lambda: translate(
        "Reason",
        "The last parcel's label has not been scanned back yet. Scan that label first.",
    ),
    Reason.LABEL_MISMATCH: lambda: translate(
        "Reason", "Wrong label: this is not the label of the parcel in front of you."
    ),
    Reason.LABEL_VOIDED: lambda: translate(
        "Reason", "This label was voided and replaced. Use the new label."
    ),
    Reason.NO_TRACKING_NUMBER: lambda: translate(
        "Reason",
        "No tracking number left for this carrier: the pack stays open. Ask a supervisor to "
        "register a block or import the carrier's numbers, then scan COMPLETE again.",
    ),
    Reason.DATABASE_UNAVAILABLE: lambda: translate(
        "Reason",
        "The database is unavailable: nothing was recorded. Scan it again; if it keeps "
        "failing, call a supervisor.",
    ),
    Reason.PACK_OPEN: lambda: translate(
        "Reason", "Another order is still open: scan COMPLETE, or LEAVE FOR LATER, first."
    ),
    Reason.NO_CARD: lambda: translate(
        "Reason", "This order has no gift message: no card goes in the box."
    ),
    Reason.LOT_REQUIRED: lambda: translate(
        "Reason", "Scan the GS1 code with the lot on this unit."
    ),
    Reason.UNREADABLE: lambda: translate(
        "Reason", "The scanner's keys did not read as a whole barcode: scan again."
    ),
    Reason.SHOP_NOT_SET: lambda: translate(
        "Reason",
        "The shop's name and address for the label are not set: the pack stays open. Ask an "
        "admin to set them on the Shop settings page (or kenpin settings set shop.name …), "
        "then scan COMPLETE again.",
    ),
    Reason.WRONG_PIN: lambda: translate(
        "Reason", "Wrong PIN: nobody signed in. Scan the badge and type the PIN again."
    ),
    Reason.BADGE_LOCKED: lambda: translate(
        "Reason",
        "This badge is locked after too many wrong PINs. Wait until the lock ends, or ask "
        "another supervisor.",
    ),
    Reason.SUPERVISOR_REQUIRED: lambda: translate(
        "Reason",
        "Too many wrong scans in a row: the station is locked. Call a supervisor to scan "
        "their badge here.",
    ),
    Reason.NOT_AUTHORISED: lambda: translate(
        "Reason", "Only a supervisor's badge can approve this. Call a supervisor."
    ),
    Reason.OVERRIDE_PENDING: lambda: translate(
        "Reason", "An override is under way: scan what it asks for, or CANCEL to go back."
    ),
    Reason.WRONG_BIN: lambda: translate(
        "Reason", "Wrong bin: go to the bin the screen shows and scan its label first."
    ),
    Reason.NOT_ON_PICK: lambda: translate(
        "Reason", "Not the product to pick here: put it back and take the one shown."
    ),
    Reason.WRONG_SLOT: lambda: translate(
        "Reason", "Wrong slot: put the unit in its order's slot and scan that slot's label."
    ),
    Reason.PICK_OPEN: lambda: translate(
        "Reason", "Another pick is still open here: finish it before starting a new one."
    ),
    Reason.SHORT_PICK: lambda: translate(
        "Reason", "Short pick: the bin held fewer units than reserved. Have the bin counted."
    ),
    Reason.TOTE_IN_USE: lambda: translate(
        "Reason", "This tote holds another order: take an empty tote and scan its label."
    ),
    Reason.TOTE_REQUIRED: lambda: translate(
        "Reason", "Scan a tote label first: this order's units go into a tote."
    ),
    Reason.TOTE_EMPTY: lambda: translate(
        "Reason", "No order waits in this tote or slot: scan the order number instead."
    ),
    Reason.CART_UNKNOWN: lambda: translate(
        "Reason",
        "Which cart? Scan the wave number (W-…) on the cart's pick list first, then its slots.",
    ),
    Reason.NOT_VERIFIED: lambda: translate(
        "Reason", "This parcel's label was never scanned back at the pack bench. Take it back."
    ),
    Reason.ALREADY_LOADED: lambda: translate(
        "Reason", "This parcel is on a truck already. Do not load it twice."
    ),
    Reason.WRONG_CARRIER: lambda: translate(
        "Reason", "This parcel goes with another carrier. Put it with that carrier's parcels."
    ),
}

_REASON_LABELS: dict[Reason, Callable[[], str]] = {
    Reason.NOT_LOGGED_IN: lambda: translate("ReasonLabel", "Not logged in"),
    Reason.UNKNOWN_BARCODE: lambda: translate("ReasonLabel", "Unknown barcode"),
    Reason.NO_OPEN_PACK: lambda: translate("ReasonLabel", "No order open"),
    Reason.ORDER_NOT_PACKABLE: lambda: translate("ReasonLabel", "Order not packable"),
    Reason.ORDER_LOCKED: lambda: translate("ReasonLabel", "Open at another station"),
    Reason.NOT_ON_ORDER: lambda: translate("ReasonLabel", "Not on the order"),
    Reason.OVER_QUANTITY: lambda: translate("ReasonLabel", "Too many"),
    Reason.WRONG_LOT: lambda: translate("ReasonLabel", "Wrong lot"),
    Reason.EXPIRED: lambda: translate("ReasonLabel", "Expired"),
    Reason.PACK_INCOMPLETE: lambda: translate("ReasonLabel", "Pack not finished"),
    Reason.CARD_NOT_CONFIRMED: lambda: translate("ReasonLabel", "Card not confirmed"),
    Reason.LABEL_PENDING: lambda: translate("ReasonLabel", "Label not scanned back"),
    Reason.LABEL_MISMATCH: lambda: translate("ReasonLabel", "Wrong label"),
    Reason.LABEL_VOIDED: lambda: translate("ReasonLabel", "Voided label"),
    Reason.NO_TRACKING_NUMBER: lambda: translate("ReasonLabel", "No tracking number"),
    Reason.DATABASE_UNAVAILABLE: lambda: translate("ReasonLabel", "Database unavailable"),
    Reason.PACK_OPEN: lambda: translate("ReasonLabel", "Another order is open"),
    Reason.NO_CARD: lambda: translate("ReasonLabel", "No card on this order"),
    Reason.LOT_REQUIRED: lambda: translate("ReasonLabel", "Lot not read"),
    Reason.UNREADABLE: lambda: translate("ReasonLabel", "Scan not read"),
    Reason.SHOP_NOT_SET: lambda: translate("ReasonLabel", "Shop not set"),
    Reason.WRONG_PIN: lambda: translate("ReasonLabel", "Wrong PIN"),
    Reason.BADGE_LOCKED: lambda: translate("ReasonLabel", "Badge locked"),
    Reason.SUPERVISOR_REQUIRED: lambda: translate("ReasonLabel", "Supervisor needed"),
    Reason.NOT_AUTHORISED: lambda: translate("ReasonLabel", "Not a supervisor"),
    Reason.OVERRIDE_PENDING: lambda: translate("ReasonLabel", "Override waiting"),
    Reason.WRONG_BIN: lambda: translate("ReasonLabel", "Wrong bin"),
    Reason.NOT_ON_PICK: lambda: translate("ReasonLabel", "Not this product"),
    Reason.WRONG_SLOT: lambda: translate("ReasonLabel", "Wrong slot"),
    Reason.PICK_OPEN: lambda: translate("ReasonLabel", "Another pick is open"),
    Reason.SHORT_PICK: lambda: translate("ReasonLabel", "Short pick: count the bin"),
    Reason.TOTE_IN_USE: lambda: translate("ReasonLabel", "Tote in use"),
    Reason.TOTE_REQUIRED: lambda: translate("ReasonLabel", "Tote first"),
    Reason.TOTE_EMPTY: lambda: translate("ReasonLabel", "Nothing to pack in it"),
    Reason.CART_UNKNOWN: lambda: translate("ReasonLabel", "Cart not scanned"),
    Reason.NOT_VERIFIED: lambda: translate("ReasonLabel", "Label not scanned back"),
    Reason.ALREADY_LOADED: lambda: translate("ReasonLabel", "Loaded already"),
    Reason.WRONG_CARRIER: lambda: translate("ReasonLabel", "Wrong carrier"),
}


# Refusals -------------------------------------------------------------------------------


def refusal_words(reason: Reason, facts: Facts) -> Words:
    """A refusal's headline and sentence: what Kenpin knows (`facts`) when it knows it,
    else the reason's general sentence."""
    worded = _REFUSALS.get(reason)
    detail = worded(facts) if worded is not None else ""
    return _REFUSAL_HEADLINES.get(reason, reason_label)(reason), detail or reason_sentence(reason)


def _headline_unreadable(_reason: Reason) -> str:
    return translate("Refusal", "Scan not read: scan again")


def _headline_expired(_reason: Reason) -> str:
    return translate("Refusal", "Expired: set this unit aside")


_REFUSAL_HEADLINES: dict[Reason, Callable[[Reason], str]] = {
    Reason.UNREADABLE: _headline_unreadable,
    Reason.EXPIRED: _headline_expired,
}


def _not_on_order(facts: Facts) -> str:
    item, expected = facts.get(Fact.ITEM), facts.get(Fact.EXPECTED)
    if item and expected:
        return translate(
            "Refusal", "Scanned {0}, but the order needs {1}. Take it out of the box."
        ).format(item, expected)
    if item:
        return translate("Refusal", "{0} is not on this order. Take it out of the box.").format(
            item
        )
    return ""


def _over_quantity(facts: Facts) -> str:
    item, ordered = facts.get(Fact.ITEM), facts.get(Fact.ORDERED)
    if item and ordered:
        return translate(
            "Refusal", "{0}: all {1} ordered are in the box already. Take this one out."
        ).format(item, ordered)
    return ""


def _lot(facts: Facts) -> str:
    lot, reserved = facts.get(Fact.LOT), facts.get(Fact.RESERVED_LOT)
    if lot and reserved:
        return translate(
            "Refusal", "This unit is lot {0}; the order has lot {1}. Take a unit of lot {1}."
        ).format(lot, reserved)
    if reserved:
        return translate("Refusal", "The order has lot {0}. Take a unit of lot {0}.").format(
            reserved
        )
    return ""


def _lot_required(facts: Facts) -> str:
    reserved = facts.get(Fact.RESERVED_LOT)
    if reserved:
        return translate(
            "Refusal", "Scan the GS1 code with the lot on this unit (the order has lot {0})."
        ).format(reserved)
    return ""


def _expired(facts: Facts) -> str:
    expiry, days = facts.get(Fact.EXPIRY), facts.get(Fact.DAYS)
    # No shelf life asked for ("0" days): the unit is simply past its date.
    if expiry and days and days != "0":
        return translate(
            "Refusal", "Use by {0}: this order needs {1} days or more left. Take another unit."
        ).format(expiry, days)
    if expiry:
        return translate("Refusal", "Use by {0}: past. Take another unit.").format(expiry)
    return ""


def _short(facts: Facts) -> str:
    short = facts.get(Fact.SHORT)
    if short:
        return translate("Refusal", "Still missing: {0}. Scan them, then COMPLETE.").format(short)
    return ""


def _label_mismatch(facts: Facts) -> str:
    order = facts.get(Fact.ORDER)
    if order:
        return translate(
            "Refusal", "This is the label of order {0}, not of the box in front of you."
        ).format(order)
    return ""


def _label_voided(facts: Facts) -> str:
    order = facts.get(Fact.ORDER)
    if order:
        return translate(
            "Refusal", "This label of order {0} was voided and replaced. Use the new label."
        ).format(order)
    return ""


def _order_locked(facts: Facts) -> str:
    order, holder, wave = facts.get(Fact.ORDER), facts.get(Fact.HOLDER), facts.get(Fact.WAVE)
    if holder and wave:
        return translate(
            "Refusal", "{0} is being picked at station {1}. Scan another wave."
        ).format(wave, holder)
    if holder:
        return translate(
            "Refusal", "Order {0} is open at station {1}. Finish it or leave it for later there."
        ).format(order or "", holder)
    return ""


def _pack_open(facts: Facts) -> str:
    open_order = facts.get(Fact.OPEN_ORDER)
    if open_order:
        return translate(
            "Refusal", "{0} is still open: scan COMPLETE, or LEAVE FOR LATER, first."
        ).format(open_order)
    return ""


def _no_card(facts: Facts) -> str:
    order = facts.get(Fact.ORDER) or facts.get(Fact.OPEN_ORDER)
    if order:
        return translate(
            "Refusal", "Order {0} has no gift message: no card goes in the box."
        ).format(order)
    return ""


def _not_verified(facts: Facts) -> str:
    order = facts.get(Fact.ORDER)
    if order:
        return translate(
            "Refusal",
            "Order {0}'s label was never scanned back at the pack bench. Take the parcel back "
            "to packing.",
        ).format(order)
    return ""


def _already_loaded(facts: Facts) -> str:
    order, holder = facts.get(Fact.ORDER), facts.get(Fact.HOLDER)
    if order and holder:
        return translate(
            "Refusal", "Order {0}'s parcel was loaded at {1} already. Do not load it twice."
        ).format(order, holder)
    if order:
        return translate(
            "Refusal", "Order {0}'s parcel has left on a closed manifest. Set it aside."
        ).format(order)
    return ""


def _wrong_carrier(facts: Facts) -> str:
    carrier, truck = facts.get(Fact.CARRIER), facts.get(Fact.EXPECTED)
    if carrier and truck:
        return translate(
            "Refusal", "This parcel goes with {0}; this is {1}'s truck. Put it with {0}."
        ).format(carrier_label(carrier), carrier_label(truck))
    return ""


def _label_pending(facts: Facts) -> str:
    order = facts.get(Fact.OPEN_ORDER) or facts.get(Fact.ORDER)
    if order:
        return translate(
            "Refusal", "The label of order {0} is not scanned back yet. Scan it first."
        ).format(order)
    return ""


def _not_packable(facts: Facts) -> str:
    order, status, wave = facts.get(Fact.ORDER), facts.get(Fact.STATUS), facts.get(Fact.WAVE)
    if wave:
        return translate(
            "Refusal", "{0} cannot be picked now: released, already picked or not allocated."
        ).format(wave)
    if order and status == "allocated":
        return translate(
            "Refusal",
            "Order {0} is not picked yet: this shop packs picked orders only. Have it picked "
            "by scan first.",
        ).format(order)
    if order and status == "picking":
        return translate(
            "Refusal", "Order {0} is still being picked: pack it once its pick is done."
        ).format(order)
    if order:
        return translate(
            "Refusal",
            "Order {0} cannot be packed: not allocated, on hold, cancelled or already packed.",
        ).format(order)
    return ""


def _no_tracking(facts: Facts) -> str:
    carrier = facts.get(Fact.CARRIER)
    if carrier:
        return translate(
            "Refusal",
            "No tracking number left for {0}: the pack stays open. Ask a supervisor to add "
            "numbers, then scan COMPLETE again.",
        ).format(carrier)
    return ""


def _shop_not_set(facts: Facts) -> str:
    missing = facts.get(Fact.SETTINGS)
    if missing:
        return translate(
            "Refusal",
            "The label's sender is not set ({0}): the pack stays open. Ask an admin to set it "
            "on the Shop settings page (or kenpin settings set), then scan COMPLETE again.",
        ).format(missing)
    return ""


def _short_pick(facts: Facts) -> str:
    where, item, short = facts.get(Fact.BIN), facts.get(Fact.ITEM), facts.get(Fact.SHORT)
    if where and item and short:
        return translate("Refusal", "{0} short by {1} at bin {2}: have bin {2} counted.").format(
            item, short, where
        )
    return ""


def _wrong_bin(facts: Facts) -> str:
    where, code = facts.get(Fact.BIN), facts.get(Fact.CODE)
    if where and code:
        return translate("Refusal", "{0} is not the bin: go to bin {1} and scan its label.").format(
            code, where
        )
    if where:
        return translate("Refusal", "Scan bin {0}'s label first, then the units.").format(where)
    return ""


def _not_on_pick(facts: Facts) -> str:
    item, expected = facts.get(Fact.ITEM), facts.get(Fact.EXPECTED)
    if item and expected:
        return translate(
            "Refusal", "Scanned {0}, but this instruction is {1}. Put it back, take {1}."
        ).format(item, expected)
    return ""


def _wrong_slot(facts: Facts) -> str:
    slot, order = facts.get(Fact.SLOT), facts.get(Fact.ORDER)
    tote, wave = facts.get(Fact.TOTE), facts.get(Fact.WAVE)
    if tote and wave:
        return translate(
            "Refusal", "{0} goes onto a cart: each unit into its order's slot, no tote."
        ).format(wave)
    if tote and order:
        return translate("Refusal", "Order {0}'s units go in {1}: keep picking into it.").format(
            order, tote
        )
    if slot and order:
        return translate(
            "Refusal", "The unit is for order {0}: put it in slot {1} and scan that slot's label."
        ).format(order, slot)
    return ""


def _pick_open(facts: Facts) -> str:
    open_wave = facts.get(Fact.OPEN_ORDER)
    if open_wave:
        return translate(
            "Refusal", "{0} is still being picked here: finish it before another."
        ).format(open_wave)
    return ""


def _wrong_pin(facts: Facts) -> str:
    until = facts.get(Fact.UNTIL)
    if until:
        return translate(
            "Refusal", "Wrong PIN for {0}: too many wrong PINs, the badge is locked until {1}."
        ).format(facts.get(Fact.USER, ""), until)
    user = facts.get(Fact.USER)
    if user:
        return translate(
            "Refusal", "Wrong PIN for {0}: nobody signed in. Scan the badge and try again."
        ).format(user)
    return ""


def _badge_locked(facts: Facts) -> str:
    until = facts.get(Fact.UNTIL)
    if until:
        return translate(
            "Refusal",
            "{0}'s badge is locked after too many wrong PINs until {1}; the right PIN too is "
            "refused until then.",
        ).format(facts.get(Fact.USER, ""), until)
    return ""


def _supervisor_required(facts: Facts) -> str:
    streak = facts.get(Fact.STREAK)
    if streak:
        return translate(
            "Refusal",
            "{0} wrong scans in a row: the station is locked. A supervisor scans their badge "
            "here (with the PIN), then you carry on.",
        ).format(streak)
    return ""


def _not_authorised(facts: Facts) -> str:
    user = facts.get(Fact.USER)
    if user:
        return translate(
            "Refusal", "{0} is not a supervisor: a supervisor must scan their own badge."
        ).format(user)
    return ""


def override_name(kind: str) -> str:
    """An override as the screen names it (`short`, `takeover`, `alias`)."""
    names = {
        "short": translate("Override", "Short ship"),
        "takeover": translate("Override", "Take over"),
        "alias": translate("Override", "New barcode"),
    }
    return names.get(kind, kind)


def step_instruction(step: str) -> str:
    """What an override's step waits for, as an instruction."""
    steps = {
        "supervisor": translate("Override", "A supervisor scans their badge (then the PIN)."),
        "reason": translate(
            "Override",
            "Scan the reason: DAMAGED, OUT OF STOCK, CUSTOMER REQUEST or OTHER "
            "(on the command sheet).",
        ),
        "order": translate("Override", "Scan the order to take over."),
        "new_code": translate("Override", "Scan the new barcode on the unit."),
        "known_code": translate(
            "Override", "Now scan a barcode Kenpin knows for this product (a shelf label)."
        ),
    }
    return steps.get(step, "")


def _override_pending(facts: Facts) -> str:
    kind, step = facts.get(Fact.OVERRIDE), facts.get(Fact.STEP)
    if kind and step:
        return translate("Refusal", "{0}: {1} CANCEL goes back.").format(
            override_name(kind), step_instruction(step)
        )
    return ""


def _tote_in_use(facts: Facts) -> str:
    tote, holder = facts.get(Fact.TOTE), facts.get(Fact.OPEN_ORDER)
    if tote and holder:
        return translate(
            "Refusal", "{0} holds order {1}: take an empty tote and scan its label."
        ).format(tote, holder)
    return ""


def _tote_required(facts: Facts) -> str:
    order = facts.get(Fact.ORDER)
    if order:
        return translate(
            "Refusal", "Order {0} goes into a tote: scan an empty tote's label (TOTE-…) first."
        ).format(order)
    return ""


def _tote_empty(facts: Facts) -> str:
    slot, wave, tote = facts.get(Fact.SLOT), facts.get(Fact.WAVE), facts.get(Fact.TOTE)
    if slot and wave:
        return translate(
            "Refusal", "{0} of cart {1} holds no order: scan the order number instead."
        ).format(slot, wave)
    if tote:
        return translate(
            "Refusal",
            "{0} holds no order to pack (its order is packed, or was never picked into it): "
            "scan the order number instead.",
        ).format(tote)
    return ""


_REFUSALS: dict[Reason, Callable[[Facts], str]] = {
    Reason.NOT_ON_ORDER: _not_on_order,
    Reason.OVER_QUANTITY: _over_quantity,
    Reason.WRONG_LOT: _lot,
    Reason.LOT_REQUIRED: _lot_required,
    Reason.EXPIRED: _expired,
    Reason.PACK_INCOMPLETE: _short,
    Reason.LABEL_MISMATCH: _label_mismatch,
    Reason.LABEL_VOIDED: _label_voided,
    Reason.ORDER_LOCKED: _order_locked,
    Reason.PACK_OPEN: _pack_open,
    Reason.NO_CARD: _no_card,
    Reason.LABEL_PENDING: _label_pending,
    Reason.ORDER_NOT_PACKABLE: _not_packable,
    Reason.NO_TRACKING_NUMBER: _no_tracking,
    Reason.SHOP_NOT_SET: _shop_not_set,
    Reason.WRONG_PIN: _wrong_pin,
    Reason.BADGE_LOCKED: _badge_locked,
    Reason.SUPERVISOR_REQUIRED: _supervisor_required,
    Reason.NOT_AUTHORISED: _not_authorised,
    Reason.OVERRIDE_PENDING: _override_pending,
    Reason.SHORT_PICK: _short_pick,
    Reason.TOTE_IN_USE: _tote_in_use,
    Reason.TOTE_REQUIRED: _tote_required,
    Reason.TOTE_EMPTY: _tote_empty,
    Reason.WRONG_BIN: _wrong_bin,
    Reason.NOT_ON_PICK: _not_on_pick,
    Reason.WRONG_SLOT: _wrong_slot,
    Reason.PICK_OPEN: _pick_open,
    Reason.NOT_VERIFIED: _not_verified,
    Reason.ALREADY_LOADED: _already_loaded,
    Reason.WRONG_CARRIER: _wrong_carrier,
}


# Accepted and info verdicts ---------------------------------------------------------------


def note_words(note: Note, facts: Facts) -> Words:
    """An accepted or `info` verdict's headline and sentence, from its note and facts."""
    return _NOTES[note](_Facts(facts))


class _Facts:
    """Facts read with a stand-in for what is missing (a sentence still reads)."""

    def __init__(self, facts: Facts) -> None:
        self._facts = facts

    def __getitem__(self, fact: Fact) -> str:
        return self._facts.get(fact) or "—"

    def has(self, fact: Fact) -> bool:
        return bool(self._facts.get(fact))


def _counted(f: _Facts) -> Words:
    if f.has(Fact.PACKED) and f.has(Fact.ORDERED):
        headline = translate("Note", "OK  {0} / {1}").format(f[Fact.PACKED], f[Fact.ORDERED])
    else:
        headline = translate("Note", "OK")
    if f.has(Fact.UNITS) and f[Fact.UNITS] != "1":
        return headline, translate("Note", "A case of {0}: {1}").format(f[Fact.UNITS], f[Fact.ITEM])
    return headline, f[Fact.ITEM] if f.has(Fact.ITEM) else ""


def _optional(f: _Facts, fact: Fact, sentence: Callable[[str], str]) -> str:
    return sentence(f[fact]) if f.has(fact) else ""


_NOTES: dict[Note, Callable[[_Facts], Words]] = {
    Note.LOGGED_IN: lambda f: (translate("Note", "Logged in: {0}").format(f[Fact.USER]), ""),
    Note.PIN_NEEDED: lambda f: (
        translate("Note", "PIN for {0}").format(f[Fact.USER]),
        translate("Note", "Type the PIN and press Enter (Esc cancels)."),
    ),
    Note.LOGGED_OUT: lambda f: (
        translate("Note", "Logged out"),
        translate("Note", "Scan a badge to log in."),
    ),
    Note.ORDER_OPENED: lambda f: (
        translate("Note", "Order {0} open").format(f[Fact.ORDER]),
        translate("Note", "Scan every item into the box."),
    ),
    Note.ORDER_RESUMED: lambda f: (
        translate("Note", "Order {0} resumed").format(f[Fact.ORDER]),
        translate("Note", "Carry on where it stopped: scan the remaining items."),
    ),
    Note.ORDER_SHOWN: lambda f: (
        translate("Note", "Order {0} is open").format(f[Fact.ORDER]),
        translate("Note", "It is already open here: nothing changed."),
    ),
    Note.COUNTED: _counted,
    Note.TOOK_BACK: lambda f: (
        translate("Note", "Undone"),
        _optional(f, Fact.ITEM, translate("Note", "Took back one unit of {0}.").format),
    ),
    Note.NOTHING_TO_UNDO: lambda f: (
        translate("Note", "Nothing to undo"),
        translate("Note", "Nothing is taken for this wave yet: nothing to put back.")
        if f.has(Fact.WAVE)
        else translate("Note", "No parcel loaded here to take off the truck.")
        if f.has(Fact.CARRIER)
        else translate("Note", "No unit in this carton to take back."),
    ),
    Note.CARD_CONFIRMED: lambda f: (
        translate("Note", "Message card confirmed"),
        translate("Note", "The card is in the box."),
    ),
    Note.CARD_ALREADY_CONFIRMED: lambda f: (
        translate("Note", "Card already confirmed"),
        translate("Note", "The card was confirmed before: nothing changed."),
    ),
    Note.LEFT_FOR_LATER: lambda f: (
        translate("Note", "Pack left for later"),
        translate("Note", "Order {0} is released; scan it again to carry on.").format(
            f[Fact.ORDER]
        ),
    ),
    Note.PACK_COMPLETED: lambda f: (
        translate("Note", "✔ Pack complete"),
        translate("Note", "Order {0}: every unit checked. Close the box.").format(f[Fact.ORDER]),
    ),
    Note.CARTON_CLOSED: lambda f: (
        translate("Note", "Carton {0} closed").format(f[Fact.CARTON]),
        translate("Note", "Its label prints now: put it on this box and scan it."),
    ),
    Note.CARTON_EMPTY: lambda f: (
        translate("Note", "The carton is empty"),
        translate("Note", "Scan a unit into it before closing it."),
    ),
    Note.NO_LABELS_HERE: lambda f: (
        translate("Note", "No labels at this station"),
        translate("Note", "This station prints no labels: nothing to close or reprint."),
    ),
    Note.REPRINTING: lambda f: (
        translate("Note", "Printing the label again"),
        _optional(f, Fact.TRACKING, translate("Note", "Label {0} is on its way.").format),
    ),
    Note.NOTHING_TO_REPRINT: lambda f: (
        translate("Note", "Nothing to reprint"),
        translate("Note", "No label is waiting to be scanned at this station."),
    ),
    Note.LABEL_VERIFIED: lambda f: (
        translate("Note", "✔ Label verified"),
        translate("Note", "Order {0}: the parcel may go.").format(f[Fact.ORDER]),
    ),
    Note.LABEL_ALREADY_VERIFIED: lambda f: (
        translate("Note", "Label already verified"),
        translate("Note", "This label of order {0} was checked before.").format(f[Fact.ORDER]),
    ),
    Note.LABEL_NOT_VERIFIED: lambda f: (
        translate("Note", "Label of order {0}").format(f[Fact.ORDER]),
        translate("Note", "Not scanned back yet: it is checked at the station packing it."),
    ),
    Note.NO_SUCH_LABEL: lambda f: (
        translate("Note", "Unknown label"),
        translate("Note", "No parcel has this tracking number."),
    ),
    Note.LOCATION_NOT_PACKED: lambda f: (
        translate("Note", "A bin location"),
        translate("Note", "Bin codes are for picking: scan an item or an order here."),
    ),
    Note.SUPERVISOR_ASKED: lambda f: (
        translate("Note", "{0}: call a supervisor").format(override_name(f[Fact.OVERRIDE])),
        translate("Note", "A supervisor scans their badge here (then the PIN). CANCEL goes back."),
    ),
    Note.OVERRIDE_APPROVED: lambda f: (
        translate("Note", "{0}: approved by {1}").format(
            override_name(f[Fact.OVERRIDE]), f[Fact.SUPERVISOR]
        ),
        step_instruction(f[Fact.STEP]),
    ),
    Note.LOCK_LIFTED: lambda f: (
        translate("Note", "Unlocked by {0}").format(f[Fact.SUPERVISOR]),
        translate("Note", "{0} carries on: scan the next unit.").format(f[Fact.USER]),
    ),
    Note.SHIPPED_SHORT: lambda f: (
        translate("Note", "✔ Order {0} shipped short").format(f[Fact.ORDER]),
        translate(
            "Note", "{0} go to a backorder. Put the label that prints on the box and scan it."
        ).format(f[Fact.SHORT]),
    ),
    Note.TAKEN_OVER: lambda f: (
        translate("Note", "Order {0} taken over").format(f[Fact.ORDER]),
        _optional(
            f,
            Fact.HOLDER,
            translate("Note", "Station {0} can no longer change it. Carry on packing.").format,
        ),
    ),
    Note.NEW_CODE_READ: lambda f: (
        translate("Note", "New barcode {0}").format(f[Fact.CODE]),
        step_instruction("known_code"),
    ),
    Note.CODE_ADDED: lambda f: (
        translate("Note", "Barcode {0} added to {1}").format(f[Fact.CODE], f[Fact.SKU]),
        translate("Note", "Scan the unit again to count it."),
    ),
    Note.OVERRIDE_CANCELLED: lambda f: (
        translate("Note", "{0} cancelled").format(override_name(f[Fact.OVERRIDE])),
        translate("Note", "Nothing was changed: carry on."),
    ),
    Note.NO_OVERRIDE: lambda f: (
        translate("Note", "Nothing to do"),
        translate("Note", "That code is for an override: nothing needs it now."),
    ),
    Note.PICK_OPENED: lambda f: (
        translate("Note", "{0} open").format(f[Fact.WAVE]),
        translate("Note", "Go to the first bin the screen shows and scan its label."),
    ),
    Note.AT_BIN: lambda f: (
        translate("Note", "Bin {0}").format(f[Fact.BIN]),
        translate("Note", "Take {0} × {1} and scan each.").format(f[Fact.ORDERED], f[Fact.ITEM]),
    ),
    Note.PICKED: lambda f: (
        translate("Note", "OK  {0} / {1}").format(f[Fact.PACKED], f[Fact.ORDERED]),
        _optional(f, Fact.SLOT, translate("Note", "Put it in slot {0} and scan the slot.").format),
    ),
    Note.SLOTTED: lambda f: (
        translate("Note", "In slot {0}").format(f[Fact.SLOT]),
        translate("Note", "Scan the next unit."),
    ),
    Note.PICK_DONE: lambda f: (
        translate("Note", "✔ Pick done"),
        translate("Note", "Take the cart or tote to packing."),
    ),
    Note.SHORT_PICKED: lambda f: (
        translate("Note", "Short at {0}").format(f[Fact.BIN]),
        translate("Note", "{0} missing: Kenpin looks for them elsewhere.").format(f[Fact.SHORT]),
    ),
    Note.TOTE_TAKEN: lambda f: (
        translate("Note", "Order {0} → {1}").format(f[Fact.ORDER], f[Fact.TOTE]),
        _optional(f, Fact.BIN, translate("Note", "Go to bin {0} and scan its label.").format),
    ),
    Note.CART_AT_BENCH: lambda f: (
        translate("Note", "Cart {0} at the bench").format(f[Fact.WAVE]),
        translate("Note", "Scan a slot label (SLOT-…) to open the order in it."),
    ),
    Note.LOADED: lambda f: (
        translate("Note", "Loaded: {0}").format(f[Fact.ORDER]),
        translate("Note", "{0} · scan the next parcel.").format(carrier_label(f[Fact.CARRIER])),
    ),
    Note.UNLOADED: lambda f: (
        translate("Note", "Taken off: {0}").format(f[Fact.ORDER]),
        translate("Note", "Take parcel {0} off the truck.").format(
            tracking_display(f[Fact.TRACKING])
        ),
    ),
    Note.TRUCK_ENDED: lambda f: (
        translate("Note", "Truck done"),
        translate("Note", "The next parcel starts a new truck."),
    ),
}
