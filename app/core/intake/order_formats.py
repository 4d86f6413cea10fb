"""Reading orders files, one row per order line, whatever the shop's format.

The rows of one order share its number (`Name` in Shopify, `order_number`
in the generic file). The order's fields are read from its first row; later
rows may leave them empty or repeat them, and a repeated value that says
something else is a problem. Two rows of the same SKU on one order are one
line with the quantities added, since the packer scans them alike.

This module holds the reading and Kenpin's generic format; Shopify's export
is described in `intake_shopify`.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field
from typing import Any

from app.core.carriers import CARRIERS, CarrierCode, parse_carrier, unknown_carrier
from app.core.errors import Problem
from app.core.intake.fields import (
    MAX_QTY,
    FieldError,
    delivery_date,
    delivery_time,
    email,
    limited,
    moment,
    phone,
    postal_code,
    whole_number,
)
from app.core.intake.orders import OrderContent, OrderDraft
from app.core.intake.prefectures import prefecture
from app.core.intake.rows import CellReader, Row, Sheet, cell_reader

#: The generic orders file's header as documented, in its order (`notes` may be added).
GENERIC_COLUMNS = (
    "order_number",
    "order_date",
    "customer_name",
    "postal_code",
    "prefecture",
    "city",
    "address1",
    "address2",
    "phone",
    "email",
    "carrier",
    "service",
    "delivery_date",
    "delivery_time",
    "gift_message",
    "sku",
    "qty",
)

Parse = Callable[[str], Any]
Assemble = Callable[[CellReader, str, "OrderGroup", CarrierCode], OrderContent | None]


def text_of(most: int) -> Parse:
    """A parser for text of at most `most` characters."""
    return lambda value: limited(value, most)


def _carrier_code(value: str) -> CarrierCode:
    found = parse_carrier(value)
    if found is None:
        raise FieldError(unknown_carrier(value))
    return found


@dataclass(slots=True)
class OrderGroup:
    """One order's rows so far: its first row, that row's order fields, its lines."""

    first: Row
    values: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    line_rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OrderFormat:
    """Which columns of one kind of orders file hold what."""

    source: str
    number: str
    sku: str
    qty: str
    #: Header columns the format cannot do without.
    required: tuple[str, ...]
    #: Order-level columns, how each is read, and whether an order's first row must fill it.
    columns: dict[str, tuple[Parse, bool]]
    #: Makes an order of its first row's values and its lines (None when it cannot).
    assemble: Assemble
    #: Columns of text that may run over several lines (tabs and line breaks allowed).
    multiline: frozenset[str] = frozenset()


def detect_format(sheet: Sheet) -> str | None:
    """`shopify` or `generic` from the header, or None when it is neither."""
    if sheet.has("Name") and sheet.has("Lineitem sku"):
        return "shopify"
    if sheet.has("order_number") and sheet.has("sku"):
        return "generic"
    return None


def read_orders(
    sheet: Sheet,
    spec: OrderFormat,
    known_skus: Container[str],
    default_carrier: CarrierCode,
    problems: list[Problem],
) -> list[OrderDraft]:
    """The orders of a file in format `spec`, every problem added to `problems`."""
    cells = cell_reader(sheet, spec.required, problems)
    if cells is None:
        return []
    columns = [(name, parse, req) for name, (parse, req) in spec.columns.items() if sheet.has(name)]
    groups: dict[str, OrderGroup] = {}
    for row in sheet.rows:
        number = cells.text(row, spec.number, required=True, most=64)
        sku = cells.text(row, spec.sku, required=True, most=64)
        qty = cells.value(row, spec.qty, whole_number, required=True)
        if sku and sku not in known_skus:
            cells.complain(row, spec.sku, f'"{sku}" is not a known product')
        if not number:
            continue
        group = groups.get(number)
        if group is None:
            group = groups[number] = OrderGroup(row, _order_values(cells, row, columns))
        else:
            _check_repeats(cells, group, row, columns)
        if sku and qty is not None:
            _add_line(cells, row, spec, group, (sku, qty))
    drafts = []
    for number, group in groups.items():
        content = spec.assemble(cells, number, group, default_carrier)
        if content is not None:
            rows = tuple(group.line_rows.values())
            drafts.append(OrderDraft(content, group.first.line, rows, spec.source))
    return drafts


def _add_line(
    cells: CellReader, row: Row, spec: OrderFormat, group: OrderGroup, line: tuple[str, int]
) -> None:
    """Add a row's units to the order's line of its SKU, keeping the line within MAX_QTY."""
    sku, qty = line
    total = group.lines.get(sku, 0) + qty
    if total > MAX_QTY:
        message = f"{sku} on this order comes to {total:,} units (at most {MAX_QTY:,})"
        cells.complain(row, spec.qty, message)
        return
    group.lines[sku] = total
    group.line_rows.setdefault(sku, row.line)


def _order_values(
    cells: CellReader, row: Row, columns: list[tuple[str, Parse, bool]]
) -> dict[str, Any]:
    """The order fields on an order's first row (None where empty or bad)."""
    values: dict[str, Any] = {}
    found = row.cells
    for name, parse, required in columns:
        raw = found.get(name)
        values[name] = None
        if raw:
            try:
                values[name] = parse(raw)
            except FieldError as exc:
                cells.complain(row, name, str(exc))
        elif required:
            cells.complain(row, name, "empty (a value is required)")
    return values


