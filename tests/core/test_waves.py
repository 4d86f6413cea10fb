"""Which orders a wave takes, and what a wave is called."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import Refused
from app.core.waves import (
    WaveCandidate,
    WaveRequest,
    check_listed,
    choose,
    listed_orders,
    next_wave_number,
    wave_sequence,
)

MORNING = dt.datetime(2026, 4, 1, 9, 0, tzinfo=dt.UTC)


def order(
    number: str,
    minutes: int = 0,
    status: str = "allocated",
    carrier: str = "yamato",
    open_wave: str | None = None,
) -> WaveCandidate:
    return WaveCandidate(
        int(number.strip("#")),
        number,
        status,
        carrier,
        MORNING + dt.timedelta(minutes=minutes),
        open_wave,
    )


def numbers(orders: list[WaveCandidate]) -> list[str]:
    return [o.number for o in orders]


def test_waves_are_numbered_one_after_the_other_in_six_digits() -> None:
    assert next_wave_number(None) == "W-000001"
    assert next_wave_number("W-000009") == "W-000010"
    assert wave_sequence(" w-000012 ") == 12
    assert wave_sequence("W-12") is None
    assert wave_sequence("#1001") is None


def test_a_wave_takes_the_oldest_allocated_orders_first_then_by_number() -> None:
    candidates = [
        order("#1003", minutes=5),
        order("#1002", minutes=0),
        order("#1001", minutes=0),
        order("#1004", minutes=1, status="on_hold"),
        order("#1005", minutes=2, status="picking", open_wave="W-000001"),
    ]
    assert numbers(choose(candidates, WaveRequest())) == ["#1001", "#1002", "#1003"]
    assert numbers(choose(candidates, WaveRequest(max_orders=2))) == ["#1001", "#1002"]


def test_a_carriers_wave_takes_only_that_carriers_orders() -> None:
    candidates = [order("#1001"), order("#1002", 1, carrier="sagawa"), order("#1003", 2)]
    assert numbers(choose(candidates, WaveRequest(carrier="sagawa"))) == ["#1002"]


def test_listed_orders_must_each_be_allocated_and_in_no_open_wave() -> None:
    found = {
        "#1001": order("#1001", 3),
        "#1002": order("#1002", 1, status="packing"),
        "#1003": order("#1003", 2, status="picking", open_wave="W-000004"),
    }
    with pytest.raises(Refused) as refused:
        check_listed(["#1001", "#1002", "#1003", "#9999"], found)
    assert str(refused.value) == (
        "no wave created: #1002: is packing, not allocated; #1003: already in wave W-000004; "
        "#9999: no such order"
    )
    found["#1000"] = order("#1000", 0)
    assert numbers(check_listed(["#1001", "#1000"], found)) == ["#1000", "#1001"]


def test_the_orders_option_is_read_as_a_comma_separated_list() -> None:
    assert listed_orders("#1001, #1002,#1001") == ("#1001", "#1002")
    with pytest.raises(Refused, match="empty order number"):
        listed_orders("#1001,,#1002")


@pytest.mark.parametrize(
    ("request_args", "words"),
    [
        ({"max_orders": 0}, "--max-orders: 0 is not 1 or more"),
        ({"orders": ("#1001",), "carrier": "yamato"}, "leave out --carrier and --max-orders"),
    ],
)
def test_a_request_that_cannot_be_met_is_refused(
    request_args: dict[str, object], words: str
) -> None:
    with pytest.raises(Refused, match=words):
        WaveRequest(**request_args)  # type: ignore[arg-type]
