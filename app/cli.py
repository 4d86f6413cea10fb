"""The `kenpin` command (also `python -m app`).

Exit status: 0 success, 1 refused (with a message naming what and where on
stderr; nothing changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from app import (
    cli_admin,
    cli_audit,
    cli_db,
    cli_dispatch,
    cli_history,
    cli_notify,
    cli_stock,
    cli_waves,
)
from app.cli_mismatches import add_commands as add_mismatches_commands
from app.cli_reports import add_report_parser, write_report
from app.core.carriers import CarrierCode
from app.core.errors import DatabaseUnavailable, EnvironmentFailure, InputRejected, KenpinError
from app.core.label import LabelFormat
from app.core.orders import OrderStatus
from app.core.roles import Role
from app.core.station import Mode
from app.scanning.bursts import Terminator

if TYPE_CHECKING:
    from app.bootstrap import Kenpin
    from app.db.database import Database
    from app.services.signin import Credentials
    from app.services.stock_views import StockViews

# A usage error exits 2: argparse does that itself.
EXIT_OK, EXIT_REFUSED = 0, 1


def _values(enum: type[StrEnum]) -> list[str]:
    """An enum's values as choices, so a new member is a new choice."""
    return [member.value for member in enum]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kenpin",
        description="Kenpin (検品): pick-pack-ship station. No command opens the station.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL (default: $KENPIN_DB, else a file in the user data folder)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="on a failure, print its traceback and the SQL parameters it was sent",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db_cmd = sub.add_parser("db", help="database schema")
    db_sub = db_cmd.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", help="create / migrate the schema").set_defaults(run=_db_upgrade)
    cli_db.register(db_sub, lambda args: _kenpin(args, migrate=False).db)

    imp = sub.add_parser(
        "import", help="import products, stock, orders or expected deliveries from CSV"
    )
    imp_sub = imp.add_subparsers(dest="what", metavar="WHAT", required=True)
    for what, helptext in (
        ("products", "products and their barcodes"),
        ("stock", "stock on hand by location"),
        ("orders", "orders (Shopify export or generic CSV)"),
        ("expected", "expected deliveries: delivery,supplier,sku,qty,lot,expiry"),
    ):
        p = imp_sub.add_parser(what, help=helptext)
        p.add_argument("file", type=Path, metavar="FILE")
        if what == "orders":
            p.add_argument("--format", choices=("auto", "shopify", "generic"), default="auto")
            p.add_argument(
                "--default-carrier",
                choices=_values(CarrierCode),
                default=None,
                help="carrier for Shopify orders whose shipping method names none (default yamato)",
            )
        p.set_defaults(run=_import)

    sub.add_parser("allocate", help="reserve stock for open orders").set_defaults(run=_allocate)

    orders = sub.add_parser("orders", help="orders")
    orders_sub = orders.add_subparsers(dest="orders_command", metavar="ACTION", required=True)
    listing = orders_sub.add_parser("list", help="list orders")
    # `importing` orders are an import's, not yet the queue's (see app.db.import_batches).
    queued = [status for status in _values(OrderStatus) if status != OrderStatus.IMPORTING]
    listing.add_argument("--status", choices=queued)
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=_orders_list)
    cli_history.register(orders_sub, _db)

    stock = sub.add_parser("stock", help="stock")
    stock_sub = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    stock_sub.add_parser(
        "check", help="recompute on-hand and reserved from the ledger and report drift"
    ).set_defaults(run=_stock_check)
    cli_stock.add_commands(stock_sub, _stock_views)

    users = sub.add_parser("users", help="users")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_sub.add_parser(
        "add", help="create a user who logs in by badge (an admin's badge and PIN needed)"
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=_values(Role))
    add.add_argument("--badge", required=True, metavar="CODE")
    add.add_argument("--pin", metavar="PIN", help="the new user's PIN (supervisors and admins)")
    add.add_argument(
        "--as",
        dest="as_badge",
        metavar="ADMIN_BADGE",
        help="the admin's badge (PIN asked for, or $KENPIN_PIN); not for a database's first admin",
    )
    add.set_defaults(run=_users_add)
    admin_tools = cli_admin.Tools(_kenpin, _credentials)
    cli_admin.add_user_commands(users_sub, admin_tools)
    cli_admin.add_station_commands(sub, admin_tools)
    cli_admin.add_printer_commands(sub, admin_tools)

    carriers = sub.add_parser("carriers", help="carriers' tracking numbers")
    carriers_sub = carriers.add_subparsers(dest="carriers_command", metavar="ACTION", required=True)
    add_range = carriers_sub.add_parser(
        "add-range", help="register a block of tracking numbers (without their check digit)"
    )
    *carriers_but_last, last_carrier = _values(CarrierCode)
    add_range.add_argument(
        "carrier", metavar="CARRIER", help=f"{', '.join(carriers_but_last)} or {last_carrier}"
    )
    add_range.add_argument("first", metavar="FIRST", help="first number, without check digit")
    add_range.add_argument("last", metavar="LAST", help="last number, without check digit")
    add_range.set_defaults(run=_carriers_add_range)
    numbers = carriers_sub.add_parser(
        "import",
        help="attach numbers the carrier's own system issued (CSV order_number,tracking, "
        "or B2クラウド's issued data)",
    )
    numbers.add_argument("file", metavar="FILE", type=Path)
    numbers.set_defaults(run=_carriers_import)
    cli_admin.add_carrier_commands(carriers_sub, admin_tools)

    scanner = sub.add_parser(
        "scanner", help="a station's scanner settings: shown, and set by the options given"
    )
    scanner.add_argument("station", metavar="NAME")
    for option, setting, helptext in _SCANNER_OPTIONS:
        scanner.add_argument(option, dest=setting, metavar="N", help=helptext)
    scanner.add_argument("--terminator", choices=_values(Terminator))
    scanner.add_argument(
        "--gs1-standin",
        dest="gs1_standin",
        metavar="TEXT",
        help='what the scanner sends for the GS1 separator ("" for none)',
    )
    scanner.set_defaults(run=_scanner)

    label = sub.add_parser("label", help="shipping labels")
    label_sub = label.add_subparsers(dest="label_command", metavar="ACTION", required=True)
    render = label_sub.add_parser("render", help="render the order's current shipping label")
    render.add_argument("order", metavar="ORDER")
    render.add_argument("--format", required=True, choices=_values(LabelFormat))
    render.add_argument("--out", required=True, type=Path, metavar="FILE")
    render.add_argument("--dpi", type=int, choices=(203, 300), default=203)
    render.set_defaults(run=_label_render)
    void = label_sub.add_parser(
        "void", help="void a parcel's label and issue its carton a new number (supervisor)"
    )
    void.add_argument("tracking", metavar="TRACKING")
    void.add_argument(
        "--badge",
        required=True,
        metavar="SUPERVISOR_BADGE",
        help="a supervisor's or admin's badge (PIN asked for, or $KENPIN_PIN)",
    )
    void.add_argument("--reason", default="", metavar="TEXT")
    void.add_argument(
        "--station",
        metavar="NAME",
        help="print the new label at this station's printer (else it waits for a reprint)",
    )
    void.set_defaults(run=_label_void)
    reprint = label_sub.add_parser(
        "reprint", help="print a parcel's label again at a station's printer (supervisor)"
    )
    reprint.add_argument("tracking", metavar="TRACKING")
    reprint.add_argument(
        "--badge",
        required=True,
        metavar="SUPERVISOR_BADGE",
        help="a supervisor's or admin's badge (PIN asked for, or $KENPIN_PIN)",
    )
    reprint.add_argument("--station", required=True, metavar="NAME")
    reprint.set_defaults(run=_label_reprint)
    add_mismatches_commands(sub)

    cli_audit.register(sub, _db)
    cli_waves.register(sub, _kenpin, _credentials)
    cli_dispatch.register(sub, _kenpin, _credentials)
    cli_notify.register(sub, _kenpin, _credentials)
    settings = sub.add_parser("settings", help="the shop settings shared by every station")
    settings_sub = settings.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    settings_sub.add_parser(
        "show", help="every shop setting, its value, and the ones this PC's environment overrides"
    ).set_defaults(run=_settings_show)
    set_one = settings_sub.add_parser("set", help="set one shop setting (checked by its rule)")
    set_one.add_argument("key", metavar="KEY", help="shop.name, shop.postal_code, ...")
    set_one.add_argument("value", metavar="VALUE", help='the value ("" clears a carrier code)')
    set_one.add_argument(
        "--badge",
        required=True,
        metavar="ADMIN_BADGE",
        help="an admin's badge (PIN asked for, or $KENPIN_PIN)",
    )
    set_one.set_defaults(run=_settings_set)

    replay = sub.add_parser(
        "replay", help="feed a recorded scan file through the station pipeline, no window"
    )
    replay.add_argument("file", type=Path, metavar="FILE")
    replay.add_argument("--station", required=True, metavar="NAME")
    _mode_option(replay)
    replay.add_argument("--printer", metavar="URI", default=None, help="the station's printer")
    replay.add_argument(
        "--resume",
        action="store_true",
        help="give each line an id made of the file, the station and the line number, so the "
        "file can be run again after a crash and each line applies once",
    )
    replay.set_defaults(run=_replay)

    station = sub.add_parser("station", help="open the station window")
    station.add_argument("--station", metavar="NAME", default=None)
    _mode_option(station)
    station.add_argument("--printer", metavar="URI", default=None, help="the station's printer")
    station.set_defaults(run=_station)

    printing = sub.add_parser("print", help="print station documents")
    print_sub = printing.add_subparsers(dest="print_command", metavar="WHAT", required=True)
    sheet = print_sub.add_parser(
        "command-sheet", help="the command codes as barcodes, one A4 page of PDF"
    )
    sheet.add_argument("--out", required=True, type=Path, metavar="FILE")
    sheet.add_argument("--station", metavar="NAME", default="", help="named in the heading")
    sheet.set_defaults(run=_print_command_sheet)
    pick = print_sub.add_parser("pick-list", help="pick list of a wave of allocated orders (PDF)")
    pick.add_argument("--limit", type=int, metavar="N", default=None, help="the N oldest orders")
    pick.add_argument(
        "--order",
        dest="orders",
        action="append",
        metavar="NUM",
        default=None,
        help="an order of the wave (repeat for more); default: every allocated order",
    )
    pick.add_argument(
        "--wave",
        metavar="W-…",
        default=None,
        help="a wave made by `kenpin wave create`: its barcode, and each order's cart slot",
    )
    pick.add_argument("--out", required=True, type=Path, metavar="FILE")
    pick.set_defaults(run=_print_pick_list)
    slip = print_sub.add_parser("packing-slip", help="an order's packing slip (納品書, PDF)")
    slip.add_argument("order", metavar="ORDER")
    slip.add_argument("--out", required=True, type=Path, metavar="FILE")
    slip.set_defaults(run=_print_packing_slip)
    card = print_sub.add_parser("message-card", help="a gift order's message card (PDF)")
    card.add_argument("order", metavar="ORDER")
    card.add_argument("--out", required=True, type=Path, metavar="FILE")
    card.set_defaults(run=_print_message_card)

    add_report_parser(sub, _report)

    demo = sub.add_parser("demo", help="create a demo database and open the station window")
    demo.add_argument(
        "--no-window", action="store_true", help="only build the demo database, open nothing"
    )
    demo.add_argument("--station", metavar="NAME", default="DEMO-1")
    demo.add_argument(
        "--printer",
        metavar="URI",
        default=None,
        help="the station's printer (default: a folder of label files beside the demo database)",
    )
    demo.set_defaults(run=_demo)
    return parser


