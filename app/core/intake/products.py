"""Rules of the products file: what a row must hold, and what re-importing it changes.

A re-imported SKU is updated from the cells its row fills in; an empty cell
(or a column the file does not have) leaves the stored value as it is, and a
new product takes the default. Barcodes are only ever added: a code the file
no longer lists stays with its product.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.codes import CodeOwner, Owners, code_problem
from app.core.errors import Problem
from app.core.intake.fields import (
    FieldError,
    barcode,
    bin_code,
    flag,
    normalised,
    whole_number,
)
from app.core.intake.rows import CellReader, Row, Sheet, cell_reader
from app.core.scans import LotCheck, ScanKind
from app.core.text import shown

REQUIRED = ("sku", "name", "barcode")
OPTIONAL = (
    "case_barcode",
    "case_qty",
    "location",
    "weight_g",
    "lot_tracked",
    "expiry_tracked",
    "variant",
    "min_shelf_life_days",
    "lot_check",
    "reorder_point",
)
#: Every column a products file may have.
COLUMNS = (*REQUIRED, *OPTIONAL)


class BarcodeKind(StrEnum):
    """A unit barcode counts one unit per scan; a case barcode counts its case quantity."""

    UNIT = "unit"
    CASE = "case"


@dataclass(frozen=True, slots=True)
class ProductDraft:
    """One row of a products file, checked; None means "not given"."""

    line: int
    sku: str
    name: str
    codes: tuple[str, ...]
    case_code: str | None = None
    case_qty: int | None = None
    variant: str | None = None
    location: str | None = None
    weight_g: int | None = None
    lot_tracked: bool | None = None
    expiry_tracked: bool | None = None
    min_shelf_life_days: int | None = None
    lot_check: LotCheck | None = None
    reorder_point: int | None = None

    def barcodes(self) -> list[tuple[str, BarcodeKind, int]]:
        """(code, kind, units) for every code on the row."""
        found = [(code, BarcodeKind.UNIT, 1) for code in self.codes]
        if self.case_code is not None and self.case_qty is not None:
            found.append((self.case_code, BarcodeKind.CASE, self.case_qty))
        return found


@dataclass(frozen=True, slots=True)
class StoredProduct:
    """A product as it is in the database, in the fields a products file can change."""

    id: int
    sku: str
    name: str
    variant: str
    location: str | None
    weight_g: int | None
    lot_tracked: bool
    expiry_tracked: bool
    min_shelf_life_days: int
    lot_check: LotCheck = LotCheck.GS1
    reorder_point: int | None = None


@dataclass(frozen=True, slots=True)
class StoredBarcode:
    """A barcode as it is in the database, with the SKU it belongs to."""

    sku: str
    kind: BarcodeKind
    qty: int


def read_products(sheet: Sheet, problems: list[Problem]) -> list[ProductDraft]:
    """The rows of a products file, with every problem of the file itself added to `problems`."""
    cells = cell_reader(sheet, REQUIRED, problems)
    if cells is None:
        return []
    drafts: list[ProductDraft] = []
    seen_sku: dict[str, int] = {}
    seen_code: dict[str, tuple[str, int]] = {}
    for row in sheet.rows:
        draft = _read_row(cells, row)
        if draft is None:
            continue
        if draft.sku in seen_sku:
            cells.complain(row, "sku", f'"{draft.sku}" is already on line {seen_sku[draft.sku]}')
            continue
        seen_sku[draft.sku] = row.line
        for code, kind, _qty in draft.barcodes():
            column = "barcode" if kind is BarcodeKind.UNIT else "case_barcode"
            if code in seen_code:
                other_sku, other_line = seen_code[code]
                whose = (
                    "this row" if other_sku == draft.sku else f"{other_sku} on line {other_line}"
                )
                cells.complain(row, column, f'"{code}" is already used by {whose}')
            else:
                seen_code[code] = (draft.sku, row.line)
        drafts.append(draft)
    return drafts


def check_codes(drafts: list[ProductDraft], owners: Owners, cells: CellReader) -> None:
    """A problem for each barcode or bin that a scan would read as another kind: one held by
    another kind in the database (`owners`) or on an earlier row, or one starting KCMD:."""
    earlier: dict[str, list[CodeOwner]] = {}
    for draft in drafts:
        found = []
        for code, barcode_kind, _qty in draft.barcodes():
            column = "barcode" if barcode_kind is BarcodeKind.UNIT else "case_barcode"
            found.append((column, code, ScanKind.PRODUCT))
        if draft.location is not None:
            found.append(("location", draft.location, ScanKind.LOCATION))
        # Each code is checked against those before it, its own row's barcodes included.
        for column, code, kind in found:
            problem = code_problem(code, kind, owners, earlier)
            if problem:
                cells.complain(draft.line, column, problem)
            whose = f"a barcode of {draft.sku}" if kind is ScanKind.PRODUCT else "a bin"
            earlier.setdefault(code, []).append(CodeOwner(kind, f"{whose} (line {draft.line})"))


def _read_row(cells: CellReader, row: Row) -> ProductDraft | None:
    before = len(cells.problems)
    sku = cells.text(row, "sku", required=True, most=64)
    name = cells.text(row, "name", required=True, most=200)
    codes: list[str] = []
    raw_codes = row.get("barcode")
    if not raw_codes:
        cells.complain(row, "barcode", "empty (a value is required)")
    for part in raw_codes.split("|") if raw_codes else []:
        part = part.strip()
        if not part:
            cells.complain(row, "barcode", f'"{raw_codes}" has an empty code between "|"')
            continue
        try:
            codes.append(barcode(part))
        except FieldError as exc:
            cells.complain(row, "barcode", str(exc))
    case_code = cells.value(row, "case_barcode", barcode)
    case_qty = cells.value(row, "case_qty", lambda v: whole_number(v, least=2))
    if case_code is not None and case_qty is None and not row.get("case_qty"):
        cells.complain(row, "case_qty", "a case barcode needs case_qty (2 or more units)")
    if case_qty is not None and case_code is None and not row.get("case_barcode"):
        cells.complain(row, "case_barcode", "case_qty is given but no case barcode")
    variant = cells.text(row, "variant", most=100) or None
    location = cells.value(row, "location", bin_code)
    weight = cells.value(row, "weight_g", lambda v: whole_number(v, least=1, most=10_000_000))
    lot_tracked = cells.value(row, "lot_tracked", flag)
    expiry_tracked = cells.value(row, "expiry_tracked", flag)
    shelf_life = cells.value(
        row, "min_shelf_life_days", lambda v: whole_number(v, least=0, most=36_500)
    )
    lot_check = cells.value(row, "lot_check", lot_check_value)
    reorder_point = cells.value(row, "reorder_point", lambda v: whole_number(v, least=0))
    if len(cells.problems) > before:
        return None
    return ProductDraft(
        row.line,
        sku,
        name,
        tuple(codes),
        case_code,
        case_qty,
        variant,
        location,
        weight,
        lot_tracked,
        expiry_tracked,
        shelf_life,
        lot_check,
        reorder_point,
    )


def lot_check_value(value: str) -> LotCheck:
    """`gs1` or `confirm` (in any case): how a lot product's unit proves its lot."""
    try:
        return LotCheck(normalised(value).lower())
    except ValueError:
        known = ", ".join(check.value for check in LotCheck)
        raise FieldError(f"{shown(value)} is not a lot check ({known})") from None


