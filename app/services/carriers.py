"""Carriers' tracking numbers: registering blocks, and attaching the carrier's own numbers.

`kenpin carriers add-range` (and the admin page, with an admin's badge and
PIN, audited: `add_range_as`) registers a block of numbers the carrier handed
out; the pack station issues from those blocks (`app.db.tracking.issue_number`).
Shops that print labels in the carrier's own software instead attach those
numbers to orders, one at a time (`attach_carrier_number`) or from a CSV file
`order_number,tracking` or B2クラウド's issued-data export (`import_carrier_numbers`):
all or nothing, every bad row reported as `FILE:LINE: column: problem`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.audit import Action
from app.core.carriers import CarrierCode, parse_carrier, unknown_carrier
from app.core.codes import code_problem, gtin_forms
from app.core.errors import Refused
from app.core.intake.rows import CellReader, Row, cell_reader
from app.core.orders import OrderStatus
from app.core.roles import Role
from app.core.scans import ScanKind
from app.core.tracking import (
    ParcelSource,
    Rules,
    TrackingNumber,
    block_issues,
    body_problem,
    normalise,
    parse_tracking,
    with_check_digit,
)
from app.db import tracking as store
from app.db.audit import record
from app.db.codes import code_owners, codes_of_length
from app.db.database import Database
from app.services.b2_issued import numbers_file, orders_named
from app.services.intake.common import refuse_if_any
from app.services.intake.csvfile import file_name, parse_csv, read_bytes
from app.services.signin import Credentials, signed_in
from app.services.users import Where

#: Orders that take no more parcels.
_CLOSED = frozenset({OrderStatus.CANCELLED, OrderStatus.SHIPPED})


def carrier_code(text: str) -> CarrierCode:
    """The carrier a code names; refused with the known codes otherwise."""
    code = parse_carrier(text)
    if code is None:
        raise Refused(f"carrier: {unknown_carrier(text)}")
    return code


def add_range(db: Database, carrier: str, first: str, last: str, rules: Rules | None = None) -> str:
    """Register the block FIRST..LAST (numbers without check digit); the summary to print.

    Refused when a number is malformed for the carrier, FIRST is after LAST,
    or the block shares a number with one already registered for the carrier.
    """
    block = _checked_range(carrier, first, last, rules)
    with db.write() as session:
        return _stored(session, block, rules, None, "cli: carriers add-range")


def add_range_as(
    db: Database, by: Credentials, block: BlockWanted, where: Where, rules: Rules | None = None
) -> str:
    """`add_range` on the word of an admin (badge and PIN `by`), written to the audit trail."""
    checked = _checked_range(block.carrier, block.first, block.last, rules)
    admin = signed_in(db, by, place=where.place, roles={Role.ADMIN}).user_id
    with db.write() as session:
        return _stored(session, checked, rules, admin, where.station)


def _stored(
    session: Session, block: _Range, rules: Rules | None, admin: int | None, station: str
) -> str:
    """Store the block, write it to the audit trail (by `admin`, if one signed); the summary."""
    left = _store_range(session, block)
    said = _range_said(block, left, rules)
    record(session, Action.TRACKING_ADD_RANGE, user_id=admin, station=station, detail=said)
    return said


@dataclass(frozen=True, slots=True)
class BlockWanted:
    """A block of tracking numbers to register, as typed: carrier, first and last."""

    carrier: str
    first: str
    last: str


@dataclass(frozen=True, slots=True)
class _Range:
    carrier: CarrierCode
    first: str
    last: str

    @property
    def bounds(self) -> tuple[int, int, int]:
        """First and last body as numbers, and their digits."""
        return int(self.first), int(self.last), len(self.first)


def _checked_range(carrier: str, first: str, last: str, rules: Rules | None) -> _Range:
    code = carrier_code(carrier)
    first_body, last_body = normalise(first), normalise(last)
    for name, body in (("FIRST", first_body), ("LAST", last_body)):
        problem = body_problem(code, body, rules)
        if problem:
            raise Refused(f"{name}: {problem}")
    if len(first_body) != len(last_body):
        raise Refused(f"FIRST and LAST have different lengths: {first_body!r}, {last_body!r}")
    if int(first_body) > int(last_body):
        raise Refused(f"FIRST {first_body} is after LAST {last_body}")
    return _Range(code, first_body, last_body)


def _store_range(session: Session, block: _Range) -> int:
    """Register the block unless it overlaps one or would issue another kind's code; how
    many numbers the carrier has left after it."""
    low, high, digits = block.bounds
    store.lock_blocks(session)
    clash = store.overlapping_block(session, low, high, digits)
    if clash is not None:
        raise Refused(
            f"{block.carrier} {block.first}..{block.last} overlaps the {clash.carrier} block "
            f"{clash.first}..{clash.last} registered on {clash.created_at:%Y-%m-%d}; "
            "nothing was added"
        )
    _refuse_codes_in_block(session, block.carrier, block.bounds)
    store.add_block(session, block.carrier, low, high, digits)
    return store.numbers_left(session, block.carrier)


def _range_said(block: _Range, left: int, rules: Rules | None) -> str:
    low, high, _digits = block.bounds
    count = high - low + 1
    first_number = with_check_digit(block.carrier, block.first, rules).formatted
    last_number = with_check_digit(block.carrier, block.last, rules).formatted
    return (
        f"{block.carrier}: {count:,} tracking number{'s' if count != 1 else ''} added "
        f"({first_number} to {last_number}); {left:,} left in all"
    )


def tracking_blocks(db: Database) -> list[store.Block]:
    """Every carrier's blocks, carrier by carrier, oldest first, with the numbers left."""
    with db.read() as session:
        return [block for code in CarrierCode for block in store.blocks(session, code)]


