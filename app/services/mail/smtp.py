"""Handing one e-mail to the SMTP server, and telling exactly how far it got.

Where a failure happens decides what may be done about it. Refused or cut off
before the message's last line went out, the server cannot have taken it: it is
tried again later (`retry`), or given up for good on a permanent refusal of the
recipient or the message (`failed`). Cut off after the whole message went out but
before the server answered, the server may have taken it: `check`, for a person to
decide, never sent again by itself. A failure to reach or log in to the server
stops the run (`server_down`): every other mail would fail the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import smtplib
import ssl
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from enum import StrEnum
from typing import Protocol

from app.core.mail.settings import Security, SmtpSettings
from app.core.mail.template import MailTemplate

#: How long one step of the conversation may take before the server counts as gone.
TIMEOUT_S = 30.0
#: 7-bit bodies (base64 or quoted-printable): any server takes them, 8BITMIME or not.
_POLICY = policy.SMTP.clone(cte_type="7bit")


class Verdict(StrEnum):
    """How one try went (the outbox row's next status)."""

    SENT = "sent"
    RETRY = "retry"
    FAILED = "failed"
    CHECK = "check"


@dataclass(frozen=True, slots=True)
class Tried:
    """One try's verdict, in the server's words; `server_down`: stop trying others."""

    verdict: Verdict
    said: str
    server_down: bool = False


class Post(Protocol):
    """Where shipment e-mails are handed over (an SMTP server)."""

    def deliver(self, message: EmailMessage, recipient: str) -> Tried:
        """Hand `message` over for `recipient`; how far it got."""
        ...


def shipment_message(
    sender: str, recipient: str, words: MailTemplate, message_id: str, at: dt.datetime
) -> EmailMessage:
    """The e-mail as it goes out (`words`: its subject and body written out): UTF-8 text
    under a stable Message-ID."""
    message = EmailMessage(policy=_POLICY)
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = words.subject
    message["Date"] = format_datetime(at)
    message["Message-ID"] = message_id
    message.set_content(words.body, charset="utf-8")
    return message


class SmtpPost:
    """The shop's SMTP server, one connection per e-mail."""

    def __init__(
        self,
        settings: SmtpSettings,
        password: str | None,
        *,
        context: ssl.SSLContext | None = None,
        timeout: float = TIMEOUT_S,
    ) -> None:
        """`context`: the certificates trusted for starttls and tls (default: the system's)."""
        self.settings = settings
        self.password = password
        self.context = context or ssl.create_default_context()
        self.timeout = timeout

    def deliver(self, message: EmailMessage, recipient: str) -> Tried:
        """Hand `message` to the server for `recipient` (see the module's words)."""
        where = f"{self.settings.host}:{self.settings.port}"
        try:
            conn = self._open()
        except (OSError, smtplib.SMTPException) as exc:
            return Tried(Verdict.RETRY, f"{where}: {_words(exc)}", server_down=True)
        try:
            return self._hand_over(conn, message, recipient)
        finally:
            _close(conn)

    def _open(self) -> smtplib.SMTP:
        """Connected, encrypted as set, and logged in."""
        settings = self.settings
        conn: smtplib.SMTP
        if settings.security is Security.TLS:
            conn = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=self.timeout, context=self.context
            )
        else:
            conn = smtplib.SMTP(settings.host, settings.port, timeout=self.timeout)
        try:
            conn.ehlo()
            if settings.security is Security.STARTTLS:
                # Refused (SMTPNotSupportedError) by a server that offers no STARTTLS: the
                # password and the customers' addresses never go out in plain text.
                conn.starttls(context=self.context)
                conn.ehlo()
            if settings.user:
                if self.password is None:
                    raise smtplib.SMTPException(
                        f"no password for {settings.user} "
                        "(KENPIN_SMTP_PASSWORD, or kenpin notify password)"
                    )
                conn.login(settings.user, self.password)
        except BaseException:
            _close(conn)
            raise
        return conn

    def _hand_over(self, conn: smtplib.SMTP, message: EmailMessage, recipient: str) -> Tried:
        try:
            code, said = conn.mail(self.settings.envelope_sender)
            if code != 250:
                # The sender refused: a setting's fault, so every mail would be refused.
                return Tried(Verdict.RETRY, _reply("MAIL FROM", code, said), server_down=True)
            code, said = conn.rcpt(recipient)
            if code not in (250, 251):
                return _refused("RCPT TO", code, said)
            code, said = conn.docmd("DATA")
            if code != 354:
                return _refused("DATA", code, said)
        except (OSError, smtplib.SMTPException) as exc:
            return Tried(Verdict.RETRY, f"before the message was sent: {_words(exc)}")
        # From the first byte of the message on, the server may take it at any moment: no
        # answer is not a no.
        try:
            conn.send(_payload(message))
            code, said = conn.getreply()
        except (OSError, smtplib.SMTPException) as exc:
            return Tried(
                Verdict.CHECK,
                "the connection was lost after the message was sent, before the server "
                f"answered; it may have been delivered ({_words(exc)})",
            )
        if code == 250:
            return Tried(Verdict.SENT, _reply("the message", code, said))
        return _refused("the message", code, said)


def _refused(step: str, code: int, said: bytes) -> Tried:
    """A 5xx is for good; anything else may pass later."""
    verdict = Verdict.FAILED if 500 <= code < 600 else Verdict.RETRY
    return Tried(verdict, _reply(step, code, said))


def _reply(step: str, code: int, said: bytes) -> str:
    return f"{step}: {code} {said.decode('utf-8', 'replace')}".strip()


def _words(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _payload(message: EmailMessage) -> bytes:
    """The message as DATA sends it: CRLF lines, a leading dot doubled, the final dot."""
    data = re.sub(rb"(?m)^\.", b"..", message.as_bytes(policy=_POLICY))
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def _close(conn: smtplib.SMTP) -> None:
    """QUIT if the server still listens; the socket is closed either way."""
    try:
        conn.quit()
    except (OSError, smtplib.SMTPException):
        conn.close()
