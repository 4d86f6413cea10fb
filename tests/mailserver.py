"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the shipment e-mail tests, with the
faults a real one has: a temporary refusal, a connection cut after the message arrived.

Every message whose content arrived is counted by its Message-ID, whether or not the
server then answered: a cut-off message may have been delivered, so a second copy of it
would be a customer mailed twice.
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller


@dataclass
class FlakyInbox:
    """The server's handler: what it received, and the faults still to play."""

    #: RCPT commands refused with 451 before one is taken.
    refuse_rcpt: int = 0
    #: RCPT refused for good (550) for these addresses.
    unknown: set[str] = field(default_factory=set)
    #: Messages after whose content the connection is cut, before the answer.
    drop_after_data: int = 0
    received: Counter[str] = field(default_factory=Counter)
    messages: list[EmailMessage] = field(default_factory=list)
    #: Per message taken: was the connection encrypted?
    encrypted: list[bool] = field(default_factory=list)
    rcpt_tries: int = 0
    #: Where the server listens (set by the `inbox` fixture).
    port: int = 0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        self.rcpt_tries += 1
        if address in self.unknown:
            return "550 5.1.1 no such mailbox"
        if self.refuse_rcpt:
            self.refuse_rcpt -= 1
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, _class=EmailMessage, policy=policy.default)
        self.received[str(message["Message-ID"])] += 1
        self.messages.append(message)
        self.encrypted.append(session.ssl is not None)
        if self.drop_after_data:
            self.drop_after_data -= 1
            server.transport.abort()
        return "250 2.0.0 queued"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start(inbox: FlakyInbox, **options: Any) -> Controller:
    """The server listening on 127.0.0.1 at a free port (`controller.port`)."""
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    return controller


def self_signed(folder: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A certificate for 127.0.0.1 made by openssl: the server's context, and a client's
    that trusts it."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert, key)
    client = ssl.create_default_context(cafile=str(cert))
    return server, client


@dataclass
class Clock:
    """The test's clock: time moves when the test says."""

    at: dt.datetime

    def __call__(self) -> dt.datetime:
        return self.at

    def wait(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


@pytest.fixture
def inbox() -> Iterator[FlakyInbox]:
    """The server's handler (its port: `inbox.port`); the server runs for the test."""
    handler = FlakyInbox()
    controller = start(handler)
    handler.port = controller.port
    yield handler
    controller.stop()
