"""Building a label's content from an order's plain fields."""

from __future__ import annotations

import pytest

from app.core.carriers import CarrierCode
from app.core.label import (
    CARRIER_SYMBOLOGY,
    LabelOrder,
    LabelParcel,
    Symbology,
    build_label,
    postal_display,
)

from .labeldata import SENDER, label, yamada


def test_a_yamato_label_carries_the_carriers_name_default_service_and_codabar() -> None:
    content = label()
    assert (content.carrier_name, content.service, content.symbology) == (
        "ヤマト運輸",
        "宅急便",
        Symbology.CODABAR,
    )
    assert content.barcode_data == "A123456789012A"
    assert content.tracking_display == "1234-5678-9012"


def test_every_carrier_has_a_barcode_and_only_generic_uses_code_128() -> None:
    assert set(CARRIER_SYMBOLOGY) == set(CarrierCode)
    assert [c for c, s in CARRIER_SYMBOLOGY.items() if s is Symbology.CODE128] == [
        CarrierCode.GENERIC
    ]
    assert label(carrier="generic").barcode_data == "123456789012"


def test_postal_codes_are_printed_the_japanese_way() -> None:
    assert postal_display("1000005") == "〒100-0005"
    assert postal_display("100-0005") == "〒100-0005"
    assert postal_display("SW1A 1AA") == "〒SW1A 1AA"
    assert postal_display("") == ""


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"carrier": "fedex"}, "carrier: 'fedex' is not a known carrier"),
        ({"tracking_number": "1234-5678"}, "tracking number '1234-5678' is not"),
        ({"tracking_number": "１２３"}, "tracking number '１２３' is not"),
        ({"tracking_number": ""}, "tracking number '' is not"),
        ({"parcel_no": 3, "parcel_count": 2}, "parcel 3 of 2 does not exist"),
    ],
)
def test_a_label_that_cannot_be_printed_is_refused_with_the_order(
    changes: dict[str, object], message: str
) -> None:
    fields: dict[str, object] = {
        "carrier": "yamato",
        "service": "",
        "tracking_number": "123456789012",
    }
    fields.update(changes)
    parcel = LabelParcel(**fields)  # type: ignore[arg-type]
    with pytest.raises(Exception, match=f"order #1001: {message}") as refused:
        build_label(LabelOrder("#1001", yamada()), parcel, SENDER)
    assert type(refused.value).__name__ == "Refused"
