"""Setting up a station's scanners: its stored scanner settings, and what a test scan means.

The scanner test page and `kenpin scanner` use this. A station's settings
are stored in its row (`app.db.station_settings`, key `"scanner"`); the
environment's (`KENPIN_SCAN_*`) are laid over them, never stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.scans import Scan, ScanKind
from app.db.codes import RegisteredCodes
from app.db.database import Database
from app.db.station_settings import product_name, station_setting, store_station_setting
from app.scanning.classify import classify
from app.scanning.settings import (
    DEFAULT_RULES,
    RULE_VARIABLES,
    ScannerSettings,
    ScanRules,
    rules_from_json,
)
from app.scanning.wedge import WedgeSettings

#: The key of the scanner settings in `stations.settings`.
SCANNER_KEY = "scanner"


@dataclass(frozen=True, slots=True)
class CodeMeaning:
    """What a scanned code is at this station: its kind, and for a product which one
    (`item`: "SKU name variant") with the lot and expiry its GS1 code carried."""

    kind: ScanKind
    item: str = ""
    lot: str = ""
    expiry: dt.date | None = None


class ScannerSetup:
    """A station's scanner settings as stored, as in force, and saved; and test scans classified."""

    def __init__(self, db: Database, settings: ScannerSettings) -> None:
        self.db = db
        self.settings = settings

    @property
    def from_env(self) -> ScanRules:
        """The rules the environment sets: they win over whatever a station stores."""
        return self.settings.from_env

    def stored(self, station: str) -> ScanRules:
        """The rules station `station` keeps in its row (unset ones None)."""
        with self.db.read() as session:
            values = station_setting(session, station, SCANNER_KEY)
        return rules_from_json(values, f"station {station}'s scanner settings")

    def in_force(self, station: str) -> WedgeSettings:
        """The keyboard wedge's settings at `station`: environment > stored > default."""
        return self.settings.for_station(self.stored(station))

    def save(self, station: str, rules: ScanRules) -> WedgeSettings:
        """Store `rules`' settings for `station` (those it leaves unset keep their stored
        value); returns the wedge's settings in force after it."""
        with self.db.write() as session:
            values = station_setting(session, station, SCANNER_KEY)
            kept = rules_from_json(values, f"station {station}'s scanner settings")
            store_station_setting(session, station, SCANNER_KEY, rules.over(kept).as_json())
        return self.in_force(station)

    def sources(self, station: str) -> dict[str, tuple[object, str]]:
        """Each setting's value in force at `station` and where it comes from: its
        environment variable, `station` (stored) or `default`."""
        stored = self.stored(station)
        in_force = self.from_env.over(stored).over(DEFAULT_RULES)
        found: dict[str, tuple[object, str]] = {}
        for name, variable in RULE_VARIABLES.items():
            if getattr(self.from_env, name) is not None:
                source = variable
            elif getattr(stored, name) is not None:
                source = "station"
            else:
                source = "default"
            found[name] = (getattr(in_force, name), source)
        return found

    def meaning(self, scan: Scan) -> CodeMeaning:
        """What `scan` would be at the station, by the same classifier and database."""
        with self.db.read() as session:
            classified = classify(scan, RegisteredCodes(session))
            product = classified.product
            if product is None:
                item = classified.command.value if classified.command else ""
                return CodeMeaning(classified.kind, item)
            return CodeMeaning(
                classified.kind,
                product_name(session, product.product_id),
                product.lot or "",
                product.expiry,
            )
