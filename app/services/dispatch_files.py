"""The carrier's upload file of a closed manifest, from its orders and the shop settings.

Japan Post's manifest may hold ゆうプリR and クリックポスト parcels at once:
each kind of file gets its own file, named after its kind and the day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core import shop
from app.core.dispatch import settings as dispatch_settings
from app.core.dispatch.carrier_files import CarrierFile, carrier_file
from app.core.dispatch.shipment import Shipment
from app.db import shipments
from app.db.manifests import ClosedManifest


@dataclass(frozen=True, slots=True)
class UploadFile:
    """One upload file: its name and bytes."""

    name: str
    content: bytes


def upload_files(
    session: Session, closed: ClosedManifest, values: Mapping[str, str]
) -> list[UploadFile]:
    """The manifest's upload file(s) for its carrier, in the carrier's own layout; refused
    (`Refused`, every order that cannot be written named with its field) when an order does
    not fit the layout's limits."""
    settings = dispatch_settings.from_shop(values)
    sender = shop.sender(values)
    found = shipments.manifest_shipments(session, closed.id, closed.ship_date)
    kinds: dict[str, tuple[CarrierFile, list[Shipment]]] = {}
    for shipment in found:
        kind = carrier_file(shipment.carrier, shipment.service, settings)
        kinds.setdefault(kind.key, (kind, []))[1].append(shipment)
    return [
        UploadFile(kind.file_name(closed.ship_date), kind.write(listed, sender, settings))
        for kind, listed in (kinds[key] for key in sorted(kinds))
    ]