def _refuse_codes_in_block(
    session: Session, carrier: CarrierCode, bodies: tuple[int, int, int]
) -> None:
    """Refuse a block that would issue a code another kind holds (its label would scan as that)."""
    first, last, digits = bodies
    lengths = {digits, digits + 1, 13, 14}
    for code in sorted(codes_of_length(session, lengths)):
        number = next((f for f in gtin_forms(code) if block_issues(f, carrier, bodies)), None)
        if number is not None:
            owner = code_owners(session, [code])[code][0]
            raise Refused(
                f"{carrier} {first:0{digits}d}..{last:0{digits}d} would issue {number}, which is "
                f"already {owner.name}; nothing was added"
            )


def attach_carrier_number(
    db: Database, order_number: str, carrier_number: str, rules: Rules | None = None
) -> TrackingNumber:
    """Attach a number the carrier's own system issued to the order, as its next parcel.

    The number is checked by the rule of the order's carrier. Attaching a
    number the order already has changes nothing; one on another order is refused.
    """
    with db.write() as session:
        order = store.order_by_number(session, order_number.strip())
        if order is None:
            raise Refused(f"order {order_number.strip()!r}: no such order")
        problem = _order_problem(order)
        if problem:
            raise Refused(f"order {order.number}: {problem}")
        try:
            number = parse_tracking(_carrier_of(order), carrier_number, rules)
        except ValueError as exc:
            raise Refused(f"order {order.number}: {exc}") from None
        on = store.parcel_orders(session, {number.digits}).get(number.digits)
        if on is not None and on != order.number:
            raise Refused(f"{number.formatted} is already the tracking number of order {on}")
        problem = _tracking_problems(session, [number]).get(number.digits)
        if problem:
            raise Refused(f"order {order.number}: tracking: {problem}")
        if on is None:
            carton = store.next_carton_no(session, order.id)
            store.add_parcel(session, order, carton, number, source=ParcelSource.CARRIER)
    return number


@dataclass(frozen=True, slots=True)
class CarrierImport:
    """What an import of carrier numbers did; `str()` is the summary to print."""

    file: str
    attached: int
    unchanged: int

    def __str__(self) -> str:
        plural = "" if self.attached == 1 else "s"
        return (
            f"{self.file}: {self.attached:,} tracking number{plural} attached, "
            f"{self.unchanged:,} already attached"
        )


