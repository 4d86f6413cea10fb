"""Shipped orders with parcels, the shop's SMTP settings and a supervisor, for the mail tests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from app.core.times import JAPAN
from app.db.database import Database
from app.db.models import Order
from app.db.shipping_models import Parcel
from app.services.shop_settings import ShopSettings
from app.services.signin import Credentials
from app.services.users import add_user
from tests.stationdata import SHOP, SUPERVISOR_PIN
from tests.stockdata import add_order, add_product

#: The morning the tests' orders shipped, and when the tests' clock starts.
SHIPPED_ON = dt.date(2026, 4, 1)
START = dt.datetime(2026, 4, 1, 18, 0, tzinfo=JAPAN).astimezone(dt.UTC)
SUPERVISOR = Credentials("B-900", SUPERVISOR_PIN)


def smtp_set_up(db: Database, port: int, security: str = "none") -> None:
    """The test shop, sending through 127.0.0.1:`port`."""
    ShopSettings(db).set_up(
        SHOP
        | {
            "smtp.host": "127.0.0.1",
            "smtp.port": str(port),
            "smtp.security": security,
            "smtp.from": "検品ストア <shop@example.jp>",
        }
    )


def shipped_orders(db: Database, *emails: str) -> list[str]:
    """One shipped order per address ("" for none): 2 tea and a cup, one Yamato parcel each;
    their numbers (#2001, ...). A supervisor to resend with, too."""
    numbers = []
    with db.write() as s:
        tea, cup = add_product(s, "TEA"), add_product(s, "CUP")
        for n, email in enumerate(emails, start=1):
            number = f"#{2000 + n}"
            order_id = add_order(s, number, [(tea, 2), (cup, 1)], minutes=n, status="shipped")
            s.execute(
                update(Order)
                .where(Order.id == order_id)
                .values(email=email, shipped_on=SHIPPED_ON, customer_name=f"山田 {n}")
            )
            s.add(
                Parcel(
                    order_id=order_id,
                    carton_no=1,
                    carrier="yamato",
                    tracking_number=f"3000000000{n:02d}",
                    status="verified",
                )
            )
            numbers.append(number)
    add_user(db, "Sachiko", "supervisor", SUPERVISOR.badge, SUPERVISOR.pin)
    return numbers
