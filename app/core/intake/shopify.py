"""Shopify's order export: which columns say what, and what its notes may carry.

- `Name` is the order number, `Created at` the order time, the `Shipping *`
  columns the address; order fields are filled only on an order's first row.
- `Shipping Method` names the carrier (ヤマト, 佐川, ゆうパック, ...) and its
  service; a method that names none gets the default carrier.
- `Cancelled at` filled in: the order is imported as cancelled.
- `Shipping Company` is added to the end of address line 2, so a business
  address keeps its company name on the label.
- `Shipping Phone` falls back to `Phone`, `Shipping Province` (a code such as
  `JP-13`) to `Shipping Province Name`.
- `Note Attributes` (one `key: value` per line, as delivery-date and gift apps
  write them) may carry the gift message (`gift_message`, `ギフトメッセージ`,
  `メッセージカード`), a delivery date (`delivery_date`, `配送希望日`,
  `お届け希望日`) and a delivery time (`delivery_time`, `配送希望時間帯`,
  `お届け希望時間帯`). Other attributes are ignored.
"""

from __future__ import annotations

import functools
from typing import Any

from app.core.carriers import (
    CarrierCode,
    carrier_from_shipping_method,
    service_from_shipping_method,
)
from app.core.intake.fields import (
    FieldError,
    delivery_date,
    delivery_time,
    email,
    moment,
    phone,
    postal_code,
)
from app.core.intake.order_formats import OrderFormat, OrderGroup, order_content, text_of
from app.core.intake.orders import OrderContent
from app.core.intake.prefectures import prefecture
from app.core.intake.rows import CellReader

#: Every column of Shopify's order export, in Shopify's order (Kenpin reads a few of them).
EXPORT_COLUMNS = (
    *("Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at"),
    *("Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total"),
    *("Discount Code", "Discount Amount", "Shipping Method", "Created at"),
    *("Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price"),
    *("Lineitem sku", "Lineitem requires shipping", "Lineitem taxable"),
    *("Lineitem fulfillment status", "Billing Name", "Billing Street", "Billing Address1"),
    *("Billing Address2", "Billing Company", "Billing City", "Billing Zip", "Billing Province"),
    *("Billing Country", "Billing Phone", "Shipping Name", "Shipping Street"),
    *("Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City"),
    *("Shipping Zip", "Shipping Province", "Shipping Country", "Shipping Phone", "Notes"),
    *("Note Attributes", "Cancelled at", "Payment Method", "Payment Reference"),
    *("Refunded Amount", "Vendor", "Outstanding Balance", "Employee", "Location", "Device ID"),
    *("Id", "Tags", "Risk Level", "Source", "Lineitem discount", "Tax 1 Name", "Tax 1 Value"),
    *("Tax 2 Name", "Tax 2 Value", "Phone", "Receipt Number", "Duties"),
    *("Billing Province Name", "Shipping Province Name", "Payment ID", "Payment Terms Name"),
    *("Next Payment Due At", "Payment References"),
)

# A file names the same few shipping methods thousands of times.
_carrier_of = functools.lru_cache(maxsize=256)(carrier_from_shipping_method)
_service_of = functools.lru_cache(maxsize=256)(service_from_shipping_method)


def _country(value: str) -> str:
    if value.strip().casefold() not in ("jp", "jpn", "japan", "日本"):
        raise FieldError(f'"{value}" is not Japan: only domestic shipments are handled')
    return "JP"


_NOTE_KEYS = {
    "gift_message": ("giftmessage", "giftnote", "ギフトメッセージ", "メッセージカード"),
    "delivery_date": ("deliverydate", "配送希望日", "配達希望日", "お届け希望日", "配送日"),
    "delivery_time": (
        "deliverytime",
        "配送希望時間",
        "配送希望時間帯",
        "配達希望時間帯",
        "お届け希望時間",
        "お届け希望時間帯",
        "配送時間帯",
    ),
}
_NOTE_FIELD = {key: name for name, keys in _NOTE_KEYS.items() for key in keys}


