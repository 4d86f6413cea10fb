"""The reports' numbers on two days of packing driven through the real station, and the
files `kenpin report` writes."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import func, insert, select, update

from app.bootstrap import Kenpin
from app.cli import main
from app.core.reports import Confusion, Period, ReportKind, Table, report_table
from app.db.database import Database
from app.db.models import Product, Station, table
from app.db.station_models import ScanRecord
from app.services import reports as reports_service
from app.services.allocation import allocate
from app.services.reports import Reports
from tests.reportdata import DAY2, confusions_from_scans, two_days_of_packing
from tests.stationdata import CUP, SOAP, TEA, sent
from tests.stockdata import add_order

BOTH_DAYS = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 2))
FIGURES = ["packs", "units", "product_scans", "refused_product_scans", "error_rate"]
FIGURES += ["active_hours", "orders_per_hour"]


def test_packers_report_counts_packs_units_refusals_and_hours(db: Database) -> None:
    two_days_of_packing(db)
    table = report_table(Reports(db).figures(ReportKind.PACKERS, BOTH_DAYS))

    reasons = ["not_on_order", "over_quantity", "card_not_confirmed"]
    assert table.header == ["packer", *FIGURES, *[f"refused_{r}" for r in reasons]]
    assert table.rows == [
        ["Hanako", 2, 6, 8, 3, 0.375, 1, 2.0, 2, 1, 1],
        ["Taro", 1, 2, 3, 0, 0.0, 2, 0.5, 0, 0, 0],
    ]


def test_stations_report_per_day_counts_a_refusal_made_with_nobody_logged_in(
    db: Database,
) -> None:
    two_days_of_packing(db)
    table = report_table(Reports(db).figures(ReportKind.STATIONS, BOTH_DAYS), daily=True)

    assert table.header[:2] == ["station", "day"]
    assert table.header[-4:] == [
        "refused_not_logged_in",
        "refused_not_on_order",
        "refused_over_quantity",
        "refused_card_not_confirmed",
    ]
    assert table.rows == [
        ["S1", "2026-04-01", 2, 6, 8, 3, 0.375, 1, 2.0, 0, 2, 1, 1],
        ["S2", "2026-04-02", 1, 2, 3, 0, 0.0, 2, 0.5, 1, 0, 0, 0],
    ]


def test_a_period_keeps_only_its_days(db: Database) -> None:
    two_days_of_packing(db)
    second_day = Period(dt.date(2026, 4, 2), dt.date(2026, 4, 2))
    table = report_table(Reports(db).figures(ReportKind.PACKERS, second_day))

    assert [row[:3] for row in table.rows] == [["Taro", 1, 2]]


def test_confusions_pair_each_refusal_with_the_next_unit_packed(db: Database) -> None:
    two_days_of_packing(db)

    # SOAP and the rice (a GS1 code) were both refused on #1001; tea was packed next each time.
    assert sorted(Reports(db).confusions(BOTH_DAYS), key=lambda c: c.scanned_sku) == [
        Confusion("TEA", "item TEA", "RICE", "item RICE", 1),
        Confusion("TEA", "item TEA", "SOAP", "item SOAP", 1),
    ]


def test_csv_neutralises_a_hostile_product_name_and_keeps_numbers(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    two_days_of_packing(db)
    with db.write() as s:
        s.execute(update(Product).where(Product.sku == "SOAP").values(name="=HYPERLINK(1)"))
    out = tmp_path / "confusions.csv"

    assert (
        main(
            [
                "--db",
                db_url,
                "report",
                "confusions",
                "--since",
                "2026-04-01",
                "--until",
                "2026-04-02",
                "--format",
                "csv",
                "--out",
                str(out),
            ]
        )
        == 0
    )

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["expected_sku", "expected_name", "scanned_sku", "scanned_name", "times"]
    assert ["TEA", "item TEA", "SOAP", "'=HYPERLINK(1)", "1"] in rows[1:]


def test_packers_csv_numbers_stay_numbers(db: Database, db_url: str, tmp_path: Path) -> None:
    two_days_of_packing(db)
    out = tmp_path / "packers.csv"

    assert (
        main(
            [
                "--db",
                db_url,
                "report",
                "packers",
                "--since",
                "2026-04-01",
                "--until",
                "2026-04-02",
                "--format",
                "csv",
                "--out",
                str(out),
            ]
        )
        == 0
    )

    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][:8] == ["Hanako", "2", "6", "8", "3", "0.375", "1", "2.0"]


def test_pdf_report_holds_the_table_on_one_page(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_days_of_packing(db)
    out = tmp_path / "stations.pdf"

    assert (
        main(
            [
                "--db",
                db_url,
                "report",
                "stations",
                "--since",
                "2026-04-01",
                "--until",
                "2026-04-02",
                "--format",
                "pdf",
                "--out",
                str(out),
            ]
        )
        == 0
    )

    assert "1 page(s)" in capsys.readouterr().out
    document = pypdfium2.PdfDocument(str(out))
    assert len(document) == 1
    text = document[0].get_textpage().get_text_range()
    assert "梱包台別" in text
    assert "Orders per hour" in text
    assert "S1" in text and "S2" in text
    assert "0.3750" in text


def test_a_period_running_backwards_is_refused(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.csv"
    assert (
        main(
            [
                "--db",
                db_url,
                "report",
                "packers",
                "--since",
                "2026-04-03",
                "--until",
                "2026-04-02",
                "--format",
                "csv",
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert "after --until" in capsys.readouterr().err
    assert not out.exists()


def test_scans_made_after_a_report_join_the_next_one_once(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_days_of_packing(db)
    reports = Reports(db)
    # A few scans per chunk: the catch-up walks many chunks and must count each scan once.
    monkeypatch.setattr(reports_service, "CHUNK_SCANS", 4)
    first = report_table(reports.figures(ReportKind.STATIONS, BOTH_DAYS))
    station = Kenpin(db).pack_station("S1")
    # Later, on day 2, Hanako (still logged in at S1) scans a product with no pack open.
    station.scan(sent(TEA), at=DAY2 + dt.timedelta(hours=3))

    again = report_table(reports.figures(ReportKind.STATIONS, BOTH_DAYS))

    assert first.rows[0][:8] == ["S1", 2, 6, 8, 3, 0.375, 1, 2.0]
    s1 = dict(zip(again.header, again.rows[0], strict=True))
    assert (s1["packs"], s1["product_scans"], s1["refused_product_scans"]) == (2, 9, 4)
    assert (s1["active_hours"], s1["refused_no_open_pack"]) == (2, 1)
    assert reports.catch_up() == 0


def test_confused_pairs_added_up_match_the_scans_when_units_come_after_a_report(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_days_of_packing(db)
    with db.write() as s:
        cup = s.scalar(select(Product.id).where(Product.sku == "CUP"))
        add_order(s, "#1005", [(cup, 2)], minutes=5)
    allocate(db, DAY2.date())
    reports = Reports(db)
    monkeypatch.setattr(reports_service, "CHUNK_SCANS", 3)  # pairs split across chunks
    s1 = Kenpin(db).pack_station("S1")
    at = DAY2 + dt.timedelta(hours=2)
    # Hanako takes soap and tea for #1005's cup: both refused, and a report is read before
    # she packs the cup.
    for n, code in enumerate(["#1005", SOAP, TEA]):
        s1.scan(sent(code), at=at + dt.timedelta(seconds=n))
    first = reports.confusions(BOTH_DAYS)
    # The cup goes in (both refusals pair with it), soap once more then the second cup, and
    # soap a last time before COMPLETE (no unit after it: it pairs with nothing).
    for n, code in enumerate([CUP, SOAP, CUP, SOAP, "KCMD:COMPLETE"], start=3):
        s1.scan(sent(code), at=at + dt.timedelta(seconds=n))
    again = reports.confusions(BOTH_DAYS)

    day_one = [  # ties in code order: SOAP's JAN is below rice's GTIN
        Confusion("TEA", "item TEA", "SOAP", "item SOAP", 1),
        Confusion("TEA", "item TEA", "RICE", "item RICE", 1),
    ]
    assert first == day_one
    assert again == [
        Confusion("CUP", "item CUP", "SOAP", "item SOAP", 2),
        Confusion("CUP", "item CUP", "TEA", "item TEA", 1),
        *day_one,
    ]
    assert again == confusions_from_scans(db, BOTH_DAYS)
    day_two = Period(DAY2.date(), DAY2.date())
    assert reports.confusions(day_two) == confusions_from_scans(db, day_two) == again[:2]


@pytest.mark.pg
def test_a_scan_committed_after_a_later_one_still_joins_the_report(
    pg_copy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(pg_copy)
    two_days_of_packing(db)
    reports = Reports(db)
    monkeypatch.setattr(reports_service, "WRITERS_WAIT_S", 0.2)
    first = report_table(reports.figures(ReportKind.STATIONS, BOTH_DAYS))
    late_at = DAY2 + dt.timedelta(hours=3)
    with db.engine.connect() as slow, slow.begin() as slow_scan:
        # S1's scan draws its id and is still being written while S2 records (and commits)
        # one after it, and a report is read.
        station = slow.scalar(select(Station.id).where(Station.name == "S1"))
        seq = slow.scalar(select(func.max(ScanRecord.seq)).where(ScanRecord.station_id == station))
        slow.execute(
            insert(table(ScanRecord)).values(
                scan_id="late-1", station_id=station, seq=seq + 1, at=late_at, raw=TEA,
                kind="product", code=TEA, verdict="rejected", reason="no_open_pack",
                effect="none", message="", units=0, undone=False, typed=False, lot_read=True,
            )
        )  # fmt: skip
        Kenpin(db).pack_station("S2").scan(sent(TEA), at=late_at)
        meanwhile = report_table(reports.figures(ReportKind.STATIONS, BOTH_DAYS))
        slow_scan.commit()
    again = report_table(reports.figures(ReportKind.STATIONS, BOTH_DAYS))
    db.dispose()

    def refused_without_pack(table: Table) -> list[object]:
        return [
            dict(zip(table.header, row, strict=True)).get("refused_no_open_pack")
            for row in table.rows
        ]

    assert meanwhile == first  # nothing after the scan still being written, yet
    assert refused_without_pack(again) == [1, 1]
