"""Open the dock screen (`kenpin station --mode dock`) on a sample database and save what a
loader sees: nobody logged in, parcels loaded, a parcel loaded twice and one never scanned
back refused, one taken off again; in English and Japanese, at 1024x768 and 1920x1080.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshot_dock.py \
        [--out-dir /tmp]

Two orders are packed first through the real pack station (their labels scanned back), a
third one's label is printed and never scanned back; kenpin-dock-STAGE-LANG-WxH.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from app.bootstrap import Kenpin
from app.core.scans import Scan
from app.core.station import Mode
from app.db.database import Database
from app.db.models import Order
from app.db.shipping_models import Parcel
from app.scanning.normalize import normalise
from app.scanning.source import ScriptedScanner
from app.services.station.pack import PackStation
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation, remove_translation
from scripts.screenshot_station import PACKER, _allocated_orders, sample_database
from scripts.screenshot_window import save_shot, settle

SIZES = ((1024, 768), (1920, 1080))


def packed(db: Database) -> tuple[str, str, str]:
    """Pack two allocated orders with their labels scanned back and a third with its label
    never scanned back; their tracking numbers."""
    station = PackStation(db, "PACK-01")
    station.scan(_scan(PACKER[1]))
    (plain, plain_units), (gift, gift_units) = _allocated_orders(db)
    numbers = []
    for number, units, extra in ((plain, plain_units, []), (gift, gift_units, ["KCMD:CARD"])):
        for code in (number, *units, *extra, "KCMD:COMPLETE"):
            station.scan(_scan(code))
        numbers.append(_tracking(db, number))
        station.scan(_scan(numbers[-1]))
    with db.read() as s:
        third = s.scalars(
            select(Order.number)
            .where(Order.status == "allocated", Order.number.not_in((plain, gift)))
            .order_by(Order.number)
        ).first()
    assert third is not None
    return numbers[0], numbers[1], _pack_unverified(db, station, third)


def _pack_unverified(db: Database, station: PackStation, number: str) -> str:
    from scripts.screenshot_station import scan_code

    with db.read() as s:
        order = s.scalars(select(Order).where(Order.number == number)).one()
        units = [line.product_id for line in order.lines for _ in range(line.qty)]
        gift = bool(order.gift_message)
    codes = [scan_code(db, product) for product in units]
    for code in (number, *codes, *(["KCMD:CARD"] if gift else []), "KCMD:COMPLETE"):
        station.scan(_scan(code))
    return _tracking(db, number)


def _scan(code: str) -> Scan:
    return normalise(code)


def _tracking(db: Database, number: str) -> str:
    with db.read() as s:
        return (
            s.scalars(
                select(Parcel.tracking_number)
                .join(Order, Order.id == Parcel.order_id)
                .where(Order.number == number)
                .order_by(Parcel.id.desc())
            ).first()
            or ""
        )


def dock_shots(size: tuple[int, int], folder: Path, lang: str) -> None:
    db = sample_database()
    first, second, unverified = packed(db)
    translators = install_translation(lang) if lang == "ja" else []
    scanner = ScriptedScanner(name="/dev/ttyACM0")
    window = MainWindow(
        Kenpin(db).station_services(), "DOCK-01", scanners=[scanner], mode=Mode.DOCK
    )
    window.show_bench_page()
    window.resize(*size)
    window.show()
    dock = window.dock

    def scan(*codes: str) -> None:
        for code in (None, *codes):
            if code is not None:
                scanner.scan(code)
            settle(lambda: dock.view is not None and dock.scans.unanswered == 0)

    def shot(stage: str) -> None:
        scan()
        settle(lambda: not window.bench_page.banner.flashing)
        save_shot(window, folder / f"kenpin-dock-{stage}-{lang}-{size[0]}x{size[1]}.png")

    try:
        shot("login")
        scan(PACKER[1], first)
        shot("loaded")
        scan(first)
        shot("already-loaded")
        scan(unverified)
        shot("not-verified")
        scan(second)
        shot("second")
        scan("KCMD:UNDO")
        shot("taken-off")
    finally:
        window.close()
        remove_translation(translators)
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", default="/tmp", help="where the PNGs go")
    args = parser.parse_args()
    folder = Path(args.out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    make_application(language="en")
    for lang in ("en", "ja"):
        for size in SIZES:
            dock_shots(size, folder, lang)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
