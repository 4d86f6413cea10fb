"""Intake (受注処理): importing products, stock, orders and expected deliveries from CSV files.

Each import is all or nothing. The file is read and every row checked first,
against the database as it stands, inside the one write transaction that
then applies it; any problem refuses the whole file with every problem
listed (`FILE:LINE: column: problem`) and nothing written. A file whose exact
content was imported before (same kind, same sha256) adds nothing and says so.
"""

from __future__ import annotations

from app.services.intake.common import ImportResult
from app.services.intake.expected import import_expected
from app.services.intake.master import import_products
from app.services.intake.orders import import_orders
from app.services.intake.stock import import_stock

__all__ = ["ImportResult", "import_expected", "import_orders", "import_products", "import_stock"]
