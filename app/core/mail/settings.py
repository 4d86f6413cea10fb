"""The shipment e-mails' settings in force, read from the shop settings' values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parseaddr
from enum import StrEnum

from app.core.errors import Refused
from app.core.mail.keys import (
    MAIL_LANGUAGE,
    MAIL_ON_CLOSE,
    SMTP_FROM,
    SMTP_HOST,
    SMTP_PORT,
    SMTP_SECURITY,
    SMTP_USER,
)

#: The port a server listens on for each kind of connection, when smtp.port is not set.
_PORTS = {"none": 587, "starttls": 587, "tls": 465}


class Security(StrEnum):
    """How the connection to the SMTP server is encrypted."""

    #: Plain text all the way (a server on this machine or the shop's own network).
    NONE = "none"
    #: Plain connect, then STARTTLS before the login (port 587).
    STARTTLS = "starttls"
    #: TLS from the first byte (SMTPS, port 465).
    TLS = "tls"


class Language(StrEnum):
    """The language a shipment e-mail is written in."""

    JA = "ja"
    EN = "en"


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how shipment e-mails are handed over, and whom they come from."""

    host: str
    port: int
    security: Security
    #: "" for a server that takes mail without a login.
    user: str
    #: The From header: an address, maybe with the shop's name.
    sender: str

    @property
    def envelope_sender(self) -> str:
        """The bare address (MAIL FROM)."""
        return parseaddr(self.sender)[1]

    @property
    def domain(self) -> str:
        """The sender's domain: the right-hand side of every Message-ID."""
        return self.envelope_sender.rpartition("@")[2] or "kenpin.invalid"


def smtp_settings(values: Mapping[str, str]) -> SmtpSettings:
    """The SMTP server of the values in force; refused naming what is not set."""
    missing = [key for key in (SMTP_HOST, SMTP_FROM) if not values.get(key, "").strip()]
    if missing:
        raise Refused(
            f"shipment e-mails: {' and '.join(missing)} not set "
            "(kenpin settings set KEY VALUE --badge ADMIN_BADGE)"
        )
    security = Security(values.get(SMTP_SECURITY) or Security.STARTTLS)
    port = values.get(SMTP_PORT, "")
    return SmtpSettings(
        host=values[SMTP_HOST].strip(),
        port=int(port) if port else _PORTS[security],
        security=security,
        user=values.get(SMTP_USER, "").strip(),
        sender=values[SMTP_FROM].strip(),
    )


def mail_language(values: Mapping[str, str]) -> Language:
    """The language shipment e-mails are written in (not set: Japanese)."""
    return Language(values.get(MAIL_LANGUAGE) or Language.JA)


def mails_on_close(values: Mapping[str, str]) -> bool:
    """Whether closing a manifest sends its orders' e-mails: mail.on_close, and when it is
    not set, whether an SMTP server is (a shop that set one up wants its mails sent)."""
    said = values.get(MAIL_ON_CLOSE, "")
    if said:
        return said == "yes"
    return bool(values.get(SMTP_HOST, "").strip())
