"""Carriers' tracking-number rules: check digits against published examples, formats, scans."""

from __future__ import annotations

import pytest

from app.core.carriers import CarrierCode
from app.core.errors import Refused
from app.core.tracking import (
    MOD7,
    NO_CHECK,
    RULES,
    OutOfTrackingNumbers,
    TrackingNumber,
    TrackingRule,
    body_problem,
    check_digit,
    is_valid,
    normalise,
    parse_tracking,
    with_check_digit,
)

YAMATO, SAGAWA, JAPANPOST, GENERIC = (
    CarrierCode.YAMATO,
    CarrierCode.SAGAWA,
    CarrierCode.JAPANPOST,
    CarrierCode.GENERIC,
)


# Published worked examples of Yamato's 7DR check digit: "1234-5678-901?" gets 3
# (the 11 digits 12345678901 divided by 7 leave 3), and "2009-6118-5434", shown
# as a valid 12-digit Yamato / Sagawa slip number in a shop system's manual.
@pytest.mark.parametrize("number", ["123456789013", "200961185434"])
def test_published_yamato_numbers_check(number: str) -> None:
    assert check_digit(YAMATO, number[:-1]) == number[-1]
    assert is_valid(YAMATO, number)


def test_check_digit_is_the_first_eleven_digits_mod_7() -> None:
    # Derived by the rule: 7 is a multiple of 7; 99999999999 = 7 * 14285714285 + 4,
    # 40000000001 = 7 * 5714285714 + 3, 11111111111 = 7 * 1587301587 + 2.
    assert check_digit(YAMATO, "00000000007") == "0"
    assert check_digit(YAMATO, "99999999999") == "4"
    assert with_check_digit(SAGAWA, "40000000001").digits == "400000000013"
    assert with_check_digit(JAPANPOST, "11111111111").digits == "111111111112"


@pytest.mark.parametrize("carrier", [YAMATO, SAGAWA, JAPANPOST])
def test_a_wrong_check_digit_or_length_is_not_the_carriers_number(carrier: CarrierCode) -> None:
    assert not is_valid(carrier, "123456789012")  # check digit should be 3
    assert not is_valid(carrier, "12345678901")  # 11 digits
    assert not is_valid(carrier, "1234567890133")  # 13 digits
    assert not is_valid(carrier, "12345678901X")
    assert not is_valid(carrier, "")
    with pytest.raises(ValueError, match="check digit should be 3"):
        parse_tracking(carrier, "1234-5678-9012")


def test_no_valid_mod7_number_ends_in_7_8_or_9() -> None:
    assert not any(is_valid(YAMATO, f"12345678901{d}") for d in "789")


def test_numbers_are_read_as_people_write_and_scanners_send_them() -> None:
    assert normalise(" 1234-5678-9013 ") == "123456789013"
    assert normalise("1234 5678 9013") == "123456789013"
    assert normalise("a123456789013a") == "123456789013"  # Codabar start/stop letters
    assert parse_tracking(YAMATO, "1234-5678-9013") == TrackingNumber(YAMATO, "123456789013")


def test_a_tracking_number_reads_in_groups_of_four() -> None:
    number = with_check_digit(YAMATO, "12345678901")
    assert number.formatted == "1234-5678-9013"
    assert str(number) == "123456789013"
    assert TrackingNumber(GENERIC, "ZX123").formatted == "ZX123"


def test_generic_numbers_are_free_form_without_check_digit() -> None:
    assert check_digit(GENERIC, "123") == ""
    assert with_check_digit(GENERIC, "000123").digits == "000123"
    assert is_valid(GENERIC, "ab-1234-x")
    assert parse_tracking(GENERIC, "ab-1234").digits == "AB1234"
    assert not is_valid(GENERIC, "a" * 31)
    assert not is_valid(GENERIC, "番号123")


def test_a_carriers_rule_can_be_overridden() -> None:
    # A deployment whose Japan Post numbers carry no check digit.
    rules = {**RULES, JAPANPOST: TrackingRule(12, NO_CHECK, certain=False)}
    assert is_valid(JAPANPOST, "123456789012", rules)
    assert not is_valid(JAPANPOST, "123456789012")
    assert body_problem(JAPANPOST, "123456789012", rules) is None
    assert RULES[YAMATO] == TrackingRule(12, MOD7, certain=True)


def test_block_bodies_have_the_carriers_length_without_check_digit() -> None:
    assert body_problem(YAMATO, "12345678901") is None
    assert "has 12 digits; a yamato number has 11 without the check digit" in str(
        body_problem(YAMATO, "123456789013")
    )
    assert "not a number" in str(body_problem(SAGAWA, "1234567890A"))
    assert body_problem(GENERIC, "0001") is None
    assert "at most 18" in str(body_problem(GENERIC, "1" * 19))


def test_running_out_names_the_carrier_and_the_command_that_helps() -> None:
    error = OutOfTrackingNumbers(SAGAWA)
    assert isinstance(error, Refused)
    assert "sagawa" in str(error)
    assert "kenpin carriers add-range sagawa FIRST LAST" in str(error)
