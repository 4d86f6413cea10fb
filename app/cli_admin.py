"""`kenpin users list|deactivate|reactivate|reset-pin`, `kenpin stations list|set`,
`kenpin carriers blocks` and `kenpin printers check|test-label`: what the window's Admin
page does, on the command line. Every change takes `--as` an admin's badge and its PIN."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from app.bootstrap import Kenpin
    from app.services.signin import Credentials
    from app.services.users import Where

EXIT_OK, EXIT_REFUSED = 0, 1
Parsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


@dataclass(frozen=True, slots=True)
class Tools:
    """What the commands need of `app.cli`: Kenpin on `--db`, and a badge with its PIN."""

    kenpin: Callable[[argparse.Namespace], Kenpin]
    credentials: Callable[[Kenpin, str], Credentials]


def _where(command: str) -> Where:
    from app.services.users import Where

    return Where(f"cli: {command}")


def _as_admin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="as_badge",
        required=True,
        metavar="ADMIN_BADGE",
        help="the admin's badge (PIN asked for, or $KENPIN_PIN)",
    )


def add_user_commands(users: Parsers, tools: Tools) -> None:
    """`kenpin users list`, `deactivate`, `reactivate` and `reset-pin`."""
    users.add_parser("list", help="every user: name, role, active (never a badge)").set_defaults(
        run=lambda args: _users_list(tools.kenpin(args))
    )
    for action, helptext in (
        ("deactivate", "the user's badge no longer signs in, at once, at every station"),
        ("reactivate", "let a deactivated user sign in again"),
    ):
        parser = users.add_parser(action, help=f"{helptext} (an admin's badge and PIN needed)")
        parser.add_argument("name", metavar="NAME")
        _as_admin(parser)
        parser.set_defaults(
            run=lambda args, on=action == "reactivate": _set_active(tools, args, on)
        )
    reset = users.add_parser(
        "reset-pin", help="give a supervisor or an admin a new PIN (an admin's badge and PIN)"
    )
    reset.add_argument("name", metavar="NAME")
    reset.add_argument("--pin", required=True, metavar="PIN", help="the new PIN (4 to 12 digits)")
    _as_admin(reset)
    reset.set_defaults(run=lambda args: _reset_pin(tools, args))


def add_station_commands(sub: Parsers, tools: Tools) -> None:
    """`kenpin stations list` and `kenpin stations set`."""
    stations = sub.add_parser("stations", help="the stations' printers, labels and lock-out")
    stations_sub = stations.add_subparsers(dest="stations_command", metavar="ACTION", required=True)
    stations_sub.add_parser(
        "list", help="every station: printer, labels, lock-out and stored scanner settings"
    ).set_defaults(run=lambda args: _stations_list(tools.kenpin(args)))
    change = stations_sub.add_parser(
        "set", help="set a station's printer, labels or lock-out (an admin's badge and PIN)"
    )
    change.add_argument("name", metavar="NAME")
    change.add_argument(
        "--printer", dest="printer_uri", metavar="URI", help='its printer ("" for none)'
    )
    change.add_argument("--labels", choices=("on", "off"), help="whether it prints labels")
    change.add_argument(
        "--lockout-after",
        type=int,
        metavar="N",
        help="refused product scans in a row before a supervisor is needed (0: off; default 3)",
    )
    _as_admin(change)
    change.set_defaults(run=lambda args: _stations_set(tools, args))


def add_carrier_commands(carriers: Parsers, tools: Tools) -> None:
    """`kenpin carriers blocks`."""
    carriers.add_parser(
        "blocks", help="every block of tracking numbers with the numbers left"
    ).set_defaults(run=lambda args: _blocks(tools.kenpin(args)))


def add_printer_commands(sub: Parsers, tools: Tools) -> None:
    """`kenpin printers check URI` and `kenpin printers test-label URI`."""
    printers = sub.add_parser("printers", help="check a printer, print a test label")
    printers_sub = printers.add_subparsers(dest="printers_command", metavar="ACTION", required=True)
    check = printers_sub.add_parser("check", help="ask the printer how it is; exit 1 if not ready")
    check.add_argument("uri", metavar="URI")
    check.set_defaults(run=lambda args: _printer_check(tools.kenpin(args), args.uri))
    test = printers_sub.add_parser("test-label", help="print a test label with the shop's sender")
    test.add_argument("uri", metavar="URI")
    test.set_defaults(run=lambda args: _test_label(tools.kenpin(args), args.uri))


def _users_list(kenpin: Kenpin) -> int:
    from app.services.users import user_listing

    for user in user_listing(kenpin.db):
        # The name last: a Japanese name is wider than its length, so nothing pads after it.
        print(f"{user.role:<10} {'active' if user.active else 'inactive':<8} {user.name}")
    return EXIT_OK


def _set_active(tools: Tools, args: argparse.Namespace, active: bool) -> int:
    from app.services.users import set_active_as

    kenpin = tools.kenpin(args)
    by = tools.credentials(kenpin, args.as_badge)
    command = "users reactivate" if active else "users deactivate"
    print(set_active_as(kenpin.db, by, args.name, active, _where(command)))
    return EXIT_OK


def _reset_pin(tools: Tools, args: argparse.Namespace) -> int:
    from app.services.users import reset_pin_as

    kenpin = tools.kenpin(args)
    by = tools.credentials(kenpin, args.as_badge)
    print(reset_pin_as(kenpin.db, by, args.name, args.pin, _where("users reset-pin")))
    return EXIT_OK


def _stations_list(kenpin: Kenpin) -> int:
    from app.services.stations import station_listing

    for station in station_listing(kenpin.db):
        lockout = f"after {station.lockout_after}" if station.lockout_after else "off"
        scanner = station.scanner.as_json() if station.scanner is not None else "unreadable"
        print(
            f"{station.name}: printer {station.printer or '(none)'}; "
            f"labels {'on' if station.labels else 'off'}; lock-out {lockout}; "
            f"scanner {scanner or 'defaults'}"
        )
    return EXIT_OK


def _stations_set(tools: Tools, args: argparse.Namespace) -> int:
    from app.core.errors import Refused
    from app.services.stations import StationChange, change_station_as

    labels = None if args.labels is None else args.labels == "on"
    change = StationChange(args.printer_uri, labels, args.lockout_after)
    if change == StationChange():
        raise Refused("stations set: give --printer, --labels or --lockout-after")
    kenpin = tools.kenpin(args)
    by = tools.credentials(kenpin, args.as_badge)
    changed = change_station_as(kenpin.db, by, args.name, change, _where("stations set"))
    for line in changed:
        print(f"{args.name.strip()}: {line}")
    if not changed:
        print(f"{args.name.strip()}: nothing changed")
    return EXIT_OK


def _blocks(kenpin: Kenpin) -> int:
    from app.services.carriers import tracking_blocks

    for block in tracking_blocks(kenpin.db):
        print(f"{block.carrier:<10} {block.first}..{block.last}  {block.left:,} left")
    return EXIT_OK


def _printer_check(kenpin: Kenpin, uri: str) -> int:
    from app.services.printer_check import printer_status

    status = printer_status(kenpin.printers, uri)
    if not status.ready:
        print(f"kenpin: {status.uri}: {status.message}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"{status.uri}: {status.message}")
    return EXIT_OK


def _test_label(kenpin: Kenpin, uri: str) -> int:
    from app.services.admin import Administration

    print(
        Administration(kenpin.db, kenpin.printers, kenpin.settings.shop_overrides).print_test_label(
            uri
        )
    )
    return EXIT_OK
