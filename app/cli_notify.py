"""`kenpin notify`: shipment e-mails (発送完了メール) — send, list, resend, templates, password."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import cli_dispatch
from app.cli_waves import CredentialsOf, KenpinOf

if TYPE_CHECKING:
    from app.bootstrap import Kenpin
    from app.services.mail.outbox import Mailer

EXIT_OK, EXIT_REFUSED = 0, 1


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    kenpin_of: KenpinOf,
    credentials_of: CredentialsOf,
) -> None:
    """Add `kenpin notify send|list|resend|template|password` (and `export`, the shop
    platforms' files: `app.cli_dispatch`)."""
    notify = sub.add_parser(
        "notify",
        help="shipment e-mails to customers (発送完了メール) and files for the shop platforms",
    )
    notify_sub = notify.add_subparsers(dest="notify_command", metavar="ACTION", required=True)
    cli_dispatch.add_export(notify_sub, kenpin_of)
    send = notify_sub.add_parser(
        "send", help="mail every shipped order not mailed yet, and send the e-mails due"
    )
    send.add_argument(
        "--since",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="mail orders shipped on or after this day (default: the last 7 days)",
    )
    send.set_defaults(run=lambda args: _send(kenpin_of(args), args))
    listing = notify_sub.add_parser(
        "list", help="e-mails a supervisor must look at: failed, check, no address"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=lambda args: _list(kenpin_of(args), args))
    resend = notify_sub.add_parser(
        "resend", help="send a listed e-mail again under its Message-ID (supervisor)"
    )
    resend.add_argument("order", metavar="ORDER")
    _badge(resend, "SUPERVISOR_BADGE", "a supervisor's or admin's")
    resend.set_defaults(run=lambda args: _resend(kenpin_of(args), credentials_of, args))
    template = notify_sub.add_parser("template", help="the e-mail's words, per language")
    template_sub = template.add_subparsers(dest="template_command", metavar="ACTION", required=True)
    show = template_sub.add_parser("show", help="print the template in force (as a file)")
    show.add_argument("--lang", choices=("ja", "en"), default="ja")
    show.set_defaults(run=lambda args: _template_show(kenpin_of(args), args))
    store = template_sub.add_parser("set", help="store a template file (admin)")
    store.add_argument("--lang", choices=("ja", "en"), default="ja")
    store.add_argument("file", type=Path, metavar="FILE")
    _badge(store, "ADMIN_BADGE", "an admin's")
    store.set_defaults(run=lambda args: _template_set(kenpin_of(args), credentials_of, args))
    notify_sub.add_parser(
        "password", help="keep smtp.user's password in the OS keyring (asked for, not shown)"
    ).set_defaults(run=lambda args: _password(kenpin_of(args)))


def _badge(parser: argparse.ArgumentParser, metavar: str, whose: str) -> None:
    parser.add_argument(
        "--badge",
        required=True,
        metavar=metavar,
        help=f"{whose} badge (PIN asked for, or $KENPIN_PIN)",
    )


def _mailer(kenpin: Kenpin) -> Mailer:
    return kenpin.mailer()


def _send(kenpin: Kenpin, args: argparse.Namespace) -> int:
    run = _mailer(kenpin).send(args.since)
    for line in run.lines():
        print(line)
    return EXIT_REFUSED if run.stopped else EXIT_OK


def _list(kenpin: Kenpin, args: argparse.Namespace) -> int:
    entries = _mailer(kenpin).listed()
    if args.json:
        print(json.dumps([entry.as_json() for entry in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        print("no e-mail needs a supervisor")
    for entry in entries:
        print(
            f"{entry.order:<16} {entry.status.value:<10} {entry.to_address or '-':<32} "
            f"{entry.attempts} tries  {entry.last_error}"
        )
    return EXIT_OK


def _resend(kenpin: Kenpin, credentials_of: CredentialsOf, args: argparse.Namespace) -> int:
    run = _mailer(kenpin).resend(args.order, credentials_of(kenpin, args.badge))
    for line in run.lines():
        print(line)
    return EXIT_OK if run.sent else EXIT_REFUSED


def _template_show(kenpin: Kenpin, args: argparse.Namespace) -> int:
    from app.services.mail.templates import template_file

    sys.stdout.write(template_file(kenpin.db, args.lang))
    return EXIT_OK


def _template_set(kenpin: Kenpin, credentials_of: CredentialsOf, args: argparse.Namespace) -> int:
    from app.core.errors import Refused
    from app.core.mail.template import template_from_text
    from app.services.mail.templates import set_template

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(f"{args.file}: cannot be read as UTF-8 text ({exc})") from None
    # A template that breaks a rule is refused before the PIN is asked for.
    template = template_from_text(text, str(args.file))
    print(set_template(kenpin.db, args.lang, template, credentials_of(kenpin, args.badge)))
    return EXIT_OK


def _password(kenpin: Kenpin) -> int:
    import getpass

    from app.core.errors import Refused
    from app.services.mail.password import store_password
    from app.services.shop_settings import ShopSettings

    user = next(
        (shown.in_force for shown in ShopSettings(kenpin.db).listing() if shown.key == "smtp.user"),
        "",
    )
    if not sys.stdin.isatty():
        raise Refused("kenpin notify password asks at a terminal; scripts set KENPIN_SMTP_PASSWORD")
    first = getpass.getpass(f"SMTP password of {user or '(smtp.user not set)'}: ")
    if getpass.getpass("Again: ") != first:
        raise Refused("the two passwords differ; nothing stored")
    print(store_password(user, first))
    return EXIT_OK
