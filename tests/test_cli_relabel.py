"""`kenpin label void --station` prints the new label at that station's printer (a real TCP
listener here); without it, the command says which station waits for it and how to print
it. `kenpin label reprint` prints a label again at a station, audited as a reprint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.cli import main
from app.db.database import Database
from app.db.models import AuditEntry, User
from app.services.users import add_user
from tests.labels.test_printers_tcp import Listener
from tests.services.station.test_labels import BOSS, PACK_1001, number, scan_all
from tests.stationdata import (
    RICE_L1,
    SUPERVISOR_PIN,
    TARO,
    parcels_of,
    stock_bench,
    tracking_block,
)


@pytest.fixture
def printer() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()


@pytest.fixture
def packed(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """#1001 packed at S1 (no printer), which waits for its label; the supervisor's PIN set."""
    stock_bench(db)
    tracking_block(db)
    add_user(db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    scan_all(Kenpin(db).pack_station("S1"), [*PACK_1001, "KCMD:COMPLETE"])
    monkeypatch.setenv("KENPIN_PIN", SUPERVISOR_PIN)
    return db


def label(db: Database, *args: str) -> int:
    return main(["--db", db.url, "label", *args, "--badge", BOSS])


def test_void_at_a_station_prints_the_new_label_on_its_printer(
    packed: Database, printer: Listener, capsys: pytest.CaptureFixture[str]
) -> None:
    Kenpin(packed).pack_station("DESK", printer=printer.uri)
    assert label(packed, "void", number(0), "--reason", "torn", "--station", "DESK") == 0
    out = capsys.readouterr().out
    assert out == (
        f"label {number(0)} of #1001 voided; new label {number(1)} printing at DESK "
        "(print job 2)\nlabel printed\n"
    )
    assert number(1).encode() in printer.next_job()
    with packed.read() as s:
        rows = s.execute(
            select(User.name, AuditEntry.station)
            .join(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.action == "label.void")
        ).all()
    assert [tuple(row) for row in rows] == [("Boss", "DESK")]


def test_void_without_a_station_says_which_station_waits_and_how_to_print(
    packed: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert label(packed, "void", number(0)) == 0
    assert capsys.readouterr().out == (
        f"label {number(0)} of #1001 voided; new label {number(1)} queued for station S1, "
        "which waits for it (print job 2): scan KCMD:REPRINT there to print it\n"
    )


def test_void_at_a_station_without_a_printer_is_refused_and_changes_nothing(
    packed: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert label(packed, "void", number(0), "--station", "S1") == 1
    assert capsys.readouterr().err == (
        "kenpin: --station: S1 has no printer: the label would print nowhere\n"
    )
    assert label(packed, "void", number(0), "--station", "NOWHERE") == 1
    assert "NOWHERE is not a station of this database" in capsys.readouterr().err
    assert parcels_of(packed, "#1001") == [(1, number(0), "labelled")]


def test_reprint_at_a_station_prints_the_label_again_there(
    packed: Database, printer: Listener, capsys: pytest.CaptureFixture[str]
) -> None:
    Kenpin(packed).pack_station("DESK", printer=printer.uri)
    assert label(packed, "reprint", number(0), "--station", "DESK") == 0
    assert capsys.readouterr().out == (
        f"label {number(0)} of #1001 printing again at DESK (print job 2)\nlabel printed\n"
    )
    assert number(0).encode() in printer.next_job()
    assert label(packed, "void", number(0)) == 0
    capsys.readouterr()
    assert label(packed, "reprint", number(0), "--station", "DESK") == 1
    assert capsys.readouterr().err == (
        f"kenpin: TRACKING: the label {number(0)} is voided: print its replacement\n"
    )


def test_a_printer_that_is_off_is_told_and_the_void_stands(
    packed: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    listener = Listener()
    uri = listener.uri
    listener.close()  # nobody listens there any more: the printer is off
    Kenpin(packed).pack_station("DESK", printer=uri)
    assert label(packed, "void", number(0), "--station", "DESK") == 1
    out, err = capsys.readouterr()
    assert f"new label {number(1)} printing at DESK" in out
    assert err.startswith("kenpin: label not printed: ")
    assert parcels_of(packed, "#1001")[1] == (1, number(1), "labelled")


def test_a_station_waiting_for_another_label_is_not_given_this_one_to_wait_for(
    packed: Database, printer: Listener, capsys: pytest.CaptureFixture[str]
) -> None:
    s1 = Kenpin(packed).pack_station("S1")
    scan_all(s1, [number(0)], at=30)  # #1001's label scanned back: nobody waits for it
    desk = Kenpin(packed).pack_station("DESK", printer=printer.uri)
    scan_all(desk, [TARO, "#1003", RICE_L1, RICE_L1, "KCMD:COMPLETE"], at=40)
    assert desk.view().awaiting is not None  # DESK waits for #1003's label
    assert label(packed, "void", number(0), "--station", "DESK") == 1
    assert capsys.readouterr().err == (
        "kenpin: --station: DESK waits for the label of #1003 to be scanned back: scan it "
        "there first, or print at another station\n"
    )
    assert parcels_of(packed, "#1001") == [(1, number(0), "verified")]
    # A label scanned back already is printed again without anyone waiting for it.
    assert label(packed, "reprint", number(0), "--station", "DESK") == 0
    assert number(0).encode() in printer.next_job()
    awaiting = desk.view().awaiting
    assert awaiting is not None and awaiting.order_number == "#1003"


def test_void_of_a_label_scanned_back_without_a_station_says_how_to_print_it(
    packed: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    scan_all(Kenpin(packed).pack_station("S1"), [number(0)], at=30)
    assert label(packed, "void", number(0)) == 0
    assert capsys.readouterr().out == (
        f"label {number(0)} of #1001 voided; new label {number(1)} not printed (print job 2): "
        f"print it at a station with kenpin label reprint {number(1)} --badge BADGE "
        "--station NAME\n"
    )
