"""Registering tracking-number blocks, issuing from them, and attaching carriers' own numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.core.carriers import CarrierCode
from app.core.errors import InputRejected, Refused
from app.core.statuses import ParcelStatus
from app.core.tracking import (
    NO_CHECK,
    RULES,
    OutOfTrackingNumbers,
    ParcelSource,
    TrackingRule,
    is_valid,
)
from app.db.database import Database
from app.db.models import Order
from app.db.shipping_models import Parcel, TrackingBlock
from app.db.tracking import issue_number, numbers_left
from app.services.carriers import add_range, attach_carrier_number, import_carrier_numbers
from tests.stockdata import add_order

YAMATO, SAGAWA = CarrierCode.YAMATO, CarrierCode.SAGAWA


def issue(db: Database, carrier: CarrierCode, count: int) -> list[str]:
    """`count` numbers, each issued in its own transaction as a pack completion would."""
    numbers = []
    for _ in range(count):
        with db.write() as s:
            numbers.append(issue_number(s, carrier).digits)
    return numbers


def block_count(db: Database) -> int:
    with db.read() as s:
        return len(s.scalars(select(TrackingBlock)).all())


def test_a_registered_block_is_summarised_with_its_numbers(db: Database) -> None:
    summary = add_range(db, "yamato", "1234-5678-900", "12345679099")
    assert summary == (
        "yamato: 200 tracking numbers added (1234-5678-9002 to 1234-5679-0995); 200 left in all"
    )
    with db.read() as s:
        assert numbers_left(s, YAMATO) == 200
        assert numbers_left(s, SAGAWA) == 0


@pytest.mark.parametrize(
    ("carrier", "first", "last", "message"),
    [
        (
            "fedex",
            "10000000000",
            "10000000099",
            'carrier: "fedex" is not a carrier code (yamato, sagawa, japanpost, generic)',
        ),
        ("yamato", "100000000000", "100000000099", "FIRST: '100000000000' has 12 digits"),
        ("yamato", "10000000000", "1000000009X", "LAST: '1000000009X' is not a number"),
        ("sagawa", "10000000099", "10000000000", "FIRST 10000000099 is after LAST 10000000000"),
        ("generic", "0001", "00099", "FIRST and LAST have different lengths"),
    ],
)
def test_a_bad_block_is_refused_with_what_is_wrong(
    db: Database, carrier: str, first: str, last: str, message: str
) -> None:
    with pytest.raises(Refused, match=re.escape(message)):
        add_range(db, carrier, first, last)
    assert block_count(db) == 0


def test_a_block_overlapping_another_is_refused_whatever_its_carrier(db: Database) -> None:
    add_range(db, "yamato", "10000000100", "10000000199")
    overlaps = r"overlaps the yamato block 10000000100\.\.10000000199"
    for first, last in [("10000000150", "10000000250"), ("10000000000", "10000000100")]:
        with pytest.raises(Refused, match=overlaps):
            add_range(db, "yamato", first, last)
    # The same numbers at another carrier would print the same tracking number twice.
    with pytest.raises(Refused, match=overlaps):
        add_range(db, "sagawa", "10000000100", "10000000199")
    # Next to it is fine.
    add_range(db, "yamato", "10000000200", "10000000299")
    add_range(db, "sagawa", "10000000300", "10000000399")
    assert block_count(db) == 3


def test_numbers_come_from_the_oldest_block_first_then_the_next(db: Database) -> None:
    add_range(db, "yamato", "50000000000", "50000000002")
    add_range(db, "yamato", "10000000007", "10000000008")  # registered later, lower numbers
    numbers = issue(db, YAMATO, 5)
    assert [n[:-1] for n in numbers] == [
        "50000000000",
        "50000000001",
        "50000000002",
        "10000000007",
        "10000000008",
    ]
    assert all(is_valid(YAMATO, n) for n in numbers)
    assert numbers[3] == "100000000074"


def test_a_number_is_used_only_when_its_transaction_commits(db: Database) -> None:
    add_range(db, "sagawa", "20000000000", "20000000009")
    with pytest.raises(RuntimeError), db.write() as s:
        issue_number(s, SAGAWA)
        raise RuntimeError("the pack did not complete")
    assert issue(db, SAGAWA, 1) == ["200000000001"]


def test_running_out_is_refused_and_numbers_left_warns_before(db: Database) -> None:
    add_range(db, "yamato", "30000000000", "30000000001")
    issue(db, YAMATO, 1)
    with db.read() as s:
        assert numbers_left(s, YAMATO) == 1
    issue(db, YAMATO, 1)
    with db.read() as s:
        assert numbers_left(s, YAMATO) == 0
    with pytest.raises(OutOfTrackingNumbers, match="kenpin carriers add-range yamato"):
        issue(db, YAMATO, 1)
    with pytest.raises(OutOfTrackingNumbers, match="no sagawa tracking numbers left"):
        issue(db, SAGAWA, 1)
    add_range(db, "yamato", "30000000002", "30000000002")
    assert [n[:-1] for n in issue(db, YAMATO, 1)] == ["30000000002"]


def test_generic_blocks_keep_leading_zeros(db: Database) -> None:
    add_range(db, "generic", "000998", "001000")
    assert issue(db, CarrierCode.GENERIC, 3) == ["000998", "000999", "001000"]


def parcels(db: Database) -> list[tuple[str, int, str, str]]:
    """(order, carton, tracking number, status) of each parcel under a carrier's own number."""
    with db.read() as s:
        rows = s.execute(
            select(Order.number, Parcel.carton_no, Parcel.tracking_number, Parcel.status)
            .join(Order, Order.id == Parcel.order_id)
            .where(Parcel.source == ParcelSource.CARRIER)
            .order_by(Parcel.id)
        )
        return [(order, carton, number, status) for order, carton, number, status in rows]


