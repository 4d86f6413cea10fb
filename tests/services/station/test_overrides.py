"""Supervisor overrides at the bench, through the station use case: the error lock-out,
short ship (with its backorder allocated and packed like any order), take-over of an order
another station holds, a new code registered on the spot. A packer can never do one."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.cli import main
from app.core.scans import Note, Reason, VerdictKind
from app.db import stock
from app.db.database import Database
from app.db.models import AuditEntry, Barcode, Order, OrderLine, StockBalance
from app.services.allocation import allocate
from app.services.station.outcome import ScanOutcome
from app.services.station.pack import PackStation
from app.services.users import add_user
from tests.stationdata import (
    AT,
    CUP,
    HANAKO,
    SOAP,
    SUPERVISOR_PIN,
    TARO,
    TEA,
    later,
    mismatches,
    parcels_of,
    sent,
    stock_bench,
    tracking_block,
)

SATO = "BADGE-S1"


@pytest.fixture
def bench(db: Database) -> Database:
    stock_bench(db)
    tracking_block(db)
    add_user(db, "佐藤 健", "supervisor", SATO, SUPERVISOR_PIN)
    return db


class Bench:
    """One station, its scans numbered in time."""

    def __init__(self, db: Database, name: str = "S1") -> None:
        self.station: PackStation = Kenpin(db).pack_station(name)
        self.n = 0

    def __call__(self, code: str, pin: str | None = None, note: str | None = None) -> ScanOutcome:
        self.n += 1
        return self.station.scan(sent(code), at=later(self.n), pin=pin, note=note)


def audit_actions(db: Database) -> list[tuple[str, dict[str, object]]]:
    with db.read() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.detail).order_by(AuditEntry.id))
        return [
            (action, json.loads(detail) if detail else {})
            for action, detail in rows
            if action.startswith("override")
        ]


def lines_of(db: Database, number: str) -> list[tuple[int, int, int, int]]:
    """(qty, allocated, packed, short) of each line of the order."""
    with db.read() as s:
        return [
            tuple(row)  # type: ignore[misc]
            for row in s.execute(
                select(OrderLine.qty, OrderLine.allocated, OrderLine.packed, OrderLine.short)
                .join(Order, Order.id == OrderLine.order_id)
                .where(Order.number == number)
                .order_by(OrderLine.line_no)
            )
        ]


def status_of(db: Database, number: str) -> str | None:
    with db.read() as s:
        return s.scalar(select(Order.status).where(Order.number == number))


def test_three_wrong_products_lock_the_station_until_a_supervisor_signs_in(
    bench: Database,
) -> None:
    scan = Bench(bench)
    scan(HANAKO)
    scan("#1001")
    for _ in range(3):
        assert scan(SOAP).reason is Reason.NOT_ON_ORDER
    locked = scan(TEA)
    assert (locked.verdict, locked.reason) == (VerdictKind.REJECTED, Reason.SUPERVISOR_REQUIRED)
    assert scan("KCMD:LOGOUT").reason is Reason.SUPERVISOR_REQUIRED
    # The packer's own badge, or another packer's, does not lift it.
    assert scan(HANAKO).reason is Reason.NOT_AUTHORISED
    assert scan(TARO).reason is Reason.NOT_AUTHORISED
    assert scan(SATO).note is Note.PIN_NEEDED
    assert scan(SATO, pin="0000").reason is Reason.WRONG_PIN
    lifted = scan(SATO, pin=SUPERVISOR_PIN)
    assert lifted.note is Note.LOCK_LIFTED
    assert lifted.view is not None and lifted.view.user is not None
    assert lifted.view.user.name == "Hanako"  # the packer carries on
    counted = scan(TEA)
    assert counted.verdict is VerdictKind.ACCEPTED and counted.scanned == 1
    # The streak starts again: two wrong scans do not lock.
    scan(SOAP)
    scan(SOAP)
    assert scan(TEA).verdict is VerdictKind.ACCEPTED
    [(action, detail)] = audit_actions(bench)
    assert action == "override.lockout"
    assert detail["packer"] == "Hanako" and detail["supervisor"] == "佐藤 健"
    assert detail["order"] == "#1001"
    reasons = [reason for _s, reason, _c, _o in mismatches(bench)]
    assert reasons.count("supervisor_required") == 2
    assert reasons.count("not_authorised") == 2


def test_a_right_scan_between_wrong_ones_starts_the_count_again(bench: Database) -> None:
    scan = Bench(bench)
    scan(HANAKO)
    scan("#1001")
    scan(SOAP)
    scan(SOAP)
    assert scan(TEA).verdict is VerdictKind.ACCEPTED
    scan(SOAP)
    scan(SOAP)
    assert scan(TEA).verdict is VerdictKind.ACCEPTED


def test_the_lockout_is_a_station_setting(bench: Database) -> None:
    with bench.write() as s:
        from app.db.models import Station

        s.add(Station(name="S9", settings=json.dumps({"lockout": {"after": 0}})))
    scan = Bench(bench, "S9")
    scan(HANAKO)
    scan("#1001")
    for _ in range(5):
        assert scan(SOAP).reason is Reason.NOT_ON_ORDER
    assert scan(TEA).verdict is VerdictKind.ACCEPTED


def test_short_ship_completes_the_pack_and_backorders_the_missing_units(
    bench: Database,
) -> None:
    scan = Bench(bench)
    scan(HANAKO)
    scan("#1001")  # 2 tea, 3 cups
    scan(TEA)
    scan(TEA)
    scan(CUP)
    asked = scan("KCMD:SHORT")
    assert asked.note is Note.SUPERVISOR_ASKED
    assert scan(TARO).reason is Reason.NOT_AUTHORISED
    assert scan("KCMD:REASON:DAMAGED").reason is Reason.OVERRIDE_PENDING
    assert scan(SATO, pin=SUPERVISOR_PIN).note is Note.OVERRIDE_APPROVED
    assert scan(CUP).reason is Reason.OVERRIDE_PENDING  # a reason is awaited
    shipped = scan("KCMD:REASON:DAMAGED", note="two cups broken in the bin")
    assert shipped.verdict is VerdictKind.ACCEPTED and shipped.note is Note.SHIPPED_SHORT
    assert status_of(bench, "#1001") == "labelled"
    assert lines_of(bench, "#1001") == [(2, 2, 2, 0), (3, 1, 1, 2)]
    assert status_of(bench, "#1001-B1") == "new"
    assert lines_of(bench, "#1001-B1") == [(2, 0, 0, 0)]
    with bench.read() as s:
        assert stock.check(s) == []
        cups = s.execute(
            select(StockBalance.on_hand, StockBalance.reserved).where(
                StockBalance.product_id
                == select(Barcode.product_id).where(Barcode.code == CUP).scalar_subquery()
            )
        ).one()
    assert tuple(cups) == (9, 0)  # one cup shipped; the two short let go of
    [(_action, detail)] = [a for a in audit_actions(bench) if a[0] == "override.short"]
    assert detail["reason"] == "DAMAGED" and detail["backorder"] == "#1001-B1"
    assert detail["packer"] == "Hanako" and detail["supervisor"] == "佐藤 健"
    assert detail["note"] == "two cups broken in the bin"
    # The label is printed and awaited as for any completed pack.
    assert scan(TEA).reason is Reason.LABEL_PENDING
    # The backorder flows through allocation and packing like any order.
    allocate(bench, AT.date())
    assert status_of(bench, "#1001-B1") == "allocated"
    assert lines_of(bench, "#1001-B1") == [(2, 2, 0, 0)]
    [(_carton, tracking, _status)] = parcels_of(bench, "#1001")
    assert scan(tracking).note is Note.LABEL_VERIFIED
    scan("#1001-B1")
    scan(CUP)
    scan(CUP)
    assert scan("KCMD:COMPLETE").note is Note.PACK_COMPLETED
    assert status_of(bench, "#1001-B1") == "labelled"
    assert main(["--db", bench.url, "stock", "check"]) == 0


def test_a_packer_can_never_approve_a_short_ship(bench: Database) -> None:
    scan = Bench(bench)
    scan(HANAKO)
    scan("#1001")
    scan(TEA)
    scan("KCMD:SHORT")
    for badge in (HANAKO, TARO):
        assert scan(badge).reason is Reason.NOT_AUTHORISED
    assert scan("KCMD:CANCEL").note is Note.OVERRIDE_CANCELLED
    assert status_of(bench, "#1001") == "packing"
    assert scan(TEA).verdict is VerdictKind.ACCEPTED
    assert scan("KCMD:REASON:OTHER").note is Note.NO_OVERRIDE
    [(action, detail)] = audit_actions(bench)
    assert (action, detail["override"], detail["packer"]) == (
        "override.cancelled",
        "short",
        "Hanako",
    )


def test_take_over_moves_the_order_here_and_fences_the_other_station(bench: Database) -> None:
    s1, s2 = Bench(bench, "S1"), Bench(bench, "S2")
    s1(HANAKO)
    s1("#1001")
    s1(TEA)
    s2(TARO)
    assert s2("#1001").reason is Reason.ORDER_LOCKED
    assert s2("KCMD:TAKEOVER").note is Note.SUPERVISOR_ASKED
    s2(SATO, pin=SUPERVISOR_PIN)
    taken = s2("#1001")
    assert taken.note is Note.TAKEN_OVER and taken.scanned == 1
    assert s2(TEA).scanned == 2
    fenced = s1(CUP)
    assert fenced.reason is Reason.ORDER_LOCKED
    [(_action, detail)] = [a for a in audit_actions(bench) if a[0] == "override.takeover"]
    assert detail["taken_from"] == "S1" and detail["supervisor"] == "佐藤 健"


def test_a_new_code_is_registered_to_the_product_and_the_pack_goes_on(bench: Database) -> None:
    scan = Bench(bench)
    new_jan = "4909999999998"
    scan(HANAKO)
    scan("#1001")
    assert scan(new_jan).reason is Reason.UNKNOWN_BARCODE
    scan("KCMD:ALIAS")
    scan(SATO, pin=SUPERVISOR_PIN)
    assert scan(TEA).reason is Reason.OVERRIDE_PENDING  # known already: not the new code
    assert scan("4909999999993").reason is Reason.OVERRIDE_PENDING  # a misread check digit
    assert scan(new_jan).note is Note.NEW_CODE_READ
    added = scan(TEA)
    assert added.note is Note.CODE_ADDED
    assert scan(new_jan).verdict is VerdictKind.ACCEPTED
    [(_action, detail)] = [a for a in audit_actions(bench) if a[0] == "override.alias"]
    assert detail["code"] == new_jan and detail["sku"] == "TEA"
