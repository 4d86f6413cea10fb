"""A pick as the rules see it: the wave's (or one order's) lines in walk order, what is
picked so far, and everything the pick rules are told before a scan.

Plain values, like `app.core.pack.session`: the station service reads them in
the scan's transaction and hands them to `app.core.pick.rules.decide`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property

from app.core.pack.session import PackLine
from app.core.scans import LotCheck, item_name
from app.core.station import BadgePin, StationUser


@dataclass(frozen=True, slots=True)
class PickLine:
    """One instruction's worth: units of one order line to take from one bin (and lot).

    An order line reserved in two bins or lots is two pick lines; `slot` is the
    order's place on the cart (its position in the wave, 1 for one order).
    """

    line_id: int
    order_number: str
    slot: int
    product_id: int
    sku: str
    name: str
    variant: str
    bin: str
    walk_seq: int
    qty: int
    lot: str | None = None
    expiry: dt.date | None = None
    lot_tracked: bool = False
    lot_check: LotCheck = LotCheck.GS1
    min_shelf_life_days: int = 0

    @property
    def item(self) -> str:
        """The product as the picker reads it: name and variant."""
        return item_name(self.name, self.variant)

    def as_pack_line(self) -> PackLine:
        """The line as the pack bench's unit rules check it (one bin, one reserved lot)."""
        reserved = {self.lot: self.qty} if self.lot is not None else {}
        return PackLine(
            self.line_id,
            self.product_id,
            self.sku,
            self.name,
            self.variant,
            self.bin,
            self.qty,
            lot_tracked=self.lot_tracked,
            min_shelf_life_days=self.min_shelf_life_days,
            reserved_lots=reserved,
            lot_check=self.lot_check,
            lot_expiry={self.lot: self.expiry} if self.lot is not None else {},
        )


@dataclass(frozen=True, slots=True)
class PickedUnit:
    """Units of one accepted scan, taken from their bin (and, on a cart, put in a slot)."""

    scan_ref: int
    line_id: int
    units: int
    lot: str | None = None


@dataclass(frozen=True)
class Pick:
    """A wave (or one order) being picked: its lines in walk order and what is taken.

    `at_bin` is the bin scanned for the instruction in front of the picker;
    `unslotted` a unit taken on a cart pick whose slot label is still to be
    scanned; `short` the lines a short pick closed (their units picked so far are
    all there is); `tote` the tote a one-order pick's units go in.
    """

    number: str
    lines: tuple[PickLine, ...]
    #: True for a cart of several orders: each unit goes into its order's slot.
    batch: bool = False
    picked: tuple[PickedUnit, ...] = ()
    at_bin: str | None = None
    unslotted: PickedUnit | None = None
    short: frozenset[int] = frozenset()
    tote: str | None = None

    @property
    def needs_tote(self) -> bool:
        """One order picked on its own takes its tote before its first bin."""
        return not self.batch and self.tote is None

    # A pick never changes (`replace` makes another): its walk and what is left are worked
    # out once, however often a scan asks (a cart of a hundred orders has hundreds of lines).
    @cached_property
    def walk(self) -> tuple[PickLine, ...]:
        """The lines in walk order (bin, then order slot)."""
        return tuple(sorted(self.lines, key=lambda line: (line.walk_seq, line.bin, line.slot)))

    def picked_on(self, line_id: int) -> int:
        return sum(unit.units for unit in self.picked if unit.line_id == line_id)

    def open_lines(self) -> tuple[PickLine, ...]:
        """The lines still to pick, in walk order (a short line is not)."""
        return self._open

    @cached_property
    def _open(self) -> tuple[PickLine, ...]:
        taken: dict[int, int] = {}
        for unit in self.picked:
            taken[unit.line_id] = taken.get(unit.line_id, 0) + unit.units
        return tuple(
            line
            for line in self.walk
            if line.line_id not in self.short and taken.get(line.line_id, 0) < line.qty
        )

    def orders_done(self) -> frozenset[str]:
        """The orders whose every line is picked (or short), their last unit in its slot."""
        waiting = {line.order_number for line in self.open_lines()}
        if self.unslotted is not None:
            waiting |= {
                line.order_number for line in self.lines if line.line_id == self.unslotted.line_id
            }
        return frozenset(line.order_number for line in self.lines) - waiting

    @property
    def current(self) -> PickLine | None:
        """The instruction in front of the picker: the first line still to pick."""
        lines = self.open_lines()
        return lines[0] if lines else None

    @property
    def expected(self) -> int:
        return sum(line.qty for line in self.lines)

    @property
    def scanned(self) -> int:
        return sum(unit.units for unit in self.picked)

    def with_unit(self, unit: PickedUnit) -> Pick:
        """The pick with `unit` taken; on a cart it waits for its slot."""
        return replace(self, picked=(*self.picked, unit), unslotted=unit if self.batch else None)

    def without_scan(self, scan_ref: int) -> Pick:
        """The pick with the units of scan `scan_ref` put back."""
        kept = tuple(unit for unit in self.picked if unit.scan_ref != scan_ref)
        if len(kept) == len(self.picked):
            raise ValueError(f"scan {scan_ref} was not picked")
        unslotted = (
            self.unslotted if self.unslotted and self.unslotted.scan_ref != scan_ref else None
        )
        return replace(self, picked=kept, unslotted=unslotted)


@dataclass(frozen=True, slots=True)
class WaveCandidate:
    """What the station knows of a wave (or single order) number just scanned."""

    number: str
    #: False when it cannot be picked now (released, done, not allocated).
    pickable: bool = True
    #: Another station picking it under a live lease, else None.
    locked_by: str | None = None


@dataclass(frozen=True, slots=True)
class ToteCandidate:
    """A tote label just scanned (`TOTE-…`), and the order it holds now, if any."""

    code: str
    #: The number of the order the tote holds (picking, picked or packing), else None.
    holder: str | None = None


@dataclass(frozen=True, slots=True)
class PickSnapshot:
    """Everything the pick rules are told about the station and the scan before deciding."""

    station: str
    user: StationUser | None
    pick: Pick | None
    today: dt.date
    badge_user: StationUser | None = None
    badge_pin: BadgePin | None = None
    #: The wave or order a scanned code names, if it names one.
    wave: WaveCandidate | None = None
    #: The cart slot a scanned slot label names (`SLOT-03` -> 3), if it is one.
    slot: int | None = None
    #: The tote a scanned tote label names, if it is one.
    tote: ToteCandidate | None = None
    #: The pick the station held until another station took it over (its lease had run
    #: out), if it did: (the wave's number, the station holding it now).
    lost: tuple[str, str] | None = None