def test_a_carriers_own_number_is_attached_as_the_orders_next_parcel(db: Database) -> None:
    with db.write() as s:
        add_order(s, "#1001", [])
    assert attach_carrier_number(db, "#1001", "1234-5678-9013").formatted == "1234-5678-9013"
    attach_carrier_number(db, "#1001", "200961185434")
    attach_carrier_number(db, "#1001", "200961185434")  # again: nothing changes
    assert parcels(db) == [
        ("#1001", 1, "123456789013", ParcelStatus.LABELLED),
        ("#1001", 2, "200961185434", ParcelStatus.LABELLED),
    ]


def test_attaching_a_bad_number_is_refused_and_changes_nothing(db: Database) -> None:
    with db.write() as s:
        add_order(s, "#1001", [])
        add_order(s, "#1002", [])
        add_order(s, "#1003", [], status="cancelled")
        s.execute(update(Order).where(Order.number == "#1002").values(carrier="sagawa"))
    attach_carrier_number(db, "#1002", "123456789013")
    with pytest.raises(Refused, match="check digit should be 3"):
        attach_carrier_number(db, "#1001", "123456789012")
    with pytest.raises(Refused, match="already the tracking number of order #1002"):
        attach_carrier_number(db, "#1001", "123456789013")
    with pytest.raises(Refused, match="'#9999': no such order"):
        attach_carrier_number(db, "#9999", "123456789013")
    with pytest.raises(Refused, match="order #1003: the order is cancelled"):
        attach_carrier_number(db, "#1003", "200961185434")
    assert parcels(db) == [("#1002", 1, "123456789013", ParcelStatus.LABELLED)]


def test_a_file_of_carrier_numbers_is_attached(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        add_order(s, "#1001", [])
        add_order(s, "#1002", [])
    path = tmp_path / "numbers.csv"
    path.write_text(
        "tracking,order_number,note\n"
        "1234-5678-9013,#1001,x\n"
        "200961185434,#1001,\n"
        "400000000013,#1002,\n",
        encoding="utf-8",
    )
    assert str(import_carrier_numbers(db, path)) == (
        "numbers.csv: 3 tracking numbers attached, 0 already attached"
    )
    assert str(import_carrier_numbers(db, path)) == (
        "numbers.csv: 0 tracking numbers attached, 3 already attached"
    )
    assert [(order, carton) for order, carton, *_ in parcels(db)] == [
        ("#1001", 1),
        ("#1001", 2),
        ("#1002", 1),
    ]


def test_a_file_with_bad_rows_is_refused_whole_with_every_problem(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as s:
        add_order(s, "#1001", [])
        add_order(s, "#1002", [])
        add_order(s, "#1003", [], status="cancelled")
    attach_carrier_number(db, "#1002", "400000000013")
    path = tmp_path / "numbers.csv"
    path.write_text(
        "order_number,tracking\n"
        "#1001,123456789013\n"  # good, but the file is refused as a whole
        "#1001,123456789012\n"
        "#9999,200961185434\n"
        "#1001,1234-5678-9013\n"
        "#1001,400000000013\n"
        "#1003,111111111112\n"
        ",\n"
        "#1001\n",
        encoding="utf-8",
    )
    with pytest.raises(InputRejected) as refused:
        import_carrier_numbers(db, path)
    assert [str(p) for p in refused.value.problems] == [
        "numbers.csv:3: tracking: '123456789012' is not a yamato tracking number: "
        "its check digit should be 3 (12 digits, the last = the first 11 mod 7)",
        "numbers.csv:4: order_number: '#9999': no such order",
        "numbers.csv:5: tracking: 1234-5678-9013 is also on line 2",
        "numbers.csv:6: tracking: 4000-0000-0013 is already the tracking number of order #1002",
        "numbers.csv:7: order_number: #1003: the order is cancelled; it takes no parcels",
        "numbers.csv:9: has 1 fields, the header has 2",
    ]
    assert parcels(db) == [("#1002", 1, "400000000013", ParcelStatus.LABELLED)]


def test_a_file_without_the_tracking_column_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("order_number,number\n#1001,123456789013\n", encoding="utf-8")
    with pytest.raises(
        InputRejected, match=r"numbers\.csv:1: tracking: required column is missing"
    ):
        import_carrier_numbers(db, path)


def test_a_carrier_configured_without_check_digit_issues_its_numbers_as_registered(
    db: Database,
) -> None:
    rules = {**RULES, CarrierCode.JAPANPOST: TrackingRule(12, NO_CHECK, certain=False)}
    with pytest.raises(Refused, match="has 12 digits; a japanpost number has 11"):
        add_range(db, "japanpost", "123456789010", "123456789019")
    add_range(db, "japanpost", "123456789010", "123456789019", rules)
    with db.write() as s:
        assert issue_number(s, CarrierCode.JAPANPOST, rules).formatted == "1234-5678-9010"
