"""The mismatch log's use cases: the scans around a refusal outside any pack, and the review's
refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.bootstrap import Kenpin
from app.core.errors import Refused
from app.core.scans import BADGE_RECORDED
from app.db.database import Database
from app.db.signin_models import BadgeFailure
from app.services.mismatches import MismatchFilter, MismatchLog
from app.services.signin import Credentials
from app.services.users import add_user
from tests.stationdata import HANAKO, SOAP, TEA, later, sent, stock_bench


def test_a_refusal_outside_any_pack_shows_the_stations_scans_around_it(db: Database) -> None:
    stock_bench(db)
    station = Kenpin(db).pack_station("S1")
    for n, code in enumerate([HANAKO, SOAP, "#1001", TEA]):
        station.scan(sent(code), at=later(n))
    log = MismatchLog(db)
    (refusal,) = log.page(MismatchFilter())
    assert (refusal.reason, refusal.order, refusal.sku) == ("no_open_pack", None, "SOAP")
    details = log.details(refusal.id)
    assert details is not None
    assert [(scan.raw, scan.verdict) for scan in details.around] == [
        (BADGE_RECORDED, "info"),  # a badge is a credential: never recorded as its code
        (SOAP, "rejected"),
        ("#1001", "info"),
        (TEA, "accepted"),
    ]
    assert log.details(refusal.id + 1) is None


def test_a_review_needs_a_supervisor_and_a_refusal(db: Database) -> None:
    stock_bench(db)
    Kenpin(db).pack_station("S1").scan(sent(SOAP), at=later(0))  # nobody logged in
    log = MismatchLog(db)
    (refusal,) = log.page(MismatchFilter())
    assert refusal.packer is None and refusal.reason == "not_logged_in"
    with pytest.raises(Refused, match="supervisor"):
        log.review(refusal.id, Credentials(HANAKO, "2468"), "", place="S1")
    add_user(db, "Boss", "admin", "B-1", "2468")
    with pytest.raises(Refused, match="wrong PIN for Boss"):
        log.review(refusal.id, Credentials("B-1", "1357"), "", place="S1")
    with pytest.raises(Refused, match="no refusal"):
        log.review(refusal.id + 1, Credentials("B-1", "2468"), "", place="S1")
    assert log.page(MismatchFilter(), limit=1)[0].reviewer is None
    assert log.review(refusal.id, Credentials(" B-1 ", "2468"), "ok", place="S1") == "Boss"
    assert log.page(MismatchFilter(), limit=1)[0].reviewer == "Boss"
    # The wrong PIN was kept, as at a station: it counts towards the lock.
    with db.read() as s:
        assert list(s.scalars(select(BadgeFailure.place))) == ["S1"]
