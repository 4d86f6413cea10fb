"""Open the station window on its Shop settings page and save a screenshot per language.

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshot_shop_settings.py \
        [--out-dir docs/screens]

On a fresh sample database the demo shop is saved, then a phone number too short is
typed and Save clicked: the page shows every key with its rule and the refusal in
words. Saves shop-settings-en.png and shop-settings-ja.png (1024x768).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bootstrap import Kenpin, open_database
from app.services.demo import DEMO_SHOP
from app.services.shop_settings import ShopSettings
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation, remove_translation
from scripts.screenshot_station import save_small, settle

SIZE = (1024, 768)


def shot(lang: str, folder: Path) -> None:
    """The page after a refused save, in `lang`, as shop-settings-LANG.png."""
    db = open_database(f"sqlite:///{Path(tempfile.mkdtemp(prefix='kenpin-shop-')) / 'k.db'}")
    ShopSettings(db).set_up(DEMO_SHOP)
    translators = install_translation(lang) if lang == "ja" else []
    try:
        window = MainWindow(Kenpin(db).station_services(), "PACK-01")
        window.resize(*SIZE)
        window.show()
        window.pages.setCurrentWidget(window.shop_page)
        settle(lambda: bool(window.shop.shown))
        refused: list[str] = []
        window.shop.save_refused.connect(refused.append)
        window.shop_page.fields["shop.phone"].setText("06-1234")
        window.shop_page.save.click()
        settle(lambda: bool(refused))
        path = folder / f"shop-settings-{lang}.png"
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
