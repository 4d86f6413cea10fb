"""`kenpin wave`: group allocated orders into a wave for the pickers, release a wave."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.core.carriers import CarrierCode

if TYPE_CHECKING:
    from app.bootstrap import Kenpin
    from app.services.signin import Credentials

EXIT_OK = 0
KenpinOf = Callable[[argparse.Namespace], "Kenpin"]
CredentialsOf = Callable[["Kenpin", str], "Credentials"]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    kenpin_of: KenpinOf,
    credentials_of: CredentialsOf,
) -> None:
    """Add `kenpin wave create` and `kenpin wave release`."""
    wave = sub.add_parser("wave", help="waves of allocated orders picked together")
    wave_sub = wave.add_subparsers(dest="wave_command", metavar="ACTION", required=True)
    create = wave_sub.add_parser(
        "create", help="group allocated orders (oldest first) into a wave; prints its number"
    )
    create.add_argument(
        "--carrier", choices=[code.value for code in CarrierCode], help="only this carrier's orders"
    )
    create.add_argument("--max-orders", type=_positive, metavar="N", help="at most N orders")
    create.add_argument(
        "--orders",
        metavar="NUM,…",
        help="exactly these orders (comma-separated), each allocated and in no open wave",
    )
    create.add_argument("--json", action="store_true", help="print number, orders, lines, units")
    create.set_defaults(run=lambda args: _create(kenpin_of(args), args))
    release = wave_sub.add_parser(
        "release", help="put a wave's orders still being picked back to allocated (supervisor)"
    )
    release.add_argument("wave", metavar="WAVE", help="the wave's number, W-000001")
    release.add_argument(
        "--badge",
        required=True,
        metavar="SUPERVISOR_BADGE",
        help="a supervisor's or admin's badge (PIN asked for, or $KENPIN_PIN)",
    )
    release.set_defaults(run=lambda args: _release(kenpin_of(args), credentials_of, args))


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _create(kenpin: Kenpin, args: argparse.Namespace) -> int:
    from app.core.waves import WaveRequest, listed_orders
    from app.services.waves import create_wave

    orders = listed_orders(args.orders) if args.orders is not None else ()
    made = create_wave(kenpin.db, WaveRequest(args.carrier, args.max_orders, orders))
    if args.json:
        print(made.as_json())
    else:
        print(made.number)
        print(
            f"wave {made.number}: {len(made.orders)} order(s), {made.lines} line(s), "
            f"{made.units} unit(s)",
            file=sys.stderr,
        )
    return EXIT_OK


def _release(kenpin: Kenpin, credentials_of: CredentialsOf, args: argparse.Namespace) -> int:
    from app.services.waves import release_wave

    print(release_wave(kenpin.db, args.wave, credentials_of(kenpin, args.badge)))
    return EXIT_OK
