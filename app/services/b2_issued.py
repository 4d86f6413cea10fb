"""Telling B2クラウド's issued-data export from Kenpin's `order_number,tracking` CSV.

B2 gives back the 97-column layout of its upload file (`app.core.dispatch.b2`) with the
伝票番号 it issued in column 4, keyed by the お客様管理番号 in column 1. B2 keys on
position, not on the header's words, so the header of such a file is replaced by one
naming just those two columns where they stand; the rest of the file is read as any CSV.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.dispatch import b2
from app.db import tracking as store

#: The columns a carrier-number file is read by: Kenpin's own, and B2's (by position).
CARRIER_COLUMNS = ("order_number", "tracking")
B2_COLUMNS = (b2.COLUMNS[b2.ORDER], b2.COLUMNS[b2.TRACKING])


@dataclass(frozen=True, slots=True)
class NumbersFile:
    """A carrier-number file ready to parse: its bytes and its (order, tracking) columns."""

    data: bytes
    columns: tuple[str, str]

    @property
    def from_b2(self) -> bool:
        """Whether this is B2クラウド's issued data (order numbers without Shopify's `#`)."""
        return self.columns == B2_COLUMNS


def numbers_file(data: bytes) -> NumbersFile:
    """The file as it is (Kenpin's CSV) or with B2's header named by position."""
    # The header line ends at its first line break, whichever kind (a lone CR included).
    ends = re.search(rb"[\r\n]", data)
    line = data[: ends.start() if ends else len(data)]
    bom = codecs.BOM_UTF8 if line.startswith(codecs.BOM_UTF8) else b""
    encoding = _encoding(line[len(bom) :])
    try:
        header = next(csv.reader(io.StringIO(line[len(bom) :].decode(encoding, "replace"))), [])
    except csv.Error:
        # Not B2's header: the CSV reader reports what is wrong with the file, by line.
        header = []
    if not header or header[0].strip() != B2_COLUMNS[0]:
        return NumbersFile(data, CARRIER_COLUMNS)
    names = [f"{n}" for n in range(1, max(len(header), b2.TRACKING + 1) + 1)]
    names[b2.ORDER], names[b2.TRACKING] = B2_COLUMNS
    keyed = bom + ",".join(names).encode(encoding) + data[len(line) :]
    return NumbersFile(keyed, B2_COLUMNS)


def _encoding(line: bytes) -> str:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return "cp932"
    return "utf-8"


def orders_named(
    session: Session, given: NumbersFile, numbers: set[str]
) -> dict[str, store.OrderForLabel]:
    """The orders the file's numbers name; B2's お客様管理番号 is the order number without
    Shopify's leading `#` (`app.core.dispatch.b2`), so `1001` finds `#1001` too."""
    if not given.from_b2:
        return store.orders_by_number(session, numbers)
    found = store.orders_by_number(session, numbers | {f"#{number}" for number in numbers})
    return {
        number: order
        for number in numbers
        if (order := found.get(number) or found.get(f"#{number}")) is not None
    }
