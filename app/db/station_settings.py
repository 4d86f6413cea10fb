"""A station's own settings, kept as JSON in `stations.settings`, one entry per key.

The column holds other keys too (`"labels": "off"`, read by `app.db.labels`):
a write changes its own key and keeps the rest. What a key's value means is
the caller's business (`app.scanning.settings` for `"scanner"`).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.models import Product, Station, table
from app.db.station import open_station

_STATIONS = table(Station).c
_PRODUCTS = table(Product).c


def _values(text: str | None) -> dict[str, Any]:
    """The stored settings as a dict; a column that is not a JSON object counts as empty."""
    try:
        values = json.loads(text or "{}")
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def station_setting(session: Session, station: str, key: str) -> dict[str, Any]:
    """The object stored under `key` for station `station` ({} when there is none)."""
    text = session.scalar(select(_STATIONS.settings).where(_STATIONS.name == station))
    value = _values(text).get(key)
    return value if isinstance(value, dict) else {}


def store_station_setting(session: Session, station: str, key: str, value: dict[str, Any]) -> None:
    """Store `value` under `key` for station `station` (made on first use); an empty value
    takes the key away. The station's row is locked until the transaction ends."""
    station_id = open_station(session, station)
    text = session.scalar(
        select(_STATIONS.settings).where(_STATIONS.id == station_id).with_for_update()
    )
    values = _values(text)
    if value:
        values[key] = value
    else:
        values.pop(key, None)
    session.execute(
        update(table(Station))
        .where(_STATIONS.id == station_id)
        .values(settings=json.dumps(values, ensure_ascii=False, sort_keys=True))
    )


def product_name(session: Session, product_id: int) -> str:
    """ "SKU name variant" of a product, as the scanner test page names what a code is."""
    row = session.execute(
        select(_PRODUCTS.sku, _PRODUCTS.name, _PRODUCTS.variant).where(_PRODUCTS.id == product_id)
    ).first()
    if row is None:
        return ""
    return " ".join(part for part in (row.sku, row.name, row.variant) if part)
