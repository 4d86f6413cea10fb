"""A station's own settings, kept as JSON in `stations.settings`, one entry per key.

The column holds other keys too (`"labels": "off"`): a write changes its own
key and keeps the rest. The lock-out count and labels off are read by
`app.db.labels`, the one reading the scan's station row uses too. What a key's value means is
the caller's business (`app.scanning.settings` for `"scanner"`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.labels import lockout_after as stored_lockout_after
from app.db.models import Product, Station, table
from app.db.station import open_station

_STATIONS = table(Station).c
#: The keys of the lock-out count (`{"after": N}`) and of labels off (`"off"`).
LOCKOUT_KEY, LABELS_KEY = "lockout", "labels"
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
    _store(session, station, key, value or None)


def _store(session: Session, station: str, key: str, value: object) -> None:
    """Store `value` under `key` (None takes the key away), keeping the other keys."""
    station_id = open_station(session, station)
    text = session.scalar(
        select(_STATIONS.settings).where(_STATIONS.id == station_id).with_for_update()
    )
    values = _values(text)
    if value is not None:
        values[key] = value
    else:
        values.pop(key, None)
    session.execute(
        update(table(Station))
        .where(_STATIONS.id == station_id)
        .values(settings=json.dumps(values, ensure_ascii=False, sort_keys=True))
    )


def lockout_after(session: Session, station: str) -> int:
    """Refused product scans in a row within one pack before station `station` needs a
    supervisor (key `"lockout"`, `{"after": N}`); 0 is off, 3 when nothing is set."""
    return stored_lockout_after(
        session.scalar(select(_STATIONS.settings).where(_STATIONS.name == station))
    )


def store_lockout_after(session: Session, station: str, after: int) -> None:
    """Store station `station`'s lock-out count (checked by the caller)."""
    _store(session, station, LOCKOUT_KEY, {"after": after})


def store_labels(session: Session, station: str, on: bool) -> None:
    """Station `station` prints labels (`on`: the key goes), or completes packs without."""
    _store(session, station, LABELS_KEY, None if on else "off")


@dataclass(frozen=True, slots=True)
class StationRow:
    """A station as the admin page lists it: its printer, its stored settings and the
    lock-out count they give."""

    name: str
    printer_uri: str
    settings: dict[str, Any]
    lockout_after: int


def station_rows(session: Session, name: str | None = None) -> list[StationRow]:
    """Every station by name (only station `name`, when given)."""
    query = select(_STATIONS.name, _STATIONS.printer_uri, _STATIONS.settings)
    if name is not None:
        query = query.where(_STATIONS.name == name)
    rows = session.execute(query.order_by(_STATIONS.name))
    return [
        StationRow(name, uri or "", _values(text), stored_lockout_after(text))
        for name, uri, text in rows
    ]


def product_name(session: Session, product_id: int) -> str:
    """ "SKU name variant" of a product, as the scanner test page names what a code is."""
    row = session.execute(
        select(_PRODUCTS.sku, _PRODUCTS.name, _PRODUCTS.variant).where(_PRODUCTS.id == product_id)
    ).first()
    if row is None:
        return ""
    return " ".join(part for part in (row.sku, row.name, row.variant) if part)
