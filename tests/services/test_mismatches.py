"""The mismatch log's use cases: the scans around a refusal outside any pack, and the review's
refusals."""

from __future__ import annotations

import pytest

from app.bootstrap import Kenpin
from app.core.errors import Refused
from app.core.scans import BADGE_RECORDED
from app.db.database import Database
from app.services.mismatches import MismatchFilter, MismatchLog
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
        log.review(refusal.id, HANAKO, "")
    add_user(db, "Boss", "admin", "B-1", "2468")
    with pytest.raises(Refused, match="no refusal"):
        log.review(refusal.id + 1, "B-1", "")
    assert log.review(refusal.id, " B-1 ", "ok") == "Boss"
    assert log.page(MismatchFilter(), limit=1)[0].reviewer == "Boss"
