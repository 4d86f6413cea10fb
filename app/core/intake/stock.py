"""Rules of the stock file: each row is units received into a bin, with lot and expiry.

A lot-tracked product needs its lot and an expiry-tracked one its expiry
date. A product tracked by neither keeps its stock in the empty lot, so a lot
or expiry on its row is refused rather than quietly dropped: the product's
tracking flags are set by the products file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from app.core.codes import Owners, code_problem
from app.core.errors import Problem
from app.core.intake.fields import MAX_QTY, bin_code, date_value, whole_number
from app.core.intake.rows import CellReader, Row, Sheet, cell_reader
from app.core.scans import ScanKind

#: A stock balance: SKU, bin code, lot code and expiry.
Slot = tuple[str, str, str, dt.date | None]

REQUIRED = ("sku", "location", "qty")
#: Every column a stock file may have.
COLUMNS = (*REQUIRED, "lot", "expiry")


@dataclass(frozen=True, slots=True)
class Tracking:
    """Whether a product's stock is kept by lot and by expiry date."""

    lot: bool
    expiry: bool


@dataclass(frozen=True, slots=True)
class Receipt:
    """One row of a stock file, checked: units of a SKU into a bin (and lot)."""

    line: int
    sku: str
    location: str
    qty: int
    lot: str
    expiry: dt.date | None


def receipts_of(
    sheet: Sheet, rows: Iterable[Row], products: Mapping[str, Tracking], problems: list[Problem]
) -> Iterator[Receipt]:
    """The good rows of a stock file (`sheet` gives its name and header) as they are read from
    `rows`; every bad cell, unknown SKU or missing lot/expiry is a problem in `problems`.

    `products` maps each known SKU (at least those in the file) to its tracking.
    """
    cells = cell_reader(sheet, REQUIRED, problems)
    if cells is None:
        return
    for row in rows:
        before = len(problems)
        sku = cells.text(row, "sku", required=True, most=64)
        location = cells.value(row, "location", bin_code, required=True)
        qty = cells.value(row, "qty", whole_number, required=True)
        lot = cells.text(row, "lot", most=64)
        expiry = cells.value(row, "expiry", date_value)
        tracking = products.get(sku) if sku else None
        if sku and tracking is None:
            cells.complain(row, "sku", f'"{sku}" is not a known product')
        if tracking is not None:
            if tracking.lot and not lot:
                cells.complain(row, "lot", f"{sku} is lot-tracked: a lot is required")
            if not tracking.lot and lot:
                cells.complain(row, "lot", f"{sku} is not lot-tracked: leave lot empty")
            if tracking.expiry and expiry is None and not row.get("expiry"):
                cells.complain(row, "expiry", f"{sku} is expiry-tracked: an expiry is required")
            if not tracking.expiry and row.get("expiry"):
                cells.complain(row, "expiry", f"{sku} is not expiry-tracked: leave expiry empty")
        if len(problems) == before and location is not None and qty is not None:
            yield Receipt(row.line, sku, location, qty, lot, expiry)


def check_totals(receipts: list[Receipt], on_hand: Mapping[Slot, int], cells: CellReader) -> None:
    """A problem at the row where a balance's units on hand (stored, then the file's rows
    added in turn) would pass MAX_QTY; `on_hand` holds the stored balances of the file's SKUs."""
    totals: dict[Slot, int] = {}
    for receipt in receipts:
        slot = (receipt.sku, receipt.location, receipt.lot, receipt.expiry)
        before = totals.get(slot, on_hand.get(slot, 0))
        totals[slot] = before + receipt.qty
        if before <= MAX_QTY < totals[slot]:
            lot = f" lot {receipt.lot}" if receipt.lot else ""
            message = (
                f"{receipt.sku}{lot} in {receipt.location} would come to "
                f"{totals[slot]:,} units on hand (at most {MAX_QTY:,})"
            )
            cells.complain(receipt.line, "qty", message)


def check_bins(first_lines: Mapping[str, int], owners: Owners, cells: CellReader) -> None:
    """A problem for each bin code that a scan would read as another kind (see `code_problem`),
    at the first line naming it; `owners` holds what the database has under the codes."""
    for code, line in first_lines.items():
        problem = code_problem(code, ScanKind.LOCATION, owners)
        if problem:
            cells.complain(line, "location", problem)
