"""What goes into the box: where a product scan is counted, and when the box is exactly matched.

`place` answers for one product scan (which line it fills, or why it is
refused); `mismatches` answers for `KCMD:COMPLETE`. `app.core.pack.rules.decide`
turns both answers into decisions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from app.core.allocation import expiry_ok
from app.core.pack.effects import Refusal
from app.core.pack.session import Pack, PackLine
from app.core.scans import Fact, LotCheck, ProductCode, Reason

#: How many items a `not_on_order` refusal names that the order still needs.
EXPECTED_SHOWN = 3


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a product scan is counted: its line, and the lot recorded with its units."""

    line: PackLine
    lot: str | None
    #: False when the lot is the reservation's, not read from the unit (`LotCheck.CONFIRM`).
    lot_read: bool = True


def place(pack: Pack, product: ProductCode, code: str, today: dt.date) -> Placement | Refusal:
    """The line this product scan is counted on (with its lot), or why it is refused.

    A product on several lines fills the first line that still needs it and on
    which the whole scan is acceptable (a case fits, its lot is reserved there);
    when no line can take it, the refusal is the one of the first line that
    still needs the product, so the packer hears about the line in front of them.
    """
    lines = [line for line in pack.lines if line.product_id == product.product_id]
    if not lines:
        return _not_on_order(pack, product, code)
    first = lines[0]
    packed = sum(pack.packed_on(line.line_id) for line in lines)
    ordered = sum(line.ordered for line in lines)
    if product.serial is not None and _serial_packed(pack, product):
        # No reason code means "this very unit is already in the box"; the
        # nearest is one unit too many.
        return Refusal(
            Reason.OVER_QUANTITY,
            f"{first.sku}: serial {product.serial} already packed",
            _counts(first, product, packed, ordered),
        )
    wanting = [line for line in lines if pack.packed_on(line.line_id) < line.ordered]
    if not wanting:
        return Refusal(
            Reason.OVER_QUANTITY,
            f"{first.sku}: {ordered} of {ordered} already packed",
            _counts(first, product, packed, ordered),
        )
    refusals = []
    for line in wanting:
        placed = _on_line(pack, line, product, today)
        if isinstance(placed, Placement):
            return placed
        refusals.append(placed)
    return refusals[0]


def _on_line(
    pack: Pack, line: PackLine, product: ProductCode, today: dt.date
) -> Placement | Refusal:
    """How this scan goes on `line` (which still needs at least one unit), or why it cannot.

    The date comes before the lot: a unit past its date (or inside the minimum
    shelf life) is set aside whatever its lot, and `wrong_lot` is left for a
    good unit of a lot the line does not reserve.
    """
    packed = pack.packed_on(line.line_id)
    still_needed = line.ordered - packed
    if product.units > still_needed:
        # A case is never split: its units stay together on one line.
        return Refusal(
            Reason.OVER_QUANTITY,
            f"{line.sku}: case of {product.units}, only {still_needed} still needed",
            _counts(line, product, packed, line.ordered),
        )
    # Any expiry printed on the unit is checked, tracked or not: a customer reads
    # the date on the pack. A unit scanned without an expiry is accepted; on a
    # lot-tracked line its lot is checked against the reservation, which
    # allocation made with the expiry rule (and a lot taken from the reservation
    # has that lot's date checked again, for the days since).
    refusal = _expiry_refusal(line, product.expiry, today)
    if refusal is not None or not line.lot_tracked:
        return refusal or Placement(line, product.lot)
    if product.lot is not None:
        return _lot_refusal(pack, line, product) or Placement(line, product.lot)
    if line.lot_check is LotCheck.CONFIRM:
        return _confirmed(pack, line, product, today)
    return Refusal(
        Reason.LOT_REQUIRED,
        f"{line.sku}: scan the GS1 code with the lot on this unit",
        _lot_facts(line),
    )


def _confirmed(
    pack: Pack, line: PackLine, product: ProductCode, today: dt.date
) -> Placement | Refusal:
    """A plain code of a `confirm` lot product: counted as the reserved lot that still has
    room (the first to expire), whose date must still be good."""
    lot = next(
        (
            lot
            for lot in line.lots_by_expiry
            if lot_packed(pack, line.line_id, lot) + product.units <= line.reserved_lots[lot]
        ),
        None,
    )
    if lot is None:
        full = f"the reserved lots are already packed ({line.reserved_shown})"
        why = full if line.reserved_lots else "no lot is reserved for this line"
        return Refusal(Reason.WRONG_LOT, f"{line.sku}: {why}", _lot_facts(line))
    refusal = _expiry_refusal(line, line.lot_expiry.get(lot), today, lot)
    return refusal or Placement(line, lot, lot_read=False)


