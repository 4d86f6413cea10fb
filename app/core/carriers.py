"""The carriers Kenpin knows and how a shop's shipping method names them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CarrierCode(StrEnum):
    """Carrier codes as used on the command line and in CSV files."""

    YAMATO = "yamato"
    SAGAWA = "sagawa"
    JAPANPOST = "japanpost"
    GENERIC = "generic"


@dataclass(frozen=True, slots=True)
class Carrier:
    """A carrier with its display names and the services it sells."""

    code: CarrierCode
    name_ja: str
    name_en: str
    services: tuple[str, ...]

    @property
    def default_service(self) -> str:
        return self.services[0]


CARRIERS: dict[CarrierCode, Carrier] = {
    CarrierCode.YAMATO: Carrier(
        CarrierCode.YAMATO,
        "ヤマト運輸",
        "Yamato Transport",
        ("宅急便", "宅急便コンパクト", "ネコポス", "クロネコゆうパケット"),
    ),
    CarrierCode.SAGAWA: Carrier(CarrierCode.SAGAWA, "佐川急便", "Sagawa Express", ("飛脚宅配便",)),
    CarrierCode.JAPANPOST: Carrier(
        CarrierCode.JAPANPOST, "日本郵便", "Japan Post", ("ゆうパック", "ゆうパケット")
    ),
    CarrierCode.GENERIC: Carrier(CarrierCode.GENERIC, "その他", "Generic carrier", ("standard",)),
}

DEFAULT_CARRIER = CarrierCode.YAMATO

# Checked in this order: a method naming ゆうパケット is Japan Post even though
# クロネコゆうパケット (Yamato) also contains it, so Yamato's names come first.
_METHOD_WORDS: tuple[tuple[str, CarrierCode], ...] = (
    ("クロネコ", CarrierCode.YAMATO),
    ("ヤマト", CarrierCode.YAMATO),
    ("yamato", CarrierCode.YAMATO),
    ("宅急便", CarrierCode.YAMATO),
    ("ネコポス", CarrierCode.YAMATO),
    ("佐川", CarrierCode.SAGAWA),
    ("sagawa", CarrierCode.SAGAWA),
    ("飛脚", CarrierCode.SAGAWA),
    ("日本郵便", CarrierCode.JAPANPOST),
    ("ゆうパック", CarrierCode.JAPANPOST),
    ("ゆうパケット", CarrierCode.JAPANPOST),
    ("japan post", CarrierCode.JAPANPOST),
    ("japanpost", CarrierCode.JAPANPOST),
)


def parse_carrier(code: str) -> CarrierCode | None:
    """The carrier for a code as written in a CSV `carrier` column, or None."""
    try:
        return CarrierCode(code.strip().lower())
    except ValueError:
        return None


def unknown_carrier(code: str) -> str:
    """The refusal of a code that names no carrier, in the same words wherever one is read.

    `"ups" is not a carrier code (yamato, sagawa, japanpost, generic)`
    """
    return f'"{code}" is not a carrier code ({", ".join(CarrierCode)})'


def carrier_from_shipping_method(method: str) -> CarrierCode | None:
    """The carrier a Shopify `Shipping Method` names, or None when it names none."""
    text = method.casefold()
    for word, carrier in _METHOD_WORDS:
        if word.casefold() in text:
            return carrier
    return None


def service_from_shipping_method(carrier: CarrierCode, method: str) -> str:
    """The carrier's service a shipping method names, else the carrier's default."""
    services = CARRIERS[carrier].services
    # Longest first: 宅急便コンパクト before 宅急便.
    for service in sorted(services, key=len, reverse=True):
        if service in method:
            return service
    return services[0]
