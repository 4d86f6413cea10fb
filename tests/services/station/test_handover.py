"""The hand-over from picking to packing (issue 11, point 4): a one-order pick goes into a
tote, a wave onto a cart; at the pack bench the tote, or the cart's slot, opens its order,
which shows who picked it; a tote is free again once its order is packed; and a shop can
pack picked orders only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import main
from app.core.waves import WaveRequest
from app.db import handover
from app.db.database import Database
from app.db.models import Order
from app.services.shop_settings import ShopSettings
from app.services.waves import create_wave
from tests.services.station.test_pick import pick_replay, told
from tests.services.station.test_replay import scan_file
from tests.stationdata import (
    CUP,
    CUP_CASE,
    HANAKO,
    RICE_L1,
    TARO,
    TEA,
    mismatches,
    stations_without_labels,
    stock_bench,
)
from tests.stockdata import order_state


def pack_replay(db: Database, path: Path, capsys: pytest.CaptureFixture[str]) -> list[Any]:
    """`kenpin replay` at pack station PK1 (it prints no labels): its JSON objects."""
    assert main(["--debug", "--db", db.url, "replay", str(path), "--station", "PK1"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def verdicts(lines: list[Any]) -> list[tuple[str, str | None]]:
    return [(o["verdict"], o["reason"]) for o in lines]


def test_a_tote_carries_its_order_to_the_pack_bench_and_is_free_once_it_is_packed(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    stations_without_labels(db, "PK1")
    pick = [HANAKO, "#1001", "TOTE-01", "A-01", TEA, TEA, "A-02", CUP, CUP_CASE]
    pick_replay(db, scan_file(tmp_path, "pick.jsonl", pick), capsys)
    assert order_state(db, "#1001")[0] == "picked"
    with db.read() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == "#1001"))
        assert order_id is not None
        picked = handover.picked_by(s, order_id)
    assert picked is not None and picked.by == "Hanako"

    # While #1001 is in it, no other order takes the tote.
    busy = pick_replay(db, scan_file(tmp_path, "busy.jsonl", ["#1002", "TOTE-01"]), capsys)
    assert verdicts(busy) == [("info", None), ("rejected", "tote_in_use")]
    assert mismatches(db)[-1] == ("P1", "tote_in_use", "TOTE-01", "#1002")

    pack = [TARO, "TOTE-09", "TOTE-01", TEA, TEA, CUP, CUP, CUP, "KCMD:COMPLETE", "TOTE-01"]
    packed = pack_replay(db, scan_file(tmp_path, "pack.jsonl", pack), capsys)
    assert verdicts(packed) == [
        ("info", None),
        ("rejected", "tote_empty"),  # no order in this tote
        ("info", None),  # the tote opens #1001
        *[("accepted", None)] * 5,  # the pack bench still checks every unit
        ("accepted", None),  # complete
        ("rejected", "tote_empty"),  # packed: the tote is free
    ]
    assert packed[2]["order"] == "#1001"
    assert order_state(db, "#1001")[0] == "packed"

    # Free again: the next order picked on its own takes it.
    again = pick_replay(db, scan_file(tmp_path, "again.jsonl", ["TOTE-01", "A-01"]), capsys)
    assert verdicts(again) == [("info", None), ("info", None)]


def test_a_cart_at_the_bench_opens_each_order_by_its_slot(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    stations_without_labels(db, "PK1")
    wave = create_wave(db, WaveRequest(orders=("#1001", "#1003"))).number
    first = [HANAKO, wave, "A-01", TEA, "SLOT-01", TEA, "SLOT-01", "A-02", CUP_CASE, "SLOT-01"]
    pick_replay(db, scan_file(tmp_path, "first.jsonl", [*first, CUP]), capsys)
    # The last cup is taken but not in its slot yet: #1001 is still being picked.
    assert order_state(db, "#1001")[0] == "picking"
    pick_replay(db, scan_file(tmp_path, "slot.jsonl", ["SLOT-01"]), capsys)
    # Its last unit in its slot: #1001 is picked while the wave goes on.
    assert [order_state(db, n)[0] for n in ("#1001", "#1003")] == ["picked", "picking"]

    pack = [TARO, "SLOT-01", wave, "SLOT-02", "SLOT-01", TEA, TEA, CUP, CUP, CUP]
    packed = pack_replay(db, scan_file(tmp_path, "pack.jsonl", [*pack, "KCMD:COMPLETE"]), capsys)
    assert verdicts(packed) == [
        ("info", None),
        ("rejected", "cart_unknown"),  # which cart? its wave first
        ("info", None),
        ("rejected", "order_not_packable"),  # #1003 in slot 2 is still being picked
        ("info", None),  # slot 1 of the cart: #1001
        *[("accepted", None)] * 6,
    ]
    assert packed[4]["order"] == "#1001"
    assert order_state(db, "#1001")[0] == "packed"

    # The wave goes on without #1001's lines; then #1003 leaves the cart by its slot.
    rest = ["C-01", RICE_L1, "SLOT-02", RICE_L1, "SLOT-02"]
    picked = pick_replay(db, scan_file(tmp_path, "rest.jsonl", rest), capsys)
    assert [(o["verdict"], o["scanned"], o["expected"]) for o in picked][-1] == ("accepted", 2, 2)
    assert order_state(db, "#1003")[0] == "picked"
    pack = ["SLOT-02", RICE_L1, RICE_L1, "KCMD:COMPLETE", "SLOT-02"]
    packed = pack_replay(db, scan_file(tmp_path, "pack2.jsonl", pack), capsys)
    assert verdicts(packed)[-1] == ("rejected", "order_not_packable")  # already packed
    assert packed[0]["order"] == "#1003"
    assert main(["--db", db.url, "stock", "check"]) == 0


def test_a_shop_that_packs_picked_orders_only_refuses_an_allocated_one(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    stations_without_labels(db, "PK1")
    ShopSettings(db).set_up({"picking.required": "yes"})
    pick_replay(
        db, scan_file(tmp_path, "pick.jsonl", [HANAKO, "#1002", "TOTE-02", "A-01", TEA]), capsys
    )
    packed = pack_replay(db, scan_file(tmp_path, "pack.jsonl", [TARO, "#1001", "TOTE-02"]), capsys)
    assert verdicts(packed) == [("info", None), ("rejected", "order_not_packable"), ("info", None)]
    assert "is not picked yet" in told(db)[-2]
    assert packed[2]["order"] == "#1002"
