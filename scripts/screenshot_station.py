"""Open the station window on a database of Japanese orders and save screenshots.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_station.py \
        [--db URL] [--out /tmp/kenpin-orders.png] [--order NUMBER] [--status STATUS]
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_station.py \
        --pack [--lang ja|en] [--out-dir /tmp]
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshot_station.py \
        --waiting --size 1920x1080 [--lang ja|en] [--out-dir /tmp]

The first form shows the Orders page. With --pack, a packer's shift is played
through the pack screen by a scripted scanner and four screenshots are saved:
kenpin-pack-login-LANG.png (nobody logged in), -refused- (an item that is not on
the order, scanned with the IME on), -gift- (a gift order's message and card
step), -no-numbers- (COMPLETE refused: no tracking numbers registered yet) and
-completed- (the gift order packed, its label to scan back).

With --screens, every state of the pack screen a packer meets (login, order open,
accepted, refused, all in, label awaited, label not printed, typed entry, waiting for
the database) is saved as STATE-LANG-WxH.png in --out-dir, in English and Japanese, at
1024x768 and 1920x1080: `--screens --out-dir docs/screens` regenerates the README's
screens (run it under `xvfb-run -a -s "-screen 0 1920x1080x24"`).

With --pick, a picker's wave is played through the pick screen (`kenpin station --mode
pick`) by a scripted scanner, at --size (800x600 is the smallest it must fit): a wave of
three orders onto a cart, a wrong bin, the wrong product and a wrong slot refused, a
short pick, the wave picked; kenpin-pick-STAGE-LANG-WxH.png in --out-dir.

With --waiting (SQLite only), another connection holds the database's write lock
while three scans are made: kenpin-pack-waiting-LANG-WxH.png shows the waiting
banner, kenpin-pack-after-waiting-LANG-WxH.png the screen once the lock is gone
and the three verdicts came back.

Without --db a sample SQLite database is built in a temporary folder: a few hundred
orders with real-looking addresses, gift messages, a backordered order with short
lines, and allocated orders whose lines are reserved in bins and lots.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bootstrap import Kenpin, open_database
from app.core.errors import EnvironmentFailure
from app.core.gtin import gtin14, with_check_digit
from app.core.scans import LotCheck, Scan
from app.core.station import Mode
from app.core.waves import WaveRequest
from app.db import stock
from app.db.database import Database
from app.db.models import Barcode, Location, Order, OrderLine, Product, Reservation
from app.scanning.source import ScriptedScanner
from app.services.carriers import add_range
from app.services.demo import DEMO_SHOP
from app.services.order_queue import OrderQueue
from app.services.shop_settings import ShopSettings
from app.services.station.pick import PickView
from app.services.users import add_user
from app.services.waves import create_wave
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation, remove_translation
from scripts.screenshot_window import save_small, settle

PRODUCTS = (
    ("TEA-GRN-20", "オーガニック緑茶 ティーバッグ", "20包"),
    ("TWL-FACE-WH", "今治タオル フェイスタオル", "白"),
    ("TWL-FACE-NV", "今治タオル フェイスタオル", "紺"),
    ("TSH-M-BK", "コットンTシャツ", "M / 黒"),
    ("TSH-L-BK", "コットンTシャツ", "L / 黒"),
    ("MUG-HASAMI", "波佐見焼 マグカップ", "藍"),
    ("SOAP-YUZU", "柚子の石けん", "100g"),
    ("CHOPS-5P", "若狭塗 箸 5膳セット", ""),
)
CUSTOMERS = (
    ("山田 太郎", "100-0005", "東京都", "千代田区", "丸の内1-9-1", "グラントウキョウ 12F"),
    ("佐藤 花子", "530-0001", "大阪府", "大阪市北区", "梅田3-1-3", ""),
    ("鈴木 一郎", "060-0806", "北海道", "札幌市北区", "北六条西4-1", "JRタワー 5階"),
    ("高橋 美咲", "812-0012", "福岡県", "福岡市博多区", "博多駅中央街1-1", ""),
    ("田中 健", "450-0002", "愛知県", "名古屋市中村区", "名駅1-1-4", "セントラルタワーズ"),
    ("伊藤 さくら", "600-8216", "京都府", "京都市下京区", "東塩小路町721-1", ""),
    ("渡辺 翔", "900-0015", "沖縄県", "那覇市", "久茂地1-1-1", "パレットくもじ 8F"),
    ("中村 由美", "231-0023", "神奈川県", "横浜市中区", "山下町279", ""),
)
CARRIERS = (("yamato", "宅急便"), ("sagawa", "飛脚宅配便"), ("japanpost", "ゆうパック"))
GIFT = "お誕生日おめでとう！いつもありがとう。"
PACKER = ("山田 花子", "BADGE-PACK-01")
SUPERVISOR = ("佐藤 健", "BADGE-SUP-01", "5678")
LOT = ("L2604", dt.date(2027, 4, 30))
SLOTS = ("", "午前中", "14-16", "16-18", "19-21")
STATUSES = (
    ("shipped", 120),
    ("verified", 12),
    ("labelled", 6),
    ("packed", 5),
    ("packing", 2),
    ("allocated", 60),
    ("backordered", 8),
    ("new", 30),
    ("on_hold", 3),
    ("cancelled", 4),
)


def build_sample(db: Database) -> None:
    """Products, stock in bins and lots, and orders in every status."""
    rnd = random.Random(2026)
    with db.write() as s:
        products = []
        for seq, (sku, name, variant) in enumerate(PRODUCTS):
            # The tea's lot is printed on its pack, not in its barcode: checked by eye.
            tracked = sku == "TEA-GRN-20"
            product = Product(
                sku=sku,
                name=name,
                variant=variant,
                lot_tracked=tracked,
                lot_check=LotCheck.CONFIRM if tracked else LotCheck.GS1,
            )
            s.add(product)
            s.flush()
            s.add(Barcode(code=unit_code(seq), product_id=product.id))
            bin_id = stock.location_id(s, f"A-{seq // 4 + 1:02d}-{seq % 4 + 1:02d}", seq)
            lot = LOT if product.lot_tracked else ("", None)
            balance = stock.balance_id(s, product.id, bin_id, stock.lot_id(s, product.id, *lot))
            stock.post(s, [stock.Move(balance, on_hand_delta=500, reason="receipt")])
            products.append((product.id, balance))
        number = 1001
        start = dt.datetime(2026, 3, 2, 0, 0, tzinfo=dt.UTC)
        for status, count in STATUSES:
            for _ in range(count):
                name, postal, pref, city, addr1, addr2 = rnd.choice(CUSTOMERS)
                carrier, service = CARRIERS[number % 3]
                order = Order(
                    number=f"#{number}",
                    source="shopify",
                    status=status,
                    order_date=start + dt.timedelta(minutes=7 * (number - 1001)),
                    customer_name=name,
                    postal_code=postal,
                    prefecture=pref,
                    city=city,
                    address1=addr1,
                    address2=addr2,
                    phone=f"090-{rnd.randrange(1000, 9999)}-{rnd.randrange(1000, 9999)}",
                    carrier=carrier,
                    service=service,
                    delivery_date=dt.date(2026, 3, 6) if number % 4 == 0 else None,
                    delivery_time=SLOTS[number % len(SLOTS)],
                    gift_message=GIFT if number % 9 == 0 else "",
                    content_hash=f"sample{number}",
                )
                s.add(order)
                s.flush()
                picked = rnd.sample(products, rnd.randint(1, 4))
                _add_lines(s, order, picked, rnd)
                if status == "backordered":
                    order.short_lines = f"{PRODUCTS[products.index(picked[0])][0]}: 2 short"
                number += 1
    add_user(db, PACKER[0], "packer", PACKER[1])
    add_user(db, SUPERVISOR[0], "supervisor", SUPERVISOR[1], SUPERVISOR[2])
    # The labels' sender: a label is not issued without one.
    ShopSettings(db).set_up(DEMO_SHOP)


def unit_code(seq: int) -> str:
    """The JAN printed on the `seq`th sample product."""
    return with_check_digit(f"490123400{seq:03d}")


def scan_code(db: Database, product_id: int) -> str:
    """What the scanner reads off one unit: its JAN, or a GS1 string with the lot when tracked."""
    with db.read() as s:
        product = s.get_one(Product, product_id)
        jan = s.scalars(select(Barcode.code).where(Barcode.product_id == product_id)).first()
        assert jan is not None
        if not product.lot_tracked or product.lot_check is LotCheck.CONFIRM:
            return jan
        return f"(01){gtin14(jan)}(17){LOT[1]:%y%m%d}(10){LOT[0]}"


def _add_lines(s: object, order: Order, picked: list[tuple[int, int]], rnd: random.Random) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    reserved = order.status in ("allocated", "packing")
    packed_all = order.status in ("packed", "labelled", "verified", "shipped")
    for line_no, (product_id, balance) in enumerate(picked, start=1):
        qty = rnd.randint(1, 3)
        line = OrderLine(
            order_id=order.id,
            line_no=line_no,
            product_id=product_id,
            qty=qty,
            allocated=qty if reserved or packed_all else 0,
            packed=qty if packed_all else 0,
        )
        s.add(line)
        s.flush()
        if reserved:
            s.add(Reservation(order_line_id=line.id, balance_id=balance, qty=qty))
            stock.post(s, [stock.Move(balance, reserved_delta=qty, reason="reserve")])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="database URL (default: a fresh sample database)")
    parser.add_argument("--out", default="/tmp/kenpin-orders.png", help="PNG to write")
    parser.add_argument("--order", default="", help="order number to pick (default: a gift one)")
    parser.add_argument("--status", default="", help="status to filter the queue by")
    parser.add_argument("--size", default="1360x860", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--pack", action="store_true", help="screenshots of the pack screen")
    parser.add_argument("--pick", action="store_true", help="screenshots of the pick screen")
    parser.add_argument(
        "--waiting", action="store_true", help="the pack screen waiting for a locked database"
    )
    parser.add_argument(
        "--screens",
        action="store_true",
        help="every state of the pack screen, in English and Japanese, at 1024x768 and "
        "1920x1080, into --out-dir (docs/screens for the README)",
    )
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="the window's language")
    parser.add_argument("--out-dir", default="/tmp", help="folder for the --pack screenshots")
    args = parser.parse_args()

    if args.screens:
        make_application(language="en")
        for lang in ("en", "ja"):
            for size in SCREEN_SIZES:
                screens(sample_database(), size, Path(args.out_dir), lang)
        return 0
    if args.db:
        db = open_database(args.db)
    else:
        folder = Path(tempfile.mkdtemp(prefix="kenpin-shot-"))
        db = open_database(f"sqlite:///{folder / 'kenpin-sample.db'}")
        build_sample(db)

    app = make_application(language=args.lang)
    width, height = (int(n) for n in args.size.split("x"))
    if args.pack:
        return pack_shots(db, (width, height), Path(args.out_dir), args.lang)
    if args.pick:
        return pick_shots(db, (width, height), Path(args.out_dir), args.lang)
    if args.waiting:
        return waiting_shots(db, (width, height), Path(args.out_dir), args.lang)
    window = MainWindow(Kenpin(db).station_services(), "PACK-01")
    window.resize(width, height)
    window.show()
    page = window.orders_page
    deadline = dt.datetime.now() + dt.timedelta(seconds=10)
    while "Counting" in window.counts_label.text() and dt.datetime.now() < deadline:
        app.processEvents()
    if args.status:
        page.status_filter.setCurrentIndex(page.status_filter.findData(args.status))
    wanted = args.order or _a_gift_order(window, OrderQueue(db))
    if wanted:
        page.search.setText(wanted)
        window.orders.on_search_submitted()
        if not args.order:
            # Back to the whole queue; the picked order stays picked.
            page.search.clear()
            window.orders.on_search_submitted()
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(args.out)
    print(f"saved {args.out} ({window.width()}x{window.height()})")
    window.close()
    db.dispose()
    return 0


def pack_shots(db: Database, size: tuple[int, int], folder: Path, lang: str) -> int:
    """Play a packer's scans through the pack screen, saving a screenshot at each stage."""
    scanner = ScriptedScanner(name="/dev/ttyACM0")
    window = MainWindow(Kenpin(db).station_services(), "PACK-01", scanners=[scanner])
    window.show_bench_page()
    window.resize(*size)
    window.show()
    plain, gift = _allocated_orders(db)

    def shot(stage: str) -> None:
        settle(lambda: window.pack.view is not None and window.pack.scans.unanswered == 0)
        path = folder / f"kenpin-pack-{stage}-{lang}.png"
        window.grab().save(str(path))
        print(f"saved {path}")

    shot("login")
    scanner.scan(PACKER[1])
    scanner.scan(plain[0])
    for code in plain[1][:2]:
        scanner.scan(code)
    # A unit of another order, scanned with the Japanese IME left on.
    stranger = next(code for code in gift[1] if code not in plain[1])
    scanner.scan(stranger.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}))
    shot("refused")
    scanner.scan("KCMD:CANCEL")
    scanner.scan(gift[0])
    scanner.scan(gift[1][0])
    shot("gift")
    for code in gift[1][1:]:
        scanner.scan(code)
    scanner.scan("KCMD:CARD")
    # The sample has no tracking numbers yet: the pack stays open and the packer is told.
    scanner.scan("KCMD:COMPLETE")
    shot("no-numbers")
    for n, carrier in enumerate(("yamato", "sagawa", "japanpost")):
        first = 90_000_000_000 + n * 1_000_000
        add_range(db, carrier, str(first), str(first + 999))
    scanner.scan("KCMD:COMPLETE")
    shot("completed")
    window.close()
    db.dispose()
    return 0


