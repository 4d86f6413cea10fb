"""Japan Post: ゆうプリR's user-registered layout and クリックポスト's まとめ申込 file.

ゆうプリR imports through a layout the user registers in it (69, 100 or 117 columns are
seen), so which column holds what is the shop's setting `japanpost.yupri_columns`, its
default the common leading columns; `japanpost.yupri_column_count` is the layout's width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.core.dispatch import fields, keys
from app.core.dispatch.jis import Fitting, Most, han, zen
from app.core.dispatch.settings import DispatchSettings
from app.core.dispatch.shipment import Shipment
from app.core.label import ShipFrom

YUPRI = "ゆうプリR"
CLICKPOST = "クリックポスト"
CLICKPOST_COLUMNS = (
    "お届け先郵便番号",
    "お届け先氏名",
    "お届け先敬称",
    "お届け先住所1行目",
    "お届け先住所2行目",
    "お届け先住所3行目",
    "お届け先住所4行目",
    "内容品",
)
#: ゆうプリR's 住所 and 名称 (likely 50 bytes each).
_MOST = Most(50)
#: 郵便種別: 0 ゆうパック, 9 ゆうパケット.
_MAIL_TYPES = {"ゆうパケット": "9"}
_ADDRESS = ("address1", "address2", "address3")
_SHIPPER_ADDRESS = ("shipper_address1", "shipper_address2", "shipper_address3")


def clickpost_rows(shipments: Sequence[Shipment], settings: DispatchSettings) -> list[list[str]]:
    """One row a label (a parcel); refused with every problem of every order."""
    fit = Fitting(CLICKPOST)
    found: list[list[str]] = []
    for order in shipments:
        number, to = order.order_number, order.ship_to
        row = [
            fields.postal(fit, number, "お届け先郵便番号", to.postal_code),
            fit.text(number, "お届け先氏名", to.name, zen(20), required=True),
            fields.HONORIFIC,
            *fit.spread(
                number,
                "お届け先住所1-4行目",
                (f"{to.prefecture}{to.city}", to.address1, to.address2),
                [zen(20)] * 4,
            ),
            fields.goods(fit, order, "内容品", settings, zen(15)),
        ]
        found.extend(row for _parcel in order.tracking_numbers or ("",))
    fit.done()
    return found


def write_clickpost(
    shipments: Sequence[Shipment], sender: ShipFrom, settings: DispatchSettings
) -> bytes:
    """The クリックポスト まとめ申込 file: CP932, CRLF, its 8 columns (the sender is the
    account's, not the file's)."""
    del sender
    return fields.csv_bytes(CLICKPOST_COLUMNS, clickpost_rows(shipments, settings))


def yupri_rows(
    shipments: Sequence[Shipment], sender: ShipFrom, settings: DispatchSettings
) -> list[list[str]]:
    """One row per parcel in the shop's ゆうプリR layout; refused with every problem."""
    fit = Fitting(YUPRI)
    columns, count = settings.yupri_columns, settings.yupri_column_count
    beyond = [number for number in columns if number > count]
    if beyond:
        fit.problems.append(
            f"{keys.YUPRI_COLUMNS}: column {beyond[0]} is beyond the layout's "
            f"{count} columns ({keys.YUPRI_COLUMN_COUNT})"
        )
    wanted = set(columns.values())
    shipper = _shipper_values(fit, sender, wanted)
    found: list[list[str]] = []
    for order in shipments:
        values = {**shipper, **_order_values(fit, order, settings, wanted)}
        for parcel in order.tracking_numbers or ("",):
            values["tracking_number"] = parcel
            row = [""] * count
            for number, name in columns.items():
                if number <= count:
                    row[number - 1] = values.get(name, "")
            found.append(row)
    fit.done()
    return found


def write_yupri(
    shipments: Sequence[Shipment], sender: ShipFrom, settings: DispatchSettings
) -> bytes:
    """The ゆうプリR import file: CP932, CRLF, a header row naming each mapped column."""
    names = dict(settings.yupri_columns)
    header = [names.get(n, "") for n in range(1, settings.yupri_column_count + 1)]
    return fields.csv_bytes(header, yupri_rows(shipments, sender, settings))


def _spread(
    fit: Fitting, who: str, names: tuple[str, ...], parts: tuple[str, ...], wanted: set[str]
) -> dict[str, str]:
    """The address parts over the address columns the layout has."""
    present = [name for name in names if name in wanted]
    if not present:
        return {}
    lines = fit.spread(who, "/".join(present), parts, [_MOST] * len(present))
    return dict(zip(present, lines, strict=True))


def _order_values(
    fit: Fitting, order: Shipment, settings: DispatchSettings, wanted: set[str]
) -> dict[str, str]:
    number, to = order.order_number, order.ship_to
    made: dict[str, Callable[[], str]] = {
        "order_number": lambda: fit.text(number, "order_number", number, han(50)),
        "ship_date": lambda: f"{order.ship_date:%Y%m%d}",
        "delivery_date": lambda: f"{order.delivery_date:%Y%m%d}" if order.delivery_date else "",
        "mail_type": lambda: _MAIL_TYPES.get(order.service, "0"),
        "payment": lambda: "0",
        "postal_code": lambda: fields.postal(fit, number, "postal_code", to.postal_code),
        "name1": lambda: fit.text(number, "name1", to.name, _MOST),
        "honorific": lambda: fields.HONORIFIC,
        "phone": lambda: fields.phone(fit, number, "phone", to.phone, han(15)),
        "email": lambda: fit.text(number, "email", order.email, han(50)),
        "contents": lambda: fields.goods(fit, order, "contents", settings, _MOST),
    }
    values = {name: make() for name, make in made.items() if name in wanted}
    parts = (f"{to.prefecture}{to.city}{to.address1}", to.address2)
    return values | _spread(fit, number, _ADDRESS, parts, wanted)


def _shipper_values(fit: Fitting, sender: ShipFrom, wanted: set[str]) -> dict[str, str]:
    who = "ご依頼主"
    values = {
        "shipper_postal_code": fields.postal(fit, who, "shipper_postal_code", sender.postal_code),
        "shipper_name1": fit.text(who, "shipper_name1", sender.name, _MOST),
        "shipper_phone": fields.phone(fit, who, "shipper_phone", sender.phone, han(15)),
    }
    kept = {name: value for name, value in values.items() if name in wanted}
    return kept | _spread(fit, who, _SHIPPER_ADDRESS, (sender.address,), wanted)
