"""An imported order's content, its fingerprint, and how two versions of it differ.

Re-importing an order is decided by its content hash: the same number with
the same hash is unchanged; with another hash it is a conflict the clerk must
sort out, never a silent overwrite. The hash covers everything the file says
about the order (address, carrier, wishes, notes, whether it is cancelled,
and its SKUs with quantities, in any row order), so a file re-exported in a
different row order is still the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True, slots=True)
class OrderContent:
    """What an orders file says about one order, normalised (dates in UTC, codes canonical)."""

    number: str
    order_date: dt.datetime
    customer_name: str
    postal_code: str
    prefecture: str
    city: str
    address1: str
    address2: str = ""
    phone: str = ""
    email: str = ""
    carrier: str = "yamato"
    service: str = ""
    delivery_date: dt.date | None = None
    delivery_time: str = ""
    gift_message: str = ""
    notes: str = ""
    cancelled: bool = False
    lines: tuple[tuple[str, int], ...] = ()

    def units(self) -> int:
        """Units over all lines."""
        return sum(qty for _sku, qty in self.lines)


_FIELDS = tuple(f.name for f in fields(OrderContent))
#: Order fields in the order a difference is reported (the lines are compared apart).
COMPARED = tuple(name for name in _FIELDS if name not in ("number", "lines"))


@dataclass(frozen=True, slots=True)
class OrderDraft:
    """An order read from a file: its content, where it starts and where each line is."""

    content: OrderContent
    line: int
    line_rows: tuple[int, ...]
    source: str


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def content_hash(content: OrderContent) -> str:
    """The order's fingerprint: sha256 of its canonical JSON, lines in SKU order."""
    canonical = {name: getattr(content, name) for name in _FIELDS}
    canonical["order_date"] = _plain(content.order_date)
    canonical["delivery_date"] = _plain(content.delivery_date)
    canonical["lines"] = sorted([sku, qty] for sku, qty in content.lines)
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class OrderSort:
    """An orders file's orders against those already imported."""

    new: list[tuple[OrderDraft, str]]
    unchanged: int
    conflicts: list[OrderDraft]


def sort_orders(drafts: list[OrderDraft], stored: Mapping[str, str]) -> OrderSort:
    """New orders (with their hashes), how many are unchanged, and those that conflict.

    `stored` maps the numbers already imported to their content hashes.
    """
    sort = OrderSort([], 0, [])
    for draft in drafts:
        digest = content_hash(draft.content)
        before = stored.get(draft.content.number)
        if before is None:
            sort.new.append((draft, digest))
        elif before == digest:
            sort.unchanged += 1
        else:
            sort.conflicts.append(draft)
    return sort


def _shown(value: object) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = str(value).replace("\n", " ")
    return f'"{text}"' if len(text) <= 24 else f'"{text[:23]}…"'


def differences(before: OrderContent, after: OrderContent, most: int = 3) -> str:
    """A short account of what changed between two versions of an order."""
    old, new = asdict(before), asdict(after)
    found = [
        f"{name} {_shown(old[name])} -> {_shown(new[name])}"
        for name in COMPARED
        if _plain(old[name]) != _plain(new[name])
    ]
    old_lines, new_lines = dict(before.lines), dict(after.lines)
    for sku in [*old_lines, *(s for s in new_lines if s not in old_lines)]:
        if sku not in new_lines:
            found.append(f"line {sku} removed")
        elif sku not in old_lines:
            found.append(f"line {sku} x{new_lines[sku]} added")
        elif old_lines[sku] != new_lines[sku]:
            found.append(f"{sku} qty {old_lines[sku]} -> {new_lines[sku]}")
    if not found:
        return "content differs"
    shown = "; ".join(found[:most])
    return shown if len(found) <= most else f"{shown}; and {len(found) - most} more"
