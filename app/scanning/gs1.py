"""GS1 element strings (GS1-128, GS1 DataMatrix, GS1 QR) read with biip.

Only what packing needs is kept: the trade item's GTIN, lot, expiry, serial
and count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from biip import ParseConfig, ParseError
from biip.gs1_messages import GS1Message

from app.core.gtin import is_valid_gtin
from app.scanning.normalize import GROUP_SEPARATOR

#: AIM symbology identifiers (without the "]") of symbols that carry GS1 element strings:
#: GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR Code, GS1 DotCode.
GS1_SYMBOLOGIES = frozenset({"C1", "e0", "d2", "Q3", "J1"})

_CONFIG = ParseConfig(separator_chars=(GROUP_SEPARATOR,))


@dataclass(frozen=True, slots=True)
class ElementString:
    """What one GS1 scan says about a trade item.

    `gtin` is the 14-digit GTIN of (01), or of (02) on a logistic label
    whose (37) counts the trade items inside; `count` is (30) or (37), else 1.
    """

    gtin: str | None
    lot: str | None = None
    expiry: dt.date | None = None
    serial: str | None = None
    count: int = 1


def parse_element_string(text: str) -> ElementString | None:
    """The trade item data of GS1 element strings, or None when they cannot be read.

    `text` is either the scanned form (`0104912345678904` `10LOT` with 0x1D
    after a variable-length field) or the human-readable form with the AIs
    in brackets (`(01)04912345678904(10)LOT`). A GTIN whose check digit
    fails, a date that is no date and a count of nothing all make the scan
    unreadable. An expiry day of 00 means the end of that month. Without
    (17) an expiry, (15) best before is taken as the expiry.
    """
    try:
        message = (
            GS1Message.parse_hri(text, config=_CONFIG)
            if text.startswith("(")
            else GS1Message.parse(text.strip(GROUP_SEPARATOR), config=_CONFIG)
        )
    except (ParseError, ValueError):
        return None
    values = {element.ai.ai: element for element in message.element_strings}
    trade_item = values.get("01") or values.get("02")
    gtin = trade_item.value if trade_item is not None else None
    if gtin is not None and not is_valid_gtin(gtin):
        return None
    count_element = values.get("30") or values.get("37")
    count = int(count_element.value) if count_element is not None else 1
    if count < 1:
        return None
    expiry_element = values.get("17") or values.get("15")
    return ElementString(
        gtin=gtin,
        lot=values["10"].value if "10" in values else None,
        expiry=expiry_element.date if expiry_element is not None else None,
        serial=values["21"].value if "21" in values else None,
        count=count,
    )
