"""PINs as stored: a salted scrypt hash each (a salt of its own per user), never the PIN."""

from __future__ import annotations

import hashlib
import hmac
import os

#: scrypt's cost: about 16 MiB and a few tens of ms a check, so guessing is slow.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of a PIN, as stored: `scrypt$SALT$DIGEST`, a salt per user."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """True when `pin` is the PIN `stored` was made from."""
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    again = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(again.hex(), digest)
