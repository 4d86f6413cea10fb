"""The reports' numbers on two days of packing driven through the real station, and the
files `kenpin report` writes."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import update

from app.bootstrap import Kenpin
from app.cli import main
from app.core.reports import Confusion, Period, ReportKind, report_table
from app.db.database import Database
from app.db.models import Product
from app.services import reports as reports_service
from app.services.reports import Reports
from tests.reportdata import DAY2, two_days_of_packing
from tests.stationdata import TEA, sent

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
