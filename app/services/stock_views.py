"""The stock views: what the `kenpin stock` commands print and the window's Stock page shows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.core.errors import EnvironmentFailure
from app.core.spreadsheet import write_csv
from app.core.stock_views import BackorderRow, LedgerRow, LowStockRow, StockRow, StockViewRow
from app.db import stock_views as store
from app.db.database import Database


class StockViews:
    """Reads the stock views, one short read transaction each (safe on a worker thread)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def stock(self, sku: str | None = None, bin_code: str | None = None) -> list[StockRow]:
        """Balances by SKU, bin and lot; an unknown `sku` or `bin_code` is refused."""
        with self._db.read() as session:
            return store.stock_rows(session, sku, bin_code)

    def low_stock(self) -> list[LowStockRow]:
        """Products whose available units are below their reorder point."""
        with self._db.read() as session:
            return store.low_stock_rows(session)

    def backorders(self) -> list[BackorderRow]:
        """Units backordered orders still need, per product."""
        with self._db.read() as session:
            return store.backorder_rows(session)

    def ledger(self, sku: str) -> list[LedgerRow]:
        """Every move of one product, oldest first; an unknown `sku` is refused."""
        with self._db.read() as session:
            return store.ledger_rows(session, sku)


def export_csv(path: Path, columns: Sequence[str], rows: Sequence[StockViewRow]) -> int:
    """Write a view's rows to a spreadsheet CSV (UTF-8 with BOM, cells made safe); how many.

    A file that cannot be written (no such folder, no permission, disk full) is told, not a bug.
    """
    try:
        return write_csv(path, columns, (row.cells() for row in rows))
    except OSError as exc:
        raise EnvironmentFailure(f"could not write {path}: {exc.strerror or exc}") from exc
