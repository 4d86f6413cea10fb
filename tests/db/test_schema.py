"""The schema: created by migration, stock constraints hold, the ledger is append-only."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.db import stock
from app.db.database import Database
from app.db.models import Product
from app.db.schema import current_revision, head_revision, upgrade


def _balance(db: Database) -> int:
    with db.write() as s:
        product = Product(sku="SKU-1", name="Tea")
        s.add(product)
        s.flush()
        bid = stock.balance_id(
            s, product.id, stock.location_id(s, "A-01-01"), stock.lot_id(s, product.id, "", None)
        )
        stock.post(s, [stock.Move(bid, on_hand_delta=5, reason="receipt", reference="test")])
    return bid


def test_an_empty_database_gets_the_schema_at_head_and_upgrade_is_idempotent(
    empty_db_url: str,
) -> None:
    db = Database(empty_db_url)
    assert current_revision(db) is None
    assert upgrade(db) is True
    assert current_revision(db) == head_revision()
    assert upgrade(db) is False
    with db.read() as s:  # the tables are there, empty
        assert s.scalar(text("SELECT count(*) FROM orders")) == 0
    db.dispose()


def test_reserving_more_than_on_hand_is_refused_and_changes_nothing(db: Database) -> None:
    bid = _balance(db)
    with pytest.raises(stock.StockWouldGoNegative), db.write() as s:
        stock.post(s, [stock.Move(bid, reserved_delta=6, reason="reserve")])
    with db.read() as s:
        assert stock.check(s) == []
        assert len(stock.moves_for(s, [bid])) == 1


def test_on_hand_cannot_go_negative(db: Database) -> None:
    bid = _balance(db)
    with pytest.raises(stock.StockWouldGoNegative), db.write() as s:
        stock.post(s, [stock.Move(bid, on_hand_delta=-6, reason="adjust")])


def test_ledger_rows_cannot_be_changed_or_deleted(db: Database) -> None:
    _balance(db)
    for statement in ("UPDATE stock_moves SET on_hand_delta = 99", "DELETE FROM stock_moves"):
        with pytest.raises((DBAPIError, IntegrityError), match="append-only"), db.write() as s:
            s.execute(text(statement))


def test_stock_check_reports_a_balance_changed_behind_the_ledger(db: Database) -> None:
    bid = _balance(db)
    with db.write() as s:
        s.execute(text("UPDATE stock_balances SET on_hand = 7 WHERE id = :id"), {"id": bid})
    with db.read() as s:
        drifts = stock.check(s)
    assert [(d.sku, d.field, d.stored, d.expected) for d in drifts] == [("SKU-1", "on_hand", 7, 5)]
    assert "SKU-1 @ A-01-01: on_hand is 7, the ledger adds up to 5" in str(drifts[0])
