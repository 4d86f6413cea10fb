"""Fitting text to the carriers' files: width in bytes, JIS X 0208 only, splits, no cuts."""

from __future__ import annotations

import pytest

from app.core.dispatch.jis import Fitting, folded, han, unwritable, width, zen
from app.core.errors import Refused


def test_width_is_bytes_in_cp932() -> None:
    for text in ("abc-123", "ｱｲｳ", "山田", "山田 ﾀﾛｳ 1", "～－―"):
        assert width(text) == len(text.encode("cp932"))


def test_the_well_known_replacements_make_text_writable() -> None:
    text = folded("𠮷野 髙橋 﨑\u00a0㈱ 10\u301c20 \u2212 \u2014 \u00a51,000")
    assert text == "吉野 高橋 崎 (株) 10～20 － ― ￥1000"
    assert unwritable(text) is None
    assert text.encode("cp932").decode("cp932") == text


@pytest.mark.parametrize("ch", ["①", "♡", "Ⅰ", "😀", "\x07"])
def test_what_jis_x_0208_lacks_is_unwritable(ch: str) -> None:
    assert unwritable(f"山田{ch}") == ch


def test_problems_of_every_order_are_collected_then_refused_together() -> None:
    fit = Fitting("B2クラウド")
    assert fit.text("#1", "お届け先名", "山" * 16, zen(16)) == "山" * 16
    assert fit.text("#1", "お届け先名", "山" * 16 + "a", zen(16)) == ""
    assert fit.text("#2", "電話", "0" * 16, han(15)) == ""
    with pytest.raises(Refused) as refused:
        fit.done()
    assert str(refused.value).splitlines() == [
        '#1: お届け先名: "' + "山" * 16 + 'a" is 16.5 全角 (33 bytes); '
        "B2クラウド allows 16 全角 (32 bytes)",
        '#2: 電話: "0000000000000000" is 16 半角; B2クラウド allows 15 半角',
    ]


def test_an_address_is_split_at_the_parts_then_between_characters() -> None:
    fit = Fitting("e飛伝Ⅲ")
    limits = [zen(16)] * 3
    assert fit.spread("#1", "住所", ("東京都千代田区丸の内1-9-1", "丸の内ビル"), limits) == [
        "東京都千代田区丸の内1-9-1",
        "丸の内ビル",
        "",
    ]
    unbroken = "あ" * 40
    assert fit.spread("#1", "住所", (unbroken,), limits) == ["あ" * 16, "あ" * 16, "あ" * 8]
    assert fit.problems == []
