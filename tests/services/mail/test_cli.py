"""`kenpin notify`: the template shown, edited and refused; send, list and resend as a
supervisor runs them, against a real SMTP server (TLS too)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.bootstrap import Kenpin, read_settings
from app.cli import main
from app.core.mail.settings import Security, SmtpSettings
from app.core.mail.template import MailTemplate
from app.db.database import Database
from app.services.mail.smtp import SmtpPost, Verdict, shipment_message
from app.services.shop_settings import ShopSettings
from app.services.users import add_user
from tests.mailserver import (
    FlakyInbox,
    self_signed,
    start,
)
from tests.services.mail.shipped import START, SUPERVISOR, shipped_orders, smtp_set_up

ADMIN, ADMIN_PIN = "BADGE-A1", "13579"


def test_a_template_is_shown_edited_and_used_and_a_typo_is_refused(
    db: Database,
    inbox: FlakyInbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    smtp_set_up(db, inbox.port)
    shipped_orders(db, "a@example.jp")
    add_user(db, "Ken", "admin", ADMIN, ADMIN_PIN)
    monkeypatch.setenv("KENPIN_PIN", ADMIN_PIN)
    assert main(["--db", db.url, "notify", "template", "show", "--lang", "ja"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("件名: 【$shop】ご注文の商品を発送いたしました")
    typo = tmp_path / "typo.txt"
    typo.write_text(shown.replace("$tracking\n", "$trackng\n"), encoding="utf-8")
    args = ["--db", db.url, "notify", "template", "set", "--lang", "ja"]
    assert main([*args, str(typo), "--badge", ADMIN]) == 1
    assert "unknown placeholder(s) $trackng" in capsys.readouterr().err
    edited = tmp_path / "mail.txt"
    edited.write_text(shown.replace("$customer 様", "$customer 様（いつもありがとう）"), "utf-8")
    assert main([*args, str(edited), "--badge", ADMIN]) == 0
    capsys.readouterr()
    assert main(["--db", db.url, "notify", "template", "show"]) == 0
    assert "いつもありがとう" in capsys.readouterr().out

    assert main(["--db", db.url, "notify", "send", "--since", "2026-03-01"]) == 0
    assert "sent: 1 (#2001)" in capsys.readouterr().out
    (message,) = inbox.messages
    assert "山田 1 様（いつもありがとう）" in message.get_content()


def test_list_and_resend_as_a_supervisor_runs_them(
    db: Database,
    inbox: FlakyInbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    smtp_set_up(db, inbox.port)
    shipped_orders(db, "a@example.jp", "")
    inbox.drop_after_data = 1
    assert main(["--db", db.url, "notify", "send", "--since", "2026-03-01"]) == 0
    assert "to check: may have been delivered (listed): 1 (#2001)" in capsys.readouterr().out
    assert main(["--db", db.url, "notify", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(row["order"], row["status"]) for row in listed] == [
        ("#2001", "check"),
        ("#2002", "no_address"),
    ]
    monkeypatch.setenv("KENPIN_PIN", SUPERVISOR.pin)
    resend = ["--db", db.url, "notify", "resend", "#2001", "--badge", SUPERVISOR.badge]
    assert main(resend) == 0
    assert "sent: 1 (#2001)" in capsys.readouterr().out
    assert list(inbox.received.values()) == [2]
    assert main(["--db", db.url, "notify", "list"]) == 0
    assert capsys.readouterr().out.startswith("#2002")


def settings(port: int, security: Security) -> SmtpSettings:
    return SmtpSettings("127.0.0.1", port, security, "", "shop@example.jp")


def a_message() -> object:
    return shipment_message(
        "shop@example.jp", "a@example.jp", MailTemplate("件名", "本文"), "<t.1@example.jp>", START
    )


def test_starttls_encrypts_before_the_message_and_none_does_not(tmp_path: Path) -> None:
    server_tls, client_tls = self_signed(tmp_path)
    handler = FlakyInbox()
    controller = start(handler, tls_context=server_tls)
    try:
        port = controller.port
        message = a_message()
        starttls = SmtpPost(settings(port, Security.STARTTLS), None, context=client_tls)
        assert starttls.deliver(message, "a@example.jp").verdict is Verdict.SENT  # type: ignore[arg-type]
        plain = SmtpPost(settings(port, Security.NONE), None, context=client_tls)
        assert plain.deliver(message, "a@example.jp").verdict is Verdict.SENT  # type: ignore[arg-type]
        assert handler.encrypted == [True, False]
    finally:
        controller.stop()


def test_starttls_is_never_skipped_on_a_server_that_does_not_offer_it(
    inbox: FlakyInbox,
) -> None:
    post = SmtpPost(settings(inbox.port, Security.STARTTLS), None)
    tried = post.deliver(a_message(), "a@example.jp")  # type: ignore[arg-type]
    assert (tried.verdict, tried.server_down) == (Verdict.RETRY, True)
    assert "STARTTLS" in tried.said
    assert not inbox.received


def test_tls_from_the_first_byte_with_a_self_signed_certificate(tmp_path: Path) -> None:
    server_tls, client_tls = self_signed(tmp_path)
    handler = FlakyInbox()
    controller = start(handler, ssl_context=server_tls)
    try:
        post = SmtpPost(settings(controller.port, Security.TLS), None, context=client_tls)
        assert post.deliver(a_message(), "a@example.jp").verdict is Verdict.SENT  # type: ignore[arg-type]
        untrusted = SmtpPost(settings(controller.port, Security.TLS), None)
        tried = untrusted.deliver(a_message(), "a@example.jp")  # type: ignore[arg-type]
        assert tried.verdict is Verdict.RETRY and "CERTIFICATE_VERIFY_FAILED" in tried.said
        # Only the client that trusts the certificate got through: the line was TLS.
        assert len(handler.messages) == 1
    finally:
        controller.stop()


def shop_login(_server: object, _session: object, _envelope: object, mechanism: str, data: object):  # type: ignore[no-untyped-def]
    """The server's check of the login: user `shop`, password `secret`."""
    from aiosmtpd.smtp import AuthResult, LoginPassword

    good = isinstance(data, LoginPassword) and (data.login, data.password) == (b"shop", b"secret")
    return AuthResult(success=good)


@pytest.mark.parametrize(("password", "sent"), [("secret", True), (None, False)])
def test_the_password_comes_from_kenpin_smtp_password_never_the_database(
    db: Database, password: str | None, sent: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    handler = FlakyInbox()
    controller = start(handler, authenticator=shop_login, auth_require_tls=False)
    try:
        smtp_set_up(db, controller.port)
        ShopSettings(db).set_up({"smtp.user": "shop"})
        shipped_orders(db, "a@example.jp")
        env = {"KENPIN_DB": db.url} | ({"KENPIN_SMTP_PASSWORD": password} if password else {})
        kenpin = Kenpin(db, read_settings(env))
        run = kenpin.mailer().send(dt.date(2026, 3, 1))
    finally:
        controller.stop()
    assert bool(run.sent) is sent
    assert len(handler.messages) == int(sent)
    if not sent:
        assert "no password for shop" in run.stopped
