"""Save the Orders page's History tab of an order with a story: a label printed, a refused
scan, a reprint, the label voided and replaced, the new one loaded onto a closed manifest.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshot_history.py \
        [--out-dir /tmp]

Saves kenpin-history-LANG-WxH.png (and -scans-, scrolled down to the scans) at 1024x768
and 1920x1080, in English and Japanese. The order is built as the tests build it
(`tests/historydata.py`), through the real pack pipeline on a fresh SQLite database.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bootstrap import open_database
from scripts.screenshot_window import save_shot, settle, shoot_each_language, station_window
from tests.historydata import order_with_history

SIZES = ((1024, 768), (1920, 1080))


def shoot(lang: str, folder: Path) -> None:
    """The History tab of #1001 at each size in `lang`."""
    for size in SIZES:
        shoot_one(lang, folder, size)


def shoot_one(lang: str, folder: Path, size: tuple[int, int]) -> None:
    """The History tab of #1001 at `size` in `lang`."""
    width, height = size
    work = Path(tempfile.mkdtemp(prefix="kenpin-history-"))
    db = open_database(f"sqlite:///{work / 'k.db'}")
    order_with_history(db, work / "labels")
    with station_window(db, lang, (width, height)) as window:
        window.show_orders_page()
        window.orders_page.search.setText("#1001")
        window.orders_page.search.returnPressed.emit()
        settle(lambda: window.orders.picked_number == "#1001")
        history = window.order_history
        assert history is not None
        shown: list[bool] = []
        history.shown.connect(lambda: shown.append(True))
        details = window.orders_page.details
        details.sections.setCurrentWidget(details.history_page)
        settle(lambda: bool(shown))
        save_shot(window, folder / f"kenpin-history-{lang}-{width}x{height}.png")
        # The scans at the bottom of the tab, as a supervisor scrolls down to them.
        bar = details.history_page.verticalScrollBar()
        bar.setValue(bar.maximum())
        settle(lambda: True)
        save_shot(window, folder / f"kenpin-history-scans-{lang}-{width}x{height}.png")


if __name__ == "__main__":
    sys.exit(shoot_each_language(__doc__ or "", shoot))
