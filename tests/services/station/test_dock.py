"""Loading parcels at the dock through `kenpin replay --mode dock` (issue 12, point 1): each
parcel scanned onto its carrier's truck; a parcel not scanned back, loaded twice, voided, of
another carrier or unknown is refused with its reason and a mismatch-log row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.core.scans import Reason
from app.db.database import Database
from app.db.models import Order
from app.db.shipping_models import Parcel
from app.db.station_models import StationState
from tests.dockdata import LOADER, Parcels, dock_bench
from tests.services.station.test_replay import KEYS, scan_file
from tests.stationdata import mismatches


def dock_replay(
    db: Database, path: Path, capsys: pytest.CaptureFixture[str], station: str = "D1"
) -> list[dict[str, Any]]:
    """Run `kenpin replay --mode dock` at `station`; its JSON objects."""
    args = ["--db", db.url, "replay", str(path), "--station", station, "--mode", "dock"]
    assert main(args) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(list(obj) == KEYS for obj in objects)
    return objects


@pytest.fixture
def parcels(db: Database) -> Parcels:
    return dock_bench(db)


def loaded(db: Database) -> dict[str, str | None]:
    """Tracking number -> the dock station that loaded it (None: not loaded)."""
    with db.read() as s:
        rows = s.execute(select(Parcel.tracking_number, Parcel.loaded_station_id)).all()
    return {tracking: str(station) if station else None for tracking, station in rows}


def test_a_truck_is_loaded_parcel_by_parcel_and_every_wrong_parcel_is_refused(
    db: Database, parcels: Parcels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scan_file(
        tmp_path,
        "dock.jsonl",
        [
            parcels.yamato,  # nobody logged in
            LOADER,
            parcels.unverified,  # its label was never scanned back
            parcels.yamato,  # loaded: the truck is Yamato's now
            parcels.yamato,  # twice
            parcels.sagawa,  # another carrier's
            "4999999999994",  # no parcel's label
            "KCMD:CANCEL",  # the Yamato truck is done
            parcels.sagawa,  # a new truck: Sagawa's
        ],
    )
    out = dock_replay(db, path, capsys)
    said = [(o["verdict"], o["reason"], o["order"], o["scanned"], o["expected"]) for o in out]
    assert said == [
        ("rejected", "not_logged_in", "#1001", None, None),
        ("info", None, None, None, None),
        ("rejected", "not_verified", "#1003", None, None),
        ("accepted", None, "#1001", 1, 1),
        ("rejected", "already_loaded", "#1001", 1, 1),
        ("rejected", "wrong_carrier", "#1002", 1, 1),
        ("rejected", "unknown_barcode", None, 1, 1),
        ("info", None, None, None, None),
        ("accepted", None, "#1002", 1, 1),
    ]
    logged = [(reason, order) for _station, reason, _code, order in mismatches(db)]
    assert logged == [
        (Reason.NOT_LOGGED_IN, "#1001"),
        (Reason.NOT_VERIFIED, "#1003"),
        (Reason.ALREADY_LOADED, "#1001"),
        (Reason.WRONG_CARRIER, "#1002"),
        (Reason.UNKNOWN_BARCODE, None),
    ]
    stations = loaded(db)
    assert stations[parcels.yamato] is not None and stations[parcels.sagawa] is not None
    assert stations[parcels.unverified] is None
    assert main(["--db", db.url, "stock", "check"]) == 0


def test_undo_takes_the_last_parcel_off_the_truck(
    db: Database, parcels: Parcels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scan_file(tmp_path, "undo.jsonl", [LOADER, parcels.yamato, "KCMD:UNDO", "KCMD:UNDO"])
    out = dock_replay(db, path, capsys)
    assert [(o["verdict"], o["order"], o["scanned"]) for o in out[1:]] == [
        ("accepted", "#1001", 1),
        ("info", "#1001", 0),
        ("info", None, 0),
    ]
    assert loaded(db)[parcels.yamato] is None


def test_a_parcel_loaded_at_one_dock_is_refused_at_another(
    db: Database, parcels: Parcels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dock_replay(db, scan_file(tmp_path, "a.jsonl", [LOADER, parcels.yamato]), capsys, "D1")
    out = dock_replay(db, scan_file(tmp_path, "b.jsonl", [LOADER, parcels.yamato]), capsys, "D2")
    assert (out[1]["verdict"], out[1]["reason"]) == ("rejected", "already_loaded")
    with db.read() as s:
        trucks = dict(s.execute(select(StationState.station_id, StationState.dock_carrier)).all())
    assert sorted(filter(None, trucks.values())) == ["yamato"]


def test_every_dock_effect_has_its_handler() -> None:
    from app.core.dock.rules import DockEffect
    from app.services.station.dock import HANDLERS

    assert set(HANDLERS) == set(DockEffect)


def test_a_dock_counts_its_own_loads_at_once_and_another_docks_within_a_few_scans(
    db: Database, parcels: Parcels
) -> None:
    """The truck's count is kept between a dock's scans (counting the manifest reads every
    parcel on it): its own loads count at once, another dock's by the recount."""
    from app.services.station.dock import RECOUNT_AFTER, DockStation
    from tests.stationdata import sent

    with db.write() as s:
        s.execute(update(Order).where(Order.number == "#1002").values(carrier="yamato"))
        s.execute(
            update(Parcel).where(Parcel.tracking_number == parcels.sagawa).values(carrier="yamato")
        )
    one, two = DockStation(db, "D1"), DockStation(db, "D2")
    one.scan(sent(LOADER))
    assert one.scan(sent(parcels.yamato)).scanned == 1
    two.scan(sent("B-002"))  # Taro, at the other dock
    assert two.scan(sent(parcels.sagawa)).scanned == 2
    # Its own unload counts at once; D2's load is not seen yet.
    seen = [one.scan(sent("KCMD:UNDO")).scanned]
    assert seen == [0]
    for _ in range(RECOUNT_AFTER):
        seen.append(one.scan(sent("4999999999994")).scanned)
    # Counted again: D2's parcel is on the truck, D1's is off: 1 of 2.
    assert seen[-1] == 1 and set(seen[1:-1]) == {0}
    assert one.view().loaded == 1
