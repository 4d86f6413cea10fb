"""The composition root: every KENPIN_* setting read once, in one place, and what is built
from it reaches the labels, slips, scanners and stations."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest

from app.bootstrap import Kenpin, bootstrap, read_settings
from app.cli import main
from app.core.errors import Refused
from app.core.label import ShipFrom
from app.core.shop import in_force, sender
from app.db.database import Database
from app.scanning.normalize import GROUP_SEPARATOR, normalise
from tests import ROOT
from tests.labels.test_label_render_cli import order_with_label
from tests.stationdata import HANAKO, later, sent, stock_bench, tracking_block

SHOP = {
    "KENPIN_SHOP_NAME": "検品ストア 大阪倉庫",
    "KENPIN_SHOP_POSTAL_CODE": "530-0001",
    "KENPIN_SHOP_ADDRESS": "大阪府大阪市北区梅田1-1-1",
    "KENPIN_SHOP_PHONE": "06-1234-5678",
}


def test_without_settings_kenpin_uses_its_file_in_the_users_data_folder() -> None:
    settings = read_settings({})
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith("/kenpin/kenpin.db")
    assert (settings.language, settings.shop_overrides) == ("", {})
    assert settings.scanners.serial_port == ""


def test_every_setting_comes_from_its_variable() -> None:
    settings = read_settings(
        {
            "KENPIN_DB": "postgresql+psycopg://kenpin@db:5432/warehouse",
            "KENPIN_LANG": "JA",
            "KENPIN_SCANNER_PORT": "/dev/ttyACM0",
            "KENPIN_SCAN_GS": "~",
            **SHOP,
        }
    )
    assert settings.database_url == "postgresql+psycopg://kenpin@db:5432/warehouse"
    assert settings.language == "ja"
    assert settings.scanners.serial_port == "/dev/ttyACM0"
    assert normalise("]C10104901234567894~10L1", settings.scanners.wedge.codes).code == (
        f"0104901234567894{GROUP_SEPARATOR}10L1"
    )
    # Deprecated, still honoured: the shop the variables name wins over the database's.
    assert sender(in_force({}, settings.shop_overrides)) == ShipFrom(
        "検品ストア 大阪倉庫", "530-0001", "大阪府大阪市北区梅田1-1-1", "06-1234-5678"
    )


def test_a_bad_setting_is_refused_by_its_name() -> None:
    with pytest.raises(Refused, match="KENPIN_SCAN_KEY_GAP_MS"):
        read_settings({"KENPIN_SCAN_KEY_GAP_MS": "fast"})
    with pytest.raises(Refused, match=r"^KENPIN_SHOP_PHONE: shop\.phone: .* the rule: 10 or 11"):
        read_settings({"KENPIN_SHOP_PHONE": "12345"})


def test_bootstrap_opens_the_database_the_settings_name_with_its_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'here.db'}"
    kenpin = bootstrap(read_settings({"KENPIN_DB": url}))
    assert kenpin.db.url == url
    assert kenpin.pack_station("S1").view().user is None
    kenpin.db.dispose()


def test_the_shop_on_a_label_comes_from_the_settings(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    order_with_label(db_url)
    for name, value in SHOP.items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "label.pdf"
    assert (
        main(["--db", db_url, "label", "render", "#1001", "--format", "pdf", "--out", str(out)])
        == 0
    )
    text = pypdfium2.PdfDocument(str(out))[0].get_textpage().get_text_range()
    assert "検品ストア 大阪倉庫" in text and "06-1234-5678" in text


def test_a_label_printed_for_the_window_carries_the_shop_of_the_settings(
    db: Database, tmp_path: Path
) -> None:
    stock_bench(db)
    tracking_block(db)
    folder = tmp_path / "labels"
    kenpin = Kenpin(db, read_settings({"KENPIN_DB": db.url, **SHOP}))
    station = kenpin.station_services(folder.as_uri()).pack_station("S1")
    for n, code in enumerate([HANAKO, "#1002", "4901234567894", "KCMD:CARD", "KCMD:COMPLETE"]):
        outcome = station.scan(sent(code), at=later(n))
    assert outcome.print_job is not None
    kenpin.print_label(outcome.print_job)
    (label,) = folder.iterdir()
    # Japanese is drawn as bitmaps on a ZPL label; the shop's phone is printer text.
    assert b"06-1234-5678" in label.read_bytes()


def test_nothing_outside_the_composition_root_reads_the_environment() -> None:
    readers = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "app").rglob("*.py"))
        if "os.environ" in path.read_text(encoding="utf-8")
        or "getenv" in path.read_text(encoding="utf-8")
    ]
    assert readers == ["app/bootstrap.py"]