def _mode_option(parser: argparse.ArgumentParser) -> None:
    default = next(iter(Mode))
    parser.add_argument(
        "--mode",
        choices=[mode.value for mode in Mode],
        default=default.value,
        help=f"what the station does (default {default.value})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `kenpin` command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.station = None
        args.printer = None
        args.mode = next(iter(Mode)).value
        args.run = _station
    try:
        _check_station_options(args)
        code: int = args.run(args)
        return code
    except KenpinError as exc:
        if args.debug:
            traceback.print_exc()
        return _told(exc)
    except Exception as exc:
        if args.debug:
            raise
        # A bug: its text may quote SQL, so only its kind is told without --debug.
        print(
            f"kenpin: unexpected error ({type(exc).__name__}); run again with --debug for details",
            file=sys.stderr,
        )
        return EXIT_REFUSED


def _told(exc: KenpinError) -> int:
    """Tell the user, in a sentence per problem, why the command did not do its work; the
    exit status."""
    if isinstance(exc, InputRejected) and len(exc.problems) > 1:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"kenpin: {len(exc.problems)} problems; nothing was changed", file=sys.stderr)
    elif isinstance(exc, InputRejected):
        print(f"kenpin: {exc.problems[0]}", file=sys.stderr)
    else:
        print(f"kenpin: {exc}", file=sys.stderr)
    return EXIT_REFUSED


