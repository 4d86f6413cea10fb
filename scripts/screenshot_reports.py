"""A week of packing at three stations, replayed through the real station, then the Reports
page's screenshot in English and Japanese.

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshot_reports.py \
        [--out-dir docs/screens] [--size 1024x768]

Builds a temporary SQLite database: eight products (two pairs of look-alikes, one
of them often picked for the other), stock, and orders; three packers each pack
their orders at their own station for seven days through `PackStation.scan`,
now and then scanning the look-alike first (refused `not_on_order`) or one unit
too many. Saves reports-en.png and reports-ja.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from app.bootstrap import Kenpin, open_database
from app.core.gtin import with_check_digit
from app.core.times import JAPAN
from app.db import stock
from app.db.database import Database
from app.db.models import Barcode, Order, OrderLine, Product, Station
from app.scanning.normalize import normalise
from app.services.allocation import allocate
from app.services.users import add_user
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation

PRODUCTS = [
    ("TEA-G", "緑茶 ティーバッグ 20袋"),
    ("TEA-H", "ほうじ茶 ティーバッグ 20袋"),
    ("CUP-S", "湯のみ 小"),
    ("CUP-M", "湯のみ 中"),
    ("SOAP", "石けん 無香料"),
    ("TOWEL", "今治タオル 白"),
    ("RICE", "新潟こしひかり 2kg"),
    ("NORI", "焼き海苔 10枚"),
]
#: The look-alike packers take by mistake for each product (when they do).
LOOKALIKE = {"TEA-G": "TEA-H", "TEA-H": "TEA-G", "CUP-S": "CUP-M", "CUP-M": "CUP-S"}
PACKERS = [("佐藤 花子", "B-101", "BENCH-1"), ("鈴木 太郎", "B-102", "BENCH-2")]
PACKERS.append(("高橋 美咲", "B-103", "BENCH-3"))
DAYS = 7
FIRST_DAY = dt.date(2026, 11, 23)


def build(db: Database, rng: random.Random) -> dict[str, str]:
    """Products with their JANs and stock, the packers and stations; sku -> JAN."""
    codes: dict[str, str] = {}
    with db.write() as s:
        for n, (sku, name) in enumerate(PRODUCTS):
            product = Product(sku=sku, name=name)
            s.add(product)
            s.flush()
            codes[sku] = with_check_digit(f"49{n + 1:010d}")
            s.add(Barcode(code=codes[sku], product_id=product.id))
            balance = stock.balance_id(
                s,
                product.id,
                stock.location_id(s, f"A-{n:02d}", n),
                stock.lot_id(s, product.id, "", None),
            )
            stock.post(
                s, [stock.Move(balance, on_hand_delta=100_000, reason="receipt", reference="")]
            )
        for _name, _badge, bench in PACKERS:
            s.add(Station(name=bench, settings='{"labels": "off"}'))
    for name, badge, _bench in PACKERS:
        add_user(db, name, "packer", badge)
    return codes


def add_orders(db: Database, day: int, rng: random.Random, count: int) -> list[str]:
    """`count` orders of one to three lines for the packers of day `day`, allocated."""
    numbers = []
    with db.write() as s:
        ids = {p.sku: p.id for p in s.query(Product)}
        for n in range(count):
            number = f"#{day:02d}{n:04d}"
            order = Order(
                number=number,
                source="generic",
                order_date=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
                customer_name="山田 一郎",
                carrier="yamato",
                content_hash=number,
            )
            s.add(order)
            s.flush()
            for line_no, sku in enumerate(rng.sample(list(ids), rng.randint(1, 3)), start=1):
                s.add(
                    OrderLine(
                        order_id=order.id,
                        line_no=line_no,
                        product_id=ids[sku],
                        qty=rng.randint(1, 3),
                    )
                )
            numbers.append(number)
    allocate(db)
    return numbers


def pack_day(db: Database, codes: dict[str, str], day: int, rng: random.Random) -> None:
    """Each packer packs a share of the day's orders at their bench, from 9:00 on."""
    for packer in range(len(PACKERS)):
        pack_shift(db, codes, day, packer, rng)


def pack_shift(
    db: Database, codes: dict[str, str], day: int, packer: int, rng: random.Random
) -> None:
    """One packer's shift: badge, their orders one by one (a look-alike now and then), badge."""
    _name, badge, bench = PACKERS[packer]
    careless = 0.04 + 0.05 * packer + (0.04 if day % 3 == 0 else 0)
    numbers = add_orders(db, day * 10 + packer, rng, rng.randint(25, 45))
    station = Kenpin(db).pack_station(bench)
    clock = [dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), dt.time(9), JAPAN)]
    clock[0] += dt.timedelta(minutes=rng.randint(0, 40))

    def scan(code: str, pause: float = 0) -> None:
        clock[0] += dt.timedelta(seconds=pause + rng.uniform(3, 9 + packer * 3))
        station.scan(normalise(code), at=clock[0])

    scan(badge)
    with db.read() as s:
        lines = (
            s.query(Order.number, Product.sku, OrderLine.qty)
            .select_from(OrderLine)
            .join(Order, Order.id == OrderLine.order_id)
            .join(Product, Product.id == OrderLine.product_id)
        )
        wanted = [(n, sku, q) for n, sku, q in lines if n in set(numbers)]
    for number in numbers:
        scan(number, pause=rng.uniform(20, 60))
        for _n, sku, qty in (w for w in wanted if w[0] == number):
            for _ in range(qty):
                if rng.random() < careless:
                    scan(codes[LOOKALIKE.get(sku, "SOAP")])
                scan(codes[sku])
            if rng.random() < careless / 3:
                scan(codes[sku])  # one too many
        scan("KCMD:COMPLETE")
    scan(badge)


def shoot(db: Database, folder: Path, lang: str, size: tuple[int, int]) -> Path:
    translators = install_translation(lang) if lang == "ja" else []
    window = MainWindow(Kenpin(db).station_services(), "BENCH-1")
    window.resize(*size)
    window.show()
    reports = window.reports
    assert reports is not None
    window.pages.setCurrentWidget(reports.page)
    last = FIRST_DAY + dt.timedelta(days=DAYS - 1)
    reports.page.set_period(QDate(FIRST_DAY), QDate(last))
    done: list[bool] = []
    reports.shown.connect(lambda: done.append(True))
    reports.on_show()
    while not done:
        QApplication.processEvents()
    reports.page.figures.selectRow(2)
    for _ in range(20):
        QApplication.processEvents()
    path = folder / f"reports-{lang}.png"
    window.grab().save(str(path))
    window.close()
    for translator in translators:
        QApplication.removeTranslator(translator)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", default="docs/screens")
    parser.add_argument("--size", default="1024x768")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    make_application(language="en")
    rng = random.Random(10)
    db = open_database(f"sqlite:///{tempfile.mkdtemp()}/reports.db")
    codes = build(db, rng)
    for day in range(DAYS):
        pack_day(db, codes, day, rng)
    for lang in ("en", "ja"):
        print(shoot(db, Path(args.out_dir), lang, (width, height)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