def note_attributes(value: str) -> dict[str, Any]:
    """Gift message and delivery wishes from Shopify's `Note Attributes` (`key: value` lines)."""
    found: dict[str, str] = {}
    current: str | None = None
    for raw in value.splitlines():
        key, colon, rest = raw.partition(":")
        name = _NOTE_FIELD.get(key.strip().casefold().replace(" ", "").replace("_", ""))
        if colon and (name is not None or current is None or key.strip().isidentifier()):
            current = name
            if name is not None:
                found[name] = rest.strip()
        elif current is not None:
            found[current] = f"{found[current]}\n{raw.strip()}".strip()
    wishes: dict[str, Any] = {"gift_message": found.get("gift_message", "")}
    try:
        when = found.get("delivery_date", "")
        wishes["delivery_date"] = delivery_date(when) if when else None
        wishes["delivery_time"] = delivery_time(found.get("delivery_time", ""))
    except FieldError as exc:
        raise FieldError(f"delivery wish: {exc}") from None
    return wishes


def _shopify_content(
    cells: CellReader, number: str, group: OrderGroup, default: CarrierCode
) -> OrderContent | None:
    v = group.values
    first = group.first
    region = v.get("Shipping Province")
    if not first.get("Shipping Province"):
        # The name is only the fallback: a code that reads needs no name that reads.
        name = first.get("Shipping Province Name")
        try:
            region = prefecture(name) if name else None
        except FieldError as exc:
            cells.complain(first, "Shipping Province Name", str(exc))
        if not name:
            cells.complain(first, "Shipping Province", "empty (a value is required)")
    method = v.get("Shipping Method") or ""
    carrier = _carrier_of(method) or default
    wishes = v.get("Note Attributes") or {}
    address2 = " ".join(x for x in (v.get("Shipping Address2"), v.get("Shipping Company")) if x)
    if len(address2) > 200:
        cells.complain(first, "Shipping Company", "address line 2 with the company is too long")
        return None
    return order_content(
        number,
        group,
        v["Created at"],
        v["Shipping Name"],
        v["Shipping Zip"],
        region,
        v["Shipping City"],
        v["Shipping Address1"],
        address2=address2,
        phone=v.get("Shipping Phone") or v.get("Phone") or "",
        email=v.get("Email") or "",
        carrier=carrier.value,
        service=_service_of(carrier, method),
        delivery_date=wishes.get("delivery_date"),
        delivery_time=wishes.get("delivery_time", ""),
        gift_message=wishes.get("gift_message", ""),
        notes=v.get("Notes") or "",
        cancelled=bool(first.get("Cancelled at")),
    )


SHOPIFY = OrderFormat(
    source="shopify",
    number="Name",
    sku="Lineitem sku",
    qty="Lineitem quantity",
    required=(
        *("Name", "Created at", "Lineitem quantity", "Lineitem sku", "Shipping Name"),
        *("Shipping Zip", "Shipping Province", "Shipping City", "Shipping Address1"),
    ),
    columns={
        "Created at": (moment, True),
        "Shipping Name": (text_of(200), True),
        "Shipping Zip": (postal_code, True),
        "Shipping Province": (prefecture, False),
        "Shipping Province Name": (text_of(100), False),
        "Shipping City": (text_of(100), True),
        "Shipping Address1": (text_of(200), True),
        "Shipping Address2": (text_of(200), False),
        "Shipping Company": (text_of(100), False),
        "Shipping Country": (_country, False),
        "Shipping Phone": (phone, False),
        "Phone": (phone, False),
        "Email": (email, False),
        "Shipping Method": (text_of(200), False),
        "Notes": (text_of(4000), False),
        "Note Attributes": (note_attributes, False),
        "Cancelled at": (moment, False),
    },
    assemble=_shopify_content,
    multiline=frozenset({"Notes", "Note Attributes"}),
)
