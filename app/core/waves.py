"""Waves: which allocated orders go to the pickers together, and what a wave is called.

A wave is named `W-` and six digits, numbered one after the other. Its orders
are the oldest allocated ones (by order date, then number), only one carrier's
when asked, at most so many; or exactly the orders a supervisor lists, each of
which must be allocated and in no open wave. An order's place in the wave is
its slot on the picking cart (slot 1 the oldest).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.core.errors import Refused
from app.core.orders import OrderStatus

_NUMBER = re.compile(r"W-(\d{6})")


class WaveStatus(StrEnum):
    """A wave's state: its orders being picked, handed back by a supervisor, or all picked."""

    OPEN = "open"
    RELEASED = "released"
    DONE = "done"


def wave_number(sequence: int) -> str:
    """The wave's printed number: `W-000001` for the first."""
    return f"W-{sequence:06d}"


def next_wave_number(last: str | None) -> str:
    """The number after `last` (the highest so far), or the first one."""
    sequence = wave_sequence(last) if last is not None else 0
    return wave_number((sequence or 0) + 1)


def wave_sequence(number: str) -> int | None:
    """The sequence of a wave number as printed (`W-000012` is 12); None if it is not one."""
    found = _NUMBER.fullmatch(number.strip().upper())
    return int(found.group(1)) if found else None


@dataclass(frozen=True, slots=True)
class WaveCandidate:
    """An order as a wave sees it: its status and, when an open wave holds it, which."""

    id: int
    number: str
    status: str
    carrier: str
    order_date: dt.datetime
    open_wave: str | None = None


@dataclass(frozen=True, slots=True)
class WaveRequest:
    """What `kenpin wave create` was asked for: a carrier, a most, or a list of orders."""

    carrier: str | None = None
    max_orders: int | None = None
    orders: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.max_orders is not None and self.max_orders < 1:
            raise Refused(f"--max-orders: {self.max_orders} is not 1 or more")
        if self.orders and (self.carrier is not None or self.max_orders is not None):
            raise Refused(
                "--orders: the listed orders are the wave; leave out --carrier and --max-orders"
            )


def listed_orders(text: str) -> tuple[str, ...]:
    """`--orders`' comma-separated numbers, each once, in the order given."""
    numbers = [number.strip() for number in text.split(",")]
    if not all(numbers):
        raise Refused(f"--orders: {text!r} has an empty order number")
    return tuple(dict.fromkeys(numbers))


def oldest_first(orders: Iterable[WaveCandidate]) -> list[WaveCandidate]:
    """Orders in the wave's order: oldest order date first, then by number."""
    return sorted(orders, key=lambda order: (order.order_date, order.number))


def choose(candidates: Iterable[WaveCandidate], request: WaveRequest) -> list[WaveCandidate]:
    """The wave's orders, oldest first, out of `candidates` (which may hold others)."""
    chosen = [
        order
        for order in candidates
        if order.status == OrderStatus.ALLOCATED
        and order.open_wave is None
        and (request.carrier is None or order.carrier == request.carrier)
    ]
    chosen = oldest_first(chosen)
    return chosen[: request.max_orders] if request.max_orders is not None else chosen


def why_not(number: str, order: WaveCandidate | None) -> str | None:
    """Why a listed order cannot join a wave, in words naming it; None when it can."""
    if order is None:
        return f"{number}: no such order"
    if order.open_wave is not None:
        return f"{number}: already in wave {order.open_wave}"
    if order.status != OrderStatus.ALLOCATED:
        return f"{number}: is {order.status}, not allocated"
    return None


def check_listed(numbers: Sequence[str], found: dict[str, WaveCandidate]) -> list[WaveCandidate]:
    """The listed orders, oldest first; refused naming every order that cannot join."""
    problems = [why for number in numbers if (why := why_not(number, found.get(number)))]
    if problems:
        raise Refused("no wave created: " + "; ".join(problems))
    return oldest_first(found[number] for number in numbers)
