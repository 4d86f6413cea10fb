"""The scan protocol's vocabulary: kinds of codes, command codes, verdicts and reasons.

Spelled exactly as INTERFACES.md prints them; `kenpin replay` writes these
values and supervisors read them in the mismatch log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class ScanKind(StrEnum):
    """What a scanned code is."""

    BADGE = "badge"
    ORDER = "order"
    PRODUCT = "product"
    LOCATION = "location"
    LABEL = "label"
    COMMAND = "command"
    UNKNOWN = "unknown"


class Command(StrEnum):
    """The command codes printed on the station's command sheet."""

    COMPLETE = "KCMD:COMPLETE"
    UNDO = "KCMD:UNDO"
    CANCEL = "KCMD:CANCEL"
    CARD = "KCMD:CARD"
    REPRINT = "KCMD:REPRINT"
    NEWCARTON = "KCMD:NEWCARTON"
    LOGOUT = "KCMD:LOGOUT"


class VerdictKind(StrEnum):
    """`accepted` counted something, `rejected` refused it, `info` changed no count."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    INFO = "info"


class Reason(StrEnum):
    """Why a scan was refused."""

    NOT_LOGGED_IN = "not_logged_in"
    UNKNOWN_BARCODE = "unknown_barcode"
    NO_OPEN_PACK = "no_open_pack"
    ORDER_NOT_PACKABLE = "order_not_packable"
    ORDER_LOCKED = "order_locked"
    NOT_ON_ORDER = "not_on_order"
    OVER_QUANTITY = "over_quantity"
    WRONG_LOT = "wrong_lot"
    EXPIRED = "expired"
    PACK_INCOMPLETE = "pack_incomplete"
    CARD_NOT_CONFIRMED = "card_not_confirmed"
    LABEL_PENDING = "label_pending"
    LABEL_MISMATCH = "label_mismatch"
    LABEL_VOIDED = "label_voided"
    NO_TRACKING_NUMBER = "no_tracking_number"
    #: The database could not record the scan: nothing changed, the packer scans again.
    DATABASE_UNAVAILABLE = "database_unavailable"


@dataclass(frozen=True, slots=True)
class ProductCode:
    """A product scan's content: which product, how many units, and what GS1 data came with it."""

    product_id: int
    units: int = 1
    gtin: str | None = None
    lot: str | None = None
    expiry: dt.date | None = None
    serial: str | None = None


@dataclass(frozen=True, slots=True)
class Scan:
    """One scan as its source read it, normalised once, there.

    `code` is the normalised text (terminator trimmed, full-width folded,
    AIM prefix taken off, GS1 separator restored); `symbology` the AIM
    identifier the scanner sent, if any; `full_width` says full-width
    characters were folded (the packer should switch the IME off). `sent`
    is what a recorded scan file held, when it differs from `code`.
    """

    code: str
    symbology: str | None = None
    full_width: bool = False
    sent: str | None = None

    @property
    def raw(self) -> str:
        """The scan as recorded and shown: what the file held, else the code."""
        return self.sent if self.sent is not None else self.code


@dataclass(frozen=True, slots=True)
class ClassifiedScan:
    """A scan and what it turned out to be.

    `product` is set for product scans, `command` for command scans.
    """

    scan: Scan
    kind: ScanKind
    product: ProductCode | None = None
    command: Command | None = None

    @property
    def code(self) -> str:
        """The normalised code."""
        return self.scan.code
