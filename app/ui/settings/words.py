"""The shop settings page's words: each key's name and rule, and a refusal, translated.

The rules themselves live in `app.core.shop`; these sentences say them to an admin
in the window's language (a test holds the two lists of keys together).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.core import shop
from app.core.carriers import CarrierCode
from app.core.dispatch import keys as dispatch

translate = QCoreApplication.translate


def _tracking_rule() -> str:
    return translate(
        "ShopSettings",
        "an http(s) link with {n} for the number; empty: the carrier's tracking page",
    )


#: Each key's caption and rule, as the page shows them.
KEY_WORDS: dict[str, Callable[[], tuple[str, str]]] = {
    shop.SHOP_NAME: lambda: (
        translate("ShopSettings", "Shop name (ご依頼主)"),
        translate("ShopSettings", "1 to 32 characters; required"),
    ),
    shop.SHOP_POSTAL_CODE: lambda: (
        translate("ShopSettings", "Postal code"),
        translate("ShopSettings", "7 digits: 123-4567, 1234567 or 〒123-4567; required"),
    ),
    shop.SHOP_ADDRESS: lambda: (
        translate("ShopSettings", "Address"),
        translate("ShopSettings", "1 to 80 characters; required"),
    ),
    shop.SHOP_PHONE: lambda: (
        translate("ShopSettings", "Phone"),
        translate(
            "ShopSettings",
            "10 or 11 digits starting with 0, hyphens between groups (03-1234-5678); required",
        ),
    ),
    shop.YAMATO_CUSTOMER_CODE: lambda: (
        translate("ShopSettings", "Yamato customer code (請求先顧客コード)"),
        translate(
            "ShopSettings", "10 digits, or 12 with the 2-digit branch number (0123456789-01)"
        ),
    ),
    shop.YAMATO_FREIGHT_CODE: lambda: (
        translate("ShopSettings", "Yamato freight code (運賃管理番号)"),
        translate("ShopSettings", "2 digits (usually 01)"),
    ),
    shop.SAGAWA_CUSTOMER_CODE: lambda: (
        translate("ShopSettings", "Sagawa customer code (お客様コード)"),
        translate("ShopSettings", "12 digits"),
    ),
    shop.JAPANPOST_CUSTOMER_CODE: lambda: (
        translate("ShopSettings", "Japan Post customer code (お客様コード)"),
        translate("ShopSettings", "1 to 20 letters, digits and hyphens"),
    ),
    shop.PICKING_REQUIRED: lambda: (
        translate("ShopSettings", "Pack only picked orders"),
        translate(
            "ShopSettings",
            "yes: an order is packed only after it was picked by scan; no (or empty): "
            "an allocated order may be packed straight away",
        ),
    ),
    dispatch.YAMATO_B2_TYPES: lambda: (
        translate("ShopSettings", "Yamato B2クラウド 送り状種類 per service"),
        translate(
            "ShopSettings",
            "SERVICE=CODE, comma-separated, codes 0-9 or A; empty: "
            "宅急便=0,宅急便コンパクト=8,ネコポス=A,クロネコゆうパケット=7",
        ),
    ),
    dispatch.SAGAWA_DATE_FORMAT: lambda: (
        translate("ShopSettings", "Sagawa e飛伝Ⅲ 配達日 format"),
        translate("ShopSettings", "YYYYMMDD, YYYY/MM/DD or YYYY-MM-DD; empty: YYYYMMDD"),
    ),
    dispatch.JAPANPOST_FILE: lambda: (
        translate("ShopSettings", "Japan Post upload file"),
        translate("ShopSettings", "yupri (ゆうプリR) or clickpost (クリックポスト); empty: yupri"),
    ),
    dispatch.YUPRI_COLUMNS: lambda: (
        translate("ShopSettings", "ゆうプリR layout: which column holds what"),
        translate(
            "ShopSettings",
            "COLUMN=FIELD, comma-separated (1=order_number,2=ship_date,...); "
            "empty: the common columns",
        ),
    ),
    dispatch.YUPRI_COLUMN_COUNT: lambda: (
        translate("ShopSettings", "ゆうプリR layout's number of columns"),
        translate("ShopSettings", "1 to 200; empty: 69"),
    ),
    dispatch.CONTENTS: lambda: (
        translate("ShopSettings", "品名 on carrier files"),
        translate(
            "ShopSettings",
            "at most 15 全角, Shift_JIS; empty: the first item's name",
        ),
    ),
    dispatch.AMAZON_CARRIERS: lambda: (
        translate("ShopSettings", "Amazon carrier-code and carrier-name"),
        translate(
            "ShopSettings",
            "CARRIER=CODE:NAME, comma-separated (yamato=Other:ヤマト運輸); "
            "empty: Other and the carrier's Japanese name",
        ),
    ),
    dispatch.TRACKING_URLS[CarrierCode.YAMATO]: lambda: (
        translate("ShopSettings", "Yamato tracking link"),
        _tracking_rule(),
    ),
    dispatch.TRACKING_URLS[CarrierCode.SAGAWA]: lambda: (
        translate("ShopSettings", "Sagawa tracking link"),
        _tracking_rule(),
    ),
    dispatch.TRACKING_URLS[CarrierCode.JAPANPOST]: lambda: (
        translate("ShopSettings", "Japan Post tracking link"),
        _tracking_rule(),
    ),
    shop.SMTP_HOST: lambda: (
        translate("ShopSettings", "E-mail: SMTP server"),
        translate("ShopSettings", "a host name (smtp.example.jp); empty: no shipment e-mails"),
    ),
    shop.SMTP_PORT: lambda: (
        translate("ShopSettings", "E-mail: SMTP port"),
        translate("ShopSettings", "1 to 65535; empty: 465 with tls, else 587"),
    ),
    shop.SMTP_SECURITY: lambda: (
        translate("ShopSettings", "E-mail: encryption"),
        translate("ShopSettings", "none, starttls or tls; empty: starttls"),
    ),
    shop.SMTP_USER: lambda: (
        translate("ShopSettings", "E-mail: SMTP user"),
        translate(
            "ShopSettings",
            "no spaces; empty: no login. The password is never stored here: "
            "KENPIN_SMTP_PASSWORD or the OS keyring (kenpin notify password)",
        ),
    ),
    shop.SMTP_FROM: lambda: (
        translate("ShopSettings", "E-mail: sender"),
        translate(
            "ShopSettings", "an e-mail address, maybe with a name: 検品ストア <shop@example.jp>"
        ),
    ),
    shop.MAIL_LANGUAGE: lambda: (
        translate("ShopSettings", "E-mail: language"),
        translate("ShopSettings", "ja or en; empty: ja"),
    ),
    shop.MAIL_ON_CLOSE: lambda: (
        translate("ShopSettings", "E-mail when a manifest closes"),
        translate(
            "ShopSettings",
            "yes: the shipment e-mails go out when a carrier's manifest closes; "
            "empty: yes once the SMTP server is set",
        ),
    ),
}


def caption(key: str) -> str:
    """The key's name on the page."""
    return KEY_WORDS[key]()[0]


