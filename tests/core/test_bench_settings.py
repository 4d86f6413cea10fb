"""A station's lock-out count: what an admin may set, and what a stored value reads as."""

from __future__ import annotations

import pytest

from app.core.bench_settings import DEFAULT_LOCKOUT_AFTER, lockout_problem, stored_lockout


@pytest.mark.parametrize("value", [0, 1, 3, 99])
def test_a_count_from_0_to_99_may_be_set(value: int) -> None:
    assert lockout_problem(value) is None
    assert stored_lockout(value) == value


@pytest.mark.parametrize("value", [-1, 100])
def test_a_count_outside_0_to_99_is_refused(value: int) -> None:
    assert lockout_problem(value) == "must be a whole number from 0 (off) to 99"


@pytest.mark.parametrize("stored", [None, True, "5", 2.5, -1, 100, {"after": 5}])
def test_a_stored_value_that_is_no_count_reads_as_the_default_3(stored: object) -> None:
    assert stored_lockout(stored) == DEFAULT_LOCKOUT_AFTER == 3
