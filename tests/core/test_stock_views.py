"""How near its expiry the Stock page says a lot is."""

from __future__ import annotations

import datetime as dt

from app.core.stock_views import Freshness, freshness

TODAY = dt.date(2026, 6, 1)


def test_a_lot_is_near_expiry_within_30_days_and_expired_after_its_day() -> None:
    assert freshness(None, TODAY) is Freshness.FRESH
    assert freshness(dt.date(2026, 7, 2), TODAY) is Freshness.FRESH
    assert freshness(dt.date(2026, 7, 1), TODAY) is Freshness.NEAR_EXPIRY
    assert freshness(TODAY, TODAY) is Freshness.NEAR_EXPIRY
    assert freshness(dt.date(2026, 5, 31), TODAY) is Freshness.EXPIRED
