"""Open the station window on its scanner test page, scan into it, and save a screenshot.

    KENPIN_LANG=ja xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python \
        -m scripts.screenshot_scanner_test [--size 1024x768] [--out FILE.png]

Run from the repository's root. A keyboard-wedge scanner's bursts (key events
with their own times, as the tests send them) go into the page on the sample
database of scripts/screenshot_station.py: an order number, a badge, a GS1 code
with its AIM prefix, a burst cut by a slow gap, and a scanner too slow for
the station's gap.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QSizePolicy

from app.bootstrap import Kenpin, open_database
from app.core.gtin import gtin14
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from scripts.screenshot_station import LOT, PACKER, build_sample, settle, unit_code
from tests.scanning.keys import scanner_sends, type_text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="1024x768", help="window size, WIDTHxHEIGHT")
    lang = os.environ.get("KENPIN_LANG", "en")[:2] or "en"
    parser.add_argument("--out", default=f"docs/screens/scanner-test-{lang}.png")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kenpin-shot-"))
    db = open_database(f"sqlite:///{folder / 'kenpin-sample.db'}")
    build_sample(db)
    make_application(language=lang)
    kenpin = Kenpin(db)
    window = MainWindow(kenpin.station_services(), "PACK-01", kenpin.scanners("PACK-01"))
    # The other pages' own fit at 1024x768 is theirs to keep: here they may not widen the window.
    for page in (window.orders_page, window.pack_page):
        page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    width, height = (int(n) for n in args.size.split("x"))
    window.resize(width, height)
    window.show()
    test = window.scanner_test
    settle(lambda: test.shown_settings is not None and window.pack.view is not None)
    window.pages.setCurrentWidget(window.scanner_test_page)
    settle(lambda: True)

    def target() -> object:
        return QApplication.focusWidget() or window

    expiry = LOT[1].strftime("%y%m%d")
    gs1 = f"]C101{gtin14(unit_code(0))}17{expiry}10{LOT[0]}"
    at = 10_000
    for code, gap in (("#1001", 4), (PACKER[1], 5), ("4901234567894", 45), (gs1, 3)):
        at = scanner_sends(target(), code, start=at, gap=gap) + 1_000
    at = type_text(target(), "]E0" + unit_code(3)[:7], start=at, gap=4)
    scanner_sends(target(), unit_code(3)[7:], start=at + 58, gap=4)
    settle(lambda: test.lane.pending == 0)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(args.out)
    hint = window.minimumSizeHint()
    print(
        f"saved {args.out} (window {window.width()}x{window.height()}, "
        f"needs at least {hint.width()}x{hint.height()})"
    )
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
