"""Open the station window on each tab of its Admin page and save a screenshot per tab
and language.

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshot_admin.py \
        [--out-dir docs/screens]

On a fresh demo database (its users, its carriers' blocks) a second station with a
printer, labels off and a lock-out of 5 is added. Saves admin-TAB-LANG.png (1024x768)
for the tabs users, stations, printers and tracking.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bootstrap import Kenpin, open_database
from app.db.station_settings import store_labels, store_lockout_after
from app.services.demo import build_demo
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation, remove_translation
from scripts.screenshot_station import save_small, settle

SIZE = (1024, 768)
TABS = ("users", "stations", "printers", "tracking")


def shot(lang: str, folder: Path) -> None:
    """Each admin tab in `lang`, as admin-TAB-LANG.png."""
    db = open_database(f"sqlite:///{Path(tempfile.mkdtemp(prefix='kenpin-admin-')) / 'k.db'}")
    build_demo(db)
    with db.write() as session:
        store_lockout_after(session, "PACK-02", 5)
        store_labels(session, "PACK-02", False)
    translators = install_translation(lang) if lang == "ja" else []
    try:
        window = MainWindow(Kenpin(db).station_services(), "PACK-01")
        window.resize(*SIZE)
        window.show()
        admin = window.admin
        assert admin is not None
        window.pages.setCurrentWidget(admin.page)
        settle(lambda: admin.users.users != [] and admin.stations.stations != [])
        for index, tab in enumerate(TABS):
            admin.page.setCurrentIndex(index)
            settle(lambda: True)
            path = folder / f"admin-{tab}-{lang}.png"
            save_small(window, path)
            print(f"saved {path} ({window.width()}x{window.height()})")
        window.close()
    finally:
        remove_translation(translators)
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", default="/tmp", help="where the PNGs go")
    args = parser.parse_args()
    folder = Path(args.out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    make_application(language="en")
    for lang in ("en", "ja"):
        shot(lang, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
