"""Signing in at the station: packers by badge, supervisors and admins by badge and PIN;
five wrong PINs within 15 minutes lock a badge for 15 minutes. Through the use case and
through `kenpin replay`; the PIN is never written down, nor is a badge."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import Kenpin
from app.cli import main
from app.core.scans import BADGE_RECORDED, Note, Reason, VerdictKind
from app.db.database import Database
from app.db.signin_models import BadgeFailure
from app.db.station_models import ScanRecord
from app.services.station.outcome import ScanOutcome
from app.services.station.pack import PackStation
from app.services.users import add_user
from tests.services.station.test_replay import scan_file
from tests.stationdata import AT, HANAKO, SUPERVISOR_PIN, mismatches, sent, stock_bench

SATO, ADMIN = "BADGE-S1", "BADGE-A1"
WRONG = "9999"


@pytest.fixture
def bench(db: Database) -> Database:
    stock_bench(db)
    add_user(db, "佐藤 健", "supervisor", SATO, SUPERVISOR_PIN)
    add_user(db, "Ken", "admin", ADMIN, "13579")
    return db


def station(db: Database) -> PackStation:
    return Kenpin(db).pack_station("S1")


def at(minutes: float) -> dt.datetime:
    return AT + dt.timedelta(minutes=minutes)


def who(outcome: ScanOutcome) -> str | None:
    assert outcome.view is not None
    return outcome.view.user.name if outcome.view.user else None


@pytest.mark.parametrize(
    ("badge", "pin", "verdict", "reason", "note", "logged_in"),
    [
        (HANAKO, None, VerdictKind.INFO, None, Note.LOGGED_IN, "Hanako"),
        (HANAKO, WRONG, VerdictKind.INFO, None, Note.LOGGED_IN, "Hanako"),
        (SATO, SUPERVISOR_PIN, VerdictKind.INFO, None, Note.LOGGED_IN, "佐藤 健"),
        (SATO, WRONG, VerdictKind.REJECTED, Reason.WRONG_PIN, None, None),
        (SATO, None, VerdictKind.INFO, None, Note.PIN_NEEDED, None),
        (ADMIN, "13579", VerdictKind.INFO, None, Note.LOGGED_IN, "Ken"),
        (ADMIN, SUPERVISOR_PIN, VerdictKind.REJECTED, Reason.WRONG_PIN, None, None),
        (ADMIN, None, VerdictKind.INFO, None, Note.PIN_NEEDED, None),
    ],
)
def test_who_signs_in_with_which_pin(
    bench: Database,
    badge: str,
    pin: str | None,
    verdict: VerdictKind,
    reason: Reason | None,
    note: Note | None,
    logged_in: str | None,
) -> None:
    outcome = station(bench).scan(sent(badge), at=AT, pin=pin)
    assert (outcome.verdict, outcome.reason, outcome.note) == (verdict, reason, note)
    assert who(outcome) == logged_in
    failures = 1 if reason is Reason.WRONG_PIN else 0
    with bench.read() as s:
        assert s.scalar(select(func.count()).select_from(BadgeFailure)) == failures


def test_the_view_names_the_role_of_who_is_logged_in(bench: Database) -> None:
    outcome = station(bench).scan(sent(SATO), at=AT, pin=SUPERVISOR_PIN)
    assert outcome.view is not None and outcome.view.user is not None
    assert (outcome.view.user.name, outcome.view.user.role) == ("佐藤 健", "supervisor")


def test_a_supervisor_logs_out_with_the_badge_alone(bench: Database) -> None:
    here = station(bench)
    here.scan(sent(SATO), at=AT, pin=SUPERVISOR_PIN)
    outcome = here.scan(sent(SATO), at=at(1))
    assert (outcome.note, who(outcome)) == (Note.LOGGED_OUT, None)


def test_five_wrong_pins_in_15_minutes_lock_the_badge_for_15_minutes(bench: Database) -> None:
    here = station(bench)
    reasons = [here.scan(sent(SATO), at=at(n * 3), pin=WRONG).reason for n in range(5)]
    assert reasons == [Reason.WRONG_PIN] * 5
    # Locked from the fifth (minute 12) until minute 27: the right PIN too is refused.
    locked = here.scan(sent(SATO), at=at(20), pin=SUPERVISOR_PIN)
    assert (locked.reason, who(locked)) == (Reason.BADGE_LOCKED, None)
    assert "2026-04-01 10:27" in locked.message
    assert here.scan(sent(SATO), at=at(26.9), pin=SUPERVISOR_PIN).reason is Reason.BADGE_LOCKED
    # The lock runs out: the right PIN signs in.
    after = here.scan(sent(SATO), at=at(27), pin=SUPERVISOR_PIN)
    assert (after.reason, who(after)) == (None, "佐藤 健")
    with bench.read() as s:
        kept = s.execute(
            select(BadgeFailure.place, BadgeFailure.locked_until).order_by(BadgeFailure.id)
        ).all()
    assert [place for place, _ in kept] == ["S1"] * 5
    assert [until is not None for _, until in kept] == [False] * 4 + [True]
    assert [reason for _s, reason, _c, _o in mismatches(bench)] == ["wrong_pin"] * 5 + [
        "badge_locked"
    ] * 2


def test_wrong_pins_spread_over_more_than_15_minutes_lock_nothing(bench: Database) -> None:
    here = station(bench)
    for n in range(8):
        assert here.scan(sent(SATO), at=at(n * 4), pin=WRONG).reason is Reason.WRONG_PIN
    assert who(here.scan(sent(SATO), at=at(33), pin=SUPERVISOR_PIN)) == "佐藤 健"


def test_a_packer_is_never_locked_out(bench: Database) -> None:
    here = station(bench)
    for n in range(6):
        here.scan(sent(SATO), at=at(n), pin=WRONG)
    assert who(here.scan(sent(HANAKO), at=at(7))) == "Hanako"


def test_through_replay_a_line_carries_the_pin_and_it_is_never_written_down(
    bench: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    path = scan_file(
        tmp_path,
        "signin.jsonl",
        [
            {"scan": SATO},
            {"scan": SATO, "pin": "86420"},
            {"scan": SATO, "pin": SUPERVISOR_PIN},
            "KCMD:LOGOUT",
            {"scan": HANAKO, "pin": "86420"},
        ],
    )
    assert main(["--db", bench.url, "replay", str(path), "--station", "S1"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(line["scan"], line["verdict"], line["reason"]) for line in lines] == [
        (BADGE_RECORDED, "info", None),
        (BADGE_RECORDED, "rejected", "wrong_pin"),
        (BADGE_RECORDED, "info", None),
        ("KCMD:LOGOUT", "info", None),
        (BADGE_RECORDED, "info", None),
    ]
    for secret in (SUPERVISOR_PIN, "86420", SATO):
        assert secret not in out and secret not in err and secret not in caplog.text
    with bench.read() as s:
        recorded = s.execute(select(ScanRecord.raw, ScanRecord.code, ScanRecord.message)).all()
    assert not any(
        secret in field for row in recorded for field in row for secret in ("86420", SATO)
    )
    assert [reason for _s, reason, scanned, _o in mismatches(bench)] == ["wrong_pin"]
    assert all(scanned == BADGE_RECORDED for _s, _r, scanned, _o in mismatches(bench))


def test_a_replay_line_with_a_pin_that_is_no_pin_is_refused_before_anything(
    bench: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scan_file(
        tmp_path, "bad.jsonl", [{"scan": SATO, "pin": 2468}, {"scan": SATO, "pin": "24x8"}]
    )
    assert main(["--db", bench.url, "replay", str(path), "--station", "S1"]) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl:1: pin: not a string of digits" in err
    assert "bad.jsonl:2: pin: must be 4 to 12 digits" in err
    assert "24x8" not in err


def test_no_badge_code_is_in_the_database_file(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(sqlite_db)
    # PINs long enough that no hash or number in the file holds them by chance.
    right, wrong = "73519246", "86420975"
    add_user(sqlite_db, "佐藤 健", "supervisor", SATO, right)
    here = station(sqlite_db)
    here.scan(sent(SATO), at=AT, pin=wrong)
    assert who(here.scan(sent(SATO), at=at(1), pin=right)) == "佐藤 健"
    here.scan(sent(HANAKO), at=at(2))
    database = sqlite_db.engine.url.database
    assert database is not None
    sqlite_db.dispose()
    data = b"".join(
        path.read_bytes() for path in Path(database).parent.glob(Path(database).name + "*")
    )
    assert data  # the file (and its log) was read
    for secret in (SATO, HANAKO, right, wrong):
        assert secret.encode() not in data
