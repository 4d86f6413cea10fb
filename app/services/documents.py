"""Printing the paper documents: the pick list of a wave, packing slips and message cards.

Orders and their lines carry no prices in the database, so packing slips print
quantities only; the slip layout prints prices when it is given them (and never
on a gift order).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.errors import Refused
from app.core.orders import OrderStatus
from app.db import documents as store
from app.db.database import Database
from app.db.models import Order
from app.labels.message_card import MessageCard, write_message_card
from app.labels.packing_slip import Address, PackingSlip, SlipItem, write_packing_slip
from app.labels.pick_list import PickLine, PickList, WaveEntry, write_pick_list
from app.services.shop_settings import Overrides, sender_in


def pick_list_pdf(
    db: Database,
    out: Path,
    limit: int | None = None,
    orders: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> str:
    """Write the pick list of a wave to `out`; returns a one-line summary.

    The wave is the given order numbers (each must be `allocated`), else every
    allocated order; with `limit`, only the oldest `limit` of those.
    """
    if limit is not None and limit < 1:
        raise Refused(f"--limit: {limit} is not a positive number of orders")
    with db.read() as session:
        wave = _wave(session, orders, limit)
        rows = store.pick_rows(session, [order.id for order in wave])
    return write_pick_list_of(out, pick_list_of(wave, rows, today or dt.date.today()))


def write_pick_list_of(out: Path, pick_list: PickList) -> str:
    """Write `pick_list` to `out`; returns a one-line summary."""
    pages = write_pick_list(out, pick_list)
    return (
        f"pick list written to {out}: {len(pick_list.orders)} orders, "
        f"{len(pick_list.lines)} pick lines, {pick_list.units} units, {pages} page(s)"
    )


def _wave(
    session: Session, numbers: Sequence[str] | None, limit: int | None
) -> list[store.WaveOrder]:
    if not numbers:
        wave = store.oldest_allocated_orders(session, limit)
        if not wave:
            raise Refused("no allocated orders to pick; run `kenpin allocate` first")
        return wave
    unique = list(dict.fromkeys(numbers))
    found = store.orders_by_number(session, unique)
    unknown = [number for number in unique if number not in found]
    if unknown:
        raise Refused(f"no such order: {', '.join(unknown)}")
    not_ready = [
        f"{n} is {found[n].status}" for n in unique if found[n].status != OrderStatus.ALLOCATED
    ]
    if not_ready:
        raise Refused(f"only allocated orders can be picked: {', '.join(not_ready)}")
    wave = [found[number] for number in unique]
    wave.sort(key=lambda order: (order.order_date, order.id))
    return wave[:limit] if limit is not None else wave


def pick_list_of(
    wave: Sequence[store.WaveOrder],
    rows: list[store.PickRow],
    today: dt.date,
    *,
    number: str = "",
    slots: dict[str, int] | None = None,
) -> PickList:
    """The pick list of `wave`'s orders (their reservations `rows`, in walking order);
    a stored wave's `number` and its orders' cart `slots` are printed on it."""
    slots = slots or {}
    position = {order.number: n for n, order in enumerate(wave)}
    grouped: dict[tuple[str, str, str, dt.date | None], list[store.PickRow]] = defaultdict(list)
    for row in rows:  # already in walking order, so the dict keeps it
        grouped[(row.location, row.sku, row.lot_code, row.expiry)].append(row)
    units: dict[str, int] = defaultdict(int)
    lines = []
    for group in grouped.values():
        first = group[0]
        group.sort(key=lambda row: position[row.order_number])
        for row in group:
            units[row.order_number] += row.qty
        lines.append(
            PickLine(
                location=first.location,
                sku=first.sku,
                name=first.name,
                variant=first.variant,
                lot_code=first.lot_code,
                expiry=first.expiry,
                qty=sum(row.qty for row in group),
                orders=tuple((row.order_number, row.qty) for row in group),
            )
        )
    entries = tuple(
        WaveEntry(order.number, order.customer_name, units[order.number], slots.get(order.number))
        for order in wave
    )
    return PickList(tuple(lines), entries, today, number)


def packing_slip_pdf(
    db: Database,
    order_number: str,
    out: Path,
    overrides: Overrides | None = None,
    today: dt.date | None = None,
) -> str:
    """Write the packing slip (納品書) of one order to `out`; returns a one-line summary.

    The shop on it is the shop settings' (`overrides`: this PC's environment over them).
    """
    with db.read() as session:
        order = _order(session, order_number)
        lines = store.slip_lines(session, order.id)
        slip = PackingSlip(
            number=order.number,
            order_date=order.order_date.date(),
            printed_on=today or dt.date.today(),
            ship_to=_address(order),
            ship_from=sender_in(session, overrides or {}),
            items=tuple(SlipItem(line.sku, line.name, line.variant, line.qty) for line in lines),
            gift=bool(order.gift_message.strip()),
        )
    pages = write_packing_slip(out, slip)
    kind = "gift packing slip (no prices)" if slip.gift else "packing slip"
    return f"{kind} for {order_number} written to {out}: {len(slip.items)} lines, {pages} page(s)"


def message_card_pdf(db: Database, order_number: str, out: Path) -> str:
    """Write the gift message card of one order to `out`; returns a one-line summary."""
    with db.read() as session:
        order = _order(session, order_number)
        message = order.gift_message.strip()
        if not message:
            raise Refused(f"order {order_number} has no gift message; there is no card to print")
        card = MessageCard(order.number, message)
    write_message_card(out, card)
    return f"message card for {order_number} written to {out}"


def _order(session: Session, number: str) -> Order:
    order = store.slip_order(session, number)
    if order is None:
        raise Refused(f"no such order: {number}")
    if order.status == OrderStatus.CANCELLED:
        raise Refused(f"order {number} is cancelled")
    return order


def _address(order: Order) -> Address:
    return Address(
        name=order.customer_name,
        postal_code=order.postal_code,
        prefecture=order.prefecture,
        city=order.city,
        lines=tuple(line for line in (order.address1, order.address2) if line),
        phone=order.phone,
    )
