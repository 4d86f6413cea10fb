"""The services a station window needs, built from one database (the UI's composition root)."""

from __future__ import annotations

from dataclasses import dataclass

from app.db.database import Database
from app.services.order_queue import OrderQueue


@dataclass(frozen=True, slots=True)
class StationServices:
    """What the station's screens call; tests build it on a real database."""

    orders: OrderQueue


def station_services(db: Database) -> StationServices:
    """Every service the station window uses, on `db`."""
    return StationServices(orders=OrderQueue(db))
