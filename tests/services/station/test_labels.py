"""Label scan-back at the station: completing a pack prints its parcel's label, and only that
label's scan lets the packer go on; several cartons, reprints and voided labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import Kenpin
from app.core.carriers import CarrierCode
from app.core.errors import Refused
from app.core.scans import Fact, Reason, ScanKind, VerdictKind
from app.core.tracking import with_check_digit
from app.db.database import Database
from app.db.models import AuditEntry
from app.db.shipping_models import PrintJob
from app.services.carriers import attach_carrier_number
from app.services.labels import run_print_job
from app.services.relabel import void_label
from app.services.signin import Credentials
from app.services.station.pack import PackStation
from app.services.users import add_user
from tests.stationdata import (
    BLOCK_FIRST,
    CUP,
    CUP_CASE,
    HANAKO,
    RICE_L1,
    SUPERVISOR_PIN,
    TARO,
    TEA,
    later,
    mismatches,
    parcels_of,
    print_jobs_of,
    sent,
    stock_bench,
    stored_state,
    tracking_block,
)
from tests.stockdata import order_state

PACK_1001 = [HANAKO, "#1001", TEA, TEA, CUP_CASE, CUP]
BOSS = "B-900"


def number(n: int) -> str:
    """The n-th number (from 0) of the block `tracking_block` registers, check digit included."""
    return with_check_digit(CarrierCode.YAMATO, str(int(BLOCK_FIRST) + n)).digits


def scan_all(station: PackStation, codes: list[str], at: float = 0) -> list[tuple[str, str | None]]:
    outcomes = [station.scan(sent(code), at=later(at + n)) for n, code in enumerate(codes)]
    return [(o.verdict.value, o.reason.value if o.reason else None) for o in outcomes]


@pytest.fixture
def bench(db: Database) -> Database:
    stock_bench(db)
    tracking_block(db)
    return db


def test_complete_prints_the_label_and_its_scan_verifies_parcel_and_order(bench: Database) -> None:
    station = Kenpin(bench).pack_station("S1", printer="file:///labels")
    scan_all(station, PACK_1001)
    done = station.scan(sent("KCMD:COMPLETE"), at=later(10))
    assert done.verdict is VerdictKind.ACCEPTED and done.print_job is not None
    assert order_state(bench, "#1001")[0] == "labelled"
    assert parcels_of(bench, "#1001") == [(1, number(0), "labelled")]
    assert print_jobs_of(bench, "#1001") == [(number(0), "queued", "Hanako")]
    waiting = station.view().awaiting
    assert waiting is not None and waiting.tracking_number == number(0)

    verified = station.scan(sent(number(0)), at=later(11))
    assert (verified.kind, verified.verdict, verified.reason) == (
        ScanKind.LABEL,
        VerdictKind.ACCEPTED,
        None,
    )
    assert parcels_of(bench, "#1001") == [(1, number(0), "verified")]
    assert order_state(bench, "#1001")[0] == "verified"
    assert station.view().awaiting is None
    # No longer waiting: the next order opens, and the label again only says whose it is.
    assert station.scan(sent("#1003"), at=later(12)).verdict is VerdictKind.INFO
    again = station.scan(sent(number(0)), at=later(13))
    assert (again.verdict, again.message) == (VerdictKind.INFO, "label of #1001, already verified")


def test_anything_but_the_awaited_label_is_refused_and_changes_nothing(bench: Database) -> None:
    first, second = Kenpin(bench).pack_station("S1"), Kenpin(bench).pack_station("S2")
    scan_all(first, [*PACK_1001, "KCMD:COMPLETE"])
    scan_all(second, [TARO, "#1003", RICE_L1, RICE_L1, "KCMD:COMPLETE"], at=20)
    assert parcels_of(bench, "#1003") == [(1, number(1), "labelled")]
    state = stored_state(bench)

    refused = scan_all(first, [number(1), TEA, "#1002", "KCMD:COMPLETE", "KCMD:NEWCARTON"], 40)

    assert refused == [
        ("rejected", "label_mismatch"),
        ("rejected", "label_pending"),
        ("rejected", "label_pending"),
        ("rejected", "label_pending"),
        ("rejected", "label_pending"),
    ]
    assert stored_state(bench) == state
    # Each refusal concerns the order whose label the station waits for, not #1003's label
    # scanned nor #1002 scanned instead.
    assert [(station, reason, order) for station, reason, _code, order in mismatches(bench)] == [
        ("S1", reason, "#1001") for reason in ("label_mismatch", *["label_pending"] * 4)
    ]
    assert parcels_of(bench, "#1003") == [(1, number(1), "labelled")]
    # A Codabar scan of the label comes with its start/stop letters.
    assert first.scan(sent(f"A{number(0)}A"), at=later(50)).verdict is VerdictKind.ACCEPTED
    assert order_state(bench, "#1001")[0] == "verified"


def test_reprint_queues_the_awaited_label_again(bench: Database) -> None:
    station = Kenpin(bench).pack_station("S1")
    scan_all(station, [*PACK_1001, "KCMD:COMPLETE"])
    reprint = station.scan(sent("KCMD:REPRINT"), at=later(20))
    assert (reprint.verdict, reprint.reason) == (VerdictKind.INFO, None)
    assert reprint.print_job is not None
    assert print_jobs_of(bench, "#1001") == [(number(0), "queued", "Hanako")] * 2
    assert station.scan(sent(number(0)), at=later(21)).verdict is VerdictKind.ACCEPTED


def test_a_voided_label_is_replaced_and_scanning_it_is_label_voided(bench: Database) -> None:
    add_user(bench, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    station = Kenpin(bench).pack_station("S1")
    scan_all(station, [*PACK_1001, "KCMD:COMPLETE"])

    with pytest.raises(Refused, match="supervisor"):
        void_label(bench, number(0), Credentials(HANAKO, SUPERVISOR_PIN), "smudged")
    voided = void_label(bench, number(0), Credentials(BOSS, SUPERVISOR_PIN), "smudged")

    assert (voided.voided, voided.tracking_number) == (number(0), number(1))
    assert parcels_of(bench, "#1001") == [(1, number(0), "voided"), (1, number(1), "labelled")]
    with bench.read() as s:
        audit = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "label.void")).all()
    assert len(audit) == 1 and number(0) in audit[0] and "smudged" in audit[0]
    old = station.scan(sent(number(0)), at=later(30))
    assert (old.verdict, old.reason) == (VerdictKind.REJECTED, Reason.LABEL_VOIDED)
    # The station now waits for the new label.
    assert station.scan(sent(number(1)), at=later(31)).verdict is VerdictKind.ACCEPTED
    assert order_state(bench, "#1001")[0] == "verified"
    # With no label awaited, the voided one is still refused, never just noted.
    again = station.scan(sent(number(0)), at=later(32))
    assert (again.verdict, again.reason) == (VerdictKind.REJECTED, Reason.LABEL_VOIDED)
    assert again.facts == {Fact.ORDER: "#1001", Fact.TRACKING: number(0)}
    # Awaited or not, the mismatch log names the order the voided label belongs to.
    assert [(reason, order) for _station, reason, _code, order in mismatches(bench)] == [
        ("label_voided", "#1001"),
        ("label_voided", "#1001"),
    ]


def test_two_cartons_make_two_parcels_and_the_order_is_verified_after_both(
    bench: Database,
) -> None:
    station = Kenpin(bench).pack_station("S1")
    scan_all(station, [HANAKO, "#1001", TEA, TEA])
    closed = station.scan(sent("KCMD:NEWCARTON"), at=later(10))
    assert (closed.verdict, closed.print_job is not None) == (VerdictKind.INFO, True)
    assert parcels_of(bench, "#1001") == [(1, number(0), "labelled")]
    assert order_state(bench, "#1001")[0] == "packing"
    assert station.scan(sent(CUP), at=later(11)).reason is Reason.LABEL_PENDING
    assert station.scan(sent(number(0)), at=later(12)).verdict is VerdictKind.ACCEPTED
    assert order_state(bench, "#1001")[0] == "packing"

    assert station.scan(sent("KCMD:NEWCARTON"), at=later(13)).message == "carton is empty"
    undo = station.scan(sent("KCMD:UNDO"), at=later(14))
    assert undo.message == "nothing to undo"  # carton 1 is closed under its label
    outcomes = scan_all(station, [CUP_CASE, CUP, "KCMD:COMPLETE"], at=15)
    assert outcomes == [("accepted", None)] * 3
    assert parcels_of(bench, "#1001") == [(1, number(0), "verified"), (2, number(1), "labelled")]
    assert order_state(bench, "#1001")[0] == "labelled"
    assert station.scan(sent(number(1)), at=later(20)).verdict is VerdictKind.ACCEPTED
    assert order_state(bench, "#1001")[0] == "verified"


def test_out_of_numbers_the_pack_is_not_completed(db: Database) -> None:
    stock_bench(db)
    tracking_block(db, BLOCK_FIRST, BLOCK_FIRST)  # one number only
    station = Kenpin(db).pack_station("S1")
    scan_all(station, [*PACK_1001, "KCMD:COMPLETE", number(0)])
    scan_all(station, ["#1003", RICE_L1, RICE_L1], at=20)
    state = stored_state(db)

    refused = station.scan(sent("KCMD:COMPLETE"), at=later(30))

    assert (refused.verdict, refused.reason) == (
        VerdictKind.REJECTED,
        Reason.NO_TRACKING_NUMBER,
    )
    assert refused.message == (
        "no yamato tracking numbers left: register a block with kenpin carriers add-range"
        " or attach the carrier's numbers with kenpin carriers import"
    )
    # The pack stays open on screen, every unit still in the box.
    assert refused.view is not None and refused.view.order_number == "#1003"
    assert (refused.view.scanned, refused.view.expected) == (2, 2)
    assert stored_state(db) == state
    assert mismatches(db)[-1] == ("S1", "no_tracking_number", "KCMD:COMPLETE", "#1003")
    assert order_state(db, "#1003")[0] == "packing"
    tracking_block(db, "10000000100", "10000000100")
    assert station.scan(sent("KCMD:COMPLETE"), at=later(31)).verdict is VerdictKind.ACCEPTED


def test_a_carrier_number_already_attached_is_used_before_the_blocks(db: Database) -> None:
    stock_bench(db)  # no block registered: the carrier's own number is enough
    carrier_number = with_check_digit(CarrierCode.YAMATO, "20000000000").digits
    attach_carrier_number(db, "#1001", carrier_number)
    station = Kenpin(db).pack_station("S1")
    assert scan_all(station, [*PACK_1001, "KCMD:COMPLETE"])[-1] == ("accepted", None)
    assert parcels_of(db, "#1001") == [(1, carrier_number, "labelled")]
    assert station.scan(sent(carrier_number), at=later(20)).verdict is VerdictKind.ACCEPTED


def test_a_print_job_writes_the_label_and_records_how_it_went(
    bench: Database, tmp_path: Path
) -> None:
    station = Kenpin(bench).pack_station("S1", printer=f"file://{tmp_path}/labels")
    outcomes = [station.scan(sent(code), at=later(n)) for n, code in enumerate(PACK_1001)]
    job = station.scan(sent("KCMD:COMPLETE"), at=later(10)).print_job
    assert outcomes and job is not None

    printed = run_print_job(bench, job)

    assert printed.printed, printed.message
    files = list((tmp_path / "labels").glob("*.zpl"))
    assert len(files) == 1 and number(0).encode() in files[0].read_bytes()
    assert print_jobs_of(bench, "#1001") == [(number(0), "printed", "Hanako")]

    # A printer that cannot be reached: the job is failed with why, the pack stays done.
    (tmp_path / "blocked").write_text("a file, not a folder")
    station_2 = Kenpin(bench).pack_station("S2", printer=f"file://{tmp_path}/blocked")
    scan_all(station_2, [TARO, "#1003", RICE_L1, RICE_L1], at=30)
    failed_job = station_2.scan(sent("KCMD:COMPLETE"), at=later(40)).print_job
    assert failed_job is not None
    failed = run_print_job(bench, failed_job)
    assert not failed.printed and failed.message
    with bench.read() as s:
        row = s.execute(
            select(PrintJob.status, PrintJob.attempts, PrintJob.last_error).where(
                PrintJob.id == failed_job
            )
        ).one()
        jobs = s.scalar(select(func.count()).select_from(PrintJob))
    assert (row.status, row.attempts) == ("failed", 1) and row.last_error
    assert jobs == 2
    assert order_state(bench, "#1003")[0] == "labelled"
