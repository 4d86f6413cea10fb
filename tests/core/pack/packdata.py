"""Orders, scans and a station in memory for the pack rules' tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from app.core.overrides import PendingOverride
from app.core.pack.effects import Decision
from app.core.pack.labels import ParcelLabel
from app.core.pack.rules import applied, decide
from app.core.pack.session import (
    LostClaim,
    OrderCandidate,
    Pack,
    PackLine,
    PackSnapshot,
)
from app.core.scans import ClassifiedScan, Command, LotCheck, ProductCode, Scan, ScanKind
from app.core.station import BadgePin, StationUser

TODAY = dt.date(2026, 5, 1)
ALICE = StationUser(1, "Alice", "packer")
BOB = StationUser(2, "Bob", "packer")
SATO = StationUser(3, "佐藤 健", "supervisor")


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def line(
    line_id: int,
    product_id: int,
    ordered: int,
    *,
    lots: Mapping[str, int] | None = None,
    expiry_tracked: bool = False,
    shelf_life: int = 0,
    lot_check: LotCheck = LotCheck.GS1,
    expiries: Mapping[str, dt.date | None] | None = None,
) -> PackLine:
    """Line `line_id`: `ordered` units of product `product_id` (SKU-<product>), with the
    `lots` reserved for it (and their `expiries`)."""
    return PackLine(
        line_id,
        product_id,
        f"SKU-{product_id}",
        f"Product {product_id}",
        "",
        "A-01",
        ordered,
        lot_tracked=lots is not None,
        expiry_tracked=expiry_tracked,
        min_shelf_life_days=shelf_life,
        reserved_lots=dict(lots or {}),
        lot_check=lot_check,
        lot_expiry=dict(expiries or {}),
    )


def pack(*lines: PackLine, gift: str = "", order_id: int = 1, number: str = "#1001") -> Pack:
    return Pack(order_id, number, tuple(lines), gift_message=gift)


def product(
    product_id: int,
    units: int = 1,
    *,
    lot: str | None = None,
    expiry: dt.date | None = None,
    serial: str | None = None,
) -> ClassifiedScan:
    code = f"49{product_id:011d}"
    return ClassifiedScan(
        Scan(code),
        ScanKind.PRODUCT,
        product=ProductCode(
            product_id,
            units,
            lot=lot,
            expiry=expiry,
            serial=serial,
            sku=f"SKU-{product_id}",
            item=f"Product {product_id}",
        ),
    )


def command(cmd: Command) -> ClassifiedScan:
    return ClassifiedScan(Scan(cmd.value), ScanKind.COMMAND, command=cmd)


def code(kind: ScanKind, text: str) -> ClassifiedScan:
    return ClassifiedScan(Scan(text), kind)


def unreadable(text: str) -> ClassifiedScan:
    """A key burst the scanner's rules did not take for a scan, as the pipeline hands it on."""
    return ClassifiedScan(Scan(text, unreadable=True), ScanKind.UNKNOWN)


def candidate(
    status: str = "allocated",
    *,
    order_id: int = 2,
    number: str = "#1002",
    locked_by: str | None = None,
    open_here: bool = False,
) -> OrderCandidate:
    return OrderCandidate(order_id, number, status, locked_by, open_here)


def at_station(
    open_pack: Pack | None = None,
    user: StationUser | None = ALICE,
    *,
    badge_user: StationUser | None = None,
    badge_pin: BadgePin | None = None,
    order: OrderCandidate | None = None,
    label: ParcelLabel | None = None,
    awaiting: ParcelLabel | None = None,
    labels_on: bool = True,
    lost: LostClaim | None = None,
    no_numbers_for: str | None = None,
    sender_missing: tuple[str, ...] = (),
    override: PendingOverride | None = None,
    error_streak: int = 0,
    wave: str | None = None,
    cart: str | None = None,
) -> PackSnapshot:
    """The station PACK-1 today, with `user` logged in and `open_pack` open, and the facts
    looked up for the scan."""
    return PackSnapshot(
        "PACK-1",
        user,
        open_pack,
        TODAY,
        awaiting=awaiting,
        labels_on=labels_on,
        lost=lost,
        badge_user=badge_user,
        badge_pin=badge_pin,
        order=order,
        label=label,
        no_numbers_for=no_numbers_for,
        sender_missing=sender_missing,
        override=override,
        error_streak=error_streak,
        wave=wave,
        cart=cart,
    )


class Bench:
    """One packer at one station with one open pack: scan, decide, apply."""

    def __init__(self, open_pack: Pack) -> None:
        self.pack = open_pack
        self.next_ref = 1

    def scan(self, scan: ClassifiedScan) -> Decision:
        decision = decide(scan, at_station(self.pack))
        self.pack = applied(self.pack, decision, self.next_ref)
        self.next_ref += 1
        return decision
