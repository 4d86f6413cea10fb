"""The shop settings shared by every station: shown, set, and read for a label or a slip.

The database is where they live (`kenpin settings set`, the window's Shop settings
page); an environment variable `KENPIN_SHOP_*` set on a PC still wins there
(deprecated, so set-ups from before keep working) and is shown as an override.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.core import shop
from app.core.label import ShipFrom
from app.db.database import Database
from app.db.models import utcnow
from app.db.shop_settings import store_setting, stored_settings

Overrides = Mapping[str, shop.Override]


@dataclass(frozen=True, slots=True)
class ShownSetting:
    """One key as `kenpin settings show` and the admin page show it."""

    key: str
    meaning: str
    rule: str
    #: The stored value ("" when not set).
    stored: str
    #: The environment variable that sets it on this PC, and its value (it wins).
    override: shop.Override | None = None

    @property
    def in_force(self) -> str:
        """The value labels and files use: the override's, else the stored one."""
        return self.override.value if self.override is not None else self.stored


def values_in_force(session: Session, overrides: Overrides) -> dict[str, str]:
    """Every key's value in force, read in `session` (one query)."""
    return shop.in_force(stored_settings(session), overrides)


def sender_in(session: Session, overrides: Overrides) -> ShipFrom:
    """The label's and slip's sender, read in `session`."""
    return shop.sender(values_in_force(session, overrides))


@dataclass(frozen=True, slots=True)
class ShopSettings:
    """The shop settings on one database, with this PC's environment over them."""

    db: Database
    overrides: Overrides = field(default_factory=dict)

    def listing(self) -> list[ShownSetting]:
        """Every key, in the documented order, with its stored value and override."""
        with self.db.read() as session:
            stored = stored_settings(session)
        return [
            ShownSetting(
                known.key,
                known.meaning,
                known.rule,
                stored.get(known.key, ""),
                self.overrides.get(known.key),
            )
            for known in shop.KEYS
        ]

    def set(self, key: str, value: str) -> str:
        """Store `value` under `key` once it passes the key's rule; says what changed.

        Refused (nothing changed) for an unknown key or a value breaking the rule.
        """
        return self.save({key: value})[0]

    def save(self, values: Mapping[str, str]) -> list[str]:
        """Store every value once all pass their key's rule, in one transaction; a line
        per key saying what changed. The first value refused refuses them all."""
        checked = {
            shop.known_key(key).key: shop.check_setting(key, value) for key, value in values.items()
        }
        at = utcnow()
        with self.db.write() as session:
            old = {key: store_setting(session, key, value, at) for key, value in checked.items()}
        return [self._said(key, old[key], value) for key, value in checked.items()]

    def _said(self, key: str, old: str | None, new: str) -> str:
        said = f"{key}: {_quoted(old)} -> {_quoted(new)}"
        override = self.overrides.get(key)
        if override is not None:
            said += f" (on this PC {override.variable} still overrides it: unset it)"
        return said

    def sender(self) -> ShipFrom:
        """The sender a label or a packing slip prints now (one read)."""
        with self.db.read() as session:
            return sender_in(session, self.overrides)


def _quoted(value: str | None) -> str:
    return f'"{value}"' if value else "(not set)"
