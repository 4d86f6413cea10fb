"""Which upload file a carrier gets, what it is called, and the generic carrier's CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.core.carriers import CarrierCode
from app.core.dispatch import b2, fields, japanpost, keys, sagawa
from app.core.dispatch.settings import DispatchSettings
from app.core.dispatch.shipment import Shipment
from app.core.label import ShipFrom
from app.core.spreadsheet import ENCODING, safe_cell

#: A carrier file's writer: the manifest's shipments, the sender, the settings -> bytes.
Writer = Callable[[Sequence[Shipment], ShipFrom, DispatchSettings], bytes]

GENERIC_COLUMNS = (
    "order_number",
    "carrier",
    "service",
    "tracking_number",
    "ship_date",
    "name",
    "postal_code",
    "address",
    "phone",
    "items",
)


@dataclass(frozen=True, slots=True)
class CarrierFile:
    """One kind of upload file: its short key, its title, and its writer."""

    key: str
    title: str
    write: Writer

    def file_name(self, day: dt.date) -> str:
        """The name suggested for the file of `day`'s manifest: `yamato-b2-2026-12-02.csv`."""
        return f"{self.key}-{day:%Y-%m-%d}.csv"


def generic_rows(shipments: Sequence[Shipment]) -> list[list[str]]:
    """One row per parcel, every cell as a spreadsheet shows it (no formulas)."""
    found = []
    for order in shipments:
        to = order.ship_to
        address = f"{to.prefecture}{to.city}{to.address1} {to.address2}".strip()
        items = "; ".join(f"{item.sku} x{item.qty}" for item in order.items)
        for number in order.tracking_numbers or ("",):
            cells = (
                order.order_number,
                order.carrier,
                order.service,
                number,
                order.ship_date.isoformat(),
                to.name,
                to.postal_code,
                address,
                to.phone,
                items,
            )
            found.append([safe_cell(cell) for cell in cells])
    return found


def write_generic(
    shipments: Sequence[Shipment], sender: ShipFrom, settings: DispatchSettings
) -> bytes:
    """The generic carrier CSV: UTF-8 with a BOM (any character is kept), CRLF."""
    del sender, settings
    return fields.csv_bytes(GENERIC_COLUMNS, generic_rows(shipments), ENCODING)


B2 = CarrierFile("yamato-b2", "Yamato B2クラウド 送り状発行データ", b2.write)
EHIDEN = CarrierFile("sagawa-ehiden", "Sagawa e飛伝Ⅲ 出荷データ", sagawa.write)
YUPRI = CarrierFile("japanpost-yupri", "Japan Post ゆうプリR", japanpost.write_yupri)
CLICKPOST = CarrierFile(
    "japanpost-clickpost", "Japan Post クリックポスト まとめ申込", japanpost.write_clickpost
)
GENERIC = CarrierFile("generic", "Generic carrier CSV", write_generic)


def carrier_file(carrier: CarrierCode, service: str, settings: DispatchSettings) -> CarrierFile:
    """The file a manifest of `carrier` (and `service`) is uploaded as: Japan Post's is
    クリックポスト for that service or when `japanpost.file` says so, else ゆうプリR."""
    if carrier is CarrierCode.YAMATO:
        return B2
    if carrier is CarrierCode.SAGAWA:
        return EHIDEN
    if carrier is CarrierCode.JAPANPOST:
        wants_clickpost = settings.japanpost_file == keys.CLICKPOST
        return CLICKPOST if service == japanpost.CLICKPOST or wants_clickpost else YUPRI
    return GENERIC
