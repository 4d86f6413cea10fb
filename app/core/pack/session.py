"""A pack as the rules see it, and everything the pack rules are told before a scan.

Plain values: the station service reads them in the scan's transaction and
hands them to `app.core.pack.rules.decide`, which changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from app.core.overrides import PendingOverride
from app.core.pack.labels import ParcelLabel
from app.core.scans import LotCheck, item_name
from app.core.station import BadgePin, StationUser


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
    #: How a unit of this lot product proves its lot (see `LotCheck`).
    lot_check: LotCheck = LotCheck.GS1
    #: Lot code -> its expiry date (None: undated), for the lots in `reserved_lots`.
    lot_expiry: Mapping[str, dt.date | None] = field(default_factory=dict)

    @property
    def item(self) -> str:
        """The product as the packer reads it: name and variant."""
        return item_name(self.name, self.variant)

    @property
    def lots_by_expiry(self) -> list[str]:
        """The reserved lots, first to expire first (undated ones last), as picked."""
        return sorted(self.reserved_lots, key=self._expiry_order)

    @property
    def reserved_shown(self) -> str:
        """The reserved lots with their expiry, as shown: "L2401 2027-03-31, L2402"."""
        return ", ".join(self._shown(lot) for lot in self.lots_by_expiry)

    def _expiry_order(self, lot: str) -> tuple[bool, dt.date, str]:
        expiry = self.lot_expiry.get(lot)
        return (expiry is None, expiry or dt.date.max, lot)

    def _shown(self, lot: str) -> str:
        expiry = self.lot_expiry.get(lot)
        return f"{lot} {expiry.isoformat()}" if expiry is not None else lot


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


@dataclass(frozen=True, slots=True)
class Pack:
    """An open pack: the order's lines and what is in the box so far."""

    order_id: int
    order_number: str
    lines: tuple[PackLine, ...]
    gift_message: str = ""
    card_confirmed: bool = False
    #: In the order the scans were accepted: `KCMD:UNDO` takes back the last one.
    packed: tuple[PackedUnit, ...] = ()
    #: The carton being filled now.
    carton_no: int = 1
    #: Who picked the order by scan and when (the double check's first half), if anyone did.
    picked_by: str | None = None
    picked_at: dt.datetime | None = None

    @property
    def in_carton(self) -> tuple[PackedUnit, ...]:
        """The units in the carton being filled now."""
        return tuple(unit for unit in self.packed if unit.carton_no == self.carton_no)

    @property
    def expected(self) -> int:
        return sum(line.ordered for line in self.lines)

    @property
    def scanned(self) -> int:
        return sum(unit.units for unit in self.packed)

    def packed_on(self, line_id: int) -> int:
        return sum(unit.units for unit in self.packed if unit.line_id == line_id)

    def with_unit(self, unit: PackedUnit) -> Pack:
        """The pack with `unit` put into the carton being filled."""
        return replace(self, packed=(*self.packed, replace(unit, carton_no=self.carton_no)))

    def without_scan(self, scan_ref: int) -> Pack:
        """The pack with the units of scan `scan_ref` taken back out."""
        kept = tuple(unit for unit in self.packed if unit.scan_ref != scan_ref)
        if len(kept) == len(self.packed):
            raise ValueError(f"scan {scan_ref} is not in the box")
        return replace(self, packed=kept)

    def closes_carton_with_parcel(self) -> bool:
        """The carton being closed gets a parcel: it has units, or it is the order's only one.

        A carton left empty after `KCMD:NEWCARTON` is not shipped.
        """
        return bool(self.in_carton) or self.carton_no == 1


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
    #: The shop packs only orders picked by scan (`picking.required`): an allocated one waits.
    picking_required: bool = False


@dataclass(frozen=True, slots=True)
class LostClaim:
    """The station's claim on its pack was taken over (its lease ran out meanwhile)."""

    order_number: str
    #: The station that holds the pack now, if one does.
    holder: str | None = None


@dataclass(frozen=True, slots=True)
class PackSnapshot:
    """Everything `decide` is told about the station and the scan before deciding.

    The station's state (user, pack, awaited label, whether it prints labels,
    a claim it lost) and the facts looked up for this scan: the user a badge
    names, the order an order number names, the parcel a label names, and,
    for a scan that would close a carton, the carrier that has no tracking
    number left for it and the shop settings its label's sender lacks.
    """

    station: str
    user: StationUser | None
    pack: Pack | None
    today: dt.date
    #: The parcel whose label the station waits to have scanned back, if any.
    awaiting: ParcelLabel | None = None
    #: False for a station set to print no labels (packs complete as `packed`).
    labels_on: bool = True
    lost: LostClaim | None = None
    badge_user: StationUser | None = None
    #: What the PIN given with a supervising badge came to.
    badge_pin: BadgePin | None = None
    order: OrderCandidate | None = None
    label: ParcelLabel | None = None
    #: The carrier whose blocks have no number left for the carton being closed.
    no_numbers_for: str | None = None
    #: The shop settings the label's sender lacks (`app.core.shop.SENDER_KEYS`), asked
    #: like `no_numbers_for` for a scan that would issue a label.
    sender_missing: tuple[str, ...] = ()
    #: The supervisor override under way at the station (`app.core.pack.overrides`).
    override: PendingOverride | None = None
    #: Refused product scans in a row within the held pack, and how many lock the station
    #: (0: never).
    error_streak: int = 0
    lockout_after: int = 3
    #: For a wave's number scanned (a cart brought to the bench): the wave, if on file.
    wave: str | None = None
    #: For a cart slot scanned: the wave of the cart at the bench, if one was scanned.
    cart: str | None = None
