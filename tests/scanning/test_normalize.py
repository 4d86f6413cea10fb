"""Turning what a scanner sent into the code it means, and dropping a held trigger's repeats."""

from __future__ import annotations

import pytest

from app.core.scans import Scan
from app.scanning.normalize import Debounce, InputSettings, normalise


@pytest.mark.parametrize(
    ("sent", "symbology", "code"),
    [
        ("]C10104912345678904", "]C1", "0104912345678904"),
        ("]E04901234567894", "]E0", "4901234567894"),
        ("]E449123458", "]E4", "49123458"),
        ("]d20104912345678904", "]d2", "0104912345678904"),
        ("]Q30104912345678904", "]Q3", "0104912345678904"),
        ("]A0ITEM-0001", "]A0", "ITEM-0001"),
        ("]I114912345678901", "]I1", "14912345678901"),
        ("4901234567894", None, "4901234567894"),
        ("#1001", None, "#1001"),
    ],
)
def test_the_aim_prefix_is_taken_off_and_kept_as_the_symbology(
    sent: str, symbology: str | None, code: str
) -> None:
    assert normalise(sent) == Scan(code, symbology, full_width=False)


def test_terminators_and_surrounding_spaces_are_trimmed() -> None:
    assert normalise("\t 4901234567894\r\n").code == "4901234567894"


def test_the_default_stand_in_becomes_the_group_separator() -> None:
    scan = normalise("]C1010491234567890410LOT7<GS>17260400")
    assert scan.code == "010491234567890410LOT7\x1d17260400"


@pytest.mark.parametrize("stand_in", ["^]", "~"])
def test_the_stand_in_is_a_setting(stand_in: str) -> None:
    settings = InputSettings(group_separator=stand_in)
    scan = normalise(f"010491234567890410LOT7{stand_in}17260400", settings)
    assert scan.code == "010491234567890410LOT7\x1d17260400"


def test_an_empty_stand_in_leaves_the_code_alone() -> None:
    assert normalise("SHELF<GS>1", InputSettings(group_separator="")).code == "SHELF<GS>1"


def test_a_real_group_separator_stays_even_at_the_end() -> None:
    # Python counts 0x1D as white space; trimming must not eat it.
    assert normalise("010491234567890410LOT7\x1d\r").code == "010491234567890410LOT7\x1d"


def test_full_width_input_is_folded_to_ascii_and_flagged() -> None:
    scan = normalise("４９０１２３４５６７８９４")
    assert scan == Scan("4901234567894", None, full_width=True)


def test_a_full_width_aim_prefix_and_stand_in_are_folded_before_use() -> None:
    scan = normalise("］Ｃ１０１０４９１２３４５６７８９０４１０ＬＯＴ＜ＧＳ＞２１Ｘ　")
    assert scan == Scan("010491234567890410LOT\x1d21X", "]C1", full_width=True)


def test_ascii_input_is_not_flagged() -> None:
    assert normalise("ITEM-0001").full_width is False


def test_the_same_code_within_the_window_is_dropped() -> None:
    debounce = Debounce(300)
    assert debounce.accept("4901234567894", 1_000)
    assert not debounce.accept("4901234567894", 1_150)


def test_a_held_trigger_stays_one_scan_however_long_it_is_held() -> None:
    debounce = Debounce(300)
    readings = [debounce.accept("4901234567894", at) for at in range(1_000, 3_000, 200)]
    assert readings == [True] + [False] * 9


def test_the_same_code_after_the_window_is_a_new_scan() -> None:
    debounce = Debounce(300)
    assert debounce.accept("4901234567894", 1_000)
    assert debounce.accept("4901234567894", 1_300)


def test_another_code_is_never_dropped() -> None:
    debounce = Debounce(300)
    assert debounce.accept("4901234567894", 1_000)
    assert debounce.accept("4901234567900", 1_010)
    assert debounce.accept("4901234567894", 1_020)
