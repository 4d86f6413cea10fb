"""The pack bench's tables (migration 0002): one open pack per order, one record per scan."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from app.core.roles import Role
from app.core.scans import VerdictKind
from app.core.statuses import PackStatus
from app.db import station_models
from app.db.database import Database
from app.db.models import Station, User, table
from tests.stockdata import add_order

NOW = dt.datetime(2026, 4, 1, 1, 0, tzinfo=dt.UTC)


def test_one_open_pack_per_order_and_one_record_per_scan_id(db: Database) -> None:
    with db.write() as s:
        order_id = add_order(s, "#1001", [])
        s.add_all([Station(name="S1"), User(name="Hanako", role=Role.PACKER, badge_hash="B-1")])
        s.flush()
    session_row = {
        "order_id": order_id,
        "station_id": 1,
        "user_id": 1,
        "status": PackStatus.OPEN,
        "lease_token": 1,
        "lease_expires_at": NOW,
        "carton_no": 1,
        "card_confirmed": False,
        "opened_at": NOW,
    }
    with db.write() as s:
        s.execute(insert(table(station_models.PackSession)).values(session_row))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(station_models.PackSession)).values(session_row))
    # A completed pack is history: the order may be opened again.
    with db.write() as s:
        s.execute(
            insert(table(station_models.PackSession)).values(
                {**session_row, "status": PackStatus.COMPLETED}
            )
        )

    scan = {
        "scan_id": "abc",
        "station_id": 1,
        "seq": 1,
        "at": NOW,
        "raw": "X",
        "kind": "unknown",
        "code": "X",
        "verdict": VerdictKind.REJECTED,
        "effect": "none",
        "message": "",
        "units": 0,
        "undone": False,
    }
    with db.write() as s:
        s.execute(insert(table(station_models.ScanRecord)).values(scan))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(station_models.ScanRecord)).values({**scan, "seq": 2}))
