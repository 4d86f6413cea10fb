"""`kenpin stock list | low | backorders | ledger`: the stock views on the command line.

Each prints a table for people, `--json` a JSON array (keys as the CSV's columns), and
`--out FILE` writes the CSV a spreadsheet opens (UTF-8 with BOM).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app.core.spreadsheet import Cell
from app.core.stock_views import BackorderRow, LedgerRow, LowStockRow, StockRow, StockViewRow

OpenViews = Callable[[argparse.Namespace], Any]


def add_commands(stock_sub: Any, views: OpenViews) -> None:
    """Register the stock views on `kenpin stock`'s subparsers; `views(args)` opens them."""
    listing = stock_sub.add_parser("list", help="stock by bin, product and lot, with expiry")
    listing.add_argument("--sku", metavar="SKU", help="only this product")
    listing.add_argument("--bin", metavar="BIN", help="only this bin")
    low = stock_sub.add_parser("low", help="products whose available stock is below reorder point")
    backorders = stock_sub.add_parser(
        "backorders", help="units backordered orders still need, per product"
    )
    ledger = stock_sub.add_parser("ledger", help="every move of one product's stock, oldest first")
    ledger.add_argument("sku", metavar="SKU")
    for parser, columns, read in (
        (listing, StockRow.columns, lambda a: views(a).stock(a.sku, a.bin)),
        (low, LowStockRow.columns, lambda a: views(a).low_stock()),
        (backorders, BackorderRow.columns, lambda a: views(a).backorders()),
        (ledger, LedgerRow.columns, lambda a: views(a).ledger(a.sku)),
    ):
        shape = parser.add_mutually_exclusive_group()
        shape.add_argument("--json", action="store_true", help="print a JSON array")
        shape.add_argument("--out", type=Path, metavar="FILE", help="write a CSV file")
        parser.set_defaults(run=_printer(columns, read))


def _printer(
    columns: Sequence[str], read: Callable[[argparse.Namespace], Sequence[StockViewRow]]
) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        rows = read(args)
        if args.out is not None:
            from app.services.stock_views import export_csv

            count = export_csv(args.out, columns, rows)
            print(f"{count} rows written to {args.out}")
        elif args.json:
            records = [
                dict(zip(columns, map(_json_value, row.cells()), strict=True)) for row in rows
            ]
            json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            print_table(columns, [row.cells() for row in rows])
        return 0

    return run


def _json_value(value: Cell) -> Cell:
    return value.isoformat() if isinstance(value, dt.date) else value


def _text(value: Cell) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Columns padded to their widest cell, numbers to the right; "(none)" when no rows."""
    cells = [[_text(value) for value in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    numeric = [
        bool(rows) and all(isinstance(row[i], int) for row in rows) for i in range(len(columns))
    ]

    def line(values: Sequence[str]) -> str:
        padded = (
            v.rjust(w) if right else v.ljust(w)
            for v, w, right in zip(values, widths, numeric, strict=True)
        )
        return "  ".join(padded).rstrip()

    print(line(list(columns)))
    for row in cells:
        print(line(row))
    if not rows:
        print("(none)")
