"""A station's scanner settings kept in its row, and test scans classified at the station."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.bootstrap import Kenpin, open_database, read_settings
from app.cli import main
from app.core.errors import Refused
from app.core.scans import Scan, ScanKind
from app.db.database import Database
from app.db.models import Station
from app.scanning.bursts import Terminator
from app.scanning.settings import ScanRules
from app.services.scanner_setup import CodeMeaning
from tests.stationdata import HANAKO, RICE_L1, TEA, sent, stations_without_labels, stock_bench


def stored_json(db: Database, name: str) -> dict[str, object]:
    with db.read() as s:
        return dict(json.loads(s.scalar(select(Station.settings).where(Station.name == name))))


def test_saved_settings_are_kept_per_station_beside_its_other_settings(db: Database) -> None:
    stations_without_labels(db, "PACK-1")
    setup = Kenpin(db).scanner_setup()
    in_force = setup.save("PACK-1", ScanRules(key_gap_ms=60, terminator=Terminator.TAB))
    assert (in_force.key_gap_ms, in_force.min_length, in_force.terminators) == (60, 4, "\t")
    # A later save of one setting keeps the others; the station still prints no labels.
    setup.save("PACK-1", ScanRules(gs1_standin="~"))
    assert stored_json(db, "PACK-1") == {
        "labels": "off",
        "scanner": {"gs1_standin": "~", "key_gap_ms": 60, "terminator": "tab"},
    }
    # Another station keeps the defaults; a new one is made on its first save.
    assert Kenpin(db).wedge_settings("PACK-2").key_gap_ms == 30
    setup.save("PACK-3", ScanRules(min_length=8))
    assert Kenpin(db).wedge_settings("PACK-3").min_length == 8


def test_the_station_window_reads_its_scanners_as_the_station_keeps_them(db: Database) -> None:
    Kenpin(db).scanner_setup().save("PACK-1", ScanRules(key_gap_ms=60, min_length=8))
    kenpin = Kenpin(db, read_settings({"KENPIN_SCAN_MIN_LENGTH": "5"}))
    (wedge,) = kenpin.scanners("PACK-1")
    # The environment still wins over what the station keeps.
    assert (wedge.settings.key_gap_ms, wedge.settings.min_length) == (60, 5)  # type: ignore[attr-defined]


def test_a_bad_stored_value_is_refused_naming_the_station(db: Database) -> None:
    with db.write() as s:
        s.add(Station(name="PACK-9", settings='{"scanner": {"key_gap_ms": "fast"}}'))
    with pytest.raises(Refused, match="station PACK-9's scanner settings: key_gap_ms: 'fast'"):
        Kenpin(db).wedge_settings("PACK-9")


def test_a_test_scan_is_classified_against_the_station_database(db: Database) -> None:
    stock_bench(db)
    setup = Kenpin(db).scanner_setup()
    assert setup.meaning(sent(TEA)) == CodeMeaning(ScanKind.PRODUCT, "TEA item TEA")
    assert setup.meaning(sent(HANAKO)).kind == ScanKind.BADGE
    assert setup.meaning(sent("#1001")).kind == ScanKind.ORDER
    assert setup.meaning(Scan("KCMD:UNDO")) == CodeMeaning(ScanKind.COMMAND, "KCMD:UNDO")
    rice = setup.meaning(sent(RICE_L1))
    assert (rice.kind, rice.item.split()[0], rice.lot) == (ScanKind.PRODUCT, "RICE", "L1")
    assert setup.meaning(Scan("nothing-here")).kind == ScanKind.UNKNOWN


def test_kenpin_scanner_sets_and_shows_a_station_s_settings_and_where_each_comes_from(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    scanner = ["--db", db_url, "scanner", "PACK-1"]
    assert main([*scanner, "--gap-ms", "60", "--terminator", "tab", "--gs1-standin", ""]) == 0
    monkeypatch.setenv("KENPIN_SCAN_KEY_GAP_MS", "45")
    assert main(scanner) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[4:] == [
        "gap-ms: 45 (KENPIN_SCAN_KEY_GAP_MS)",
        "min-length: 4 (default)",
        "terminator: tab (station)",
        "gs1-standin: '' (station)",
    ]


def test_kenpin_scanner_refuses_a_bad_value_naming_its_option_and_changes_nothing(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "scanner", "PACK-1", "--min-length", "0", "--gap-ms", "9"]) == 1
    assert (
        capsys.readouterr().err == "kenpin: --min-length: '0' is not a whole number of at least 1\n"
    )
    assert Kenpin(open_database(db_url)).wedge_settings("PACK-1").key_gap_ms == 30
