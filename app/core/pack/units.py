"""What goes into the box: where a product scan is counted, and when the box is exactly matched.

`place` answers for one product scan (which line it fills, or why it is
refused); `mismatches` answers for `KCMD:COMPLETE`. `app.core.pack.rules.decide`
turns both answers into decisions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from app.core.allocation import expiry_ok
from app.core.pack.effects import Refusal
from app.core.pack.session import Pack, PackLine
from app.core.scans import ProductCode, Reason


def place(pack: Pack, product: ProductCode, code: str, today: dt.date) -> PackLine | Refusal:
    """The line this product scan is counted on, or why it is refused.

    A product on several lines fills the first line that still needs it and on
    which the whole scan is acceptable (a case fits, its lot is reserved there);
    when no line can take it, the refusal is the one of the first line that
    still needs the product, so the packer hears about the line in front of them.
    """
    lines = [line for line in pack.lines if line.product_id == product.product_id]
    if not lines:
        return Refusal(Reason.NOT_ON_ORDER, f"{code} is not on order {pack.order_number}")
    sku = lines[0].sku
    if product.serial is not None and _serial_packed(pack, product):
        # No reason code means "this very unit is already in the box"; the
        # nearest is one unit too many.
        return Refusal(Reason.OVER_QUANTITY, f"{sku}: serial {product.serial} already packed")
    wanting = [line for line in lines if pack.packed_on(line.line_id) < line.ordered]
    if not wanting:
        ordered = sum(line.ordered for line in lines)
        return Refusal(Reason.OVER_QUANTITY, f"{sku}: {ordered} of {ordered} already packed")
    refusals = []
    for line in wanting:
        refusal = _refusal_on(pack, line, product, today)
        if refusal is None:
            return line
        refusals.append(refusal)
    return refusals[0]


def _refusal_on(pack: Pack, line: PackLine, product: ProductCode, today: dt.date) -> Refusal | None:
    """Why this scan cannot go on `line` (which still needs at least one unit), else None."""
    still_needed = line.ordered - pack.packed_on(line.line_id)
    if product.units > still_needed:
        # A case is never split: its units stay together on one line.
        return Refusal(
            Reason.OVER_QUANTITY,
            f"{line.sku}: case of {product.units}, only {still_needed} still needed",
        )
    if line.lot_tracked:
        refusal = _lot_refusal(pack, line, product)
        if refusal is not None:
            return refusal
    # Any expiry printed on the unit is checked, tracked or not: a customer reads
    # the date on the pack. A unit scanned without an expiry is accepted; on a
    # lot-tracked line its lot was already checked against the reservation,
    # which allocation made with the expiry rule.
    if product.expiry is not None and not expiry_ok(
        product.expiry, today, line.min_shelf_life_days
    ):
        if product.expiry < today:
            return Refusal(Reason.EXPIRED, f"{line.sku}: expired {product.expiry.isoformat()}")
        return Refusal(
            Reason.EXPIRED,
            f"{line.sku}: expires {product.expiry.isoformat()},"
            f" needs {line.min_shelf_life_days} days of shelf life",
        )
    return None


def _lot_refusal(pack: Pack, line: PackLine, product: ProductCode) -> Refusal | None:
    if product.lot is None:
        return Refusal(Reason.WRONG_LOT, f"{line.sku}: scan the GS1 code with the lot")
    reserved = line.reserved_lots.get(product.lot)
    if reserved is None:
        return Refusal(
            Reason.WRONG_LOT, f"{line.sku}: lot {product.lot} is not reserved for this order"
        )
    packed = lot_packed(pack, line.line_id, product.lot)
    if packed + product.units > reserved:
        return Refusal(
            Reason.WRONG_LOT,
            f"{line.sku}: lot {product.lot}: {packed} of {reserved} already packed",
        )
    return None


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
