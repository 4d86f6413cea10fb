"""The SMTP password: never in the database. `KENPIN_SMTP_PASSWORD` on this PC, else the
OS keyring (service `kenpin-smtp`, the smtp.user as user name) when the `keyring`
package is installed."""

from __future__ import annotations

import importlib
from typing import Any

from app.core.errors import EnvironmentFailure, Refused

VARIABLE = "KENPIN_SMTP_PASSWORD"
SERVICE = "kenpin-smtp"


def _keyring() -> Any | None:
    try:
        return importlib.import_module("keyring")
    except ImportError:
        return None


def smtp_password(user: str, given: str | None) -> str | None:
    """The password for `user`: `given` (KENPIN_SMTP_PASSWORD, read by the bootstrap), else
    the keyring's; None for neither."""
    if given:
        return given
    keyring = _keyring()
    if not user or keyring is None:
        return None
    try:
        found: str | None = keyring.get_password(SERVICE, user)
    except Exception as exc:  # the keyring's backends raise their own kinds
        raise EnvironmentFailure(f"the OS keyring could not be read: {exc}") from None
    return found


def store_password(user: str, password: str) -> str:
    """Keep `user`'s password in the OS keyring; refused without smtp.user or keyring."""
    if not user:
        raise Refused("smtp.user is not set: the password is kept under the user's name")
    if not password:
        raise Refused("the password is empty; nothing stored")
    keyring = _keyring()
    if keyring is None:
        raise Refused(
            "the keyring package is not installed (pip install keyring); "
            f"set {VARIABLE} on this PC instead"
        )
    try:
        keyring.set_password(SERVICE, user, password)
    except Exception as exc:  # the keyring's backends raise their own kinds
        raise EnvironmentFailure(f"the OS keyring could not store it: {exc}") from None
    return f"the SMTP password of {user} is kept in the OS keyring ({SERVICE})"