@dataclass(slots=True)
class ProductPlan:
    """What importing the checked rows will do to the products and barcodes."""

    new: list[ProductDraft] = field(default_factory=list)
    changed: list[tuple[int, ProductDraft]] = field(default_factory=list)
    unchanged: int = 0
    new_barcodes: list[tuple[str, str, BarcodeKind, int]] = field(default_factory=list)
    changed_barcodes: list[tuple[str, BarcodeKind, int]] = field(default_factory=list)


def plan_products(
    drafts: list[ProductDraft],
    stored: Mapping[str, StoredProduct],
    owners: Mapping[str, StoredBarcode],
    cells: CellReader,
) -> ProductPlan:
    """Sort rows into new, changed and unchanged products; another product's code is a problem.

    `stored` holds the products of the rows' SKUs, `owners` the stored barcodes
    among the rows' codes.
    """
    plan = ProductPlan()
    for draft in drafts:
        touched = False
        for code, kind, qty in draft.barcodes():
            owner = owners.get(code)
            column = "barcode" if kind is BarcodeKind.UNIT else "case_barcode"
            if owner is None:
                plan.new_barcodes.append((draft.sku, code, kind, qty))
                touched = True
            elif owner.sku != draft.sku:
                cells.complain(draft.line, column, f'"{code}" already belongs to {owner.sku}')
            elif (owner.kind, owner.qty) != (kind, qty):
                plan.changed_barcodes.append((code, kind, qty))
                touched = True
        current = stored.get(draft.sku)
        if current is None:
            plan.new.append(draft)
        elif touched or _differs(draft, current):
            plan.changed.append((current.id, draft))
        else:
            plan.unchanged += 1
    return plan


def _differs(draft: ProductDraft, current: StoredProduct) -> bool:
    given = (
        (draft.name, current.name),
        (draft.variant, current.variant),
        (draft.location, current.location),
        (draft.weight_g, current.weight_g),
        (draft.lot_tracked, current.lot_tracked),
        (draft.expiry_tracked, current.expiry_tracked),
        (draft.min_shelf_life_days, current.min_shelf_life_days),
        (draft.lot_check, current.lot_check),
        (draft.reorder_point, current.reorder_point),
    )
    return any(new is not None and new != old for new, old in given)


def merged(draft: ProductDraft, current: StoredProduct | None) -> dict[str, object]:
    """The product's fields after the import: the row's where given, else stored or default."""
    if current is None:
        base: dict[str, object] = {
            "variant": "",
            "location": None,
            "weight_g": None,
            "lot_tracked": False,
            "expiry_tracked": False,
            "min_shelf_life_days": 0,
            "lot_check": LotCheck.GS1,
            "reorder_point": None,
        }
    else:
        base = {
            "variant": current.variant,
            "location": current.location,
            "weight_g": current.weight_g,
            "lot_tracked": current.lot_tracked,
            "expiry_tracked": current.expiry_tracked,
            "min_shelf_life_days": current.min_shelf_life_days,
            "lot_check": current.lot_check,
            "reorder_point": current.reorder_point,
        }
    given: dict[str, object] = {
        "variant": draft.variant,
        "location": draft.location,
        "weight_g": draft.weight_g,
        "lot_tracked": draft.lot_tracked,
        "expiry_tracked": draft.expiry_tracked,
        "min_shelf_life_days": draft.min_shelf_life_days,
        "lot_check": draft.lot_check,
        "reorder_point": draft.reorder_point,
    }
    fields = {key: base[key] if given[key] is None else given[key] for key in base}
    return {"sku": draft.sku, "name": draft.name, **fields}