def import_carrier_numbers(
    db: Database, path: Path | str, rules: Rules | None = None
) -> CarrierImport:
    """Attach the carrier's numbers of a CSV file `order_number,tracking`, or of B2クラウド's
    issued data (header starting お客様管理番号; its 伝票番号 by お客様管理番号); all or nothing.

    Several rows of one order attach several parcels (cartons); a row whose
    number the order already has is counted as already attached.
    """
    given = numbers_file(read_bytes(path))
    csv = parse_csv(file_name(path), given.data, given.columns)
    problems = list(csv.problems)
    reader = cell_reader(csv.sheet, given.columns, problems)
    if reader is None:  # no row can be read without both columns
        refuse_if_any(problems, csv.sheet.header)
        return CarrierImport(csv.sheet.file, 0, 0)
    with db.write() as session:
        orders = orders_named(session, given, {row.get(given.columns[0]) for row in csv.sheet.rows})
        how = _Reading(*given.columns, CarrierCode.YAMATO if given.from_b2 else None, rules)
        wanted = _read_rows(csv.sheet.rows, orders, reader, how)
        on = store.parcel_orders(session, {number.digits for _order, number, _line in wanted})
        kinds = _tracking_problems(session, [number for _order, number, _line in wanted])
        tracking = given.columns[1]
        for order, number, line in wanted:
            other = on.get(number.digits)
            if other is not None and other != order.number:
                message = f"{number.formatted} is already the tracking number of order {other}"
                reader.complain(line, tracking, message)
            elif number.digits in kinds:
                reader.complain(line, tracking, kinds[number.digits])
        refuse_if_any(problems, csv.sheet.header)
        attached = 0
        for order, number, _line in wanted:
            if number.digits not in on:
                carton = store.next_carton_no(session, order.id)
                store.add_parcel(session, order, carton, number, source=ParcelSource.CARRIER)
                attached += 1
    return CarrierImport(csv.sheet.file, attached, len(wanted) - attached)


@dataclass(frozen=True, slots=True)
class _Reading:
    """How a carrier-number file is read: its order and tracking columns, the carrier its
    numbers are (B2's are Yamato's; None: each order's own carrier), the tracking rules."""

    order_column: str
    tracking: str
    carrier: CarrierCode | None
    rules: Rules | None


def _read_rows(
    rows: list[Row],
    orders: dict[str, store.OrderForLabel],
    reader: CellReader,
    how: _Reading,
) -> list[tuple[store.OrderForLabel, TrackingNumber, int]]:
    """(order, number, line) of each good row; a problem for each bad one."""
    order_column, tracking = how.order_column, how.tracking
    wanted = []
    first_line: dict[str, int] = {}
    for row in rows:
        order_number, text = row.get(order_column), row.get(tracking)
        order = orders.get(order_number)
        if not order_number:
            reader.complain(row, order_column, "empty (a value is required)")
        elif order is None:
            reader.complain(row, order_column, f"{order_number!r}: no such order")
        elif problem := _order_problem(order):
            reader.complain(row, order_column, f"{order_number}: {problem}")
            order = None
        if not text:
            reader.complain(row, tracking, "empty (a value is required)")
        if order is None or not text:
            continue
        try:
            number = parse_tracking(how.carrier or _carrier_of(order), text, how.rules)
        except ValueError as exc:
            reader.complain(row, tracking, str(exc))
            continue
        line = first_line.setdefault(number.digits, row.line)
        if line != row.line:
            reader.complain(row, tracking, f"{number.formatted} is also on line {line}")
            continue
        wanted.append((order, number, row.line))
    return wanted


def _tracking_problems(session: Session, numbers: list[TrackingNumber]) -> dict[str, str]:
    """Number -> why a scan of its label would not read as a label (another kind holds it)."""
    owners = code_owners(session, {number.digits for number in numbers})
    found = {}
    for number in numbers:
        problem = code_problem(number.digits, ScanKind.LABEL, owners)
        if problem:
            found[number.digits] = problem
    return found


def _carrier_of(order: store.OrderForLabel) -> CarrierCode:
    return parse_carrier(order.carrier) or CarrierCode.GENERIC


def _order_problem(order: store.OrderForLabel) -> str | None:
    if order.status in _CLOSED:
        return f"the order is {order.status}; it takes no parcels"
    return None
