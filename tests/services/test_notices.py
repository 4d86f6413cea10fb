"""Shipment notices to the shop platforms (issue 12, point 3): `kenpin notify export` writes
the orders shipped since the platform's last file, each order once unless asked again."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from app.cli import main
from app.db.database import Database
from app.services.shop_settings import ShopSettings
from app.services.station.dock import DockStation
from tests.dockdata import LOADER, PACKED_AT, Parcels, dock_bench
from tests.stationdata import sent, stored_state

DAY = PACKED_AT.date()


@pytest.fixture
def shipped(db: Database, tmp_path: Path) -> Parcels:
    """#1001 (yamato) and #1002 (sagawa) loaded and their manifests closed: shipped."""
    made = dock_bench(db)
    ShopSettings(db).set_up(
        {
            "yamato.customer_code": "0123456789",
            "yamato.freight_code": "01",
            "sagawa.customer_code": "123456789012",
        }
    )
    dock = DockStation(db, "D1")
    at = PACKED_AT + dt.timedelta(hours=1)
    for code in (LOADER, made.yamato, "KCMD:CANCEL", made.sagawa):
        dock.scan(sent(code), at=at)
    for carrier in ("yamato", "sagawa"):
        args = ["manifest", "close", carrier, "--date", DAY.isoformat(), "--out", str(tmp_path)]
        assert main(["--db", db.url, *args]) == 0
    return made


def export(db: Database, platform: str, out: Path, *extra: str) -> int:
    return main(
        ["--db", db.url, "notify", "export", "--platform", platform, "--out", str(out), *extra]
    )


def test_rakuten_gets_each_shipped_order_once_unless_asked_again(
    db: Database, shipped: Parcels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    out = tmp_path / "rakuten.csv"
    assert export(db, "rakuten", out) == 0
    assert capsys.readouterr().out.startswith("rakuten: 2 order(s), 2 parcel(s) written to")
    data = out.read_bytes()
    assert data.endswith(b"\r\n") and data.count(b"\r\n") == 3
    rows = list(csv.reader(io.StringIO(data.decode("cp932"), newline="")))
    assert rows == [
        ["注文番号", "送付先ID", "発送明細ID", "お荷物伝票番号", "配送会社", "発送日"],
        ["#1001", "", "", shipped.yamato, "1001", DAY.isoformat()],
        ["#1002", "", "", shipped.sagawa, "1002", DAY.isoformat()],
    ]
    # Sent already: the next export has nothing to write, and writes no file.
    out.unlink()
    assert export(db, "rakuten", out) == 0
    assert "nothing written" in capsys.readouterr().out
    assert not out.exists()
    # Another platform has its own record; --again sends the sent ones anew.
    assert export(db, "generic", tmp_path / "generic.csv") == 0
    assert export(db, "rakuten", out, "--again") == 0
    assert len(out.read_bytes().decode("cp932").split("\r\n")) == 4


def test_amazon_shopify_and_generic_files_name_the_carrier_their_way(
    db: Database, shipped: Parcels, tmp_path: Path
) -> None:
    amazon = tmp_path / "amazon.txt"
    assert export(db, "amazon", amazon) == 0
    lines = amazon.read_bytes().decode("cp932").split("\r\n")
    assert lines[0].startswith("TemplateType=OrderFulfillment\tVersion=2011.1102")
    assert lines[2].split("\t")[0] == "order-id"
    assert [line.split("\t")[0] for line in lines[3:-1]] == ["#1001", "#1002"]
    shopify = tmp_path / "shopify.csv"
    assert export(db, "shopify", shopify) == 0
    rows = list(csv.reader(io.StringIO(shopify.read_text("utf-8-sig"), newline="")))
    assert [row[2] for row in rows[1:]] == ["Yamato (JA)", "Sagawa (JA)"]
    assert rows[1][3].endswith(f"number01={shipped.yamato}")
    generic = tmp_path / "generic.csv"
    assert export(db, "generic", generic) == 0
    rows = list(csv.reader(io.StringIO(generic.read_text("utf-8-sig"), newline="")))
    assert rows[0] == ["order_number", "carrier", "tracking_number", "tracking_url", "ship_date"]
    assert rows[2][:3] == ["#1002", "佐川急便", shipped.sagawa]


def test_a_file_that_cannot_be_written_records_nothing(
    db: Database, shipped: Parcels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = stored_state(db)
    assert export(db, "rakuten", tmp_path / "no-such-folder" / "r.csv") == 1
    assert "is not a folder" in capsys.readouterr().err
    assert stored_state(db) == before
    assert export(db, "rakuten", tmp_path / "r.csv") == 0
    assert "2 order(s)" in capsys.readouterr().out
