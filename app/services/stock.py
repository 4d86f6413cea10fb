"""Stock use cases."""

from __future__ import annotations

from app.db import stock
from app.db.database import Database


def check_stock(db: Database) -> list[stock.Drift]:
    """Every balance whose totals differ from its ledger or its reservations."""
    with db.read() as session:
        return stock.check(session)
