"""Open the station window on its Shop settings page and save a screenshot per language.

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshot_shop_settings.py \
        [--out-dir docs/screens]

On a fresh sample database the demo shop is saved, then a phone number too short is
typed and Save clicked: the page shows every key with its rule and the refusal in
words. Saves shop-settings-en.png and shop-settings-ja.png (1024x768).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.services.demo import DEMO_SHOP
from app.services.shop_settings import ShopSettings
from scripts.screenshot_window import (
    fresh_database,
    save_shot,
    settle,
    shoot_each_language,
    station_window,
)


def shot(lang: str, folder: Path) -> None:
    """The page after a refused save, in `lang`, as shop-settings-LANG.png."""
    db = fresh_database("kenpin-shop-")
    ShopSettings(db).set_up(DEMO_SHOP)
    with station_window(db, lang) as window:
        window.pages.setCurrentWidget(window.shop_page)
        settle(lambda: bool(window.shop.shown))
        refused: list[str] = []
        window.shop.save_refused.connect(refused.append)
        window.shop_page.fields["shop.phone"].setText("06-1234")
        window.shop_page.save.click()
        settle(lambda: bool(refused))
        save_shot(window, folder / f"shop-settings-{lang}.png")


def main() -> int:
    return shoot_each_language(__doc__.splitlines()[0], shot)


if __name__ == "__main__":
    sys.exit(main())