def _check_station_options(args: argparse.Namespace) -> None:
    """Refuse a `--station` or `--printer` no station can have, before anything is opened."""
    from app.services.station.station import check_printer_uri, check_station_name

    if getattr(args, "station", None):
        check_station_name(args.station)
    if getattr(args, "printer", None):
        check_printer_uri(args.printer)


def _kenpin(args: argparse.Namespace, *, migrate: bool = True, station: bool = False) -> Kenpin:
    """Kenpin on the database `--db` names (else the settings'), schema up to date;
    `station` for the commands that scan (the window, replay)."""
    from app.bootstrap import bootstrap

    return bootstrap(database_url=args.db, migrate=migrate, station=station, debug=args.debug)


def _db(args: argparse.Namespace) -> Database:
    return _kenpin(args).db


def _db_upgrade(args: argparse.Namespace) -> int:
    from app.db.schema import current_revision, upgrade

    db = _kenpin(args, migrate=False).db
    changed = upgrade(db)
    rev = current_revision(db)
    print(f"schema upgraded to {rev}" if changed else f"schema already at {rev}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from app.services import intake

    db = _db(args)
    if args.what == "products":
        result = intake.import_products(db, args.file)
    elif args.what == "stock":
        result = intake.import_stock(db, args.file)
    elif args.what == "expected":
        result = intake.import_expected(db, args.file)
    else:
        result = intake.import_orders(
            db, args.file, fmt=args.format, default_carrier=args.default_carrier
        )
    print(result)
    return EXIT_OK


def _allocate(args: argparse.Namespace) -> int:
    from app.services.allocation import allocate

    print(allocate(_db(args)))
    return EXIT_OK


def _orders_list(args: argparse.Namespace) -> int:
    from app.db.orders import order_listing

    with _db(args).read() as session:
        orders = order_listing(session, args.status)
    if args.json:
        json.dump(orders, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    for order in orders:
        units = sum(line["qty"] for line in order["lines"])
        print(
            f"{order['number']:<16} {order['status']:<12} {order['carrier']:<10} "
            f"{len(order['lines'])} lines, {units} units"
        )
    return EXIT_OK


def _stock_check(args: argparse.Namespace) -> int:
    from app.services.stock import check_stock

    drifts = check_stock(_db(args))
    if not drifts:
        print("stock check: every balance matches its ledger")
        return EXIT_OK
    for drift in drifts:
        print(f"drift: {drift}", file=sys.stderr)
    print(f"stock check: {len(drifts)} drift(s) found", file=sys.stderr)
    return EXIT_REFUSED


def _stock_views(args: argparse.Namespace) -> StockViews:
    from app.services.stock_views import StockViews

    return StockViews(_db(args))


def _users_add(args: argparse.Namespace) -> int:
    from app.services.users import NewUser, add_user_as

    kenpin = _kenpin(args)
    by = _credentials(kenpin, args.as_badge) if args.as_badge else None
    add_user_as(kenpin.db, by, NewUser(args.name, args.role, args.badge, args.pin))
    # The badge is not printed: it is a credential.
    print(f"user {args.name.strip()} ({args.role}) added")
    return EXIT_OK


def _credentials(kenpin: Kenpin, badge: str) -> Credentials:
    """A supervisor's badge with its PIN: `KENPIN_PIN` for scripts, else asked for (not
    echoed) when a person is at the terminal; refused when neither gives one."""
    from app.core.errors import Refused
    from app.services.signin import Credentials

    pin = kenpin.settings.pin
    if pin is None and sys.stdin.isatty():
        import getpass

        pin = getpass.getpass("PIN: ").strip() or None
    if pin is None:
        raise Refused("PIN: needed with --badge / --as (typed when asked, or KENPIN_PIN)")
    return Credentials(badge, pin)


def _carriers_add_range(args: argparse.Namespace) -> int:
    from app.services.carriers import add_range

    print(add_range(_db(args), args.carrier, args.first, args.last))
    return EXIT_OK


def _carriers_import(args: argparse.Namespace) -> int:
    from app.services.carriers import import_carrier_numbers

    print(import_carrier_numbers(_db(args), args.file))
    return EXIT_OK


#: `kenpin scanner`'s number options: option, setting, help.
_SCANNER_OPTIONS = (
    ("--gap-ms", "key_gap_ms", "longest pause between two keys of a scan, in ms"),
    ("--min-length", "min_length", "fewest characters of a scan"),
)
_SCANNER_NAMES = {
    "key_gap_ms": "--gap-ms",
    "min_length": "--min-length",
    "terminator": "--terminator",
    "gs1_standin": "--gs1-standin",
}


def _scanner(args: argparse.Namespace) -> int:
    from app.scanning.settings import rules_from_text
    from app.services.station.station import check_station_name

    check_station_name(args.station)
    given = {name: value for name in _SCANNER_NAMES if (value := getattr(args, name)) is not None}
    rules = rules_from_text(given, _SCANNER_NAMES)
    kenpin = _kenpin(args)
    try:
        setup = kenpin.scanner_setup()
        if given:
            setup.save(args.station, rules)
        for name, (value, source) in setup.sources(args.station).items():
            shown = repr(value) if name == "gs1_standin" else str(value)
            print(f"{_SCANNER_NAMES[name].removeprefix('--')}: {shown} ({source})")
    finally:
        kenpin.db.dispose()
    return EXIT_OK


def _label_render(args: argparse.Namespace) -> int:
    from app.services.labels import LabelStyle, write_order_label

    kenpin = _kenpin(args)
    style = LabelStyle(args.format, args.dpi, kenpin.shop_settings().sender())
    print(write_order_label(kenpin.db, args.order, args.out, style))
    return EXIT_OK


def _label_void(args: argparse.Namespace) -> int:
    from app.services.relabel import PrintingAt, void_label

    kenpin = _kenpin(args)
    by = _credentials(kenpin, args.badge)
    at = PrintingAt(args.station, "cli: label void") if args.station else None
    voided = void_label(kenpin.db, args.tracking, by, args.reason, at)
    print(voided.message, flush=True)
    return _print_relabelled(kenpin, voided.job_id) if args.station else EXIT_OK


def _label_reprint(args: argparse.Namespace) -> int:
    from app.services.relabel import PrintingAt, reprint_label

    kenpin = _kenpin(args)
    by = _credentials(kenpin, args.badge)
    at = PrintingAt(args.station, "cli: label reprint")
    reprinted = reprint_label(kenpin.db, args.tracking, by, at)
    print(reprinted.message, flush=True)
    return _print_relabelled(kenpin, reprinted.job_id)


def _print_relabelled(kenpin: Kenpin, job: int) -> int:
    """Print a supervisor's label job now; its printer's refusal is told (the void or reprint
    itself stands, and the job waits for a reprint)."""
    try:
        kenpin.print_label(job)
    except EnvironmentFailure as exc:
        print(f"kenpin: label not printed: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    print("label printed")
    return EXIT_OK


def _settings_show(args: argparse.Namespace) -> int:
    from app.core.shop import sender_missing

    kenpin = _kenpin(args)
    try:
        listing = kenpin.shop_settings().listing()
    finally:
        kenpin.db.dispose()
    width = max(len(shown.key) for shown in listing)
    for shown in listing:
        line = f"{shown.key:<{width}}  {shown.in_force or '(not set)'}"
        if shown.override is not None:
            line += (
                f"  [{shown.override.variable} on this PC overrides the stored value "
                f"{shown.stored or '(not set)'}; deprecated]"
            )
        print(line)
    missing = sender_missing({shown.key: shown.in_force for shown in listing})
    if missing:
        print(f"labels are not issued until the sender is set: {', '.join(missing)}")
    return EXIT_OK


def _settings_set(args: argparse.Namespace) -> int:
    from app.core.shop import check_setting

    # A value that breaks its rule is refused before the PIN is asked for.
    check_setting(args.key, args.value)
    kenpin = _kenpin(args)
    try:
        by = _credentials(kenpin, args.badge)
        changed = kenpin.shop_settings().change(
            {args.key: args.value}, by, place="cli: settings set"
        )
        print(changed[0])
    finally:
        kenpin.db.dispose()
    return EXIT_OK


def _replay(args: argparse.Namespace) -> int:
    from app.scanning.replay import read_scan_file
    from app.services.station.outcome import unrecorded_json
    from app.services.station.station import database_clock

    kenpin = _kenpin(args, station=True)
    try:
        # The whole file is checked before the first scan, and each code read as the
        # station's scanners read theirs.
        scans = read_scan_file(
            args.file,
            kenpin.wedge_settings(args.station).codes,
            resume=args.resume,
            now=database_clock(kenpin.db),
        )
        station = kenpin.station(args.station, Mode(args.mode), printer=args.printer)
        for recorded in scans:
            # A line whose id is recorded is answered from its record, not applied again.
            scan_id = recorded.scan_id(station.station)
            try:
                outcome = station.scan(
                    recorded.scan,
                    scan_id=scan_id,
                    at=recorded.at,
                    pin=recorded.pin,
                    note=recorded.note,
                )
            except DatabaseUnavailable:
                # Nothing was recorded: the scan's line says so, and the replay stops there.
                print(json.dumps(unrecorded_json(recorded.scan), ensure_ascii=False), flush=True)
                raise
            print(json.dumps(outcome.as_json(), ensure_ascii=False), flush=True)
            if outcome.print_job is not None and args.printer:
                _print_replayed(kenpin, outcome.print_job, outcome.seq)
        # Held while it ran (no other process acts as the station meanwhile); a replay that
        # stopped half-way leaves a hold that lapses by itself.
        station.release()
    finally:
        kenpin.db.dispose()
    return EXIT_OK


def _print_replayed(kenpin: Kenpin, job: int, seq: int) -> None:
    """The scan is committed; its label prints now, as the window prints it. The JSON line
    has no print field, so a label that did not print is told on stderr."""
    try:
        kenpin.print_label(job)
    except EnvironmentFailure as exc:
        print(f"seq {seq}: label not printed: {exc}", file=sys.stderr, flush=True)


def _station(args: argparse.Namespace) -> int:
    from app.ui.app import run_station

    mode = Mode(args.mode)
    kenpin = _kenpin(args, station=True)
    # Taken before any window opens: a station another running process holds is refused in
    # one sentence, not answered with a window whose every scan fails.
    kenpin.station(args.station, mode, printer=args.printer)
    return run_station(kenpin, station=args.station, printer=args.printer, mode=mode)


def _print_command_sheet(args: argparse.Namespace) -> int:
    from app.labels.command_sheet import write_command_sheet

    write_command_sheet(args.out, station=args.station)
    print(f"command sheet written to {args.out}")
    return EXIT_OK


def _print_pick_list(args: argparse.Namespace) -> int:
    from app.core.errors import Refused
    from app.services.documents import pick_list_pdf

    if args.wave is not None:
        from app.services.waves import wave_pick_list_pdf

        if args.limit is not None or args.orders:
            raise Refused("--wave: the wave's orders are the list; leave out --limit and --order")
        print(wave_pick_list_pdf(_db(args), args.wave, args.out))
        return EXIT_OK
    print(pick_list_pdf(_db(args), args.out, limit=args.limit, orders=args.orders))
    return EXIT_OK


def _print_packing_slip(args: argparse.Namespace) -> int:
    from app.services.documents import packing_slip_pdf

    kenpin = _kenpin(args)
    print(packing_slip_pdf(kenpin.db, args.order, args.out, kenpin.settings.shop_overrides))
    return EXIT_OK


def _print_message_card(args: argparse.Namespace) -> int:
    from app.services.documents import message_card_pdf

    print(message_card_pdf(_db(args), args.order, args.out))
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    print(write_report(_db(args), args))
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from app.bootstrap import bootstrap
    from app.services.demo import build_demo, demo_printer, demo_url

    kenpin = bootstrap(database_url=args.db or demo_url(), station=not args.no_window)
    print(build_demo(kenpin.db))
    printer = args.printer or demo_printer(kenpin.db)
    print(f"labels print to {printer}")
    if args.no_window:
        return EXIT_OK
    from app.ui.app import run_station

    return run_station(kenpin, station=args.station, printer=printer)


if __name__ == "__main__":
    sys.exit(main())
