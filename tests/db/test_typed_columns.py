"""Status, role and kind columns hold core's enums: plain strings still go in, members come
out, and a value the enum does not name never reaches the database."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from app.core.intake.products import BarcodeKind
from app.core.orders import OrderStatus
from app.core.roles import Role
from app.db.database import Database
from app.db.models import Barcode, Order, User
from app.services.users import add_user
from tests.stationdata import SUPERVISOR_PIN
from tests.stockdata import add_order, add_product


def test_strings_written_are_read_back_as_members(db: Database) -> None:
    add_user(db, "Hanako", "supervisor", "B-1", SUPERVISOR_PIN)
    with db.write() as s:
        add_order(s, "#1001", [], status="on_hold")
        s.add(Barcode(code="CASE-1", product_id=add_product(s, "TEA"), kind="case", qty=6))
    with db.read() as s:
        assert s.scalar(select(User.role)) is Role.SUPERVISOR
        assert s.scalar(select(Order.status)) is OrderStatus.ON_HOLD
        assert s.scalar(select(Barcode.kind)) is BarcodeKind.CASE
        # Comparing with a plain string still finds the row.
        assert s.scalar(select(Order.number).where(Order.status == "on_hold")) == "#1001"


def test_an_unknown_status_is_refused_before_it_reaches_the_database(db: Database) -> None:
    refused = pytest.raises(StatementError, match="'lost' is not among the defined enum values")
    with refused, db.write() as s:
        add_order(s, "#1001", [], status="lost")
    with db.read() as s:
        assert s.scalars(select(Order)).all() == []