def rule(key: str) -> str:
    """The key's rule on the page."""
    return KEY_WORDS[key]()[1]


def refusal_words(refused: shop.SettingRefused) -> str:
    """Why a save was refused, naming the field and the rule it breaks; nothing was saved."""
    name = caption(refused.key)
    if refused.problem is shop.Problem.EMPTY:
        return translate(
            "ShopSettings", "{0} may not be empty: labels print it. Nothing was saved."
        ).format(name)
    if refused.problem is shop.Problem.CONTROL:
        return translate(
            "ShopSettings", "{0} holds a control character. Nothing was saved."
        ).format(name)
    return translate(
        "ShopSettings", "{0}: “{1}” does not follow the rule: {2}. Nothing was saved."
    ).format(name, refused.value.strip(), rule(refused.key))


def override_words(variable: str) -> str:
    """Under a field an environment variable sets on this PC."""
    return translate(
        "ShopSettings",
        "Set by {0} on this PC (deprecated): it wins over what is saved here. Remove the "
        "variable to use the saved value.",
    ).format(variable)


def missing_words(keys: tuple[str, ...]) -> str:
    """The warning while the label's sender is incomplete ("" when it is complete)."""
    if not keys:
        return ""
    return translate(
        "ShopSettings",
        "Labels are not issued until these are set: {0}. Packers are refused at COMPLETE.",
    ).format(translate("ShopSettings", ", ").join(caption(key) for key in keys))