def pick_shots(db: Database, size: tuple[int, int], folder: Path, lang: str) -> int:
    """Play a picker's wave through the pick screen, saving a screenshot at each stage; the
    scans follow the screen's own instruction, as a picker does."""
    wave = create_wave(db, WaveRequest(max_orders=3)).number
    scanner = ScriptedScanner(name="/dev/ttyACM0")
    window = MainWindow(
        Kenpin(db).station_services(), "PICK-01", scanners=[scanner], mode=Mode.PICK
    )
    window.show_bench_page()
    window.resize(*size)
    window.show()
    pick = window.pick
    assert pick is not None

    def scan(*codes: str) -> PickView:
        for code in (None, *codes):
            if code is not None:
                scanner.scan(code)
            settle(lambda: pick.view is not None and pick.scans.unanswered == 0)
        assert pick.view is not None
        return pick.view

    def shot(stage: str) -> None:
        scan()
        settle(lambda: not window.bench_page.banner.flashing)
        path = folder / f"kenpin-pick-{stage}-{lang}-{size[0]}x{size[1]}.png"
        save_small(window, path)
        print(f"saved {path} ({window.width()}x{window.height()})")

    shot("login")
    view = scan(PACKER[1], wave)
    shot("wave-open")
    assert view.instruction is not None
    first = view.instruction
    scan(next(code for code in _bins(db) if code != first.bin))
    shot("wrong-bin")
    scan(first.bin)
    shot("at-bin")
    other = next(p for p in _product_ids(db) if p != first.product_id)
    scan(scan_code(db, other))
    shot("not-on-pick")
    view = scan(scan_code(db, first.product_id))
    shot("taken")
    if view.slot is not None:
        scan(f"SLOT-{view.slot % 99 + 1:02d}")
        shot("wrong-slot")
        view = scan(f"SLOT-{view.slot:02d}")
    # On to the next bin; nothing is found there: a short pick.
    while view.instruction is not None and (
        not view.at_bin or view.slot is not None or view.instruction.bin == first.bin
    ):
        view = _one_step(scan, db, view)
    shot("short-bin")
    view = scan("KCMD:SHORTPICK")
    shot("short-picked")
    while view.instruction is not None or view.slot is not None:
        view = _one_step(scan, db, view)
    shot("wave-done")
    window.close()
    db.dispose()
    return 0


