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


def pin_digest(pin: str, salt: str) -> str:
    """The scrypt digest of `pin` under `salt` (both as stored, hex): what a stored hash's
    DIGEST is when `pin` is its PIN."""
    return hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), **_SCRYPT).hex()


def pin_matches(pin: str, stored: str) -> bool:
    """True when `pin` is the PIN `stored` was made from."""
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    return hmac.compare_digest(pin_digest(pin, salt), digest)
