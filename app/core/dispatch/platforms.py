"""Shop platforms' shipment-confirmation files: Rakuten RMS, Amazon JP, Shopify, generic.

Each tells the platform which orders left with which tracking numbers, so the shop's
customers get their 発送完了 notice and tracking link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from app.core.carriers import CarrierCode
from app.core.dispatch import fields
from app.core.dispatch.settings import DispatchSettings, carrier_name, tracking_url
from app.core.dispatch.shipment import Shipment
from app.core.spreadsheet import ENCODING, safe_cell

RAKUTEN_COLUMNS = ("注文番号", "送付先ID", "発送明細ID", "お荷物伝票番号", "配送会社", "発送日")
#: 配送会社 codes of RMS (confirmed).
RAKUTEN_CARRIERS = {
    CarrierCode.YAMATO: "1001",
    CarrierCode.SAGAWA: "1002",
    CarrierCode.JAPANPOST: "1003",
    CarrierCode.GENERIC: "1000",
}
#: Row 1 of Amazon's template: what follows the version is Amazon's own note (unsure text;
#: the upload keys on TemplateType and Version).
AMAZON_TEMPLATE = (
    "TemplateType=OrderFulfillment",
    "Version=2011.1102",
    "この行はAmazonが使用しますので変更や削除しないでください。",
)
AMAZON_NAMES = (
    "注文番号",
    "注文商品番号",
    "出荷数",
    "出荷日",
    "配送業者コード",
    "配送業者名",
    "お問い合わせ伝票番号",
    "配送方法",
    "代金引換",
)
AMAZON_COLUMNS = (
    "order-id",
    "order-item-id",
    "quantity",
    "ship-date",
    "carrier-code",
    "carrier-name",
    "tracking-number",
    "ship-method",
    "cod-collection-method",
)
SHOPIFY_COLUMNS = ("Order", "Tracking Number", "Tracking Company", "Tracking URL")
#: The spellings Shopify builds its tracking links from.
SHOPIFY_CARRIERS = {
    CarrierCode.YAMATO: "Yamato (JA)",
    CarrierCode.SAGAWA: "Sagawa (JA)",
    CarrierCode.JAPANPOST: "Japan Post (JA)",
    CarrierCode.GENERIC: "Other",
}
GENERIC_COLUMNS = ("order_number", "carrier", "tracking_number", "tracking_url", "ship_date")


def _parcels(shipments: Sequence[Shipment]) -> Iterator[tuple[Shipment, str]]:
    """(order, tracking number) of every parcel, orders in the manifest's order."""
    for order in shipments:
        for number in order.tracking_numbers:
            yield order, number


def rakuten(shipments: Sequence[Shipment], settings: DispatchSettings) -> bytes:
    """RMS 発送完了 CSV: one row per parcel, 送付先ID and 発送明細ID blank (one
    destination), CP932, CRLF."""
    del settings
    rows = [
        [order.order_number, "", "", number, RAKUTEN_CARRIERS[order.carrier], f"{order.ship_date}"]
        for order, number in _parcels(shipments)
    ]
    return fields.csv_bytes(RAKUTEN_COLUMNS, rows)


def amazon(shipments: Sequence[Shipment], settings: DispatchSettings) -> bytes:
    """Amazon JP's shipment-confirmation flat file: tab-separated, three header rows, one
    row per order with its first tracking number (Amazon takes one number per
    confirmation; order-item-id and quantity blank confirm the whole order), CP932."""
    lines = [AMAZON_TEMPLATE, AMAZON_NAMES, AMAZON_COLUMNS]
    for order in shipments:
        if not order.tracking_numbers:
            continue
        code, name = settings.amazon_carriers[order.carrier]
        number = order.tracking_numbers[0]
        lines.append(
            (
                order.order_number,
                "",
                "",
                f"{order.ship_date}",
                code,
                name,
                number,
                order.service,
                "",
            )
        )
    text = "".join("\t".join(cell.replace("\t", " ") for cell in line) + "\r\n" for line in lines)
    return text.encode("cp932")


def shopify(shipments: Sequence[Shipment], settings: DispatchSettings) -> bytes:
    """Order name, tracking number, Shopify's carrier spelling and link; UTF-8, CRLF."""
    rows = [
        [
            order.order_number,
            number,
            SHOPIFY_CARRIERS[order.carrier],
            tracking_url(order.carrier, number, settings),
        ]
        for order, number in _parcels(shipments)
    ]
    return fields.csv_bytes(SHOPIFY_COLUMNS, rows, "utf-8")


def generic(shipments: Sequence[Shipment], settings: DispatchSettings) -> bytes:
    """Order, carrier, tracking number, link and ship date per parcel; UTF-8 with a BOM for
    spreadsheets, every cell made safe from formulas."""
    rows = [
        [
            safe_cell(order.order_number),
            carrier_name(order.carrier),
            number,
            tracking_url(order.carrier, number, settings),
            f"{order.ship_date}",
        ]
        for order, number in _parcels(shipments)
    ]
    return fields.csv_bytes(GENERIC_COLUMNS, rows, ENCODING)


@dataclass(frozen=True, slots=True)
class PlatformFile:
    """One platform's shipment file: its key, its title, its writer and file extension."""

    key: str
    title: str
    write: Callable[[Sequence[Shipment], DispatchSettings], bytes]
    extension: str = "csv"

    def file_name(self, day: dt.date) -> str:
        """The name suggested for `day`'s file: `rakuten-shipped-2026-12-02.csv`."""
        return f"{self.key}-shipped-{day:%Y-%m-%d}.{self.extension}"


PLATFORM_FILES: dict[str, PlatformFile] = {
    file.key: file
    for file in (
        PlatformFile("rakuten", "Rakuten RMS 発送完了", rakuten),
        PlatformFile("amazon", "Amazon JP shipment confirmation", amazon, "txt"),
        PlatformFile("shopify", "Shopify tracking numbers", shopify),
        PlatformFile("generic", "Generic shipment CSV", generic),
    )
}
