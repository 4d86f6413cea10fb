"""The shipment e-mails' shop settings: their keys and the rule each value follows.

A check returns the value as stored, or raises ValueError saying the rule it
breaks (`app.core.shop` turns that into the key's refusal). The SMTP password is
no setting: it stays out of the database (KENPIN_SMTP_PASSWORD or the OS keyring).
"""

from __future__ import annotations

import re

from app.core.intake.fields import normalised
from app.core.text import shown

SMTP_HOST = "smtp.host"
SMTP_PORT = "smtp.port"
SMTP_SECURITY = "smtp.security"
SMTP_USER = "smtp.user"
SMTP_FROM = "smtp.from"
MAIL_LANGUAGE = "mail.language"
#: `yes`: mails go out when a carrier's manifest closes; not set: yes once smtp.host is set.
MAIL_ON_CLOSE = "mail.on_close"

SECURITIES = ("none", "starttls", "tls")
LANGUAGES = ("ja", "en")

_HOST = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\[?[0-9A-Fa-f:.]{2,45}\]?")
_ADDRESS = re.compile(r"[^@\s<>\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def host(value: str) -> str:
    """A host name or IP address, lower case."""
    if not _HOST.fullmatch(value):
        raise ValueError(f"{shown(value)} is not a host name or IP address")
    return value.lower()


def port(value: str) -> str:
    """A TCP port, 1 to 65535."""
    digits = normalised(value)
    if not (digits.isascii() and digits.isdigit() and 0 < int(digits) < 65536):
        raise ValueError(f"{shown(value)} is not a port number from 1 to 65535")
    return str(int(digits))


def _one_of(value: str, words: tuple[str, ...]) -> str:
    word = normalised(value).lower()
    if word not in words:
        raise ValueError(f"{shown(value)} is not one of {', '.join(words)}")
    return word


def security(value: str) -> str:
    """none, starttls or tls."""
    return _one_of(value, SECURITIES)


def language(value: str) -> str:
    """ja or en."""
    return _one_of(value, LANGUAGES)


def user(value: str) -> str:
    """An SMTP login name: no spaces."""
    if len(value) > 200 or any(char.isspace() for char in value):
        raise ValueError(f"{shown(value)} is not a user name (no spaces, at most 200)")
    return value


def mail_from(value: str) -> str:
    """`shop@example.jp`, or with a name: `検品ストア <shop@example.jp>`."""
    name, bracket, rest = value.rpartition("<")
    address = rest.removesuffix(">") if bracket else value
    if (bracket and not rest.endswith(">")) or not _ADDRESS.fullmatch(address):
        raise ValueError(f"{shown(value)} is not an e-mail address")
    return f"{name.strip()} <{address}>" if name.strip() else address
