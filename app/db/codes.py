"""The registered codes a scan may match, read from the station's database.

`RegisteredCodes` is the `CodeLookup` that `app.scanning.classify.classify`
asks: each question is one lookup on a unique index, inside the scan's own
transaction. `code_owners` answers, for codes about to be added, which kind
already holds each (see `app.core.codes`), and holds the codes' lock until
the caller's transaction ends, so two kinds never take one code at once.
"""

from __future__ import annotations

import zlib
from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, String, bindparam, func, select, true
from sqlalchemy.orm import Session

from app.core.carriers import CarrierCode
from app.core.codes import CodeOwner, gtin_forms
from app.core.intake.products import BarcodeKind
from app.core.scans import ProductCode, ScanKind, item_name
from app.core.tracking import block_issues, normalise
from app.db.badges import badge_hash
from app.db.models import Barcode, Location, Order, Product, User, table
from app.db.shipping_models import Parcel, TrackingBlock
from app.db.sql import among, chunks, core, on_postgresql

_BARCODES = table(Barcode).c
_USERS = table(User).c
_ORDERS = table(Order).c
_LOCATIONS = table(Location).c
_PARCELS = table(Parcel).c
_CODES_LOCK = zlib.crc32(b"kenpin.codes")
_BLOCKS = select(
    TrackingBlock.carrier, TrackingBlock.first_body, TrackingBlock.last_body, TrackingBlock.digits
)

# Built once, so each scan runs statements already compiled.
_CODE = bindparam("code", type_=String())
_PRODUCTS = table(Product).c
# The product's SKU and name come in the same statement (its primary key from the code's
# row), so a refusal can name a product that is on no line of the open order.
_PRODUCT = (
    select(
        _BARCODES.product_id,
        _BARCODES.kind,
        _BARCODES.qty,
        _PRODUCTS.sku,
        _PRODUCTS.name,
        _PRODUCTS.variant,
    )
    .join_from(table(Barcode), table(Product), _PRODUCTS.id == _BARCODES.product_id)
    .where(_BARCODES.code == _CODE)
)
_BADGE = select(_USERS.id).where(_USERS.badge_hash == _CODE, _USERS.active == true())
_ORDER = select(_ORDERS.id).where(_ORDERS.number == _CODE)
_LOCATION = select(_LOCATIONS.id).where(_LOCATIONS.code == _CODE)
_LABEL = select(_PARCELS.id).where(_PARCELS.tracking_number == _CODE)


class RegisteredCodes:
    """Product codes, badges, order numbers, parcels' tracking numbers and bins as stored."""

    def __init__(self, session: Session) -> None:
        self._orm = session
        self._session = core(session)

    def product_by_code(self, code: str) -> ProductCode | None:
        """The product a code names, with its units per scan (1 for a unit code, the case
        quantity for a case code), SKU and name."""
        row = self._session.execute(_PRODUCT, {"code": code}).first()
        if row is None:
            return None
        product_id, kind, qty, sku, name, variant = row
        return ProductCode(
            int(product_id),
            units=int(qty) if kind == BarcodeKind.CASE else 1,
            sku=sku,
            item=item_name(name, variant),
        )

    def is_badge(self, code: str) -> bool:
        """True when an active user has this badge (found by its keyed hash)."""
        digest = badge_hash(self._orm, code)
        return self._session.execute(_BADGE, {"code": digest}).first() is not None

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


def code_owners(
    session: Session, codes: Collection[str], *, lock: bool = True
) -> dict[str, list[CodeOwner]]:
    """Code -> what holds it now, for those of `codes` a scan would find registered:
    a product's unit or case code (a GTIN in any of its lengths), a badge (of an
    active user or not, found by its keyed hash; named by its user, never quoted),
    an order number, a parcel's tracking number, a bin.

    With `lock` (adding codes), the lock every code-adding transaction takes is held
    until the transaction ends; without it (checking a file before its write
    transaction), the answer must be asked again under the lock before writing."""
    if lock:
        _lock_codes(session)
    forms = {form: code for code in codes for form in gtin_forms(code)}
    found: dict[str, list[CodeOwner]] = {}

    def held(rows: list[tuple[str, str]], kind: ScanKind, name: str) -> None:
        for form, whose in rows:
            owner = CodeOwner(kind, name.format(code=form, whose=whose))
            found.setdefault(forms[form], []).append(owner)

    products = select(Barcode.code, Product.sku).join(Product, Product.id == Barcode.product_id)
    held(_pairs(session, products, Barcode.code, forms), ScanKind.PRODUCT, "a barcode of {whose}")
    # Badges are kept as keyed hashes: each form is looked up by its hash.
    hashed = {badge_hash(session, form): form for form in forms}
    badges = select(User.badge_hash, User.name)
    found_badges = _pairs(session, badges, User.badge_hash, hashed)
    held(
        [(hashed[digest], whose) for digest, whose in found_badges],
        ScanKind.BADGE,
        "the badge of {whose}",
    )
    orders = select(Order.number, Order.id)
    held(_pairs(session, orders, Order.number, forms), ScanKind.ORDER, "order {code}")
    parcels = select(Parcel.tracking_number, Order.number).join(Order, Order.id == Parcel.order_id)
    held(
        _pairs(session, parcels, Parcel.tracking_number, forms),
        ScanKind.LABEL,
        "a tracking number of order {whose}",
    )
    bins = select(Location.code, Location.id)
    held(_pairs(session, bins, Location.code, forms), ScanKind.LOCATION, "a bin")
    numeric = [(form, code) for form, code in forms.items() if form.isascii() and form.isdigit()]
    for block in session.execute(_BLOCKS).all() if numeric else ():
        carrier, first, last, digits = block
        for form, code in numeric:
            if block_issues(form, CarrierCode(carrier), (first, last, digits)):
                name = (
                    f"a number of the {carrier} tracking-number block "
                    f"{first:0{digits}d}..{last:0{digits}d}"
                )
                found.setdefault(code, []).append(CodeOwner(ScanKind.LABEL, name))
    return found


def _lock_codes(session: Session) -> None:
    """Hold the codes of every kind until the transaction ends (PostgreSQL).

    Whoever asks who holds a code is about to add it: two transactions adding
    the same code as two kinds would each find it free. On SQLite every write
    transaction already holds the database's write lock.
    """
    if on_postgresql(session):
        session.execute(select(func.pg_advisory_xact_lock(_CODES_LOCK)))


def codes_of_length(session: Session, lengths: Collection[int]) -> set[str]:
    """Every product code, order number and bin of one of these lengths (badges are kept
    only as hashes: a badge is checked against the tracking blocks when it is added)."""
    found: set[str] = set()
    for column in (_BARCODES.code, _ORDERS.number, _LOCATIONS.code):
        query = select(column).where(func.length(column).in_(sorted(lengths)))
        found.update(str(code) for code in session.scalars(query))
    return found


def _pairs(
    session: Session, query: Select[str, Any], column: Any, keys: Collection[str]
) -> list[tuple[str, str]]:
    connection = core(session)
    return [
        (str(code), str(whose))
        for part in chunks(keys)
        for code, whose in connection.execute(query.where(among(session, column, part)))
    ]
