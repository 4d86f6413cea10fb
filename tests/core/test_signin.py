"""The PIN rules: who needs one, and when wrong PINs lock a badge."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.roles import Role
from app.core.signin import (
    LOCK_AFTER,
    LOCK_FOR,
    BadgeGuard,
    PinCheck,
    check_pin,
    lock_after_failure,
    pin_problem,
    still_locked,
    until_shown,
)

AT = dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("role", "pin", "guard", "matches", "check"),
    [
        (Role.PACKER, None, BadgeGuard(), None, PinCheck.NOT_NEEDED),
        (Role.PACKER, "0000", BadgeGuard(locked_until=AT), False, PinCheck.NOT_NEEDED),
        (Role.SUPERVISOR, None, BadgeGuard(), None, PinCheck.MISSING),
        (Role.SUPERVISOR, "2468", BadgeGuard(), True, PinCheck.RIGHT),
        (Role.ADMIN, "2469", BadgeGuard(), False, PinCheck.WRONG),
        (Role.ADMIN, "2468", BadgeGuard(locked_until=AT), True, PinCheck.LOCKED),
        (Role.SUPERVISOR, None, BadgeGuard(locked_until=AT), None, PinCheck.LOCKED),
    ],
)
def test_what_a_pin_comes_to(
    role: Role, pin: str | None, guard: BadgeGuard, matches: bool | None, check: PinCheck
) -> None:
    assert check_pin(role, pin, guard, matches) is check


def test_the_fifth_wrong_pin_within_the_window_locks_the_badge_for_fifteen_minutes() -> None:
    assert lock_after_failure(BadgeGuard(LOCK_AFTER - 2), AT) is None
    assert lock_after_failure(BadgeGuard(LOCK_AFTER - 1), AT) == AT + LOCK_FOR
    assert dt.timedelta(minutes=15) == LOCK_FOR


def test_a_lock_runs_until_its_end_and_no_longer() -> None:
    end = AT + LOCK_FOR
    assert still_locked(end, AT) == end
    assert still_locked(end, end) is None
    assert still_locked(None, AT) is None
    assert until_shown(end) == "2026-12-01 15:15"


@pytest.mark.parametrize(
    ("pin", "ok"),
    [("1234", True), ("123", False), ("12a4", False), ("１２３４", False), ("1" * 13, False)],
)
def test_a_pin_is_four_to_twelve_digits(pin: str, ok: bool) -> None:
    assert (pin_problem(pin) is None) is ok
