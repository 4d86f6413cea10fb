"""Building CSV files for the intake tests and looking at what an import left behind."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select

from app.core.intake.order_formats import GENERIC_COLUMNS
from app.core.intake.shopify import EXPORT_COLUMNS
from app.db.database import Database
from app.db.models import (
    Barcode,
    ImportBatch,
    Location,
    Lot,
    Order,
    OrderLine,
    Product,
    StockBalance,
    StockMove,
)
from app.services.intake import import_products

TABLES = (
    Product,
    Barcode,
    Location,
    Lot,
    StockBalance,
    StockMove,
    Order,
    OrderLine,
    ImportBatch,
)

GENERIC_HEADER = list(GENERIC_COLUMNS)
SHOPIFY_HEADER = list(EXPORT_COLUMNS)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A CSV document as a spreadsheet writes it: CRLF line ends, short rows padded."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([*row, *[""] * (len(header) - len(row))] for row in rows)
    return out.getvalue()


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    encoding: str = "utf-8",
) -> Path:
    """Write a CSV file in `encoding` (`utf-8-sig` for a BOM, `cp932` for Shift_JIS)."""
    path.write_bytes(csv_text(header, rows).encode(encoding))
    return path


def shopify_row(**cells: object) -> list[object]:
    """A Shopify export row; keyword names are the header names with spaces as underscores."""
    values = {key.replace("_", " "): value for key, value in cells.items()}
    unknown = set(values) - set(SHOPIFY_HEADER)
    assert not unknown, unknown
    return [values.get(column, "") for column in SHOPIFY_HEADER]


def generic_row(**cells: object) -> list[object]:
    """A generic orders row from keyword cells."""
    unknown = set(cells) - set(GENERIC_HEADER)
    assert not unknown, unknown
    return [cells.get(column, "") for column in GENERIC_HEADER]


def address(number: str, **more: object) -> dict[str, object]:
    """The order fields of a generic orders row, for order `number`."""
    return {
        "order_number": number,
        "order_date": "2026-01-05",
        "customer_name": "山田 太郎",
        "postal_code": "1000005",
        "prefecture": "東京都",
        "city": "千代田区",
        "address1": "丸の内1-1-1",
        **more,
    }


def row_counts(db: Database) -> dict[str, int]:
    """Rows in every table an import writes to."""
    with db.read() as session:
        return {
            str(model.__tablename__): int(
                session.scalar(select(func.count()).select_from(model)) or 0
            )
            for model in TABLES
        }


def seed_products(db: Database, folder: Path, *skus: str) -> None:
    """Import products with a registered code `CODE-<sku>` each (untracked, no bin)."""
    rows = [[sku, f"商品 {sku}", f"CODE-{sku}"] for sku in skus]
    import_products(db, write_csv(folder / "seed-products.csv", ["sku", "name", "barcode"], rows))


def unmeasured_env() -> dict[str, str]:
    """This environment without coverage's subprocess measuring: a large file's import
    traced line by line runs several times slower (and bigger) than a clerk's, and the code
    it runs is measured by the tests that import in-process."""
    return {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_PROCESS_")}


def kenpin_process(*args: str) -> subprocess.Popen[bytes]:
    """`kenpin ARGS` in a process of its own, as a clerk would run it beside the station."""
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=unmeasured_env(),
    )
