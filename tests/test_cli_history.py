"""`kenpin orders history ORDER`: the order's sections in words, or as JSON for a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.database import Database
from tests.historydata import order_with_history
from tests.services.station.test_labels import number
from tests.stationdata import TEA


@pytest.fixture
def shipped(db: Database, tmp_path: Path) -> Database:
    order_with_history(db, tmp_path / "labels")
    return db


def test_json_has_every_section_with_links_reprints_manifest_and_refusals(
    shipped: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", shipped.url, "orders", "history", "#1001", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert set(shown) == {"number", "status", "shipped_on", "parcels", "notices", "scans", "audit"}
    assert (shown["number"], shown["status"], shown["shipped_on"]) == (
        "#1001",
        "shipped",
        "2026-04-01",
    )
    voided, live = shown["parcels"]
    assert voided["tracking_url"].endswith("number01=" + number(0))
    assert (voided["status"], voided["replaced_by"]) == ("voided", number(1))
    assert [job["reprint"] for job in voided["prints"]] == [False, True]
    assert set(live["manifest"]) == {"carrier", "ship_date", "closed_at"}
    assert (live["manifest"]["carrier"], live["manifest"]["ship_date"]) == ("yamato", "2026-04-01")
    assert live["on_open_manifest"] is False and live["loaded_station"] == "DOCK-1"
    assert shown["notices"][0] | {"at": None} == {
        "kind": "platform",
        "to": "rakuten",
        "at": None,
        "status": "exported",
    }
    refused = [(s["code"], s["reason"]) for s in shown["scans"] if s["verdict"] == "rejected"]
    assert refused == [(TEA, "label_pending"), (number(0), "label_voided")]


def test_words_name_each_section_the_reprint_and_the_refusal(
    shipped: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", shipped.url, "orders", "history", "#1001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Order #1001: shipped (shipped on 2026-04-01)\n")
    for section in ("\nParcels\n", "\nNotices\n", "\nScans\n", "\nAudit trail\n"):
        assert section in out
    assert f"carton 1: {number(0)} (yamato) voided" in out
    assert f"replaced by {number(1)}" in out
    assert "    reprint " in out and "asked by Hanako: printed" in out
    assert "manifest: yamato 2026-04-01, closed" in out
    assert f"rejected (label_pending): {TEA}" in out


def test_an_unknown_order_exits_1_naming_it(
    shipped: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", shipped.url, "orders", "history", "#9999"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "kenpin: ORDER: no order numbered '#9999'\n"
    assert captured.out == ""
