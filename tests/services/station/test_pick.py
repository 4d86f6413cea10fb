"""Picking a wave by scan through `kenpin replay --mode pick` (issue 11, point 2): one
instruction at a time in walk order, each unit checked, each one put into its order's
cart slot; refusals in the mismatch log; the wave's orders `picked` at the end."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from app.bootstrap import Kenpin
from app.cli import main
from app.core.pick.rules import PickEffect
from app.core.scans import BADGE_RECORDED, Reason
from app.core.waves import WaveRequest
from app.db.database import Database
from app.db.models import OrderLine, Reservation
from app.db.pick_models import PickedUnit, PickSession
from app.db.station_models import Mismatch, ScanRecord
from app.db.wave_models import Wave
from app.services.station.pick_effects import HANDLERS
from app.services.waves import create_wave
from tests import ROOT
from tests.services.station.test_replay import KEYS, scan_file
from tests.stationdata import (
    CUP,
    CUP_CASE,
    HANAKO,
    RICE_L1,
    TARO,
    TEA,
    mismatches,
    rice,
    sent,
    stock_bench,
)
from tests.stockdata import order_state, receive, reserved

EXPIRED_RICE = rice("L1", dt.date(2025, 1, 31))
OTHER_LOT = rice("L9", dt.date(2030, 1, 31))


def pick_replay(
    db: Database, path: Path, capsys: pytest.CaptureFixture[str], station: str = "P1"
) -> list[dict[str, Any]]:
    """Run `kenpin replay --mode pick` at `station`; its JSON objects (the replay's keys)."""
    args = ["--db", db.url, "replay", str(path), "--station", station, "--mode", "pick"]
    assert main(args) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(list(obj) == KEYS for obj in objects)
    return objects


def two_waves(db: Database) -> tuple[str, str]:
    """W-000001: #1001 (2 tea in A-01, 3 cups in A-02; slot 1) and #1003 (2 rice of lot L1
    in C-01; slot 2). W-000002: #1002 (1 tea)."""
    stock_bench(db)
    first = create_wave(db, WaveRequest(orders=("#1001", "#1003")))
    second = create_wave(db, WaveRequest(orders=("#1002",)))
    return first.number, second.number


def test_every_pick_effect_has_a_handler() -> None:
    assert set(HANDLERS) == set(PickEffect)


def test_a_wave_of_two_orders_is_picked_in_walk_order_onto_a_cart(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wave, other = two_waves(db)
    assert (wave, other) == ("W-000001", "W-000002")
    path = scan_file(
        tmp_path,
        "pick.jsonl",
        [
            HANAKO,
            wave,
            other,  # the first wave is still being picked
            "A-02",  # the first bin is A-01
            "A-01",
            CUP,  # tea is taken here
            TEA,
            "SLOT-02",  # tea of #1001 goes into slot 1
            "SLOT-01",
            TEA,
            "SLOT-01",
            "A-02",
            CUP_CASE,  # a case of 2 cups
            "SLOT-01",
            CUP_CASE,  # 2 more would make 5 of 3
            CUP,
            "SLOT-01",
            "KCMD:UNDO",  # the last cup put back: its bin again
            "A-02",
            CUP,
            "SLOT-01",
            "C-01",
            EXPIRED_RICE,
            OTHER_LOT,
            RICE_L1,
            "SLOT-02",
            RICE_L1,
            "SLOT-02",
        ],
    )

    lines = pick_replay(db, path, capsys)

    assert [(o["scan"], o["verdict"], o["reason"], o["order"], o["scanned"]) for o in lines] == [
        (BADGE_RECORDED, "info", None, None, None),
        (wave, "info", None, wave, 0),
        (other, "rejected", "pick_open", wave, 0),
        ("A-02", "rejected", "wrong_bin", wave, 0),
        ("A-01", "info", None, wave, 0),
        (CUP, "rejected", "not_on_pick", wave, 0),
        (TEA, "accepted", None, wave, 1),
        ("SLOT-02", "rejected", "wrong_slot", wave, 1),
        ("SLOT-01", "accepted", None, wave, 1),
        (TEA, "accepted", None, wave, 2),
        ("SLOT-01", "accepted", None, wave, 2),
        ("A-02", "info", None, wave, 2),
        (CUP_CASE, "accepted", None, wave, 4),
        ("SLOT-01", "accepted", None, wave, 4),
        (CUP_CASE, "rejected", "over_quantity", wave, 4),
        (CUP, "accepted", None, wave, 5),
        ("SLOT-01", "accepted", None, wave, 5),
        ("KCMD:UNDO", "accepted", None, wave, 4),
        ("A-02", "info", None, wave, 4),
        (CUP, "accepted", None, wave, 5),
        ("SLOT-01", "accepted", None, wave, 5),
        ("C-01", "info", None, wave, 5),
        (EXPIRED_RICE, "rejected", "expired", wave, 5),
        (OTHER_LOT, "rejected", "wrong_lot", wave, 5),
        (RICE_L1, "accepted", None, wave, 6),
        ("SLOT-02", "accepted", None, wave, 6),
        (RICE_L1, "accepted", None, wave, 7),
        ("SLOT-02", "accepted", None, wave, 7),
    ]
    assert {o["expected"] for o in lines[1:]} == {7}
    assert order_state(db, "#1001")[0] == "picked"
    assert order_state(db, "#1003")[0] == "picked"
    assert order_state(db, "#1002")[0] == "picking"  # its wave is still to pick
    assert [(reason, scanned, order) for _s, reason, scanned, order in mismatches(db)] == [
        ("pick_open", other, "#1001"),
        ("wrong_bin", "A-02", "#1001"),
        ("not_on_pick", CUP, "#1001"),
        ("wrong_slot", "SLOT-02", "#1001"),
        ("over_quantity", CUP_CASE, "#1001"),
        ("expired", EXPIRED_RICE, "#1003"),
        ("wrong_lot", OTHER_LOT, "#1003"),
    ]
    with db.read() as s:
        assert s.scalars(select(PickSession.status)).all() == ["done"]
    # Picking moves no stock: the ledger and the reservations stay exact.
    assert main(["--db", db.url, "stock", "check"]) == 0


def test_a_second_station_is_refused_the_wave_the_first_one_picks(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wave, _other = two_waves(db)
    first = scan_file(tmp_path, "p1.jsonl", [HANAKO, wave, "A-01", TEA])
    second = scan_file(tmp_path, "p2.jsonl", [TARO, wave, "A-01"])

    pick_replay(db, first, capsys, "P1")
    lines = pick_replay(db, second, capsys, "P2")

    assert [(o["verdict"], o["reason"], o["order"]) for o in lines] == [
        ("info", None, None),
        ("rejected", "order_locked", None),
        ("rejected", "no_open_pack", None),
    ]
    assert [(station, reason) for station, reason, _c, _o in mismatches(db)] == [
        ("P2", "order_locked"),
        ("P2", "no_open_pack"),
    ]
    # The first station goes on where it stopped.
    again = scan_file(tmp_path, "p1-again.jsonl", ["SLOT-01"])
    assert [(o["verdict"], o["scanned"]) for o in pick_replay(db, again, capsys, "P1")] == [
        ("accepted", 1)
    ]


def stock_exact(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    """`kenpin stock check` finds no drift, and every order line's allocated units are the
    units its reservations hold."""
    assert main(["--db", db.url, "stock", "check"]) == 0
    capsys.readouterr()
    with db.read() as s:
        held = dict(
            s.execute(
                select(Reservation.order_line_id, func.sum(Reservation.qty)).group_by(
                    Reservation.order_line_id
                )
            ).all()
        )
        lines = s.execute(select(OrderLine.id, OrderLine.allocated)).all()
    assert all(allocated == held.get(line_id, 0) for line_id, allocated in lines)


def told(db: Database) -> list[str]:
    """What each scan told the picker, as its record keeps it."""
    with db.read() as s:
        return list(s.scalars(select(ScanRecord.message).order_by(ScanRecord.id)))


def short_bins(db: Database) -> list[str]:
    """The bins the mismatch log's short picks name (to be counted)."""
    with db.read() as s:
        facts = s.scalars(
            select(Mismatch.facts).where(Mismatch.reason == "short_pick").order_by(Mismatch.id)
        )
        return [json.loads(row)["bin"] for row in facts]


def test_a_short_pick_the_stock_cannot_cover_backorders_its_order(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wave, other = two_waves(db)
    path = scan_file(
        tmp_path,
        "short.jsonl",
        [
            HANAKO,
            "KCMD:SHORTPICK",
            other,
            "TOTE-01",
            "KCMD:SHORTPICK",
            "A-01",
            "KCMD:SHORTPICK",
            TEA,
        ],
    )
    lines = pick_replay(db, path, capsys)

    assert [(o["verdict"], o["reason"], o["scanned"], o["expected"]) for o in lines] == [
        ("info", None, None, None),
        ("rejected", "no_open_pack", None, None),  # no wave open yet
        ("info", None, 0, 1),
        ("info", None, 0, 1),  # one order on its own: its tote
        ("rejected", "wrong_bin", 0, 1),  # a short pick is said at its bin
        ("info", None, 0, 1),
        ("info", None, 0, 0),  # no tea elsewhere: the order leaves the wave
        ("rejected", "no_open_pack", None, None),
    ]
    assert told(db)[6].endswith("; #1002 backordered")  # nothing was picked for it
    assert order_state(db, "#1002") == ("backordered", "TEA short 1", [0])
    stock_exact(db, capsys)
    # The short pick is in the supervisor's mismatch review, naming the bin to count.
    assert mismatches(db)[-2] == ("P1", "short_pick", "KCMD:SHORTPICK", "#1002")
    assert short_bins(db) == ["A-01"]

    # In a wave of two, the units already picked for the backordered order go back.
    path = scan_file(tmp_path, "cart.jsonl", [wave, "A-01", TEA, "SLOT-01", "KCMD:SHORTPICK"])
    lines = pick_replay(db, path, capsys)

    assert "#1001 backordered, put back the 1 unit(s) picked for it" in told(db)[-1]
    assert lines[-1]["expected"] == 2  # #1003's rice is all that is left
    assert order_state(db, "#1001") == ("backordered", "TEA short 1", [0, 0])
    assert order_state(db, "#1003")[0] == "picking"
    stock_exact(db, capsys)
    with db.read() as s:
        assert s.execute(select(PickedUnit.units)).all() == []


def test_a_short_pick_is_reserved_again_in_another_bin_and_picked_there(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = stock_bench(db)
    with db.write() as s:
        spare = receive(s, bench.tea, "B-01", 5, walk_seq=1)
    path = scan_file(
        tmp_path,
        "short.jsonl",
        [HANAKO, "#1001", "TOTE-01", "A-01", TEA, "KCMD:SHORTPICK", "B-01", TEA],
    )
    lines = pick_replay(db, path, capsys)

    assert [(o["verdict"], o["reason"], o["scanned"], o["expected"]) for o in lines] == [
        ("info", None, None, None),
        ("info", None, 0, 5),
        ("info", None, 0, 5),  # its tote
        ("info", None, 0, 5),
        ("accepted", None, 1, 5),
        ("info", None, 1, 5),  # 1 of 2 tea in A-01: the other one is in B-01
        ("info", None, 1, 5),  # the next instruction is at B-01
        ("accepted", None, 2, 5),
    ]
    assert "take 1 from B-01" in told(db)[5]
    assert short_bins(db) == ["A-01"]
    assert reserved(db, spare) == (5, 1)
    assert order_state(db, "#1001") == ("picking", "", [2, 3])
    stock_exact(db, capsys)
    with db.read() as s:
        assert s.execute(select(PickedUnit.units, PickedUnit.short)).all() == [
            (1, False),
            (1, True),
            (1, False),
        ]


def test_a_wave_whose_lease_ran_out_is_taken_over_and_a_released_wave_is_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wave, other = two_waves(db)
    pick_replay(db, scan_file(tmp_path, "p1.jsonl", [HANAKO, wave, "A-01", TEA]), capsys, "P1")
    with db.write() as s:  # P1 walked away: its lease ran out
        s.execute(
            update(PickSession).values(lease_expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
        )
    with db.write() as s:  # a supervisor released the other wave
        s.execute(update(Wave).where(Wave.number == other).values(status="released"))

    lines = pick_replay(
        db, scan_file(tmp_path, "p2.jsonl", [TARO, other, wave, "SLOT-01"]), capsys, "P2"
    )

    assert [(o["verdict"], o["reason"], o["order"], o["scanned"]) for o in lines] == [
        ("info", None, None, None),
        ("rejected", "order_not_packable", None, None),
        ("info", None, wave, 1),  # taken over with the tea P1 took
        ("accepted", None, wave, 1),
    ]
    back = pick_replay(db, scan_file(tmp_path, "p1-back.jsonl", [TEA]), capsys, "P1")
    assert [(o["verdict"], o["reason"]) for o in back] == [("rejected", "order_locked")]


def test_two_pickers_racing_for_one_wave_only_one_holds_it(db: Database, tmp_path: Path) -> None:
    wave, _other = two_waves(db)
    files = {
        name: scan_file(tmp_path, f"{name}.jsonl", [badge, wave, wave, wave])
        for name, badge in (("P1", HANAKO), ("P2", TARO))
    }
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "--db",
                db.url,
                "replay",
                str(path),
                "--station",
                name,
                "--mode",
                "pick",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, path in files.items()
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err

    verdicts = sorted(
        tuple(
            (o["verdict"], o["reason"]) for o in [json.loads(line) for line in out.splitlines()][1:]
        )
        for out, _err in outputs
    )
    assert verdicts == [
        (("info", None), ("info", None), ("info", None)),  # opened, then already open
        (("rejected", "order_locked"),) * 3,
    ]
    with db.read() as s:
        assert len(s.scalars(select(PickSession.id)).all()) == 1


def test_one_order_is_picked_on_its_own_in_a_wave_of_its_own(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    first = scan_file(tmp_path, "first.jsonl", [HANAKO, "#1004", "#1001"])
    other = scan_file(tmp_path, "other.jsonl", [TARO, "#1001"])
    rest = scan_file(
        tmp_path,
        "rest.jsonl",
        ["#1002", "#1001", "A-01", "TOTE-01", "A-01", TEA, TEA, "A-02", CUP, CUP_CASE],
    )

    opened = pick_replay(db, first, capsys, "P1")
    elsewhere = pick_replay(db, other, capsys, "P2")
    lines = pick_replay(db, rest, capsys, "P1")

    assert [(o["verdict"], o["reason"], o["order"], o["expected"]) for o in opened] == [
        ("info", None, None, None),
        ("rejected", "order_not_packable", None, None),  # on hold
        ("info", None, "W-000001", 5),  # a wave of its own: 2 tea, 3 cups
    ]
    assert [(o["verdict"], o["reason"]) for o in elsewhere] == [
        ("info", None),
        ("rejected", "order_locked"),
    ]
    assert [(o["verdict"], o["reason"], o["scanned"]) for o in lines] == [
        ("rejected", "pick_open", 0),
        ("info", None, 0),  # its own order again: still open
        ("rejected", "tote_required", 0),  # its tote before its first bin
        ("info", None, 0),
        ("info", None, 0),
        ("accepted", None, 1),  # one order: no slot to scan
        ("accepted", None, 2),
        ("info", None, 2),
        ("accepted", None, 3),
        ("accepted", None, 5),
    ]
    assert {o["order"] for o in lines} == {"W-000001"}
    assert order_state(db, "#1001")[0] == "picked"
    assert order_state(db, "#1002")[0] == "allocated"


def test_the_screen_after_each_scan_is_the_stored_pick(db: Database) -> None:
    """The pick a station keeps between its scans is what a fresh read finds, scan by scan:
    the view each scan returns equals the view of a station opened anew."""
    bench = stock_bench(db)
    with db.write() as s:
        receive(s, bench.tea, "B-01", 5, walk_seq=1)
    wave = create_wave(db, WaveRequest(orders=("#1001", "#1003"))).number
    kenpin = Kenpin(db)
    station = kenpin.pick_station("P1")
    codes = [HANAKO, wave, "A-01", TEA, "SLOT-01", "KCMD:SHORTPICK", "B-01", TEA, "SLOT-01"]
    codes += ["KCMD:UNDO", "B-01", TEA, "SLOT-01", "A-02", CUP_CASE, "SLOT-01", CUP, "SLOT-01"]
    codes += ["C-01", RICE_L1, "SLOT-02", RICE_L1]
    for code in codes:
        shown = station.scan(sent(code)).view
        assert shown == kenpin.pick_station("P1").view(), code
    # The last unit taken waits for its slot: every line is picked, the wave is not.
    assert (shown.slot, shown.lines_done, shown.wave) == (2, shown.lines_total, wave)
    done = station.scan(sent("SLOT-02")).view
    assert done == kenpin.pick_station("P1").view() and done.wave is None


def test_the_window_keeps_its_wave_while_the_picker_walks_until_another_takes_it(
    db: Database,
) -> None:
    wave, _other = two_waves(db)
    kenpin = Kenpin(db)
    first, second = kenpin.pick_station("P1"), kenpin.pick_station("P2")
    assert not first.renew_lease()  # no wave yet: nothing to keep
    for code in (HANAKO, wave, "A-01"):
        first.scan(sent(code))
    lapsed = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    with db.write() as s:
        s.execute(update(PickSession).values(lease_expires_at=lapsed))

    # The window's timer: the lease runs again from the database's clock.
    assert first.renew_lease()
    second.scan(sent(TARO))
    assert second.scan(sent(wave)).reason is Reason.ORDER_LOCKED

    with db.write() as s:  # the picker walked off for good
        s.execute(update(PickSession).values(lease_expires_at=lapsed))
    assert second.scan(sent(wave)).reason is None  # taken over
    assert not first.renew_lease()
    assert first.view().wave is None
    assert first.scan(sent(TEA)).reason is Reason.ORDER_LOCKED
