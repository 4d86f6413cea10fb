"""Screenshots of the Stock page (English and Japanese) at 1024×768: lots expired, near
expiry and fresh, one product's ledger below the table."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.screenshot_window import (
    fresh_database,
    save_shot,
    settle,
    shoot_each_language,
    station_window,
)


def shot(lang: str, folder: Path) -> None:
    from app.ui.stock.model import StockViewModel
    from tests.ui.stock.test_stock_page import shelf

    db = fresh_database("kenpin-stock-")
    shelf(db)
    with station_window(db, lang) as window:
        stock = window.stock
        assert stock is not None
        window.pages.setCurrentWidget(stock.page)
        model: StockViewModel = stock.model
        settle(lambda: model.rowCount() == 4)
        stock.page.table.selectRow(1)
        settle(lambda: stock.ledger.rowCount() == 3)
        save_shot(window, folder / f"stock-{lang}.png")


if __name__ == "__main__":
    sys.exit(shoot_each_language("Screenshots of the Stock page", shot))
