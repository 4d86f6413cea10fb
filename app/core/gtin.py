"""GTIN / JAN / EAN / UPC check digits: the one place that rule lives."""

from __future__ import annotations

GTIN_LENGTHS = frozenset({8, 12, 13, 14})


def gtin_check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for the digits before it."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def looks_like_gtin(code: str) -> bool:
    """True for an all-digit code of a GTIN length (8, 12, 13 or 14)."""
    return code.isascii() and code.isdigit() and len(code) in GTIN_LENGTHS


def is_valid_gtin(code: str) -> bool:
    """True when `code` is a GTIN-8/12/13/14 whose last digit checks."""
    return looks_like_gtin(code) and gtin_check_digit(code[:-1]) == int(code[-1])


def with_check_digit(body: str) -> str:
    """`body` followed by its check digit (JAN-13 from 12 digits, and so on)."""
    return body + str(gtin_check_digit(body))


def gtin14(code: str) -> str:
    """A valid GTIN padded to 14 digits, the form GS1 element strings carry."""
    return code.rjust(14, "0")
