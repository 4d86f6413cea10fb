"""Rules of the expected-deliveries file (`kenpin import expected`): what a supplier will
bring, one product per row: `delivery,supplier,sku,qty,lot,expiry`.

A delivery's rows come together under its number; its supplier is named on
its first row (and, if repeated, the same on every row). The lot and expiry
are the supplier's word when they gave it: a lot product's lot may be left
empty (it is read from the unit, or typed, at the receive station), but a
lot or expiry on a product tracked by neither is refused, as in the stock
file. One product and lot once per delivery.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.core.errors import Problem
from app.core.intake.fields import date_value, whole_number
from app.core.intake.rows import CellReader, Row, Sheet, cell_reader
from app.core.intake.stock import Tracking

REQUIRED = ("delivery", "sku", "qty")
#: Every column the file may have.
COLUMNS = ("delivery", "supplier", "sku", "qty", "lot", "expiry")
#: The longest delivery number and supplier name kept.
MAX_NUMBER, MAX_SUPPLIER = 64, 200


@dataclass(frozen=True, slots=True)
class ExpectedLine:
    """One product of a delivery: units expected, and the lot and expiry if named."""

    line: int
    sku: str
    qty: int
    lot: str
    expiry: dt.date | None


@dataclass(slots=True)
class ExpectedDelivery:
    """A delivery read from the file: its number, supplier, first line and its lines."""

    number: str
    supplier: str
    line: int
    lines: list[ExpectedLine] = field(default_factory=list)

    @property
    def units(self) -> int:
        return sum(line.qty for line in self.lines)


def read_expected(
    sheet: Sheet, rows: Iterable[Row], products: Mapping[str, Tracking], problems: list[Problem]
) -> list[ExpectedDelivery]:
    """The deliveries of the file, in the order they first appear; every bad cell, unknown
    SKU, lot or expiry on a product not tracked by it, supplier named two ways, or product and
    lot listed twice on a delivery is a problem in `problems`."""
    cells = cell_reader(sheet, REQUIRED, problems)
    if cells is None:
        return []
    deliveries: dict[str, ExpectedDelivery] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for row in rows:
        before = len(problems)
        number = cells.text(row, "delivery", required=True, most=MAX_NUMBER)
        supplier = cells.text(row, "supplier", most=MAX_SUPPLIER)
        sku = cells.text(row, "sku", required=True, most=64)
        qty = cells.value(row, "qty", whole_number, required=True)
        lot = cells.text(row, "lot", most=64)
        expiry = cells.value(row, "expiry", date_value)
        _check_tracking(cells, row, sku, products)
        if not number:
            continue
        delivery = deliveries.setdefault(number, ExpectedDelivery(number, supplier, row.line))
        _check_supplier(cells, row, delivery, supplier)
        key = (number, sku, lot)
        # An unknown SKU is named once, as unknown; a known one once per delivery and lot.
        if sku in products and key in seen:
            also = f" lot {lot}" if lot else ""
            where = f"line {seen[key]} of delivery {number}"
            cells.complain(row, "sku", f"{sku}{also} is also on {where}")
        elif sku in products:
            seen[key] = row.line
        if len(problems) == before and qty is not None:
            delivery.lines.append(ExpectedLine(row.line, sku, qty, lot, expiry))
    return list(deliveries.values())


def _check_tracking(
    cells: CellReader, row: Row, sku: str, products: Mapping[str, Tracking]
) -> None:
    """An unknown SKU, or a lot or expiry given for a product not tracked by it."""
    tracking = products.get(sku) if sku else None
    if sku and tracking is None:
        cells.complain(row, "sku", f'"{sku}" is not a known product')
    if tracking is None:
        return
    if row.get("lot") and not tracking.lot:
        cells.complain(row, "lot", f"{sku} is not lot-tracked: leave lot empty")
    if row.get("expiry") and not tracking.expiry:
        cells.complain(row, "expiry", f"{sku} is not expiry-tracked: leave expiry empty")


def _check_supplier(cells: CellReader, row: Row, delivery: ExpectedDelivery, supplier: str) -> None:
    """The supplier named on a delivery's first row that names one, the same on the rest."""
    if supplier and not delivery.supplier:
        delivery.supplier = supplier
    elif supplier and supplier != delivery.supplier:
        cells.complain(
            row,
            "supplier",
            f'"{supplier}": delivery {delivery.number} is from "{delivery.supplier}" '
            f"(line {delivery.line})",
        )
