"""Random scan sequences against a model of the box the packer is filling.

The model is kept from the scans alone (what physically went into the box,
what was taken back) and judged by its own plain reading of the rules; the
pack's verdicts must agree with it at every step. Whatever is scanned, no
line ever holds more than ordered, a refused scan changes nothing, and the
pack completes exactly when every line holds the right units and a gift
order's card is in.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.core.pack.effects import Effect
from app.core.pack.rules import applied, decide
from app.core.pack.session import Pack, PackedUnit, PackLine
from app.core.scans import (
    ClassifiedScan,
    Command,
    LotCheck,
    ProductCode,
    Reason,
    ScanKind,
    VerdictKind,
)

from .packdata import TODAY, at_station, code, command, days, line, pack, product

#: The catalogue: 1 and 2 plain, 3 lot-tracked (a plain code counts as its reserved
#: lot: `confirm`), 4 lot- and expiry-tracked with 10 days of minimum shelf life (its
#: GS1 code must carry the lot), 5 on no order.
LOT_TRACKED = {3, 4}
CONFIRMED = {3}
SHELF_LIFE = {4: 10}
ON_ORDERS = [1, 2, 3, 4]
LOTS = ["A", "B", "C"]

UNIT_REASONS = {
    Reason.NOT_ON_ORDER,
    Reason.OVER_QUANTITY,
    Reason.WRONG_LOT,
    Reason.EXPIRED,
    Reason.LOT_REQUIRED,
}


@st.composite
def orders(draw: st.DrawFn) -> Pack:
    """An order of 1-5 lines (a product may repeat), its lots reserved as allocation does."""
    lines = []
    for line_id in range(1, draw(st.integers(1, 5)) + 1):
        product_id = draw(st.sampled_from(ON_ORDERS))
        ordered = draw(st.integers(1, 6))
        lots = None
        if product_id in LOT_TRACKED:
            first = draw(st.integers(0, ordered))
            second = draw(st.integers(0, ordered - first))
            split = (first, second, ordered - first - second)
            lots = {lot: n for lot, n in zip(LOTS, split, strict=True) if n}
        lines.append(
            line(
                line_id,
                product_id,
                ordered,
                lots=lots,
                expiry_tracked=product_id in SHELF_LIFE,
                shelf_life=SHELF_LIFE.get(product_id, 0),
                lot_check=LotCheck.CONFIRM if product_id in CONFIRMED else LotCheck.GS1,
            )
        )
    return pack(*lines, gift=draw(st.sampled_from(["", "Happy birthday"])))


any_unit = st.builds(
    ProductCode,
    product_id=st.integers(1, 5),
    units=st.sampled_from([1, 1, 1, 2, 3, 6]),
    lot=st.sampled_from([None, "A", "B", "C", "Z"]),
    expiry=st.sampled_from([None, days(-1), TODAY, days(9), days(10), days(400)]),
    serial=st.sampled_from([None, None, "S1", "S2"]),
)

other_scans = st.sampled_from(
    [
        command(Command.CANCEL),
        command(Command.REPRINT),
        code(ScanKind.LOCATION, "A-01-01"),
        code(ScanKind.LABEL, "1234-5678-9012"),
        code(ScanKind.UNKNOWN, "NOT-A-CODE"),
        code(ScanKind.PRODUCT, "4901234567894"),
    ]
)


@dataclass
class Box:
    """What the model says is in the box: (scan ref, line, scanned code with the lot it
    counts as), in scan order."""

    lines: Sequence[PackLine]
    units: list[tuple[int, int, ProductCode]] = field(default_factory=list)
    card: bool = False

    def on_line(self, line_id: int, lot: str | None = None, *, any_lot: bool = True) -> int:
        return sum(
            p.units for _, lid, p in self.units if lid == line_id and (any_lot or p.lot == lot)
        )

    def lines_taking(self, p: ProductCode) -> list[tuple[int, ProductCode]]:
        """The lines on which this scanned code would leave the box right, each with the
        code as it counts there (a plain code of a `confirm` line as a reserved lot)."""
        if p.serial is not None and any(
            q.product_id == p.product_id and q.serial == p.serial for _, _, q in self.units
        ):
            return []
        taking = []
        for ln in self.lines:
            if ln.product_id != p.product_id or self.on_line(ln.line_id) + p.units > ln.ordered:
                continue
            if p.expiry is not None and (p.expiry - TODAY).days < ln.min_shelf_life_days:
                continue
            counted = p
            if ln.lot_tracked:
                if p.lot is None and ln.product_id in CONFIRMED:
                    lot = self.lot_with_room(ln, p.units)
                    counted = dataclasses.replace(p, lot=lot)
                reserved = ln.reserved_lots.get(counted.lot, 0) if counted.lot is not None else 0
                if self.on_line(ln.line_id, counted.lot, any_lot=False) + p.units > reserved:
                    continue
            taking.append((ln.line_id, counted))
        return taking

    def lot_with_room(self, ln: PackLine, units: int) -> str | None:
        """The first reserved lot (by code: the tests' lots are undated) with room for
        `units`."""
        return next(
            (
                lot
                for lot in sorted(ln.reserved_lots)
                if self.on_line(ln.line_id, lot, any_lot=False) + units <= ln.reserved_lots[lot]
            ),
            None,
        )

    def exactly_matched(self) -> bool:
        return all(self.on_line(ln.line_id) == ln.ordered for ln in self.lines)

    def needed_unit(self) -> ProductCode | None:
        """A unit the box still needs, scanned the right way, if any."""
        for ln in self.lines:
            if self.on_line(ln.line_id) == ln.ordered:
                continue
            lot = next(
                (
                    lot
                    for lot, n in ln.reserved_lots.items()
                    if self.on_line(ln.line_id, lot, any_lot=False) < n
                ),
                None,
            )
            return ProductCode(ln.product_id, lot=lot, expiry=days(400))
        return None


def next_scan(data: st.DataObject, box: Box) -> ClassifiedScan:
    choice = data.draw(
        st.sampled_from(
            ["any", "again", "needed", "needed", "needed", "undo", "complete", "card", "other"]
        )
    )
    needed = box.needed_unit()
    if choice == "needed" and needed is not None:
        serial = data.draw(st.sampled_from([None, f"N{len(box.units)}"]))
        return product(needed.product_id, lot=needed.lot, expiry=needed.expiry, serial=serial)
    if choice == "again" and box.units:
        # The same unit scanned twice: the commonest slip at a pack bench.
        _, _, p = data.draw(st.sampled_from(box.units))
        return product(p.product_id, p.units, lot=p.lot, expiry=p.expiry, serial=p.serial)
    if choice == "any":
        p = data.draw(any_unit)
        return product(p.product_id, p.units, lot=p.lot, expiry=p.expiry, serial=p.serial)
    if choice in ("undo", "complete", "card"):
        return command(Command(f"KCMD:{choice.upper()}"))
    return data.draw(other_scans)


@settings(max_examples=300)
@given(open_pack=orders(), data=st.data())
def test_random_scans_never_overfill_a_line_and_complete_only_an_exact_box(
    open_pack: Pack, data: st.DataObject
) -> None:
    box = Box(open_pack.lines)
    for ref in range(1, 61):
        scan = next_scan(data, box)
        before = copy.deepcopy(open_pack)
        decision = decide(scan, at_station(open_pack))
        assert open_pack == before, "deciding changed the pack"
        open_pack = applied(open_pack, decision, ref)

        if decision.verdict is VerdictKind.REJECTED:
            assert decision.reason is not None and decision.effect is Effect.NONE
            assert open_pack == before, "a refused scan changed the pack"

        if scan.kind is ScanKind.PRODUCT and scan.product is not None:
            taking = box.lines_taking(scan.product)
            if taking:
                line_id, counted = taking[0]
                assert decision.effect is Effect.COUNT and decision.line_id == line_id
                assert (decision.lot, decision.lot_read) == (
                    counted.lot,
                    counted.lot == scan.product.lot,
                )
                box.units.append((ref, line_id, counted))
            else:
                assert decision.reason in UNIT_REASONS
        elif scan.command is Command.UNDO:
            if box.units:
                assert decision.effect is Effect.UNDO
                assert decision.undo_ref == box.units.pop()[0]
            else:
                assert decision.effect is Effect.NONE
        elif scan.command is Command.CARD:
            assert decision.effect is (
                Effect.CONFIRM_CARD if open_pack.gift_message and not box.card else Effect.NONE
            )
            box.card = box.card or bool(open_pack.gift_message)
        elif scan.command is Command.COMPLETE:
            if not box.exactly_matched():
                assert decision.reason is Reason.PACK_INCOMPLETE
            elif open_pack.gift_message and not box.card:
                assert decision.reason is Reason.CARD_NOT_CONFIRMED
            else:
                assert decision.effect is Effect.COMPLETE
                event("completed")
                return
        else:
            assert decision.effect in (Effect.NONE, Effect.CANCEL)

        assert open_pack.packed == tuple(
            PackedUnit(r, lid, p.units, p.lot, p.serial) for r, lid, p in box.units
        )
        for ln in open_pack.lines:
            assert open_pack.packed_on(ln.line_id) <= ln.ordered