def _one_step(scan: Callable[..., PickView], db: Database, view: PickView) -> PickView:
    """The scan the screen asks for next: the slot, the bin, or a unit."""
    if view.slot is not None:
        return scan(f"SLOT-{view.slot:02d}")
    line = view.instruction
    assert line is not None
    if not view.at_bin:
        return scan(line.bin)
    return scan(scan_code(db, line.product_id))


def _bins(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(Location.code).order_by(Location.walk_seq.desc())))


def _product_ids(db: Database) -> list[int]:
    with db.read() as s:
        return list(s.scalars(select(Product.id).order_by(Product.id)))


#: The bench screens the README shows: the smallest supported, and a common monitor.
SCREEN_SIZES = ((1024, 768), (1920, 1080))
#: What a printer out of labels says (a physical printer is the one thing simulated here).
OUT_OF_LABELS = (
    "the printer is out of labels: load a new roll (tcp://192.168.1.50:9100); "
    "then scan KCMD:REPRINT"
)


def sample_database() -> Database:
    """A fresh sample database in a temporary folder, with tracking numbers to print."""
    folder = Path(tempfile.mkdtemp(prefix="kenpin-shot-"))
    db = open_database(f"sqlite:///{folder / 'kenpin-sample.db'}")
    build_sample(db)
    for n, carrier in enumerate(("yamato", "sagawa", "japanpost")):
        first = 90_000_000_000 + n * 1_000_000
        add_range(db, carrier, str(first), str(first + 999))
    return db


