"""`kenpin manifest`: a carrier's manifest of a day shown, closed, and printed again."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.carriers import CarrierCode

if TYPE_CHECKING:
    from app.bootstrap import Kenpin
    from app.db.manifests import ManifestParcel
    from app.services.manifests import CloseRequest, ManifestState
    from app.services.signin import Credentials

EXIT_OK = 0
KenpinOf = Callable[[argparse.Namespace], "Kenpin"]
CredentialsOf = Callable[["Kenpin", str], "Credentials"]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    kenpin_of: KenpinOf,
    credentials_of: CredentialsOf,
) -> None:
    """Add `kenpin manifest show|close|print`."""
    manifest = sub.add_parser("manifest", help="the carriers' manifests: show, close, print again")
    actions = manifest.add_subparsers(dest="manifest_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="parcels loaded and not loaded on a manifest")
    _carrier_and_day(show)
    show.add_argument("--json", action="store_true", help="print the manifest as JSON")
    show.set_defaults(run=lambda args: _show(kenpin_of(args), args))
    close = actions.add_parser(
        "close",
        help="close a carrier's manifest: loaded orders shipped, hand-over sheet and "
        "upload file written",
    )
    _carrier_and_day(close)
    _out(close)
    close.add_argument(
        "--badge",
        metavar="SUPERVISOR_BADGE",
        help="a supervisor's badge (PIN asked for, or $KENPIN_PIN) to leave parcels not "
        "loaded for the next manifest",
    )
    close.set_defaults(run=lambda args: _close(kenpin_of(args), credentials_of, args))
    again = actions.add_parser("print", help="write a closed manifest's files again")
    _carrier_and_day(again)
    _out(again)
    again.set_defaults(run=lambda args: _print(kenpin_of(args), args))


def add_export(
    notices: argparse._SubParsersAction[argparse.ArgumentParser], kenpin_of: KenpinOf
) -> None:
    """Add `kenpin notify export` to the `notify` group."""
    export = notices.add_parser(
        "export", help="a shop platform's shipment file of the orders shipped since the last one"
    )
    export.add_argument(
        "--platform", required=True, choices=["rakuten", "amazon", "shopify", "generic"]
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="the file")
    export.add_argument(
        "--again", action="store_true", help="orders already sent to the platform too"
    )
    export.add_argument(
        "--since", type=_day, metavar="YYYY-MM-DD", help="only orders shipped on or after it"
    )
    export.add_argument(
        "--source", choices=["shopify", "generic"], help="only orders imported from this source"
    )
    export.set_defaults(run=lambda args: _export(kenpin_of(args), args))


def _carrier_and_day(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("carrier", metavar="CARRIER", choices=[code.value for code in CarrierCode])
    parser.add_argument(
        "--date", type=_day, metavar="YYYY-MM-DD", help="the manifest's day (default: today)"
    )


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help="the folder the files go in"
    )


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _request(args: argparse.Namespace, kenpin: Kenpin) -> CloseRequest:
    from app.services.manifests import CloseRequest, today

    return CloseRequest(
        args.carrier, args.date or today(), args.out, overrides=kenpin.settings.shop_overrides
    )


def _show(kenpin: Kenpin, args: argparse.Namespace) -> int:
    from app.core.label import tracking_display
    from app.core.times import local_time
    from app.services.manifests import manifest_state, today

    state = manifest_state(kenpin.db, args.carrier, args.date or today())
    if args.json:
        print(json.dumps(state_json(state), ensure_ascii=False))
        return EXIT_OK
    if state.closed is not None:
        closed = state.closed
        print(
            f"{state.carrier} {state.day.isoformat()}: closed at {local_time(closed.closed_at)}, "
            f"{closed.parcels:,} parcel(s), {closed.left_behind:,} left behind"
        )
        return EXIT_OK
    print(
        f"{state.carrier} {state.day.isoformat()}: open, {len(state.loaded):,} loaded, "
        f"{len(state.not_loaded):,} not loaded"
    )
    for parcel in state.not_loaded:
        print(f"  not loaded: {parcel.order_number}  {tracking_display(parcel.tracking)}")
    return EXIT_OK


def state_json(state: ManifestState) -> dict[str, object]:
    """A manifest's state as `kenpin manifest show --json` prints it."""

    def listed(parcels: tuple[ManifestParcel, ...]) -> list[dict[str, object]]:
        return [
            {"order": p.order_number, "tracking": p.tracking, "carton": p.carton_no}
            for p in parcels
        ]

    closed = state.closed
    return {
        "carrier": state.carrier.value,
        "date": state.day.isoformat(),
        "status": "closed" if closed else "open",
        "parcels": closed.parcels if closed else len(state.loaded),
        "loaded": listed(state.loaded),
        "not_loaded": listed(state.not_loaded),
    }


def _close(kenpin: Kenpin, credentials_of: CredentialsOf, args: argparse.Namespace) -> int:
    from app.services.manifests import close_manifest, mail_after_close

    request = _request(args, kenpin)
    by = credentials_of(kenpin, args.badge) if args.badge else None
    print(mail_after_close(close_manifest(kenpin.db, request, by), kenpin.mails_after_close))
    return EXIT_OK


def _print(kenpin: Kenpin, args: argparse.Namespace) -> int:
    from app.services.manifests import print_manifest

    request = _request(args, kenpin)
    print(print_manifest(kenpin.db, request))
    return EXIT_OK


def _export(kenpin: Kenpin, args: argparse.Namespace) -> int:
    from app.services.notices import NoticeRequest, export_notices

    request = NoticeRequest(args.platform, args.out, args.again, args.since, args.source)
    print(export_notices(kenpin.db, request, kenpin.settings.shop_overrides))
    return EXIT_OK
