"""Yamato B2クラウド 送り状発行データ (外部データ取込): 97 columns, one row per parcel.

B2 reads the columns by position, not by the header's words, so the header names the
columns the way B2's layout does where known (1-42, 74-84, 96-97) and by group for the
rest, all blank. The issued-data export B2 gives back has the same layout, with the
伝票番号 (column 4) filled: `app.services.carriers` reads it.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.dispatch import fields
from app.core.dispatch.jis import Fitting, han, zen
from app.core.dispatch.settings import DispatchSettings
from app.core.dispatch.shipment import Shipment
from app.core.label import ShipFrom
from app.core.shop import YAMATO_CUSTOMER_CODE, YAMATO_FREIGHT_CODE

LAYOUT = "B2クラウド"
_PARTY = ("コード", "電話番号", "電話番号枝番", "郵便番号", "住所", "住所アパートマンション名")
COLUMNS: tuple[str, ...] = (
    "お客様管理番号",
    "送り状種類",
    "クール区分",
    "伝票番号",
    "出荷予定日",
    "お届け予定日",
    "配達時間帯",
    *(f"お届け先{name}" for name in _PARTY),
    "お届け先会社・部門1",
    "お届け先会社・部門2",
    "お届け先名",
    "お届け先名略称カナ",
    "敬称",
    *(f"ご依頼主{name}" for name in _PARTY),
    "ご依頼主名",
    "ご依頼主名略称カナ",
    "品名コード1",
    "品名1",
    "品名コード2",
    "品名2",
    "荷扱い1",
    "荷扱い2",
    "記事",
    "コレクト代金引換額（税込）",
    "内消費税額等",
    "止置き",
    "営業所コード",
    "発行枚数",
    "個数口表示フラグ",
    "請求先顧客コード",
    "請求先分類コード",
    "運賃管理番号",
    *(f"クロネコwebコレクト{n}" for n in range(1, 6)),
    *(f"お届け予定eメール{n}" for n in range(1, 5)),
    *(f"お届け完了eメール{n}" for n in range(1, 4)),
    *(f"収納代行{n}" for n in range(1, 20)),
    "複数口くくりキー",
    *(f"検索キー{kind}{n}" for n in range(1, 6) for kind in ("タイトル", "")),
    *(f"投函予定メール{n}" for n in range(1, 6)),
    *(f"投函完了メール{n}" for n in range(1, 7)),
    "連携管理番号",
    "通知メールアドレス",
)
#: Positions (0-based) of the columns Kenpin writes and reads back.
ORDER, KIND, COOL, TRACKING = 0, 1, 2, 3
#: 配達時間帯: the slots B2 takes today (1214 and 2021 are legacy, not written).
SLOTS = {
    fields.MORNING: "0812",
    "14-16": "1416",
    "16-18": "1618",
    "18-20": "1820",
    "19-21": "1921",
}
_ORDER_NUMBER_MOST = 20


def rows(
    shipments: Sequence[Shipment], sender: ShipFrom, settings: DispatchSettings
) -> list[list[str]]:
    """One row per parcel (each with its tracking number; 個数口 blank, so each is its own
    slip); refused with every problem of every order."""
    fit = Fitting(LAYOUT)
    for key, value in (
        (YAMATO_CUSTOMER_CODE, settings.yamato_customer_code),
        (YAMATO_FREIGHT_CODE, settings.yamato_freight_code),
    ):
        if not value:
            fit.problems.append(f"{key}: not set; {LAYOUT} requires it (kenpin settings set)")
    shipper = _shipper(fit, sender)
    found: list[list[str]] = []
    for order in shipments:
        row = _row(fit, order, settings)
        row[18:26] = shipper
        found.extend([*row[:TRACKING], number, *row[TRACKING + 1 :]] for number in _parcels(order))
    fit.done()
    return found


def write(shipments: Sequence[Shipment], sender: ShipFrom, settings: DispatchSettings) -> bytes:
    """The B2クラウド upload file: CP932, CRLF, the header row, then one row per parcel."""
    return fields.csv_bytes(COLUMNS, rows(shipments, sender, settings))


def _parcels(order: Shipment) -> tuple[str, ...]:
    # An order without numbers yet is one slip for B2 to number.
    return order.tracking_numbers or ("",)


def _row(fit: Fitting, order: Shipment, settings: DispatchSettings) -> list[str]:
    number = order.order_number
    row = [""] * len(COLUMNS)
    row[ORDER] = _order_number(fit, number)
    row[KIND] = settings.b2_types.get(order.service or "宅急便", "")
    if not row[KIND]:
        fit.refuse(
            number,
            "送り状種類",
            f"no code for the service {order.service!r} in yamato.b2_types "
            f"({', '.join(settings.b2_types)})",
        )
    row[COOL] = "0"
    row[4] = f"{order.ship_date:%Y/%m/%d}"
    row[5] = f"{order.delivery_date:%Y/%m/%d}" if order.delivery_date else ""
    row[6] = fields.slot_code(fit, order, "配達時間帯", SLOTS)
    to = order.ship_to
    row[8] = fields.phone(fit, number, "お届け先電話番号", to.phone, han(15))
    row[10] = fields.postal(fit, number, "お届け先郵便番号", to.postal_code)
    city = fit.text(number, "お届け先住所 (市区郡町村)", to.city, zen(12))
    town, building = fit.spread(number, "お届け先住所", (to.address1, to.address2), [zen(16)] * 2)
    row[11] = f"{fit.writable(number, 'お届け先住所', to.prefecture) or ''}{city}{town}"
    row[12] = building
    row[15] = fit.text(number, "お届け先名", to.name, zen(16), required=True)
    row[17] = fields.HONORIFIC
    row[27] = fields.goods(fit, order, "品名1", settings, zen(25))
    row[39] = settings.yamato_customer_code
    row[41] = settings.yamato_freight_code
    return row


def _order_number(fit: Fitting, number: str) -> str:
    """The お客様管理番号: the order number without Shopify's leading `#`, ≤ 20 半角英数."""
    text = number.removeprefix("#")
    if not (text.isascii() and text.isalnum() and len(text) <= _ORDER_NUMBER_MOST):
        fit.refuse(
            number,
            "お客様管理番号",
            f"{number!r} is not 1 to {_ORDER_NUMBER_MOST} 半角英数 (a leading # is dropped)",
        )
        return ""
    return text


def _shipper(fit: Fitting, sender: ShipFrom) -> list[str]:
    """Columns 19-26, ご依頼主: the shop's settings (B2 splits the address itself)."""
    who = "ご依頼主"
    address, building = fit.spread(who, "ご依頼主住所", (sender.address,), [zen(32), zen(16)])
    return [
        "",
        fields.phone(fit, who, "ご依頼主電話番号", sender.phone, han(15)),
        "",
        fields.postal(fit, who, "ご依頼主郵便番号", sender.postal_code),
        address,
        building,
        fit.text(who, "ご依頼主名", sender.name, zen(16)),
        "",
    ]