class ShelfPrinter:
    """The station's own label printing, into a folder, unless told it is out of labels."""

    def __init__(self, kenpin: Kenpin) -> None:
        self.kenpin = kenpin
        self.out_of_labels = False

    def __call__(self, job: int) -> None:
        if self.out_of_labels:
            raise EnvironmentFailure(OUT_OF_LABELS)
        self.kenpin.print_label(job)


def screens(db: Database, size: tuple[int, int], folder: Path, lang: str) -> None:
    """Every state of the pack screen as a packer meets it, one PNG each:
    STATE-LANG-WxH.png in `folder`."""
    translators = install_translation(lang) if lang == "ja" else []
    try:
        _screens(db, size, folder, lang)
    finally:
        remove_translation(translators)
        db.dispose()


def _screens(db: Database, size: tuple[int, int], folder: Path, lang: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    kenpin = Kenpin(db)
    printer = ShelfPrinter(kenpin)
    labels = Path(tempfile.mkdtemp(prefix="kenpin-labels-")).as_uri()
    services = dataclasses.replace(kenpin.station_services(labels), print_label=printer)
    scanner = ScriptedScanner(name="/dev/ttyACM0")
    window = MainWindow(services, "PACK-01", scanners=[scanner])
    window.show_bench_page()
    window.resize(*size)
    window.show()
    plain, gift = _allocated_orders(db)
    stranger = next(code for code in gift[1] if code not in plain[1])

    def answered() -> bool:
        return window.pack.view is not None and window.pack.scans.unanswered == 0

    def scan(*codes: str) -> None:
        for code in codes:
            scanner.scan(code)
            settle(answered)

    def shot(state: str) -> None:
        settle(answered)
        settle(lambda: not window.pack_page.banner.flashing)
        path = folder / f"{state}-{lang}-{size[0]}x{size[1]}.png"
        save_small(window, path)
        print(f"saved {path} ({window.width()}x{window.height()})")

    shot("login")
    scan(PACKER[1], plain[0])
    shot("order-open")
    scan(plain[1][0])
    shot("accepted")
    scan(stranger)
    shot("refused")
    scan(stranger, stranger)
    shot("locked")

    def supervisor_signs() -> None:
        scan(SUPERVISOR[1])
        window.pack_page.pin_entry.field.setText(SUPERVISOR[2])
        window.pack_page.pin_entry.on_return()
        settle(answered)

    supervisor_signs()
    shot("lock-lifted")
    scan("KCMD:SHORT")
    shot("short-asked")
    supervisor_signs()
    shot("short-approved")
    scan("KCMD:CANCEL")
    scan(*plain[1][1:])
    shot("all-in")
    printed: list[bool] = []
    window.pack.print_shown.connect(printed.append)
    scan("KCMD:COMPLETE")
    settle(lambda: bool(printed))
    shot("label-awaited")
    printer.out_of_labels = True
    scan("KCMD:REPRINT")
    settle(lambda: printed[-1] is False)
    shot("label-not-printed")
    printer.out_of_labels = False
    scan("KCMD:REPRINT")
    settle(lambda: printed[-1] is True)
    awaiting = window.pack.view.awaiting if window.pack.view else None
    assert awaiting is not None
    scan(awaiting.tracking_number, gift[0])
    window.pack_page.open_typed_entry()
    window.pack_page.typed_entry.field.setText(gift[1][0])
    shot("typed-entry")
    window.pack_page.typed_entry.close_entry()
    # A burst the scanner garbled (a slow key inside it), as the keyboard wedge reports it.
    window.pack.on_scanned(Scan(gift[1][0][:9], unreadable=True))
    shot("unreadable")
    path = db.engine.url.database
    assert path
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # another program writing (a long import, say)
    try:
        for code in gift[1][:2]:
            scanner.scan(code)
        settle(lambda: window.pack_page.banner.level == "waiting")
        settle(lambda: not window.pack_page.banner.flashing)
        save_small(window, folder / f"waiting-for-database-{lang}-{size[0]}x{size[1]}.png")
    finally:
        locker.rollback()
        locker.close()
    settle(answered)
    window.close()


def waiting_shots(db: Database, size: tuple[int, int], folder: Path, lang: str) -> int:
    """The pack screen while another connection holds SQLite's write lock, and after."""
    path = db.engine.url.database
    if not db.is_sqlite or not path:
        raise SystemExit("--waiting needs an SQLite file")
    scanner = ScriptedScanner(name="/dev/ttyACM0")
    window = MainWindow(Kenpin(db).station_services(), "PACK-01", scanners=[scanner])
    window.show_bench_page()
    window.resize(*size)
    window.show()
    plain, gift = _allocated_orders(db)
    stranger = next(code for code in gift[1] if code not in plain[1])
    units = list(dict.fromkeys(plain[1]))  # different codes: the scanner drops quick repeats

    def shot(stage: str) -> None:
        name = folder / f"kenpin-pack-{stage}-{lang}-{size[0]}x{size[1]}.png"
        window.grab().save(str(name))
        print(f"saved {name} ({window.width()}x{window.height()})")

    for code in (PACKER[1], plain[0], units[0]):
        scanner.scan(code)
        settle(lambda: window.pack.view is not None and window.pack.scans.unanswered == 0)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # another program writing (a long import, say)
    try:
        for code in (units[1], stranger, units[0]):
            scanner.scan(code)
        settle(lambda: window.pack_page.banner.level == "waiting")
        shot("waiting")
    finally:
        locker.rollback()
        locker.close()
    settle(lambda: window.pack.scans.unanswered == 0)
    shot("after-waiting")
    window.close()
    db.dispose()
    return 0


def _allocated_orders(db: Database) -> tuple[tuple[str, list[str]], tuple[str, list[str]]]:
    """(number, unit scans) of an allocated order with three or more units and no gift message,
    and of an allocated gift order with a product the first one lacks."""
    with db.read() as s:
        orders = s.scalars(
            select(Order).where(Order.status == "allocated").order_by(Order.number)
        ).all()
        units = {
            order.number: [line.product_id for line in order.lines for _ in range(line.qty)]
            for order in orders
        }
        gifts = {order.number for order in orders if order.gift_message}
    plain = next(n for n, u in units.items() if n not in gifts and len(u) >= 3 and len(set(u)) > 1)
    gift = next(n for n in sorted(gifts) if set(units[n]) - set(units[plain]))
    return (
        (plain, [scan_code(db, product) for product in units[plain]]),
        (gift, [scan_code(db, product) for product in units[gift]]),
    )


def _a_gift_order(window: MainWindow, queue: OrderQueue) -> str:
    """An allocated gift order with a lot on the first page: the fullest details pane."""
    model = window.orders.model
    for row in range(model.rowCount()):
        order = model.order_at(row)
        if order.status == "allocated" and order.lines > 1:
            details = queue.details(order.id)
            lots = details is not None and any(
                place.lot_code for line in details.lines for place in line.reserved
            )
            if details is not None and details.gift_message and lots:
                return order.number
    return ""


if __name__ == "__main__":
    sys.exit(main())
