"""Kenpin's tables as typed SQLAlchemy 2 models.

Stock is kept twice on purpose: `StockMove` is the append-only ledger (every
change of on-hand or reserved is one row with its reason and reference) and
`StockBalance` holds the running totals per product, location and lot, changed
in the same transaction and guarded by CHECK constraints so no total can go
negative. `kenpin stock check` recomputes the totals from the ledger.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import cast

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.core.intake.products import BarcodeKind
from app.core.orders import OrderStatus
from app.core.roles import Role
from app.core.scans import LotCheck

# Stable constraint names so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BIGINT on PostgreSQL, INTEGER (the rowid alias) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")
# An order number: VARCHAR(64), in code-point order on PostgreSQL too.
NUMBER = String(64).with_variant(String(64, collation="C"), "postgresql")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: DateTime(timezone=True)}  # noqa: RUF012


def table(model: type[Base]) -> Table:
    """The Core table behind a model, for bulk (executemany) statements."""
    return cast(Table, model.__table__)


def checked_enum(enum: type[StrEnum], *, check: str, length: int) -> Enum:
    """A column type for one of core's enums: its values as text, kept to them by a CHECK.

    The values (`"open"`, not the member names) are stored in a VARCHAR of
    `length`, under the constraint `ck_<table>_<check>`. Reads give members;
    writes take members or their strings, and an unknown string is refused
    before any SQL. A new member needs a migration that widens the CHECK.
    """
    return Enum(
        enum,
        native_enum=False,
        values_callable=lambda members: [member.value for member in members],
        length=length,
        create_constraint=True,
        name=check,
        validate_strings=True,
    )


class Product(Base):
    """A sellable item (one SKU); size and colour variants are separate products."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    variant: Mapped[str] = mapped_column(String(100), default="")
    default_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    weight_g: Mapped[int | None] = mapped_column(Integer)
    lot_tracked: Mapped[bool] = mapped_column(default=False)
    expiry_tracked: Mapped[bool] = mapped_column(default=False)
    min_shelf_life_days: Mapped[int] = mapped_column(Integer, default=0)
    #: Stock (on hand, not reserved) below which the product is listed as low; None: never.
    reorder_point: Mapped[int | None] = mapped_column(Integer)
    #: How a lot product's unit proves its lot at the bench (`gs1` or `confirm`).
    lot_check: Mapped[LotCheck] = mapped_column(
        checked_enum(LotCheck, check="lot_check_known", length=8),
        default=LotCheck.GS1,
        server_default=LotCheck.GS1.value,
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    barcodes: Mapped[list[Barcode]] = relationship(back_populates="product")


class Barcode(Base):
    """A code that identifies a product: a unit barcode or a case of `qty` units."""

    __tablename__ = "barcodes"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    kind: Mapped[BarcodeKind] = mapped_column(
        checked_enum(BarcodeKind, check="kind_known", length=8), default=BarcodeKind.UNIT
    )
    qty: Mapped[int] = mapped_column(Integer, default=1)

    product: Mapped[Product] = relationship(back_populates="barcodes")


class Location(Base):
    """A bin; pickers walk bins in `walk_seq` order."""

    __tablename__ = "locations"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    walk_seq: Mapped[int] = mapped_column(Integer, default=0, index=True)


class Lot(Base):
    """A production lot of a product with its expiry; untracked stock uses the empty lot."""

    __tablename__ = "lots"
    __table_args__ = (
        Index(
            "uq_lots_identity",
            "product_id",
            "lot_code",
            text("coalesce(expiry, '9999-12-31')"),
            unique=True,
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    lot_code: Mapped[str] = mapped_column(String(64), default="")
    expiry: Mapped[dt.date | None] = mapped_column(Date)


class StockBalance(Base):
    """On-hand and reserved units of one product in one bin and lot."""

    __tablename__ = "stock_balances"
    __table_args__ = (
        UniqueConstraint("product_id", "location_id", "lot_id", name="uq_stock_balances_slot"),
        CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        CheckConstraint("reserved <= on_hand", name="reserved_within_on_hand"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"))
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)


class StockMove(Base):
    """One append-only ledger row: a change of on-hand and/or reserved, with why."""

    __tablename__ = "stock_moves"
    __table_args__ = (
        CheckConstraint("on_hand_delta <> 0 OR reserved_delta <> 0", name="moves_something"),
        Index("ix_stock_moves_balance", "balance_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    balance_id: Mapped[int] = mapped_column(ForeignKey("stock_balances.id"))
    on_hand_delta: Mapped[int] = mapped_column(Integer, default=0)
    reserved_delta: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str] = mapped_column(String(200), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ImportBatch(Base):
    """One imported file, remembered by content hash so a re-import adds nothing."""

    __tablename__ = "import_batches"
    __table_args__ = (UniqueConstraint("kind", "sha256", name="uq_import_batches_content"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: `staging` while its orders are written, `publishing` while they are made `new`,
    #: `done` once the whole file is in (see `app.db.import_batches`).
    state: Mapped[str] = mapped_column(String(16), default="done", server_default="done")
    #: Until when the importing process holds the batch, on the database's clock.
    lease_until: Mapped[dt.datetime | None] = mapped_column()


class StockImportRow(Base):
    """A checked row of a stock file waiting to be posted to the ledger (see
    `app.db.stock_staging`): written a chunk at a time, posted a chunk at a time, deleted
    as it is posted."""

    __tablename__ = "stock_import_rows"
    __table_args__ = (Index("ix_stock_import_rows_batch", "batch_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id"))
    line: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    location: Mapped[str] = mapped_column(String(32))
    lot_code: Mapped[str] = mapped_column(String(64), default="")
    expiry: Mapped[dt.date | None] = mapped_column(Date)
    qty: Mapped[int] = mapped_column(Integer)


class Order(Base):
    """A customer order with its Japanese shipping address and delivery wishes."""

    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_status_id", "status", "id"),
        Index("ix_orders_status_date", "status", "order_date", "id"),
        Index("ix_orders_import_batch_id", "import_batch_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    #: Compared and sorted by code point on both databases (PostgreSQL: `COLLATE "C"`, SQLite's
    #: binary collation), whatever collation the database was created with: the queue's
    #: number search is a range of the index on it.
    number: Mapped[str] = mapped_column(NUMBER, unique=True)
    source: Mapped[str] = mapped_column(String(16))
    status: Mapped[OrderStatus] = mapped_column(
        checked_enum(OrderStatus, check="status_known", length=16), default=OrderStatus.NEW
    )
    order_date: Mapped[dt.datetime]
    customer_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(16), default="")
    prefecture: Mapped[str] = mapped_column(String(16), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    address1: Mapped[str] = mapped_column(String(200), default="")
    address2: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2), default="JP")
    phone: Mapped[str] = mapped_column(String(32), default="")
    carrier: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(32), default="")
    delivery_date: Mapped[dt.date | None] = mapped_column(Date)
    delivery_time: Mapped[str] = mapped_column(String(16), default="")
    gift_message: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    short_lines: Mapped[str] = mapped_column(Text, default="")
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    #: For a backorder (`NUMBER-B1`): the order whose short-shipped units it carries.
    backorder_of: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    #: The day its parcels left on their carrier's manifest (status `shipped`).
    shipped_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.line_no", foreign_keys="OrderLine.order_id"
    )


class OrderLine(Base):
    """One SKU and quantity on an order, with how much is reserved and packed."""

    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no", name="uq_order_lines_position"),
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("allocated >= 0 AND allocated <= qty", name="allocated_in_range"),
        CheckConstraint("packed >= 0 AND packed <= qty", name="packed_in_range"),
        CheckConstraint("short >= 0 AND packed + short <= qty", name="short_in_range"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    qty: Mapped[int] = mapped_column(Integer)
    allocated: Mapped[int] = mapped_column(Integer, default=0)
    packed: Mapped[int] = mapped_column(Integer, default=0)
    #: Units shipped short: a supervisor's `KCMD:SHORT` moved them to the backorder order.
    short: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()


class Reservation(Base):
    """Units of one stock balance (bin and lot) set aside for one order line."""

    __tablename__ = "reservations"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        Index("ix_reservations_line", "order_line_id"),
        Index("ix_reservations_balance", "balance_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    balance_id: Mapped[int] = mapped_column(ForeignKey("stock_balances.id"))
    qty: Mapped[int] = mapped_column(Integer)


class User(Base):
    """A person who logs in at a station by scanning a badge (and, supervising, a PIN).

    The badge is kept only as its keyed hash (`app.db.badges.badge_hash`); the
    PIN as a salted scrypt hash (`app.services.users.hash_pin`).
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[Role] = mapped_column(checked_enum(Role, check="role_known", length=16))
    #: HMAC-SHA256 of the badge code under the database's badge key, as hex.
    badge_hash: Mapped[str] = mapped_column(String(64), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Station(Base):
    """A pack bench: its name, its printer and its settings."""

    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    printer_uri: Mapped[str] = mapped_column(String(400), default="")
    settings: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who did what, when: logins, user changes, voids, reprints, take-overs.

    Append-only and chained: rows are numbered 1, 2, 3, ... and each `hash`
    covers the row and the `prev_hash` before it (`app.core.audit`); rows are
    added only by `app.db.audit.record`, and the database's triggers refuse
    UPDATE, DELETE (and on PostgreSQL TRUNCATE) of the table.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    station: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ShopSetting(Base):
    """One shop setting shared by every station (`app.core.shop`): the label's sender,
    the carriers' account codes. Key and value, so a new setting needs no migration; what
    a key may hold is checked in `app.core.shop` before it is stored."""

    __tablename__ = "shop_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(400), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
