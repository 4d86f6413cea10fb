"""Which file each carrier gets, its name, and the generic carrier's CSV."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.core.carriers import CarrierCode
from app.core.dispatch import carrier_files
from app.core.dispatch.keys import CLICKPOST
from tests.core.dispatch.shipments import SENDER, SETTINGS, read_back, shipment, to


def test_each_carrier_gets_its_own_upload_file_and_name() -> None:
    chosen = {
        code: carrier_files.carrier_file(code, "", SETTINGS).file_name(dt.date(2026, 12, 2))
        for code in CarrierCode
    }
    assert chosen == {
        CarrierCode.YAMATO: "yamato-b2-2026-12-02.csv",
        CarrierCode.SAGAWA: "sagawa-ehiden-2026-12-02.csv",
        CarrierCode.JAPANPOST: "japanpost-yupri-2026-12-02.csv",
        CarrierCode.GENERIC: "generic-2026-12-02.csv",
    }
    clickpost = carrier_files.CLICKPOST
    assert (
        carrier_files.carrier_file(CarrierCode.JAPANPOST, "クリックポスト", SETTINGS) is clickpost
    )
    by_setting = dataclasses.replace(SETTINGS, japanpost_file=CLICKPOST)
    assert carrier_files.carrier_file(CarrierCode.JAPANPOST, "ゆうパック", by_setting) is clickpost


def test_the_generic_csv_keeps_any_character_and_runs_no_formula() -> None:
    order = shipment(
        carrier=CarrierCode.GENERIC,
        service="standard",
        tracking_numbers=("ABC123", "ABC124"),
        ship_to=to(name="=HYPERLINK(1) 髙橋 ♡"),
    )
    data = carrier_files.GENERIC.write([order], SENDER, SETTINGS)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_back(data, "utf-8-sig")
    assert rows[0] == [
        "order_number",
        "carrier",
        "service",
        "tracking_number",
        "ship_date",
        "name",
        "postal_code",
        "address",
        "phone",
        "items",
    ]
    assert rows[1] == [
        "#1001",
        "generic",
        "standard",
        "ABC123",
        "2026-12-02",
        "'=HYPERLINK(1) 髙橋 ♡",
        "100-0005",
        "東京都千代田区丸の内1-9-1 グラントウキョウ101",
        "03-1234-5678",
        "TEA-01 x2; CUP-02 x1",
    ]
    assert [row[3] for row in rows[1:]] == ["ABC123", "ABC124"]
