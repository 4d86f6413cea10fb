"""`kenpin orders history ORDER`: an order's parcels, labels, manifest, notices and scans."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from app.core.times import as_utc, local_time

if TYPE_CHECKING:
    from app.db.database import Database
    from app.services.order_history import LabelPrint, OrderHistory, ParcelHistory

EXIT_OK = 0
DbOf = Callable[[argparse.Namespace], "Database"]


def register(orders_sub: argparse._SubParsersAction[argparse.ArgumentParser], db_of: DbOf) -> None:
    """Add `kenpin orders history`; `db_of` opens `--db`'s database."""
    history = orders_sub.add_parser(
        "history", help="an order's parcels, labels and reprints, manifest, notices and scans"
    )
    history.add_argument("order", metavar="ORDER", help="the order's number, e.g. #1001")
    history.add_argument("--json", action="store_true", help="print one JSON object")
    history.set_defaults(run=lambda args: _history(db_of(args), args))


def _history(db: Database, args: argparse.Namespace) -> int:
    from app.services.order_history import OrderHistories

    history = OrderHistories(db).of_number(args.order)
    if args.json:
        json.dump(as_json(history), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for line in history_lines(history):
            print(line)
    return EXIT_OK


def as_json(history: OrderHistory) -> dict[str, Any]:
    """The history as plain JSON values: times in ISO 8601 (UTC), days as YYYY-MM-DD."""
    shown: dict[str, Any] = _plain(dataclasses.asdict(history))
    for parcel, source in zip(shown["parcels"], history.parcels, strict=True):
        parcel["on_open_manifest"] = source.on_open_manifest
    return shown


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):  # a datetime is a date too
        return value.isoformat()
    return value


def history_lines(history: OrderHistory) -> Iterator[str]:
    """The history as the command prints it: one section after another."""
    shipped = f" (shipped on {history.shipped_on.isoformat()})" if history.shipped_on else ""
    yield f"Order {history.number}: {history.status}{shipped}"
    yield ""
    yield "Parcels"
    if not history.parcels:
        yield "  none yet"
    for parcel in history.parcels:
        yield from _parcel_lines(parcel)
    yield ""
    yield "Notices"
    if not history.notices:
        yield "  none sent"
    for notice in history.notices:
        yield f"  {local_time(notice.at)}  {notice.kind:<8} {notice.to:<24} {notice.status}"
    yield ""
    yield "Scans"
    if not history.scans:
        yield "  none"
    for scan in history.scans:
        refused = f" ({scan.reason})" if scan.reason else ""
        typed = " typed" if scan.typed else ""
        yield (
            f"  {_to_the_second(scan.at)}  {scan.station:<10} {scan.user or '-':<12} "
            f"{scan.verdict}{refused}{typed}: {scan.code} — {scan.message}"
        )
    if history.audit:
        yield ""
        yield "Audit trail"
    for entry in history.audit:
        yield (
            f"  {local_time(entry.at)}  {entry.station or '-':<10} {entry.user or '-':<12} "
            f"{entry.action}: {entry.detail}"
        )


def _to_the_second(at: dt.datetime) -> str:
    """A scan's local time to the second: a pack's scans come seconds apart."""
    return as_utc(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _parcel_lines(parcel: ParcelHistory) -> Iterator[str]:
    service = f" {parcel.service}" if parcel.service else ""
    yield (
        f"  carton {parcel.carton_no}: {parcel.tracking_number} ({parcel.carrier}{service}) "
        f"{parcel.status}"
    )
    if parcel.tracking_url:
        yield f"    track: {parcel.tracking_url}"
    yield f"    issued {local_time(parcel.issued_at)}"
    if parcel.verified_at is not None:
        yield f"    label scanned back {local_time(parcel.verified_at)}"
    if parcel.voided_at is not None:
        replaced = f", replaced by {parcel.replaced_by}" if parcel.replaced_by else ""
        yield f"    voided {local_time(parcel.voided_at)}{replaced}"
    if parcel.loaded_at is not None:
        where = f" at {parcel.loaded_station}" if parcel.loaded_station else ""
        yield f"    loaded {local_time(parcel.loaded_at)} by {parcel.loaded_by or '-'}{where}"
    if parcel.manifest is not None:
        manifest = parcel.manifest
        yield (
            f"    manifest: {manifest.carrier} {manifest.ship_date.isoformat()}, "
            f"closed {local_time(manifest.closed_at)}"
        )
    elif parcel.on_open_manifest:
        yield f"    manifest: {parcel.carrier}'s open manifest"
    for label in parcel.prints:
        yield "    " + _print_line(label)


def _print_line(label: LabelPrint) -> str:
    what = "reprint" if label.reprint else "print"
    where = f"{label.station or '-'} {label.printer_uri or '(no printer)'}"
    error = f": {label.error}" if label.error else ""
    return (
        f"{what} {local_time(label.asked_at)} at {where}, asked by {label.asked_by or '-'}: "
        f"{label.status}{error}"
    )
