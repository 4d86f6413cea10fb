"""Tracking numbers: each carrier's format and check digit, the one place those rules live.

Yamato's rule is certain and published: 12 digits, the last one the first 11
read as a number modulo 7 ("7DR"; 1234-5678-901 gets 3). Sagawa is widely
documented with the same rule, and Japan Post's ゆうパック numbers are commonly
read the same way but not authoritatively; their rules are data (`TrackingRule`)
that a deployment can override per carrier by passing its own `rules` mapping.
The generic carrier's numbers are free-form with no check digit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.core.carriers import CarrierCode
from app.core.errors import Refused


class ParcelSource(StrEnum):
    """Where a parcel's tracking number came from: a block Kenpin issues from, or the carrier."""

    ISSUED = "issued"
    CARRIER = "carrier"


MOD7 = "mod7"
NO_CHECK = "none"

#: Longest free-form number accepted (generic carrier).
FREE_FORM_MAX = 30
_FREE_FORM = re.compile(r"[0-9A-Z]+")
# Spaces and dashes are how people write numbers; a Codabar (NW-7) scan keeps
# its start/stop letters A-D around the digits.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\uff0d]")
_CODABAR = re.compile(r"[A-D]([0-9]+)[A-D]")


@dataclass(frozen=True, slots=True)
class TrackingRule:
    """A carrier's tracking-number format: its length and check method.

    `length` counts every digit including the check digit; None means
    free-form (letters and digits, up to FREE_FORM_MAX). `certain` says
    whether the rule is the carrier's published one or a documented usage.
    """

    length: int | None
    check: str
    certain: bool

    @property
    def body_length(self) -> int | None:
        """Digits before the check digit (the numbers `add-range` takes), None when free-form."""
        if self.length is None:
            return None
        return self.length - 1 if self.check != NO_CHECK else self.length

    def describe(self) -> str:
        """The rule in words, for messages."""
        if self.length is None:
            return f"letters and digits, up to {FREE_FORM_MAX}"
        if self.check == MOD7:
            return f"{self.length} digits, the last = the first {self.length - 1} mod 7"
        return f"{self.length} digits"


#: Tracking-number rules by carrier; pass one as `rules` to override the built-in ones.
Rules = Mapping[CarrierCode, TrackingRule]

RULES: Mapping[CarrierCode, TrackingRule] = {
    CarrierCode.YAMATO: TrackingRule(12, MOD7, certain=True),
    CarrierCode.SAGAWA: TrackingRule(12, MOD7, certain=False),
    CarrierCode.JAPANPOST: TrackingRule(12, MOD7, certain=False),
    CarrierCode.GENERIC: TrackingRule(None, NO_CHECK, certain=True),
}


def rule_for(carrier: CarrierCode, rules: Rules | None = None) -> TrackingRule:
    """The tracking-number rule of a carrier, from `rules` when given, else the built-in one."""
    return (rules or RULES).get(carrier, RULES[carrier])


@dataclass(frozen=True, slots=True)
class TrackingNumber:
    """A carrier's tracking number as stored and scanned: digits only, check digit included."""

    carrier: CarrierCode
    digits: str

    @property
    def formatted(self) -> str:
        """The number as people read it: 1234-5678-9012 (free-form numbers as they are)."""
        if len(self.digits) == 12 and self.digits.isdigit():
            return f"{self.digits[:4]}-{self.digits[4:8]}-{self.digits[8:]}"
        return self.digits

    def __str__(self) -> str:
        return self.digits


def normalise(text: str) -> str:
    """A typed or scanned number without spaces, dashes or Codabar start/stop letters."""
    plain = _SEPARATORS.sub("", text).upper()
    codabar = _CODABAR.fullmatch(plain)
    return codabar.group(1) if codabar else plain


def check_digit(carrier: CarrierCode, body: str, rules: Rules | None = None) -> str:
    """The check digit the carrier puts after `body`; "" for a carrier without one."""
    rule = rule_for(carrier, rules)
    if rule.check == NO_CHECK:
        return ""
    if not (body.isascii() and body.isdigit()):
        raise ValueError(f"a {carrier} tracking number body is digits only: {body!r}")
    return str(int(body) % 7)


def with_check_digit(carrier: CarrierCode, body: str, rules: Rules | None = None) -> TrackingNumber:
    """The tracking number made of `body` and its check digit."""
    return TrackingNumber(carrier, body + check_digit(carrier, body, rules))


def block_issues(code: str, carrier: CarrierCode, bodies: tuple[int, int, int]) -> bool:
    """True when the carrier's block `bodies` (first, last, digits of a body) issues `code`
    (by the built-in rule)."""
    first, last, digits = bodies
    if not (code.isascii() and code.isdigit() and digits <= len(code) <= digits + 1):
        return False
    body = code[:digits]
    return first <= int(body) <= last and with_check_digit(carrier, body).digits == code


def problem_with(carrier: CarrierCode, number: str, rules: Rules | None = None) -> str | None:
    """What is wrong with `number` (already normalised) as the carrier's number, or None."""
    rule = rule_for(carrier, rules)
    if not number:
        return "no tracking number"
    if rule.length is None:
        if len(number) > FREE_FORM_MAX or not _FREE_FORM.fullmatch(number):
            return f"{number!r} is not a {carrier} tracking number ({rule.describe()})"
        return None
    if not (number.isascii() and number.isdigit()) or len(number) != rule.length:
        return f"{number!r} is not a {carrier} tracking number ({rule.describe()})"
    expected = check_digit(carrier, number[:-1], rules) if rule.check != NO_CHECK else ""
    if expected and number[-1] != expected:
        return (
            f"{number!r} is not a {carrier} tracking number: its check digit should be "
            f"{expected} ({rule.describe()})"
        )
    return None


def is_valid(carrier: CarrierCode, number: str, rules: Rules | None = None) -> bool:
    """True when `number` (spaces and dashes allowed) is a well-formed number of the carrier."""
    return problem_with(carrier, normalise(number), rules) is None


def parse_tracking(carrier: CarrierCode, text: str, rules: Rules | None = None) -> TrackingNumber:
    """The carrier's tracking number written in `text`; ValueError saying what is wrong."""
    number = normalise(text)
    problem = problem_with(carrier, number, rules)
    if problem:
        raise ValueError(problem)
    return TrackingNumber(carrier, number)


def body_problem(carrier: CarrierCode, body: str, rules: Rules | None = None) -> str | None:
    """What is wrong with `body` as a number to issue from a block (check digit left off)."""
    rule = rule_for(carrier, rules)
    if not (body.isascii() and body.isdigit()):
        return f"{body!r} is not a number (digits only, without the check digit)"
    wanted = rule.body_length
    if wanted is not None and len(body) != wanted:
        extra = " without the check digit" if rule.check != NO_CHECK else ""
        return f"{body!r} has {len(body)} digits; a {carrier} number has {wanted}{extra}"
    if wanted is None and len(body) > min(FREE_FORM_MAX, 18):
        # Blocks count in 64-bit integers.
        return f"{body!r} has {len(body)} digits; a block's numbers have at most 18"
    return None


class OutOfTrackingNumbers(Refused):
    """No registered block of the carrier has numbers left."""

    def __init__(self, carrier: CarrierCode) -> None:
        self.carrier = carrier
        super().__init__(
            f"no {carrier} tracking numbers left: register the next block the carrier gave you "
            f"with `kenpin carriers add-range {carrier} FIRST LAST`"
        )