def _check_repeats(
    cells: CellReader, group: OrderGroup, row: Row, columns: list[tuple[str, Parse, bool]]
) -> None:
    found, first_found = row.cells, group.first.cells
    for name, parse, _required in columns:
        raw = found.get(name)
        if not raw:
            continue
        first = first_found.get(name)
        # A bad first value has been reported already; comparing with it says nothing.
        if raw == first or (first and group.values[name] is None):
            continue
        try:
            same = parse(raw) == group.values[name]
        except FieldError:
            same = False
        if not same:
            shown = f'"{first}"' if first else "empty"
            cells.complain(
                row, name, f'"{raw}" differs from line {group.first.line} ({shown}) of this order'
            )


def _generic_content(
    cells: CellReader, number: str, group: OrderGroup, default: CarrierCode
) -> OrderContent | None:
    v = group.values
    carrier = v.get("carrier") or default
    service = v.get("service") or CARRIERS[carrier].default_service
    if service not in CARRIERS[carrier].services:
        offered = ", ".join(CARRIERS[carrier].services)
        cells.complain(
            group.first, "service", f'"{service}" is not a {carrier} service ({offered})'
        )
        return None
    return order_content(
        number,
        group,
        v["order_date"],
        v["customer_name"],
        v["postal_code"],
        v["prefecture"],
        v["city"],
        v["address1"],
        address2=v.get("address2") or "",
        phone=v.get("phone") or "",
        email=v.get("email") or "",
        carrier=carrier.value,
        service=service,
        delivery_date=v.get("delivery_date"),
        delivery_time=v.get("delivery_time") or "",
        gift_message=v.get("gift_message") or "",
        notes=v.get("notes") or "",
    )


def order_content(
    number: str, group: OrderGroup, *required: Any, **optional: Any
) -> OrderContent | None:
    """The order from its required fields (date, name, postal code, prefecture, city,
    address 1) and optional ones; None when a required one is missing (already reported)."""
    if any(value is None or value == "" for value in required) or not group.lines:
        return None
    optional["lines"] = tuple(group.lines.items())
    date, name, postal, region, city, address1 = required
    return OrderContent(number, date, name, postal, region, city, address1, **optional)


GENERIC = OrderFormat(
    source="generic",
    number="order_number",
    sku="sku",
    qty="qty",
    required=(
        *("order_number", "order_date", "customer_name", "postal_code", "prefecture"),
        *("city", "address1", "sku", "qty"),
    ),
    columns={
        "order_date": (moment, True),
        "customer_name": (text_of(200), True),
        "postal_code": (postal_code, True),
        "prefecture": (prefecture, True),
        "city": (text_of(100), True),
        "address1": (text_of(200), True),
        "address2": (text_of(200), False),
        "phone": (phone, False),
        "email": (email, False),
        "carrier": (_carrier_code, False),
        "service": (text_of(32), False),
        "delivery_date": (delivery_date, False),
        "delivery_time": (delivery_time, False),
        "gift_message": (text_of(2000), False),
        "notes": (text_of(4000), False),
    },
    assemble=_generic_content,
    multiline=frozenset({"gift_message", "notes"}),
)
