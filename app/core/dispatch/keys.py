"""The shop settings the carrier and platform files read, and the rule of each.

What the sources do not settle (B2's 送り状種類 codes, e飛伝Ⅲ's 配達日 format, the
columns of the user's own ゆうプリR layout, Amazon's carrier codes, the tracking links)
is a setting with the best-known default. Each parser here takes a stored value and
returns what the writers use, or raises ValueError with the rule it breaks; `app.core.shop`
checks values with them, `settings.from_shop` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.core.carriers import CARRIERS, CarrierCode
from app.core.dispatch.jis import folded, unwritable, width

YAMATO_B2_TYPES = "yamato.b2_types"
SAGAWA_DATE_FORMAT = "sagawa.delivery_date_format"
JAPANPOST_FILE = "japanpost.file"
YUPRI_COLUMNS = "japanpost.yupri_columns"
YUPRI_COLUMN_COUNT = "japanpost.yupri_column_count"
CONTENTS = "carriers.contents"
AMAZON_CARRIERS = "amazon.carriers"
TRACKING_URLS: dict[CarrierCode, str] = {
    CarrierCode.YAMATO: "tracking.url.yamato",
    CarrierCode.SAGAWA: "tracking.url.sagawa",
    CarrierCode.JAPANPOST: "tracking.url.japanpost",
}

#: 送り状種類 per service: A for ネコポス is likely but older documents use 7 for it.
DEFAULT_B2_TYPES = "宅急便=0,宅急便コンパクト=8,ネコポス=A,クロネコゆうパケット=7"
B2_TYPE_CODES = frozenset("0123456789A")
#: 配達日 formats e飛伝Ⅲ may take; its 出荷日 is YYYYMMDD.
DATE_FORMATS = {"YYYYMMDD": "%Y%m%d", "YYYY/MM/DD": "%Y/%m/%d", "YYYY-MM-DD": "%Y-%m-%d"}
DEFAULT_DATE_FORMAT = "YYYYMMDD"
YUPRI, CLICKPOST = "yupri", "clickpost"
#: What a ゆうプリR column can be given (`japanpost.yupri_columns`).
YUPRI_FIELDS = (
    "order_number",
    "ship_date",
    "mail_type",
    "payment",
    "postal_code",
    "address1",
    "address2",
    "address3",
    "name1",
    "name2",
    "honorific",
    "phone",
    "email",
    "delivery_date",
    "contents",
    "tracking_number",
    "shipper_postal_code",
    "shipper_address1",
    "shipper_address2",
    "shipper_address3",
    "shipper_name1",
    "shipper_name2",
    "shipper_phone",
)
#: The common leading columns of ゆうプリR layouts; ご依頼主 (30-37) mirrors お届け先 (13-20).
DEFAULT_YUPRI_COLUMNS = (
    "1=order_number,2=ship_date,6=mail_type,8=payment,13=postal_code,14=address1,"
    "15=address2,16=address3,17=name1,18=name2,19=honorific,20=phone,30=shipper_postal_code,"
    "31=shipper_address1,32=shipper_address2,33=shipper_address3,34=shipper_name1,"
    "35=shipper_name2,37=shipper_phone"
)
DEFAULT_YUPRI_COUNT = 69
MOST_COLUMNS = 200
#: The 品名 every carrier file can take: クリックポスト's 内容品 is the shortest.
MOST_CONTENTS = 30
#: The community's tracking links; `{n}` is the tracking number.
DEFAULT_TRACKING_URLS: dict[CarrierCode, str] = {
    CarrierCode.YAMATO: (
        "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?init=yes&number00=1&number01={n}"
    ),
    CarrierCode.SAGAWA: "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo={n}",
    CarrierCode.JAPANPOST: (
        "https://trackings.post.japanpost.jp/services/srv/search/direct"
        "?reqCodeNo1={n}&searchKind=S002&locale=ja"
    ),
}
_PAIR = re.compile(r"\s*([^=,]+?)\s*=\s*([^,]*?)\s*")


def _pairs(value: str) -> list[tuple[str, str]]:
    """`a=1,b=2` as pairs; ValueError naming the first piece that is not `NAME=VALUE`."""
    found = []
    for piece in value.split(","):
        if not piece.strip():
            continue
        matched = _PAIR.fullmatch(piece)
        if matched is None:
            raise ValueError(f'"{piece.strip()}" is not NAME=VALUE')
        found.append((matched[1], matched[2]))
    return found


def b2_types(value: str) -> dict[str, str]:
    """Service -> B2 送り状種類 code, from `宅急便=0,ネコポス=A`."""
    table = {}
    for service, code in _pairs(value):
        if code.upper() not in B2_TYPE_CODES:
            raise ValueError(f'"{code}" for {service} is not a 送り状種類 code (0-9 or A)')
        table[service] = code.upper()
    return table


def date_format(value: str) -> str:
    """The strftime pattern of a date format named like `YYYYMMDD`."""
    found = DATE_FORMATS.get(value.strip().upper())
    if found is None:
        raise ValueError(f'"{value}" is not one of {", ".join(DATE_FORMATS)}')
    return found


def japanpost_file(value: str) -> str:
    """`yupri` or `clickpost`: which file a Japan Post manifest writes."""
    word = value.strip().lower()
    if word not in (YUPRI, CLICKPOST):
        raise ValueError(f'"{value}" is neither {YUPRI} nor {CLICKPOST}')
    return word


def yupri_columns(value: str) -> dict[int, str]:
    """Column number -> field, from `1=order_number,2=ship_date,...`."""
    columns: dict[int, str] = {}
    for number, name in _pairs(value):
        if not (number.isascii() and number.isdigit() and 1 <= int(number) <= MOST_COLUMNS):
            raise ValueError(f'"{number}" is not a column number 1 to {MOST_COLUMNS}')
        if name not in YUPRI_FIELDS:
            raise ValueError(f'"{name}" is not a field ({", ".join(YUPRI_FIELDS)})')
        if int(number) in columns:
            raise ValueError(f"column {int(number)} is given twice")
        if name in columns.values():
            raise ValueError(f"{name} is given twice")
        columns[int(number)] = name
    return columns


def column_count(value: str) -> int:
    """A layout's number of columns, 1 to MOST_COLUMNS."""
    text = value.strip()
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= MOST_COLUMNS):
        raise ValueError(f'"{value}" is not a number 1 to {MOST_COLUMNS}')
    return int(text)


