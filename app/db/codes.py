"""The registered codes a scan may match, read from the station's database.

`RegisteredCodes` is the `CodeLookup` that `app.scanning.classify.classify`
asks: each question is one lookup on a unique index, inside the scan's own
transaction.
"""

from __future__ import annotations

from sqlalchemy import String, bindparam, select, true
from sqlalchemy.orm import Session

from app.core.intake.products import BarcodeKind
from app.core.tracking import normalise
from app.db.models import Barcode, Location, Order, User, table
from app.db.shipping_models import Parcel
from app.db.sql import core

_BARCODES = table(Barcode).c
_USERS = table(User).c
_ORDERS = table(Order).c
_LOCATIONS = table(Location).c
_PARCELS = table(Parcel).c

# Built once, so each scan runs statements already compiled.
_CODE = bindparam("code", type_=String())
_PRODUCT = select(_BARCODES.product_id, _BARCODES.kind, _BARCODES.qty).where(
    _BARCODES.code == _CODE
)
_BADGE = select(_USERS.id).where(_USERS.badge_code == _CODE, _USERS.active == true())
_ORDER = select(_ORDERS.id).where(_ORDERS.number == _CODE)
_LOCATION = select(_LOCATIONS.id).where(_LOCATIONS.code == _CODE)
_LABEL = select(_PARCELS.id).where(_PARCELS.tracking_number == _CODE)


class RegisteredCodes:
    """Product codes, badges, order numbers, parcels' tracking numbers and bins as stored."""

    def __init__(self, session: Session) -> None:
        self._session = core(session)

    def product_by_code(self, code: str) -> tuple[int, int] | None:
        """(product id, units per scan): 1 for a unit code, the case quantity for a case code."""
        row = self._session.execute(_PRODUCT, {"code": code}).first()
        if row is None:
            return None
        product_id, kind, qty = row
        return int(product_id), int(qty) if kind == BarcodeKind.CASE else 1

    def is_badge(self, code: str) -> bool:
        """True when an active user has this badge."""
        return self._session.execute(_BADGE, {"code": code}).first() is not None

    def is_order(self, code: str) -> bool:
        """True when an order has this number."""
        return self._session.execute(_ORDER, {"code": code}).first() is not None

    def is_label(self, code: str) -> bool:
        """True when a parcel (live or voided) has this tracking number.

        A Codabar label scans with its start/stop letters (A1234...A); they and
        any dashes are dropped as everywhere a tracking number is read.
        """
        number = normalise(code)
        return bool(number) and self._session.execute(_LABEL, {"code": number}).first() is not None

    def is_location(self, code: str) -> bool:
        """True when a bin has this code."""
        return self._session.execute(_LOCATION, {"code": code}).first() is not None
