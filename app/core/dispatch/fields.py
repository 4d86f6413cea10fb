"""What the carriers' files share: phone numbers, postal codes, 品名, delivery slots, CSV bytes."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence

from app.core.dispatch.jis import Fitting, Most
from app.core.dispatch.settings import DispatchSettings
from app.core.dispatch.shipment import Shipment
from app.core.text import shown

#: Written for the 敬称 of a private customer.
HONORIFIC = "様"
_PHONE_SEPARATORS = re.compile(r"[\s()\-‐‑‒–—―−ーｰ－]+")
_SLOT = re.compile(r"(\d{1,2})(?::00)?時?\s*[-~～〜ー－−]\s*(\d{1,2})(?::00)?時?")
MORNING = "午前中"


def phone(fit: Fitting, order: str, field: str, value: str, most: Most) -> str:
    """A phone number as carriers take it: digits, hyphens between the groups."""
    text = _PHONE_SEPARATORS.sub("-", unicodedata.normalize("NFKC", value)).strip("-")
    if not (text.isascii() and text.replace("-", "").isdigit()):
        fit.refuse(order, field, f"{shown(value)} is not a phone number (digits and hyphens)")
        return ""
    if len(text) > most.bytes:
        fit.refuse(order, field, f"{shown(text)} is {len(text)} 半角; {fit.layout} allows {most}")
        return ""
    return text


def postal(fit: Fitting, order: str, field: str, value: str) -> str:
    """A postal code written 123-4567."""
    digits = re.sub(r"[-‐−ー－〒\s]", "", unicodedata.normalize("NFKC", value))
    if not (digits.isascii() and digits.isdigit() and len(digits) == 7):
        fit.refuse(order, field, f"{shown(value)} is not a postal code (7 digits, 123-4567)")
        return ""
    return f"{digits[:3]}-{digits[3:]}"


def goods(fit: Fitting, order: Shipment, field: str, settings: DispatchSettings, most: Most) -> str:
    """The 品名: the shop's `carriers.contents` when set, else the first item's name, which
    must fit (a long product name is refused, not cut: set `carriers.contents`)."""
    if settings.contents:
        return settings.contents
    if not order.items:
        fit.refuse(order.order_number, field, "the order has no items to name")
        return ""
    before = len(fit.problems)
    name = fit.text(order.order_number, field, order.items[0].name, most)
    if len(fit.problems) > before:
        fit.problems[-1] += " (or set carriers.contents, the 品名 written for every parcel)"
    return name


def slot(delivery_time: str) -> str | None:
    """A delivery wish as `午前中` or `HH-HH` (`14-16`); "" for none, None when unreadable."""
    text = unicodedata.normalize("NFKC", delivery_time).strip()
    if not text or text in ("指定なし", "なし"):
        return ""
    if text in (MORNING, "午前", "AM"):
        return MORNING
    matched = _SLOT.fullmatch(text)
    if matched is None:
        return None
    found = f"{int(matched[1]):02d}-{int(matched[2]):02d}"
    return MORNING if found == "08-12" else found


def slot_code(fit: Fitting, order: Shipment, field: str, codes: dict[str, str]) -> str:
    """The carrier's code for the order's delivery wish (`codes`: slot -> code); blank for
    none, a problem naming the wishes the carrier takes for any other."""
    wish = slot(order.delivery_time)
    if wish == "":
        return ""
    if wish is not None and wish in codes:
        return codes[wish]
    fit.refuse(
        order.order_number,
        field,
        f"{shown(order.delivery_time)} is not a slot {fit.layout} takes ({', '.join(codes)})",
    )
    return ""


def csv_bytes(
    header: Sequence[str], rows: Iterable[Sequence[str]], encoding: str = "cp932"
) -> bytes:
    """The header and rows as CSV with CRLF line ends, in `encoding`."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
