"""The demo database: sample products, stock, orders and users, with stock allocated.

Everything goes in through the same intake, user and allocation use cases a
warehouse uses, from the CSV files under resources/sample/, so the demo shows
exactly what importing real files gives. Building it again adds nothing: the
imports skip files they have seen, and users that exist are left alone.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

import app
from app.core import shop
from app.core.carriers import CarrierCode
from app.core.errors import Refused
from app.core.gtin import gtin14
from app.core.roles import Role
from app.core.scans import LotCheck
from app.db import users as user_store
from app.db.database import Database
from app.db.orders import order_listing
from app.db.tracking import numbers_left
from app.services import intake
from app.services.allocation import allocate
from app.services.carriers import add_range
from app.services.shop_settings import ShopSettings
from app.services.users import add_user


@dataclass(frozen=True, slots=True)
class DemoUser:
    """A demo user and the badge (and PIN) to log in with."""

    name: str
    role: Role
    badge: str
    pin: str


DEMO_USERS = (
    DemoUser("山田 花子", Role.PACKER, "BADGE-PACK-01", "1234"),
    DemoUser("佐藤 健", Role.SUPERVISOR, "BADGE-SUP-01", "5678"),
    DemoUser("高橋 恵", Role.ADMIN, "BADGE-ADMIN-01", "2468"),
)


#: One block of tracking numbers per carrier (bodies without check digit), apart so no
#: number is shared: these are demo numbers, not ones a carrier issued.
DEMO_TRACKING_BLOCKS = (
    (CarrierCode.YAMATO, "90000000000", "90000099999"),
    (CarrierCode.SAGAWA, "91000000000", "91000099999"),
    (CarrierCode.JAPANPOST, "92000000000", "92000099999"),
)


#: The demo shop: the sender its labels and packing slips print, and sample carrier account
#: codes (made up: no carrier issued them).
DEMO_SHOP = {
    shop.SHOP_NAME: "和雑貨さくら堂 大阪倉庫",
    shop.SHOP_POSTAL_CODE: "530-0001",
    shop.SHOP_ADDRESS: "大阪府大阪市北区梅田1-1-1 さくらビル3F",
    shop.SHOP_PHONE: "06-1234-5678",
    shop.YAMATO_CUSTOMER_CODE: "0612345678",
    shop.YAMATO_FREIGHT_CODE: "01",
    shop.SAGAWA_CUSTOMER_CODE: "123456789012",
    shop.JAPANPOST_CUSTOMER_CODE: "JP-0001",
}


def demo_url() -> str:
    """The demo's own SQLite file in the user's data folder.

    Never `KENPIN_DB`: that names the warehouse's real database, which must
    not fill up with demo orders.
    """
    return f"sqlite:///{_data_folder() / 'demo.db'}"


def _data_folder() -> Path:
    return Path(platformdirs.user_data_dir("kenpin", appauthor=False))


def sample_folder() -> Path:
    """resources/sample/ at the repository root, beside the `app` package."""
    return Path(app.__file__).resolve().parent.parent / "resources" / "sample"


def build_demo(db: Database) -> str:
    """Fill `db` with the sample data, allocate stock, and say what is there."""
    folder = sample_folder()
    if not (folder / "products.csv").is_file():
        raise Refused(f"demo: no sample data at {folder} (run from Kenpin's source folder)")
    report = [f"Kenpin demo database: {_shown(db.url)}", f"sample files: {folder}"]
    results = [
        intake.import_products(db, folder / "products.csv"),
        intake.import_stock(db, folder / "stock.csv"),
        *(
            intake.import_orders(db, path, fmt="auto")
            for path in sorted(folder.glob("orders_*.csv"))
        ),
    ]
    report.extend(f"  {result}" for result in results)
    report.extend(f"  {line}" for line in _add_users(db))
    report.extend(f"  {line}" for line in _add_tracking_blocks(db))
    report.extend(f"  {line}" for line in _set_shop(db))
    report.append(str(allocate(db)))
    report.append(_order_counts(db))
    report.extend(_lot_goods(folder))
    report.append("scan a badge to log in:")
    report.extend(f"  {u.badge}  {u.name} ({u.role}, PIN {u.pin})" for u in DEMO_USERS)
    return "\n".join(report)


def demo_printer(db: Database) -> str:
    """The demo station's printer: a folder of label files beside the demo database."""
    database = db.engine.url.database
    folder = Path(database).parent if db.is_sqlite and database else _data_folder()
    return (folder / "demo-labels").resolve().as_uri()


def _add_tracking_blocks(db: Database) -> list[str]:
    said = []
    for carrier, first, last in DEMO_TRACKING_BLOCKS:
        with db.read() as session:
            if numbers_left(session, carrier) > 0:
                continue
        said.append(add_range(db, carrier, first, last))
    return said


def _set_shop(db: Database) -> list[str]:
    """The demo shop's settings, those not set yet (one changed by hand stays as it is)."""
    settings = ShopSettings(db)
    stored = {shown.key: shown.stored for shown in settings.listing()}
    unset = [key for key in DEMO_SHOP if not stored.get(key)]
    if unset:
        settings.set_up({key: DEMO_SHOP[key] for key in unset})
    if not unset:
        return ["shop settings: already there"]
    return [f"shop settings: {', '.join(unset)} set (kenpin settings show)"]


def _add_users(db: Database) -> list[str]:
    said = []
    for user in DEMO_USERS:
        with db.read() as session:
            taken = user_store.name_or_badge_taken(session, user.name, user.badge)
        if taken:
            said.append(f"user {user.name}: already there")
            continue
        add_user(db, user.name, user.role, user.badge, user.pin)
        said.append(f"user {user.name} ({user.role}) added")
    return said


def _lot_goods(folder: Path) -> list[str]:
    """How the demo's lot goods are scanned: which carry a GS1 code with the lot (with one
    such code to type, as the unit's DataMatrix would read), which only a JAN."""
    products = _csv_rows(folder / "products.csv")
    gs1 = [p for p in products if p.get("lot_check") == LotCheck.GS1 and p["lot_tracked"] == "1"]
    if not gs1:
        return []
    first = gs1[0]
    lot = next(row for row in _csv_rows(folder / "stock.csv") if row["sku"] == first["sku"])
    expiry = dt.date.fromisoformat(lot["expiry"])
    code = f"(01){gtin14(first['barcode'].split('|')[0])}(17){expiry:%y%m%d}(10){lot['lot']}"
    return [
        "lot goods:",
        f"  {', '.join(p['sku'] for p in gs1)}: scan the GS1 code with the lot (lot_check gs1),"
        f" e.g. {code}",
        "  the others: scan the JAN; it counts as the reserved lot the screen shows"
        " (lot_check confirm)",
    ]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def _order_counts(db: Database) -> str:
    with db.read() as session:
        orders = order_listing(session)
    by_status: dict[str, int] = {}
    for order in orders:
        by_status[order["status"]] = by_status.get(order["status"], 0) + 1
    counts = ", ".join(f"{n} {status}" for status, n in sorted(by_status.items()))
    return f"orders: {len(orders)} ({counts})"


def _shown(url: str) -> str:
    """The URL as printed: an SQLite file's path, or the URL without its password."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
