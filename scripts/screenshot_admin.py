"""Open the station window on each tab of its Admin page and save a screenshot per tab
and language.

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshot_admin.py \
        [--out-dir docs/screens]

On a fresh demo database (its users, its carriers' blocks) a second station with a
printer, labels off and a lock-out of 5 is added. Saves admin-TAB-LANG.png (1024x768)
for the tabs users, stations, printers and tracking.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db.station_settings import store_labels, store_lockout_after
from app.services.demo import build_demo
from scripts.screenshot_window import (
    fresh_database,
    save_shot,
    settle,
    shoot_each_language,
    station_window,
)

TABS = ("users", "stations", "printers", "tracking")


def shot(lang: str, folder: Path) -> None:
    """Each admin tab in `lang`, as admin-TAB-LANG.png."""
    db = fresh_database("kenpin-admin-")
    build_demo(db)
    with db.write() as session:
        store_lockout_after(session, "PACK-02", 5)
        store_labels(session, "PACK-02", False)
    with station_window(db, lang) as window:
        admin = window.admin
        assert admin is not None
        window.pages.setCurrentWidget(admin.page)
        settle(lambda: admin.users.users != [] and admin.stations.stations != [])
        for index, tab in enumerate(TABS):
            admin.page.setCurrentIndex(index)
            settle(lambda: True)
            save_shot(window, folder / f"admin-{tab}-{lang}.png")


def main() -> int:
    return shoot_each_language(__doc__.splitlines()[0], shot)


if __name__ == "__main__":
    sys.exit(main())
