"""What a shipping label says: addresses, carrier, delivery wishes, parcel and tracking number.

Plain values only; `app/labels` turns a `LabelContent` into ZPL or PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.core.carriers import CARRIERS, CarrierCode, parse_carrier
from app.core.errors import Refused


class LabelFormat(StrEnum):
    """What a label is rendered as: ZPL II for thermal printers, PDF for office printers."""

    ZPL = "zpl"
    PDF = "pdf"


class Symbology(StrEnum):
    """The barcode a label's tracking number is printed in."""

    CODABAR = "codabar"
    CODE128 = "code128"


#: The one table of which barcode each carrier's labels carry. The Japanese
#: carriers' own slips print the tracking number in NW-7 (Codabar) between
#: start/stop characters A…A; a generic carrier gets Code 128.
CARRIER_SYMBOLOGY: dict[CarrierCode, Symbology] = {
    CarrierCode.YAMATO: Symbology.CODABAR,
    CarrierCode.SAGAWA: Symbology.CODABAR,
    CarrierCode.JAPANPOST: Symbology.CODABAR,
    CarrierCode.GENERIC: Symbology.CODE128,
}
CODABAR_START = "A"
CODABAR_STOP = "A"
#: Longer numbers would not fit the barcode area at a scannable module width.
MAX_TRACKING_DIGITS = 24


@dataclass(frozen=True, slots=True)
class ShipTo:
    """The customer the parcel goes to."""

    postal_code: str
    prefecture: str
    city: str
    address1: str
    address2: str
    name: str
    phone: str


@dataclass(frozen=True, slots=True)
class ShipFrom:
    """The shop or warehouse the parcel comes from (ご依頼主)."""

    name: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class LabelContent:
    """Everything printed on one parcel's shipping label."""

    ship_to: ShipTo
    ship_from: ShipFrom
    carrier: CarrierCode
    carrier_name: str
    service: str
    delivery_date: dt.date | None
    delivery_time: str
    order_number: str
    parcel_no: int
    parcel_count: int
    tracking_number: str
    tracking_display: str
    symbology: Symbology
    gift: bool = False

    @property
    def barcode_data(self) -> str:
        """What the barcode encodes: the digits, inside start/stop characters for Codabar."""
        if self.symbology is Symbology.CODABAR:
            return f"{CODABAR_START}{self.tracking_number}{CODABAR_STOP}"
        return self.tracking_number


def tracking_display(digits: str) -> str:
    """The human-readable tracking number: digits in groups of four, as carriers print them."""
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def postal_display(postal_code: str) -> str:
    """〒123-4567 for a seven-digit postal code; anything else as given after 〒."""
    digits = postal_code.replace("-", "").strip()
    if len(digits) == 7 and digits.isascii() and digits.isdigit():
        return f"〒{digits[:3]}-{digits[3:]}"
    return f"〒{postal_code.strip()}" if postal_code.strip() else ""


@dataclass(frozen=True, slots=True)
class LabelOrder:
    """The order's fields a label prints, as the order has them."""

    number: str
    ship_to: ShipTo
    delivery_date: dt.date | None = None
    delivery_time: str = ""
    gift: bool = False


@dataclass(frozen=True, slots=True)
class LabelParcel:
    """The parcel a label is for: its carrier and service as stored (code or name, service
    possibly empty), its tracking number, and which of the order's parcels it is."""

    carrier: str
    service: str
    tracking_number: str
    parcel_no: int = 1
    parcel_count: int = 1


def build_label(order: LabelOrder, parcel: LabelParcel, ship_from: ShipFrom) -> LabelContent:
    """The label for one parcel of an order, from the order's plain fields.

    Refused when the carrier is unknown, the tracking number is not all digits,
    or the parcel number is outside 1..parcel_count.
    """
    code = parse_carrier(parcel.carrier)
    if code is None:
        raise Refused(f"order {order.number}: carrier: {parcel.carrier!r} is not a known carrier")
    digits = parcel.tracking_number.strip()
    if not (digits.isascii() and digits.isdigit() and len(digits) <= MAX_TRACKING_DIGITS):
        raise Refused(
            f"order {order.number}: tracking number {parcel.tracking_number!r} "
            f"is not 1 to {MAX_TRACKING_DIGITS} digits"
        )
    if not 1 <= parcel.parcel_no <= parcel.parcel_count:
        raise Refused(
            f"order {order.number}: parcel {parcel.parcel_no} of {parcel.parcel_count} "
            "does not exist"
        )
    known = CARRIERS[code]
    return LabelContent(
        ship_to=order.ship_to,
        ship_from=ship_from,
        carrier=code,
        carrier_name=known.name_ja,
        service=parcel.service.strip() or known.default_service,
        delivery_date=order.delivery_date,
        delivery_time=order.delivery_time.strip(),
        order_number=order.number,
        parcel_no=parcel.parcel_no,
        parcel_count=parcel.parcel_count,
        tracking_number=digits,
        tracking_display=tracking_display(digits),
        symbology=CARRIER_SYMBOLOGY[code],
        gift=order.gift,
    )
