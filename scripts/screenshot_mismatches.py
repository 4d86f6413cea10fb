"""Open the station window's Mismatches page on a sample log and save a screenshot.

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshot_mismatches.py \
        [--lang en|ja] [--out docs/screens/mismatches-en.png] [--size 1024x768]

A packer's shift is played through the pack station with no window (wrong items,
one too many, a code keyed in by hand, COMPLETE too early), one refusal is
reviewed by a supervisor, and the page is shown with the newest refusal picked.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))

import screenshot_station as sample

from app.bootstrap import Kenpin, open_database
from app.core.scans import Scan
from app.db.database import Database
from app.db.models import Order, Product
from app.services.mismatches import MismatchFilter, MismatchLog
from app.services.signin import Credentials
from app.services.users import add_user
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation

SUPERVISOR = ("佐々木 課長", "BADGE-SUP-01")
SUPERVISOR_PIN = "2468"


def play_shift(db: Database) -> None:
    """Pack a few allocated orders by scanning every product once: the refusals fill the log."""
    with db.read() as s:
        numbers = s.scalars(
            select(Order.number).where(Order.status == "allocated").order_by(Order.id).limit(6)
        ).all()
        products = s.scalars(select(Product.id).order_by(Product.id)).all()
    station = Kenpin(db).pack_station("PACK-01")
    station.scan(Scan(sample.PACKER[1]))
    for n, number in enumerate(numbers):
        station.scan(Scan(number))
        for product_id in products:
            station.scan(Scan(sample.scan_code(db, product_id), typed=n == 2 and product_id == 1))
        station.scan(Scan("4901234999990", typed=True))
        station.scan(Scan("KCMD:COMPLETE"))
        station.scan(Scan("KCMD:CANCEL"))
    add_user(db, SUPERVISOR[0], "supervisor", SUPERVISOR[1], SUPERVISOR_PIN)
    log = MismatchLog(db)
    oldest = log.page(MismatchFilter())[-1]
    by = Credentials(SUPERVISOR[1], SUPERVISOR_PIN)
    log.review(oldest.id, by, "似た商品の置き場所を分けた", place="PACK-01")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("--out", default="/tmp/mismatches.png")
    parser.add_argument("--size", default="1024x768")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kenpin-shot-"))
    db = open_database(f"sqlite:///{folder / 'kenpin-sample.db'}")
    sample.build_sample(db)
    play_shift(db)
    make_application(language="en")
    if args.lang == "ja":
        install_translation("ja")
    width, height = (int(n) for n in args.size.split("x"))
    window = MainWindow(Kenpin(db).station_services(), "PACK-01")
    window.resize(width, height)
    window.show()
    window.pages.setCurrentWidget(window.mismatches_page)
    page = window.mismatches_page
    page.table.selectRow(1)
    for _ in range(10):
        QApplication.processEvents()
    sample.save_small(window, Path(args.out))
    print(f"saved {args.out} ({window.width()}x{window.height()})")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
