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
from app.core.roles import Role
from app.db.database import Database
from app.db.models import utcnow
from app.db.shop_settings import store_setting, stored_settings
from app.services.signin import Credentials, signed_in

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

    def change(self, values: Mapping[str, str], by: Credentials, *, place: str) -> list[str]:
        """Store every value on the word of the admin whose badge and PIN `by` are, once all
        pass their key's rule, in one transaction; a line per key saying what changed.

        Refused, nothing changed, when a value breaks its rule (the first refused refuses
        them all), or the badge is not an admin's or its PIN wrong (`signin.signed_in`: a
        wrong PIN is kept, at `place`). The audit rows name the admin.
        """
        checked = _checked(values)
        admin = signed_in(self.db, by, place=place, roles={Role.ADMIN})
        return self._store(checked, admin.user_id)

    def set_up(self, values: Mapping[str, str]) -> list[str]:
        """Store the values as a set-up does (the demo, a test bench), in one transaction:
        checked by their rules like any change, but on nobody's word (the audit rows name
        no user). People change settings with `change`."""
        return self._store(_checked(values), None)

    def _store(self, checked: Mapping[str, str], by: int | None) -> list[str]:
        at = utcnow()
        with self.db.write() as session:
            old = {
                key: store_setting(session, key, value, at, by) for key, value in checked.items()
            }
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


def _checked(values: Mapping[str, str]) -> dict[str, str]:
    """Every value as its key's rule tidies it; refused at the first that breaks its rule."""
    return {
        shop.known_key(key).key: shop.check_setting(key, value) for key, value in values.items()
    }


def _quoted(value: str | None) -> str:
    return f'"{value}"' if value else "(not set)"
