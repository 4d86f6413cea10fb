"""The station use case on a real database: every scan recorded, counts kept, stock moved out
once, one station per order, and a station that is closed or crashed picks up where it was."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from app.bootstrap import Kenpin
from app.cli import main
from app.core.scans import Fact, Note, Reason, ScanKind, VerdictKind
from app.db import pack_claims as claims
from app.db import station as store
from app.db.database import Database
from app.db.models import Order, OrderLine, Reservation, Station, StockMove
from app.db.station_models import ScanRecord
from app.services.station.pack import PackStation
from tests.stationdata import (
    AT,
    CUP,
    CUP_CASE,
    HANAKO,
    RICE_L1,
    SOAP,
    TARO,
    TEA,
    later,
    lease_runs_out,
    mismatches,
    rice,
    sent,
    stock_bench,
    stored_state,
    tracking_block,
)
from tests.stockdata import order_state, reserved

WHOLE_PACK_1001 = [HANAKO, "#1001", TEA, CUP_CASE, TEA, CUP, "KCMD:COMPLETE"]


def scan_all(station: PackStation, codes: list[str], at: float = 0) -> list[tuple[str, str | None]]:
    """Scan each code (a second apart from `at`); (verdict, reason) of each."""
    outcomes = [station.scan(sent(code), at=later(at + n)) for n, code in enumerate(codes)]
    return [(o.verdict.value, o.reason.value if o.reason else None) for o in outcomes]


def test_a_whole_pack_from_badge_to_complete_moves_the_stock_out_once(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = stock_bench(db)
    tracking_block(db)
    station = Kenpin(db).pack_station("S1")
    outcomes = [station.scan(sent(code), at=later(n)) for n, code in enumerate(WHOLE_PACK_1001)]

    assert [(o.seq, o.kind, o.verdict) for o in outcomes] == [
        (1, ScanKind.BADGE, VerdictKind.INFO),
        (2, ScanKind.ORDER, VerdictKind.INFO),
        (3, ScanKind.PRODUCT, VerdictKind.ACCEPTED),
        (4, ScanKind.PRODUCT, VerdictKind.ACCEPTED),
        (5, ScanKind.PRODUCT, VerdictKind.ACCEPTED),
        (6, ScanKind.PRODUCT, VerdictKind.ACCEPTED),
        (7, ScanKind.COMMAND, VerdictKind.ACCEPTED),
    ]
    assert [(o.order, o.scanned, o.expected) for o in outcomes] == [
        (None, None, None),
        ("#1001", 0, 5),
        ("#1001", 1, 5),
        ("#1001", 3, 5),
        ("#1001", 4, 5),
        ("#1001", 5, 5),
        ("#1001", 5, 5),
    ]
    status, _short, _allocated = order_state(db, "#1001")
    assert status == "labelled"
    # 10 on hand, 2 went out; #1002 still holds its one tea.
    assert reserved(db, bench.tea_balance) == (8, 1)
    assert reserved(db, bench.cup_balance) == (7, 0)
    with db.read() as s:
        packed = s.execute(
            select(OrderLine.packed, OrderLine.qty)
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.number == "#1001")
        ).all()
        moves = s.execute(
            select(StockMove.balance_id, StockMove.on_hand_delta, StockMove.reserved_delta)
            .where(StockMove.reason == "pack", StockMove.reference == "#1001")
            .order_by(StockMove.balance_id)
        ).all()
        left = s.scalar(select(func.count()).select_from(Reservation))
    assert all(done == qty for done, qty in packed)
    assert moves == [(bench.tea_balance, -2, -2), (bench.cup_balance, -3, -3)]
    assert left == 2  # #1002 and #1003 still hold theirs
    # The station is free again, its packer still logged in.
    view = station.view()
    assert (view.user and view.user.name, view.order_number) == ("Hanako", None)
    # The recent-scans list begins again with the pack completed.
    assert [o.seq for o in view.recent] == [7]

    assert main(["--db", db.url, "stock", "check"]) == 0
    assert "every balance matches its ledger" in capsys.readouterr().out


REFUSALS = [
    pytest.param([], TEA, Reason.NOT_LOGGED_IN, None, id="not_logged_in"),
    pytest.param([HANAKO], "NO-SUCH-CODE", Reason.UNKNOWN_BARCODE, None, id="unknown_barcode"),
    pytest.param([HANAKO], TEA, Reason.NO_OPEN_PACK, None, id="no_open_pack"),
    pytest.param([HANAKO], "#1004", Reason.ORDER_NOT_PACKABLE, "#1004", id="order_not_packable"),
    pytest.param([HANAKO, "#1001"], SOAP, Reason.NOT_ON_ORDER, "#1001", id="not_on_order"),
    pytest.param(
        [HANAKO, "#1001", TEA, TEA], TEA, Reason.OVER_QUANTITY, "#1001", id="over_quantity"
    ),
    pytest.param(
        [HANAKO, "#1001", CUP, CUP], CUP_CASE, Reason.OVER_QUANTITY, "#1001", id="case_too_big"
    ),
    pytest.param(
        [HANAKO, "#1003"],
        rice("L2", AT.date().replace(year=2027)),
        Reason.WRONG_LOT,
        "#1003",
        id="wrong_lot",
    ),
    pytest.param(
        [HANAKO, "#1003"],
        rice("L1", AT.date().replace(day=1, month=3)),
        Reason.EXPIRED,
        "#1003",
        id="expired",
    ),
    pytest.param(
        [HANAKO, "#1001", TEA],
        "KCMD:COMPLETE",
        Reason.PACK_INCOMPLETE,
        "#1001",
        id="pack_incomplete",
    ),
    pytest.param(
        [HANAKO, "#1002", TEA], "KCMD:COMPLETE", Reason.CARD_NOT_CONFIRMED, "#1002", id="card"
    ),
]


@pytest.mark.parametrize(("before", "refused", "reason", "order"), REFUSALS)
def test_each_refusal_is_in_the_mismatch_log_and_changes_nothing_else(
    db: Database, before: list[str], refused: str, reason: Reason, order: str | None
) -> None:
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    assert all(verdict != "rejected" for verdict, _ in scan_all(station, before))
    state = stored_state(db)

    outcome = station.scan(sent(refused), at=later(100))

    assert (outcome.verdict, outcome.reason) == (VerdictKind.REJECTED, reason)
    assert outcome.message
    assert stored_state(db) == state
    assert mismatches(db) == [("S1", reason.value, refused, order)]


def test_order_locked_names_the_station_holding_the_order(db: Database) -> None:
    stock_bench(db)
    first, second = Kenpin(db).pack_station("S1"), Kenpin(db).pack_station("S2")
    scan_all(first, [HANAKO, "#1001", TEA])
    state = stored_state(db)

    outcome = second.scan(sent(TARO), at=later(10)), second.scan(sent("#1001"), at=later(11))

    assert outcome[1].reason is Reason.ORDER_LOCKED
    assert "S1" in outcome[1].message
    assert (outcome[1].order, outcome[1].scanned) == (None, None)  # S2 has nothing open
    assert mismatches(db) == [("S2", "order_locked", "#1001", "#1001")]
    assert stored_state(db)["sessions"] == state["sessions"]
    assert first.scan(sent(TEA), at=later(12)).verdict is VerdictKind.ACCEPTED


def test_a_retried_scan_id_gets_the_recorded_outcome_and_counts_once(db: Database) -> None:
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    scan_all(station, [HANAKO, "#1001"])

    first = station.scan(sent(TEA), scan_id="scanner-7f3a", at=later(5))
    again = station.scan(sent(TEA), scan_id="scanner-7f3a", at=later(6))
    # Even from a restarted station object.
    third = Kenpin(db).pack_station("S1").scan(sent(TEA), scan_id="scanner-7f3a", at=later(7))

    # The note and facts are the screen's words of the moment, not recorded.
    assert dataclasses.replace(first, note=None, facts={}) == again == third
    assert first.note is Note.COUNTED
    assert (first.seq, first.scanned) == (3, 1)
    view = station.view()
    assert view.scanned == 1
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ScanRecord)) == 3
    assert station.scan(sent(TEA), at=later(8)).seq == 4


def test_a_restarted_station_resumes_its_user_and_its_open_pack(db: Database) -> None:
    stock_bench(db)
    tracking_block(db)
    scan_all(Kenpin(db).pack_station("S1"), [HANAKO, "#1001", TEA, CUP])

    restarted = Kenpin(db).pack_station("S1")
    view = restarted.view()
    assert view.user is not None and view.user.name == "Hanako"
    assert (view.order_number, view.scanned, view.expected) == ("#1001", 2, 5)
    assert [(line.sku, line.packed, line.ordered, line.bins) for line in view.lines] == [
        ("TEA", 1, 2, "A-01"),
        ("CUP", 1, 3, "A-02"),
    ]
    # Long after the lease ran out, nobody took the order: the station carries on.
    verdicts = scan_all(restarted, [TEA, CUP_CASE, "KCMD:COMPLETE"], at=3600)
    assert verdicts == [("accepted", None)] * 3
    assert order_state(db, "#1001")[0] == "labelled"


def test_an_expired_lease_is_taken_over_and_the_first_station_is_fenced_off(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = stock_bench(db)
    tracking_block(db)
    first, second = Kenpin(db).pack_station("S1"), Kenpin(db).pack_station("S2")
    scan_all(first, [HANAKO, "#1001", TEA, TEA, CUP_CASE, CUP])  # all 5 units, not completed
    assert second.scan(sent(TARO), at=later(30)).verdict is VerdictKind.INFO
    assert (
        second.scan(sent("#1001"), at=later(40)).reason is Reason.ORDER_LOCKED
    )  # lease still live
    lease_runs_out(db, "#1001")

    taken = second.scan(sent("#1001"), at=later(5 + 61))
    assert (taken.verdict, taken.order, taken.scanned) == (VerdictKind.INFO, "#1001", 5)
    assert first.renew_lease() is False
    state = stored_state(db)

    fenced = first.scan(sent("KCMD:COMPLETE"), at=later(68))
    assert (fenced.verdict, fenced.reason) == (VerdictKind.REJECTED, Reason.ORDER_LOCKED)
    assert "S2" in fenced.message
    after = stored_state(db)
    assert (after["orders"], after["balances"], after["sessions"]) == (
        state["orders"],
        state["balances"],
        state["sessions"],
    )
    assert first.view().order_number is None
    assert first.scan(sent(TEA), at=later(69)).reason is Reason.NO_OPEN_PACK

    assert second.scan(sent("KCMD:COMPLETE"), at=later(70)).verdict is VerdictKind.ACCEPTED
    assert order_state(db, "#1001")[0] == "labelled"
    assert reserved(db, bench.tea_balance) == (8, 1)
    assert main(["--db", db.url, "stock", "check"]) == 0


def test_the_fencing_update_refuses_a_stale_lease_token(db: Database) -> None:
    stock_bench(db)
    first = Kenpin(db).pack_station("S1")
    scan_all(first, [HANAKO, "#1001"])
    lease_runs_out(db, "#1001")
    scan_all(Kenpin(db).pack_station("S2"), [TARO, "#1001"], at=120)  # took over, token 2
    with db.write() as s:
        station_id = s.scalar(select(Station.id).where(Station.name == "S1"))
        assert station_id is not None
        row = store.load_station(s, station_id)
        assert row.claim is not None and row.claim.lease_token == 1
        lease = claims.Lease(later(130), dt.timedelta(seconds=60))
        assert not claims.fenced(s, station_id, row.claim, lease)
    assert stored_state(db)["orders"][0] == ("#1001", "packing")


def test_a_user_logging_in_at_a_second_station_is_logged_out_of_the_first(db: Database) -> None:
    stock_bench(db)
    first, second = Kenpin(db).pack_station("S1"), Kenpin(db).pack_station("S2")
    scan_all(first, [HANAKO, "#1001", TEA])

    assert second.scan(sent(HANAKO), at=later(10)).message == "Hanako logged in"

    assert first.view().user is None
    assert first.view().order_number == "#1001"  # the pack stays open there for her
    assert first.scan(sent(TEA), at=later(11)).reason is Reason.NOT_LOGGED_IN
    assert second.view().user is not None
    scan_all(first, [HANAKO, TEA], at=12)  # back at the first station: carries on
    assert first.view().scanned == 2 and second.view().user is None


def test_cancel_parks_the_pack_and_any_station_resumes_it(db: Database) -> None:
    stock_bench(db)
    tracking_block(db)
    first, second = Kenpin(db).pack_station("S1"), Kenpin(db).pack_station("S2")
    scan_all(first, [HANAKO, "#1001", TEA, CUP])

    parked = first.scan(sent("KCMD:CANCEL"), at=later(10))
    assert (parked.verdict, parked.order, parked.scanned) == (VerdictKind.INFO, "#1001", 2)
    assert order_state(db, "#1001")[0] == "allocated"
    assert first.view().order_number is None

    resumed = second.scan(sent(TARO), at=later(11)), second.scan(sent("#1001"), at=later(12))
    assert (resumed[1].verdict, resumed[1].scanned, resumed[1].expected) == (
        VerdictKind.INFO,
        2,
        5,
    )
    assert scan_all(second, [TEA, CUP_CASE, "KCMD:COMPLETE"], at=13)[-1] == ("accepted", None)
    assert order_state(db, "#1001")[0] == "labelled"


def test_another_order_is_refused_while_a_pack_is_open_until_it_is_left_for_later(
    db: Database,
) -> None:
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    scan_all(station, [HANAKO, "#1001", TEA])

    refused = station.scan(sent("#1003"), at=later(10))
    assert (refused.verdict, refused.reason, refused.order, refused.scanned) == (
        VerdictKind.REJECTED,
        Reason.PACK_OPEN,
        "#1001",
        1,
    )
    assert refused.message == "#1001 is still open: scan COMPLETE, or LEAVE FOR LATER first"
    assert refused.facts == {Fact.OPEN_ORDER: "#1001", Fact.ORDER: "#1003"}
    # Nothing changed but the mismatch log, which names the order scanned.
    assert order_state(db, "#1001")[0] == "packing"
    assert order_state(db, "#1003")[0] == "allocated"
    assert mismatches(db)[-1] == ("S1", "pack_open", "#1003", "#1003")
    assert refused.view is not None and refused.view.order_number == "#1001"
    shown = station.scan(sent("#1001"), at=later(11))
    assert (shown.verdict, shown.note, shown.scanned) == (VerdictKind.INFO, Note.ORDER_SHOWN, 1)

    assert scan_all(station, ["KCMD:CANCEL", "#1003"], at=12) == [("info", None)] * 2
    assert order_state(db, "#1003")[0] == "packing"
    scan_all(station, ["KCMD:CANCEL"], at=14)
    back = station.scan(sent("#1001"), at=later(15))
    assert (back.order, back.scanned) == ("#1001", 1)


def test_undo_takes_back_the_last_unit_and_a_gift_needs_its_card(db: Database) -> None:
    stock_bench(db)
    tracking_block(db)
    station = Kenpin(db).pack_station("S1")
    verdicts = scan_all(
        station,
        [HANAKO, "#1002", TEA, "KCMD:UNDO", "KCMD:COMPLETE", TEA, "KCMD:CARD", "KCMD:COMPLETE"],
    )
    assert verdicts == [
        ("info", None),
        ("info", None),
        ("accepted", None),
        ("accepted", None),
        ("rejected", "pack_incomplete"),
        ("accepted", None),
        ("info", None),
        ("accepted", None),
    ]
    assert order_state(db, "#1002")[0] == "labelled"


def test_lot_and_expiry_come_from_the_scan_and_its_time(db: Database) -> None:
    bench = stock_bench(db)
    tracking_block(db)
    station = Kenpin(db).pack_station("S1")
    scan_all(station, [HANAKO, "#1003", RICE_L1])
    # The same unit scanned on a day after its expiry (Japan time) is refused.
    late = station.scan(sent(rice("L1", AT.date().replace(day=2))), at=later(86_400 * 2))
    assert late.reason is Reason.EXPIRED
    assert station.scan(sent(RICE_L1), at=later(86_400 * 2 + 1)).scanned == 2
    assert (
        station.scan(sent("KCMD:COMPLETE"), at=later(86_400 * 2 + 2)).verdict
        is VerdictKind.ACCEPTED
    )
    assert reserved(db, bench.rice_balance) == (8, 0)
    with db.read() as s:
        lots = s.scalars(select(ScanRecord.lot).where(ScanRecord.effect == "count")).all()
    assert lots == ["L1", "L1"]


def test_a_station_already_on_file_without_state_starts_with_nobody_logged_in(
    db: Database,
) -> None:
    stock_bench(db)
    with db.write() as s:
        s.add(Station(name="S9", printer_uri="cups://bench9"))
    station = Kenpin(db).pack_station("S9")
    assert (station.view().user, station.view().order_number) == (None, None)
    assert scan_all(station, [HANAKO, "#1001"]) == [("info", None), ("info", None)]


def test_a_scan_comes_back_with_its_note_and_facts_and_a_typed_one_says_so(db: Database) -> None:
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    scan_all(station, [HANAKO, "#1001"])

    counted = station.scan(dataclasses.replace(sent(TEA), typed=True), at=later(5))
    assert (counted.verdict, counted.note, counted.typed) == (
        VerdictKind.ACCEPTED,
        Note.COUNTED,
        True,
    )
    assert counted.facts == {
        Fact.SKU: "TEA",
        Fact.ITEM: counted.facts[Fact.ITEM],
        Fact.PACKED: "1",
        Fact.ORDERED: "2",
        Fact.UNITS: "1",
    }
    assert counted.facts[Fact.ITEM]
    short = station.scan(sent("KCMD:COMPLETE"), at=later(6))
    assert (short.reason, short.typed) == (Reason.PACK_INCOMPLETE, False)
    assert short.facts[Fact.SHORT] == "TEA ×1, CUP ×3"
    # The list and a restarted station know which scan was typed.
    assert short.view is not None
    assert [o.typed for o in short.view.recent] == [False, True, False]
    assert [o.typed for o in Kenpin(db).pack_station("S1").view().recent] == [False, True, False]
