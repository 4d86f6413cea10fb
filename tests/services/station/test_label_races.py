"""A label voided while the station scans it back, and two supervisors voiding one label at
once, on PostgreSQL (where the two transactions really do overlap), many times over."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.core.errors import Refused
from app.core.scans import Reason, VerdictKind
from app.db.database import Database
from app.db.shipping_models import Parcel
from app.services.relabel import PrintingAt, void_label
from app.services.signin import Credentials
from app.services.users import add_user
from tests.stationdata import (
    CUP,
    CUP_CASE,
    HANAKO,
    SUPERVISOR_PIN,
    TEA,
    later,
    sent,
    stock_bench,
    tracking_block,
)

BOSS, DEPUTY = "B-900", "B-901"


def at_once(*work: Callable[[], Any]) -> list[Any]:
    """Run each piece of work on a thread of its own, all let go at the same moment; what
    each returned or raised."""
    start = threading.Barrier(len(work))

    def run(job: Callable[[], Any]) -> Any:
        start.wait()
        try:
            return job()
        except Exception as exc:  # the race's loser is part of the result
            return exc

    with ThreadPoolExecutor(len(work)) as pool:
        return list(pool.map(run, work))


def awaited_label(db: Database) -> str:
    """The tracking number of #1001's live label (the one the station waits for)."""
    with db.read() as s:
        number = s.scalar(select(Parcel.tracking_number).where(Parcel.status != "voided"))
    assert number is not None
    return number


def verified_at(db: Database, number: str) -> Any:
    with db.read() as s:
        return s.scalar(select(Parcel.verified_at).where(Parcel.tracking_number == number))


#: The voids of the race are made at S1, so S1 waits for the new label whichever came first
#: (a label already scanned back is waited for at the station where it is voided).
AT_S1 = PrintingAt("S1", "cli: label void")


@pytest.fixture
def waiting(db: Database, tmp_path: Path) -> Database:
    """Station S1 has packed #1001 and waits for its label; two supervisors."""
    stock_bench(db)
    tracking_block(db)
    add_user(db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    add_user(db, "Deputy", "supervisor", DEPUTY, SUPERVISOR_PIN)
    station = Kenpin(db).pack_station("S1", printer=tmp_path.as_uri())
    for n, code in enumerate([HANAKO, "#1001", TEA, TEA, CUP_CASE, CUP, "KCMD:COMPLETE"]):
        station.scan(sent(code), at=later(n))
    return db


@pytest.mark.pg
@pytest.mark.parametrize("db_url", ["pg"], indirect=True)
def test_a_label_voided_while_it_is_scanned_back_is_never_verified(waiting: Database) -> None:
    station = Kenpin(waiting).pack_station("S1")
    verdicts: Counter[str] = Counter()
    for _trial in range(25):
        label = awaited_label(waiting)
        scanned, voided = at_once(
            lambda label=label: station.scan(sent(label)),
            lambda label=label: void_label(
                waiting, label, Credentials(BOSS, SUPERVISOR_PIN), "smudged", AT_S1
            ),
        )
        assert not isinstance(scanned, Exception), scanned
        assert not isinstance(voided, Exception), voided
        verdicts[scanned.verdict.value] += 1
        if scanned.verdict is VerdictKind.ACCEPTED:
            # The scan came first: the label was verified, then voided and replaced.
            assert verified_at(waiting, label) is not None
        else:
            # The void came first: the label it voided is refused, and was never verified.
            assert scanned.reason is Reason.LABEL_VOIDED, scanned.message
            assert verified_at(waiting, label) is None
    assert sum(verdicts.values()) == 25


@pytest.mark.pg
@pytest.mark.parametrize("db_url", ["pg"], indirect=True)
def test_two_voids_of_one_label_at_once_void_it_once(waiting: Database) -> None:
    for _trial in range(40):
        label = awaited_label(waiting)
        outcomes = at_once(
            lambda label=label: void_label(
                waiting, label, Credentials(BOSS, SUPERVISOR_PIN), "smudged"
            ),
            lambda label=label: void_label(
                waiting, label, Credentials(DEPUTY, SUPERVISOR_PIN), "smudged"
            ),
        )
        refused = [o for o in outcomes if isinstance(o, Exception)]
        assert len(refused) == 1, outcomes
        assert isinstance(refused[0], Refused), repr(refused[0])
        assert f"the label {label} is already voided" in str(refused[0])
    with waiting.read() as s:
        statuses = Counter(s.scalars(select(Parcel.status)).all())
    # One label voided per trial, one live label left.
    assert statuses == Counter({"voided": 40, "labelled": 1})
