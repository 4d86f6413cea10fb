"""Lot goods through the station and `kenpin replay`: expiry before lot, `lot_check` gs1
(a plain JAN is `lot_required`) and confirm (a plain JAN is counted as the reserved lot,
recorded as not read from the unit), and what the pack screen shows of a lot line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.bootstrap import Kenpin
from app.cli import main
from app.core.scans import LotCheck
from app.db.codes import RegisteredCodes
from app.db.database import Database
from app.db.models import Product
from app.db.station_models import ScanRecord
from app.scanning.classify import classify
from tests.stationdata import (
    HANAKO,
    RICE_GTIN,
    RICE_L1,
    SOAP,
    later,
    lockout_after,
    mismatches,
    rice,
    sent,
    stock_bench,
    tracking_block,
)
from tests.stockdata import order_state

#: A unit of a lot the order does not reserve, still good; and one of it already past.
RICE_L9 = rice("L9", dt.date(2027, 6, 30))
RICE_L9_EXPIRED = rice("L9", dt.date(2026, 3, 1))


def replayed(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], scans: list[str]
) -> list[dict[str, Any]]:
    """`kenpin replay` of `scans` (a second apart from AT) at station S1: its JSON lines."""
    path = tmp_path / "scans.jsonl"
    lines = [json.dumps({"scan": s, "at": later(n).isoformat()}) for n, s in enumerate(scans)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--db", db.url, "replay", str(path), "--station", "S1"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def checked_by(db: Database, sku: str, check: LotCheck) -> None:
    with db.write() as s:
        s.execute(update(Product).where(Product.sku == sku).values(lot_check=check))


def product_scans(db: Database) -> list[tuple[str, str | None, str | None, bool]]:
    """(verdict, reason, lot, lot read) of every product scan recorded, in order."""
    with db.read() as s:
        rows = s.execute(
            select(ScanRecord.verdict, ScanRecord.reason, ScanRecord.lot, ScanRecord.lot_read)
            .where(ScanRecord.kind == "product")
            .order_by(ScanRecord.seq)
        ).all()
    return [(verdict, reason, lot, bool(read)) for verdict, reason, lot, read in rows]


def test_gs1_a_plain_jan_is_lot_required_and_an_expired_unit_is_expired_before_wrong_lot(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    lockout_after(db, "S1", 0)  # three refusals in a row would lock the station
    scans = [HANAKO, "#1003", RICE_GTIN, RICE_L9_EXPIRED, RICE_L9, RICE_L1]

    lines = replayed(db, tmp_path, capsys, scans)

    assert [(o["verdict"], o["reason"], o["scanned"]) for o in lines[2:]] == [
        ("rejected", "lot_required", 0),
        ("rejected", "expired", 0),
        ("rejected", "wrong_lot", 0),
        ("accepted", None, 1),
    ]
    assert [reason for _, reason, _, _ in mismatches(db)] == [
        "lot_required",
        "expired",
        "wrong_lot",
    ]
    assert product_scans(db)[-1] == ("accepted", None, "L1", True)


def test_confirm_a_plain_jan_is_recorded_with_the_reserved_lot_not_read_from_the_unit(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    tracking_block(db)
    checked_by(db, "RICE", LotCheck.CONFIRM)
    scans = [HANAKO, "#1003", RICE_GTIN, RICE_L9, RICE_L9_EXPIRED, RICE_GTIN, RICE_GTIN]

    lines = replayed(db, tmp_path, capsys, [*scans, "KCMD:COMPLETE"])

    assert [(o["verdict"], o["reason"], o["scanned"]) for o in lines[2:]] == [
        ("accepted", None, 1),
        # A GS1 code with a lot is still checked against the reservation.
        ("rejected", "wrong_lot", 1),
        ("rejected", "expired", 1),
        ("accepted", None, 2),
        ("rejected", "over_quantity", 2),
        ("accepted", None, 2),
    ]
    accepted = [(lot, read) for verdict, _, lot, read in product_scans(db) if verdict == "accepted"]
    assert accepted == [("L1", False), ("L1", False)]
    assert order_state(db, "#1003")[0] == "labelled"


def test_the_screen_shows_a_lot_lines_check_and_reserved_lot(db: Database) -> None:
    stock_bench(db)
    checked_by(db, "RICE", LotCheck.CONFIRM)
    station = Kenpin(db).pack_station("S1")
    station.scan(sent(HANAKO), at=later(0))

    view = station.scan(sent("#1003"), at=later(1)).view

    assert view is not None
    assert [(ln.sku, ln.lot_check, ln.reserved) for ln in view.lines] == [
        ("RICE", LotCheck.CONFIRM, "L1 2026-12-31")
    ]
    station.scan(sent("KCMD:CANCEL"), at=later(2))
    view = station.scan(sent("#1001"), at=later(3)).view
    assert view is not None
    # Goods without lots: no lot check, nothing reserved to show.
    assert {(ln.lot_check, ln.reserved) for ln in view.lines} == {(None, "")}


def test_a_scanned_code_names_its_product_for_a_refusal_without_another_query(
    db: Database,
) -> None:
    stock_bench(db)
    with db.read() as s:
        found = RegisteredCodes(s).product_by_code(SOAP)
        gs1 = classify(sent(RICE_L1), RegisteredCodes(s)).product
    assert found is not None
    assert (found.sku, found.item, found.units) == ("SOAP", "item SOAP", 1)
    assert gs1 is not None
    assert (gs1.sku, gs1.item, gs1.lot, gs1.expiry) == (
        "RICE",
        "item RICE",
        "L1",
        dt.date(2026, 12, 31),
    )
