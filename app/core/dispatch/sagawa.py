"""Sagawa e飛伝Ⅲ 出荷データ: 74 columns by position, the common template's header, one row
per parcel with its お問い合せ送り状No."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.dispatch import fields
from app.core.dispatch.jis import Fitting, han, zen
from app.core.dispatch.settings import DispatchSettings
from app.core.dispatch.shipment import Shipment
from app.core.label import ShipFrom
from app.core.shop import SAGAWA_CUSTOMER_CODE

LAYOUT = "e飛伝Ⅲ"
COLUMNS: tuple[str, ...] = (
    "お届け先コード取得区分",
    "お届け先コード",
    "お届け先電話番号",
    "お届け先郵便番号",
    "お届け先住所1",
    "お届け先住所2",
    "お届け先住所3",
    "お届け先名称1",
    "お届け先名称2",
    "お客様管理番号",
    "お客様コード",
    "部署ご担当者コード取得区分",
    "部署ご担当者コード",
    "部署ご担当者名称",
    "荷送人電話番号",
    "ご依頼主コード取得区分",
    "ご依頼主コード",
    "ご依頼主電話番号",
    "ご依頼主郵便番号",
    "ご依頼主住所1",
    "ご依頼主住所2",
    "ご依頼主名称1",
    "ご依頼主名称2",
    "荷姿",
    *(f"品名{n}" for n in range(1, 6)),
    "荷札荷姿",
    *(f"荷札品名{n}" for n in range(1, 12)),
    "出荷個数",
    "スピード指定",
    "クール便指定",
    "配達日",
    "配達指定時間帯",
    "配達指定時間（時分）",
    "代引金額",
    "消費税",
    "決済種別",
    "保険金額",
    "指定シール1",
    "指定シール2",
    "指定シール3",
    "営業所受取",
    "SRC区分",
    "営業所受取営業所コード",
    "元着区分",
    "メールアドレス",
    "ご不在時連絡先",
    "出荷日",
    "お問い合せ送り状No.",
    "出荷場印字区分",
    "集約解除指定",
    *(f"編集{n:02d}" for n in range(1, 11)),
)
#: 配達指定時間帯 codes (confirmed): 04 is 18-21.
SLOTS = {
    fields.MORNING: "01",
    "12-14": "12",
    "14-16": "14",
    "16-18": "16",
    "18-20": "18",
    "19-21": "19",
    "18-21": "04",
}
ORDER, TRACKING = 9, 61
#: 元着区分 1: 元払 (the shop pays).
PREPAID = "1"
_ORDER_NUMBER_MOST = 16


def rows(
    shipments: Sequence[Shipment], sender: ShipFrom, settings: DispatchSettings
) -> list[list[str]]:
    """One row per parcel; refused with every problem of every order."""
    fit = Fitting(LAYOUT)
    if not settings.sagawa_customer_code:
        message = f"not set; {LAYOUT} requires the お客様コード (kenpin settings set)"
        fit.problems.append(f"{SAGAWA_CUSTOMER_CODE}: {message}")
    shipper = _shipper(fit, sender)
    found: list[list[str]] = []
    for order in shipments:
        row = _row(fit, order, settings)
        row[17:23] = shipper
        for number in order.tracking_numbers or ("",):
            found.append([*row[:TRACKING], number, *row[TRACKING + 1 :]])
    fit.done()
    return found


def write(shipments: Sequence[Shipment], sender: ShipFrom, settings: DispatchSettings) -> bytes:
    """The e飛伝Ⅲ upload file: CP932, CRLF, the header row, then one row per parcel."""
    return fields.csv_bytes(COLUMNS, rows(shipments, sender, settings))


def _row(fit: Fitting, order: Shipment, settings: DispatchSettings) -> list[str]:
    number = order.order_number
    to = order.ship_to
    row = [""] * len(COLUMNS)
    row[2] = fields.phone(fit, number, "お届け先電話番号", to.phone, han(14))
    row[3] = fields.postal(fit, number, "お届け先郵便番号", to.postal_code)
    row[4:7] = fit.spread(
        number,
        "お届け先住所1-3",
        (f"{to.prefecture}{to.city}{to.address1}", to.address2),
        [zen(16)] * 3,
    )
    row[7] = fit.text(number, "お届け先名称1", to.name, zen(16), required=True)
    row[ORDER] = fit.text(number, "お客様管理番号", number, han(_ORDER_NUMBER_MOST))
    row[10] = settings.sagawa_customer_code
    row[24] = fields.goods(fit, order, "品名1", settings, zen(16))
    row[41] = "1"
    if order.delivery_date:
        row[44] = order.delivery_date.strftime(settings.sagawa_date_format)
    row[45] = fields.slot_code(fit, order, "配達指定時間帯", SLOTS)
    row[57] = PREPAID
    row[60] = f"{order.ship_date:%Y%m%d}"
    return row


def _shipper(fit: Fitting, sender: ShipFrom) -> list[str]:
    """Columns 18-23, ご依頼主, from the shop's settings."""
    who = "ご依頼主"
    return [
        fields.phone(fit, who, "ご依頼主電話番号", sender.phone, han(14)),
        fields.postal(fit, who, "ご依頼主郵便番号", sender.postal_code),
        *fit.spread(who, "ご依頼主住所1-2", (sender.address,), [zen(16)] * 2),
        fit.text(who, "ご依頼主名称1", sender.name, zen(16)),
        "",
    ]