def contents(value: str) -> str:
    """The 品名 written for every parcel: Shift_JIS JIS X 0208, at most 15 全角."""
    text = folded(value)
    bad = unwritable(text)
    if bad is not None:
        raise ValueError(f"{bad} cannot be written in Shift_JIS (JIS X 0208)")
    if width(text) > MOST_CONTENTS:
        raise ValueError(f"too long ({width(text)} bytes, at most 15 全角 = 30 bytes)")
    return text


def amazon_carriers(value: str) -> dict[CarrierCode, tuple[str, str]]:
    """Carrier -> Amazon carrier-code and carrier-name, from `yamato=Other:ヤマト運輸,...`;
    a carrier not named keeps its default (`Other` and its Japanese name)."""
    table = {code: ("Other", CARRIERS[code].name_ja) for code in CarrierCode}
    for carrier, said in _pairs(value):
        if carrier not in set(CarrierCode):
            raise ValueError(f'"{carrier}" is not a carrier ({", ".join(CarrierCode)})')
        code, _colon, name = said.partition(":")
        if not code.strip():
            raise ValueError(f"{carrier} has no carrier-code")
        if unwritable(name) is not None or "\t" in said:
            raise ValueError(f'"{name}" cannot be written in Shift_JIS')
        table[CarrierCode(carrier)] = (code.strip(), name.strip())
    return table


def tracking_url(value: str) -> str:
    """A tracking link: http(s), with `{n}` where the number goes."""
    text = value.strip()
    if not re.fullmatch(r"https?://\S+", text) or "{n}" not in text:
        raise ValueError(f'"{value}" is not an http(s) link with {{n}} for the number')
    return text


def tidied(value: str) -> str:
    """A value as stored: a date format upper case, a file word lower case, else as given."""
    text = value.strip()
    if text.upper() in DATE_FORMATS:
        return text.upper()
    if text.lower() in (YUPRI, CLICKPOST):
        return text.lower()
    return text


def _tracking_rule(carrier: CarrierCode) -> tuple[str, str, str, Callable[[str], object]]:
    rule = "an http(s) link with {n} for the number (not set: the carrier's tracking page)"
    return TRACKING_URLS[carrier], f"{CARRIERS[carrier].name_en} tracking link", rule, tracking_url


#: The shop settings of this module: key, what it is, its rule, its parser (`app.core.shop`).
RULES: tuple[tuple[str, str, str, Callable[[str], object]], ...] = (
    (
        YAMATO_B2_TYPES,
        "Yamato B2クラウド 送り状種類 per service",
        f"SERVICE=CODE, comma-separated, codes 0-9 or A (not set: {DEFAULT_B2_TYPES})",
        b2_types,
    ),
    (
        SAGAWA_DATE_FORMAT,
        "Sagawa e飛伝Ⅲ 配達日 format",
        "YYYYMMDD, YYYY/MM/DD or YYYY-MM-DD (not set: YYYYMMDD)",
        date_format,
    ),
    (
        JAPANPOST_FILE,
        "the file Japan Post manifests write",
        "yupri (ゆうプリR) or clickpost (クリックポスト) (not set: yupri)",
        japanpost_file,
    ),
    (
        YUPRI_COLUMNS,
        "ゆうプリR layout: which column holds what",
        "COLUMN=FIELD, comma-separated (not set: the common columns)",
        yupri_columns,
    ),
    (
        YUPRI_COLUMN_COUNT,
        "ゆうプリR layout's number of columns",
        f"1 to {MOST_COLUMNS} (not set: {DEFAULT_YUPRI_COUNT})",
        column_count,
    ),
    (
        CONTENTS,
        "品名 written for every parcel in carrier files",
        "at most 15 全角, Shift_JIS (not set: the first item's name)",
        contents,
    ),
    (
        AMAZON_CARRIERS,
        "Amazon carrier-code and carrier-name per carrier",
        "CARRIER=CODE:NAME, comma-separated (not set: Other and the Japanese name)",
        amazon_carriers,
    ),
    *(_tracking_rule(carrier) for carrier in TRACKING_URLS),
)