def _expiry_refusal(
    line: PackLine, expiry: dt.date | None, today: dt.date, lot: str | None = None
) -> Refusal | None:
    """`expired` for a date already past or inside the product's minimum shelf life."""
    if expiry is None or expiry_ok(expiry, today, line.min_shelf_life_days):
        return None
    facts = {
        **_named(line),
        Fact.EXPIRY: expiry.isoformat(),
        Fact.DAYS: str(line.min_shelf_life_days),
    }
    if lot is not None:
        facts[Fact.LOT] = lot
    what = f"{line.sku}: lot {lot}" if lot is not None else line.sku
    if expiry < today:
        return Refusal(Reason.EXPIRED, f"{what}: expired {expiry.isoformat()}", facts)
    return Refusal(
        Reason.EXPIRED,
        f"{what}: expires {expiry.isoformat()},"
        f" needs {line.min_shelf_life_days} days of shelf life",
        facts,
    )


def _lot_refusal(pack: Pack, line: PackLine, product: ProductCode) -> Refusal | None:
    """`wrong_lot` for a lot read from the unit that the line does not reserve, or whose
    reserved units are already in the box."""
    assert product.lot is not None
    facts = {**_lot_facts(line), Fact.LOT: product.lot}
    reserved = line.reserved_lots.get(product.lot)
    if reserved is None:
        return Refusal(
            Reason.WRONG_LOT, f"{line.sku}: lot {product.lot} is not reserved for this order", facts
        )
    packed = lot_packed(pack, line.line_id, product.lot)
    if packed + product.units > reserved:
        return Refusal(
            Reason.WRONG_LOT,
            f"{line.sku}: lot {product.lot}: {packed} of {reserved} already packed",
            facts,
        )
    return None


def _not_on_order(pack: Pack, product: ProductCode, code: str) -> Refusal:
    """`not_on_order`, naming the product scanned and what the order still needs."""
    facts: dict[Fact, str] = {}
    if product.sku:
        facts[Fact.SKU] = product.sku
    if product.item:
        facts[Fact.ITEM] = product.item
    needed = list(
        dict.fromkeys(
            line.item for line in pack.lines if pack.packed_on(line.line_id) < line.ordered
        )
    )
    if needed:
        shown = needed[:EXPECTED_SHOWN]
        facts[Fact.EXPECTED] = ", ".join(shown + ["…"] * (len(needed) > len(shown)))
    return Refusal(Reason.NOT_ON_ORDER, f"{code} is not on order {pack.order_number}", facts)


def _named(line: PackLine) -> dict[Fact, str]:
    return {Fact.SKU: line.sku, Fact.ITEM: line.item}


def _lot_facts(line: PackLine) -> dict[Fact, str]:
    """The product and the lots reserved for its line (none: not said)."""
    facts = _named(line)
    if line.reserved_lots:
        facts[Fact.RESERVED_LOT] = line.reserved_shown
    return facts


def _counts(line: PackLine, product: ProductCode, packed: int, ordered: int) -> dict[Fact, str]:
    """The facts of `over_quantity`: the product, units packed and ordered, a case's units."""
    facts = {**_named(line), Fact.PACKED: str(packed), Fact.ORDERED: str(ordered)}
    if product.units > 1:
        facts[Fact.UNITS] = str(product.units)
    return facts


def lot_packed(pack: Pack, line_id: int, lot: str) -> int:
    """Units of `lot` in the box on line `line_id`."""
    return sum(u.units for u in pack.packed if u.line_id == line_id and u.lot == lot)


def _serial_packed(pack: Pack, product: ProductCode) -> bool:
    """True when this product's unit with this serial is already in the box.

    Serial numbers are unique per product (GS1 serials are per GTIN), so the
    same serial on two different products is two different units.
    """
    lines = {line.line_id for line in pack.lines if line.product_id == product.product_id}
    return any(u.serial == product.serial and u.line_id in lines for u in pack.packed)


def mismatches(pack: Pack) -> list[str]:
    """What keeps the box from matching the order exactly, in words; empty when it matches.

    Besides the counts, the box is checked as stored: a unit on no line of the
    order, a lot the line does not reserve, or a serial twice would each keep
    the pack from completing even if the scan rules had somehow let it in.
    """
    found = []
    for line in pack.lines:
        packed = pack.packed_on(line.line_id)
        if packed != line.ordered:
            found.append(f"{line.sku} {packed} of {line.ordered}")
        if line.lot_tracked:
            lots: Counter[str | None] = Counter()
            for unit in pack.packed:
                if unit.line_id == line.line_id:
                    lots[unit.lot] += unit.units
            for lot, units in lots.items():
                reserved = line.reserved_lots.get(lot, 0) if lot is not None else 0
                if units > reserved:
                    found.append(f"{line.sku} lot {lot or '(none)'} {units} of {reserved}")
    line_ids = {line.line_id: line.product_id for line in pack.lines}
    stray = sum(u.units for u in pack.packed if u.line_id not in line_ids)
    if stray:
        found.append(f"{stray} units on no line of the order")
    serials = Counter(
        (line_ids[u.line_id], u.serial)
        for u in pack.packed
        if u.serial is not None and u.line_id in line_ids
    )
    found += [f"serial {serial} twice" for (_, serial), n in serials.items() if n > 1]
    return found
