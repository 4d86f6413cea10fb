"""What the admin pages of the station window call: users, stations, printers and
tracking blocks, on one database.

Each change takes the admin's badge and PIN (`Credentials`) and where it was
asked for (`Where`); the use cases it calls check them and write the audit
trail. Listings and printer checks ask nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.db.database import Database
from app.db.tracking import Block
from app.db.users import UserRow
from app.labels.print_queue import PrinterFactory
from app.labels.printer_status import PrinterStatus
from app.labels.printers import open_printer
from app.services import carriers, printer_check, stations, users
from app.services.carriers import BlockWanted
from app.services.shop_settings import Overrides, ShopSettings
from app.services.signin import Credentials
from app.services.stations import SettingChanged, StationChange, StationShown
from app.services.users import NewUser, Where


@dataclass(frozen=True, slots=True)
class Administration:
    """The admin pages' use cases on `db`; printers are reached through `printers`."""

    db: Database
    printers: PrinterFactory = open_printer
    shop_overrides: Overrides = field(default_factory=dict)

    def users(self) -> list[UserRow]:
        """Every user: name, role, active (never a badge)."""
        return users.user_listing(self.db)

    def add_user(self, by: Credentials, user: NewUser, where: Where) -> str:
        """Add `user` on an admin's word; what was done."""
        users.add_user_as(self.db, by, user, where)
        return f"user {user.name.strip()} ({user.role}) added"

    def set_active(self, by: Credentials, name: str, active: bool, where: Where) -> str:
        """Deactivate or reactivate user `name` on an admin's word."""
        return users.set_active_as(self.db, by, name, active, where)

    def reset_pin(self, by: Credentials, name: str, pin: str, where: Where) -> str:
        """Give user `name` a new PIN on an admin's word."""
        return users.reset_pin_as(self.db, by, name, pin, where)

    def stations(self) -> list[StationShown]:
        """Every station with its printer, labels, lock-out and scanner settings."""
        return stations.station_listing(self.db)

    def change_station(
        self, by: Credentials, station: str, change: StationChange, where: Where
    ) -> list[SettingChanged]:
        """Store `change` for `station` on an admin's word; each setting it changed."""
        return stations.change_station_as(self.db, by, station, change, where)

    def blocks(self) -> list[Block]:
        """Every carrier's tracking number blocks with the numbers left."""
        return carriers.tracking_blocks(self.db)

    def add_block(self, by: Credentials, block: BlockWanted, where: Where) -> str:
        """Register a block of tracking numbers on an admin's word."""
        return carriers.add_range_as(self.db, by, block, where)

    def printer_status(self, uri: str) -> PrinterStatus:
        """How the printer at `uri` is."""
        return printer_check.printer_status(self.printers, uri)

    def print_test_label(self, uri: str) -> str:
        """Print a test label (with the shop's sender) on the printer at `uri`."""
        sender = ShopSettings(self.db, self.shop_overrides).sender()
        return printer_check.print_test_label(self.printers, uri, sender)
