"""What the carrier and platform files need of the shop's settings, as one plain value."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from app.core import shop
from app.core.carriers import CARRIERS, CarrierCode
from app.core.dispatch import keys
from app.core.errors import Refused

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class DispatchSettings:
    """The shop's settings the files are written with (defaults where not set)."""

    yamato_customer_code: str = ""
    yamato_freight_code: str = ""
    b2_types: Mapping[str, str] = field(
        default_factory=lambda: keys.b2_types(keys.DEFAULT_B2_TYPES)
    )
    sagawa_customer_code: str = ""
    sagawa_date_format: str = keys.DATE_FORMATS[keys.DEFAULT_DATE_FORMAT]
    japanpost_file: str = keys.YUPRI
    yupri_columns: Mapping[int, str] = field(
        default_factory=lambda: keys.yupri_columns(keys.DEFAULT_YUPRI_COLUMNS)
    )
    yupri_column_count: int = keys.DEFAULT_YUPRI_COUNT
    #: The 品名 written for every parcel; "" writes the first item's name.
    contents: str = ""
    amazon_carriers: Mapping[CarrierCode, tuple[str, str]] = field(
        default_factory=lambda: keys.amazon_carriers("")
    )
    tracking_urls: Mapping[CarrierCode, str] = field(
        default_factory=lambda: dict(keys.DEFAULT_TRACKING_URLS)
    )


def from_shop(values: Mapping[str, str]) -> DispatchSettings:
    """The settings from the shop's values in force; a stored value that no longer follows
    its rule is refused naming the key."""

    def read(key: str, parse: Callable[[str], _T], default: str) -> _T:
        text = values.get(key, "").strip() or default
        try:
            return parse(text)
        except ValueError as exc:
            raise Refused(f"{key}: {exc}") from None

    return DispatchSettings(
        yamato_customer_code=values.get(shop.YAMATO_CUSTOMER_CODE, "").strip(),
        yamato_freight_code=values.get(shop.YAMATO_FREIGHT_CODE, "").strip(),
        b2_types=read(keys.YAMATO_B2_TYPES, keys.b2_types, keys.DEFAULT_B2_TYPES),
        sagawa_customer_code=values.get(shop.SAGAWA_CUSTOMER_CODE, "").strip(),
        sagawa_date_format=read(
            keys.SAGAWA_DATE_FORMAT, keys.date_format, keys.DEFAULT_DATE_FORMAT
        ),
        japanpost_file=read(keys.JAPANPOST_FILE, keys.japanpost_file, keys.YUPRI),
        yupri_columns=read(keys.YUPRI_COLUMNS, keys.yupri_columns, keys.DEFAULT_YUPRI_COLUMNS),
        yupri_column_count=read(
            keys.YUPRI_COLUMN_COUNT, keys.column_count, str(keys.DEFAULT_YUPRI_COUNT)
        ),
        contents=read(keys.CONTENTS, keys.contents, ""),
        amazon_carriers=read(keys.AMAZON_CARRIERS, keys.amazon_carriers, ""),
        tracking_urls={
            carrier: read(key, keys.tracking_url, keys.DEFAULT_TRACKING_URLS[carrier])
            for carrier, key in keys.TRACKING_URLS.items()
        },
    )


def tracking_url(carrier: CarrierCode, number: str, settings: DispatchSettings) -> str:
    """The carrier's tracking page for `number` ("" for the generic carrier, which has none)."""
    link = settings.tracking_urls.get(carrier, "")
    return link.replace("{n}", number) if link else ""


def carrier_name(carrier: CarrierCode) -> str:
    """The carrier's Japanese name, as the files write it."""
    return CARRIERS[carrier].name_ja
