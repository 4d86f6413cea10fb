"""The value rules of imported files: numbers, dates, addresses, wishes, walk order, order hash."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.intake.fields import (
    FieldError,
    barcode,
    date_value,
    delivery_date,
    delivery_time,
    flag,
    moment,
    phone,
    postal_code,
    whole_number,
)
from app.core.intake.orders import OrderContent, content_hash, differences
from app.core.intake.prefectures import PREFECTURES, prefecture
from app.core.intake.shopify import note_attributes
from app.core.intake.walk import walk_order
from app.core.times import JAPAN

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "number"), [("3", 3), ("３", 3), ("+7", 7), ("1,000", 1000), ("１２", 12)]
)
def test_whole_numbers_in_any_width(text: str, number: int) -> None:
    assert whole_number(text) == number


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", '"abc" is not a whole number'),
        ("1.5", '"1.5" is not a whole number'),
        ("1,0", '"1,0" is not a whole number'),
        ("0", '"0" must be at least 1'),
        ("－２", '"－２" must be at least 1'),
        ("99999999", '"99999999" is too large (at most 9,999,999)'),
    ],
)
def test_what_is_not_a_quantity(text: str, message: str) -> None:
    with pytest.raises(FieldError) as refused:
        whole_number(text)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("2026-01-05", dt.datetime(2026, 1, 4, 15, 0, tzinfo=UTC)),
        ("2026/1/5 9:30", dt.datetime(2026, 1, 5, 0, 30, tzinfo=UTC)),
        ("2026-01-05 10:23:45 +0900", dt.datetime(2026, 1, 5, 1, 23, 45, tzinfo=UTC)),
        ("2026-01-05T10:23:45+09:00", dt.datetime(2026, 1, 5, 1, 23, 45, tzinfo=UTC)),
        ("2026-01-05T01:23:45Z", dt.datetime(2026, 1, 5, 1, 23, 45, tzinfo=UTC)),
        ("2026-01-05 10:23:45 -0500", dt.datetime(2026, 1, 5, 15, 23, 45, tzinfo=UTC)),
    ],
)
def test_order_times_are_read_in_japan_time_unless_an_offset_says_otherwise(
    text: str, when: dt.datetime
) -> None:
    assert moment(text) == when


@pytest.mark.parametrize(
    "text", ["yesterday", "2026-02-30", "2026-01-05 25:00", "05/01/2026", "2026-01-05 10:00 JST"]
)
def test_what_is_not_a_date(text: str) -> None:
    with pytest.raises(FieldError, match=r"is not a date|no valid time"):
        moment(text)


def test_plain_dates_and_delivery_dates() -> None:
    assert date_value("２０２６／０３／３１") == dt.date(2026, 3, 31)
    assert delivery_date("指定なし") is None
    with pytest.raises(FieldError, match="not a date"):
        date_value("2026-03")


@pytest.mark.parametrize(
    ("text", "code"),
    [("1000005", "100-0005"), ("〒100-0005", "100-0005"), ("１００－０００５", "100-0005")],
)
def test_postal_codes_are_written_123_4567(text: str, code: str) -> None:
    assert postal_code(text) == code


@pytest.mark.parametrize("text", ["12345", "600001", "100-00051", "abc-defg"])
def test_what_is_not_a_postal_code(text: str) -> None:
    with pytest.raises(FieldError, match="is not a postal code"):
        postal_code(text)


def test_all_47_prefectures_by_name_romaji_and_code() -> None:
    assert len({name for _code, name, _romaji in PREFECTURES}) == 47
    for code, name, romaji in PREFECTURES:
        for spelling in (name, romaji, romaji.upper(), str(code), f"JP-{code:02d}"):
            assert prefecture(spelling) == name, spelling


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("東京", "東京都"),
        ("Tokyo-to", "東京都"),
        ("Hokkaidō", "北海道"),
        ("Kyouto", "京都府"),
        ("Osaka-fu", "大阪府"),
        ("jp-1", "北海道"),
        ("Hyogo Prefecture", "兵庫県"),
    ],
)
def test_prefecture_spellings_seen_in_exports(text: str, name: str) -> None:
    assert prefecture(text) == name


@pytest.mark.parametrize("text", ["Atlantis", "48", "JP-00", "東"])
def test_what_is_not_a_prefecture(text: str) -> None:
    with pytest.raises(FieldError, match="is not a Japanese prefecture"):
        prefecture(text)


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("午前中", "午前中"),
        ("AM", "午前中"),
        ("14-16", "14-16"),
        ("14時～16時", "14-16"),
        ("19:00-21:00", "19-21"),
        ("指定なし", ""),
        ("夕方以降", "夕方以降"),
    ],
)
def test_delivery_time_slots(text: str, slot: str) -> None:
    assert delivery_time(text) == slot


def test_delivery_time_refuses_a_backwards_slot_and_long_text() -> None:
    with pytest.raises(FieldError, match="not a delivery time slot"):
        delivery_time("16-14")
    with pytest.raises(FieldError, match="too long"):
        delivery_time("できれば夕方の遅い時間にお願いします")


def test_flags_phones_and_barcodes() -> None:
    assert (flag(""), flag("0"), flag("１")) == (False, False, True)
    with pytest.raises(FieldError):
        flag("yes")
    assert phone("'+81 90-1234-5678") == "+81 90-1234-5678"
    with pytest.raises(FieldError):
        phone("call me")
    assert barcode("４９０１２３４５６７８９４") == "4901234567894"
    assert barcode("ITEM-0001") == "ITEM-0001"
    assert barcode("1234567890") == "1234567890"  # not a GTIN length: a registered code
    with pytest.raises(FieldError, match="invalid check digit"):
        barcode("49012345")
    with pytest.raises(FieldError, match="space"):
        barcode("ITEM 1")


def test_bins_are_walked_in_natural_order() -> None:
    codes = ["A-2-10", "B-1-1", "A-2-9", "A-10-1", "a-2-1", "A-02-3"]
    assert walk_order(codes) == ["a-2-1", "A-02-3", "A-2-9", "A-2-10", "A-10-1", "B-1-1"]


def test_note_attributes_give_gift_message_and_delivery_wishes() -> None:
    wishes = note_attributes(
        "gift_wrap: yes\nギフトメッセージ: いつもありがとう\nまたね\n"
        "配送希望日: 2026/01/10\n配送希望時間帯: 14時～16時"
    )
    assert wishes == {
        "gift_message": "いつもありがとう\nまたね",
        "delivery_date": dt.date(2026, 1, 10),
        "delivery_time": "14-16",
    }
    with pytest.raises(FieldError, match="delivery wish"):
        note_attributes("delivery_date: soon")


def _order(**changes: object) -> OrderContent:
    base: dict[str, object] = {
        "number": "#1",
        "order_date": dt.datetime(2026, 1, 5, tzinfo=UTC),
        "customer_name": "山田",
        "postal_code": "100-0005",
        "prefecture": "東京都",
        "city": "千代田区",
        "address1": "丸の内1-1",
        "lines": (("TEA", 1), ("CUP", 2)),
    }
    return OrderContent(**{**base, **changes})  # type: ignore[arg-type]


def test_the_order_hash_ignores_row_order_but_not_content() -> None:
    same = _order(lines=(("CUP", 2), ("TEA", 1)))
    assert content_hash(_order()) == content_hash(same)
    # The same moment written in another zone is the same order.
    assert content_hash(_order(order_date=dt.datetime(2026, 1, 5, 9, tzinfo=JAPAN))) == (
        content_hash(_order())
    )
    for changed in (
        _order(lines=(("TEA", 2), ("CUP", 2))),
        _order(address1="丸の内2-2"),
        _order(cancelled=True),
        _order(gift_message="おめでとう"),
    ):
        assert content_hash(changed) != content_hash(_order())


def test_differences_are_told_briefly() -> None:
    after = _order(
        address1="丸の内2-2",
        cancelled=True,
        phone="03-0000-0000",
        lines=(("TEA", 3), ("MUG", 1)),
    )
    assert differences(_order(), after) == (
        'address1 "丸の内1-1" -> "丸の内2-2"; phone (empty) -> "03-0000-0000"; '
        "cancelled no -> yes; and 3 more"
    )
    assert differences(_order(), _order(lines=(("TEA", 1),))) == "line CUP removed"
