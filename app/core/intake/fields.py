"""What a value in an imported CSV cell may be: one parser per kind of field.

Every parser takes the cell's text (already stripped) and returns the clean
value, or raises `FieldError` with a message a warehouse clerk can act on. The
message never names the file, line or column: the caller adds those.

Digits, dashes and letters typed in full width on a Japanese keyboard
(`３`, `１２３－４５６７`) are normalised first (NFKC), so they count as the
plain characters they look like.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from app.core.gtin import is_valid_gtin, looks_like_gtin
from app.core.text import shown
from app.core.times import JAPAN

MAX_QTY = 9_999_999


class FieldError(ValueError):
    """A cell's value is not acceptable; the message says why."""


def normalised(value: str) -> str:
    """The value with full-width letters, digits and signs made plain (NFKC), stripped."""
    if value.isascii():
        return value.strip()
    return unicodedata.normalize("NFKC", value).strip()


_quoted = shown


def whole_number(value: str, *, least: int = 1, most: int = MAX_QTY) -> int:
    """A whole number between `least` and `most` (quantities: at least 1)."""
    if value.isdigit() and value.isascii():
        number = int(value)
        if least <= number <= most:
            return number
    text = normalised(value)
    if not re.fullmatch(r"[+-]?(\d+|\d{1,3}(,\d{3})+)", text):
        raise FieldError(f"{_quoted(value)} is not a whole number")
    number = int(text.replace(",", ""))
    if number < least:
        raise FieldError(f"{_quoted(value)} must be at least {least}")
    if number > most:
        raise FieldError(f"{_quoted(value)} is too large (at most {most:,})")
    return number


_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_MOMENT = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"(?:\s*(Z|[+-]\d{2}:?\d{2}))?"
)


def date_value(value: str) -> dt.date:
    """A calendar date: YYYY-MM-DD (also YYYY/MM/DD and YYYY/M/D as Excel writes them)."""
    match = _DATE.fullmatch(normalised(value))
    if match is None:
        raise FieldError(f"{_quoted(value)} is not a date (YYYY-MM-DD)")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise FieldError(f"{_quoted(value)} is not a date (no such day)") from None


#: The days an order (or its cancellation) may be dated: outside is a typo or a placeholder.
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def moment(value: str) -> dt.datetime:
    """A date with optional time and offset, as UTC, from 2000-01-01 to 2100-12-31.

    Accepts `2026-01-05`, `2026-01-05 10:23[:45]`, `2026-01-05T10:23:45+09:00`
    and Shopify's `2026-01-05 10:23:45 +0900`. Without an offset the time is
    Japan time; a date alone is midnight in Japan.
    """
    match = _MOMENT.fullmatch(normalised(value))
    if match is None:
        raise FieldError(f"{_quoted(value)} is not a date (YYYY-MM-DD [HH:MM:SS])")
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        day_only = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise FieldError(f"{_quoted(value)} is not a date (no such day)") from None
    if not EARLIEST <= day_only <= LATEST:
        raise FieldError(f"{_quoted(value)} is outside {EARLIEST} to {LATEST}")
    zone = JAPAN if offset is None else _zone(value, offset)
    try:
        local = dt.datetime(
            day_only.year,
            day_only.month,
            day_only.day,
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=zone,
        )
    except ValueError:
        raise FieldError(f"{_quoted(value)} has no valid time (HH:MM:SS)") from None
    return local.astimezone(dt.UTC)


@functools.lru_cache(maxsize=64)
def _offset(text: str) -> dt.tzinfo | None:
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        return None
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _zone(value: str, text: str) -> dt.tzinfo:
    zone = _offset(text)
    if zone is None:
        raise FieldError(f"{_quoted(value)} has no valid time offset (+0900)")
    return zone


def flag(value: str) -> bool:
    """`0` or `1` (empty counts as 0)."""
    text = normalised(value)
    if text in ("", "0"):
        return False
    if text == "1":
        return True
    raise FieldError(f"{_quoted(value)} is not 0 or 1")


def postal_code(value: str) -> str:
    """A Japanese postal code, 7 digits, written 123-4567."""
    text = normalised(value).lstrip("'〒").strip()
    digits = re.sub(r"[-ー−‐ ]", "", text)
    if not (digits.isascii() and digits.isdigit() and len(digits) == 7):
        raise FieldError(f"{_quoted(value)} is not a postal code (7 digits, 123-4567)")
    return f"{digits[:3]}-{digits[3:]}"


_PHONE = re.compile(r"\+?[\d\-() ]{6,31}")
_NOT_DIGITS = re.compile(r"\D")


def phone(value: str) -> str:
    """A telephone number: digits with optional +, -, spaces and brackets."""
    text = normalised(value).lstrip("'").strip()
    if not _PHONE.fullmatch(text) or len(_NOT_DIGITS.sub("", text)) < 6:
        raise FieldError(f"{_quoted(value)} is not a telephone number")
    return text


def email(value: str) -> str:
    """An e-mail address (only its shape is checked)."""
    text = value.strip()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+", text) or len(text) > 200:
        raise FieldError(f"{_quoted(value)} is not an e-mail address")
    return text


_NO_WISH = frozenset({"", "指定なし", "なし", "希望なし", "指定無し", "none"})


def delivery_date(value: str) -> dt.date | None:
    """A delivery date wish: a date, or `指定なし` (no wish) as None."""
    if normalised(value).casefold() in _NO_WISH:
        return None
    return date_value(value)


_SLOT = re.compile(r"(\d{1,2})(?::00|時)?\s*[-~〜]\s*(\d{1,2})(?::00|時)?")
MAX_DELIVERY_TIME = 16


def delivery_time(value: str) -> str:
    """A delivery time wish: `午前中`, a slot such as `14-16`, or free text of up to 16 characters.

    Slots are written the carriers' way: `14時〜16時` and `14:00-16:00` become
    `14-16`; `AM` and `午前` become `午前中`; `指定なし` means no wish.
    """
    text = normalised(value)
    if text.casefold() in _NO_WISH:
        return ""
    if text.casefold() in ("午前", "午前中", "am", "午前中(8-12)", "8-12", "08-12"):
        return "午前中"
    slot = _SLOT.fullmatch(text)
    if slot is not None:
        start, end = int(slot[1]), int(slot[2])
        if not 0 <= start < end <= 24:
            raise FieldError(f"{_quoted(value)} is not a delivery time slot")
        return f"{start:02d}-{end:02d}"
    if len(text) > MAX_DELIVERY_TIME:
        raise FieldError(
            f"{_quoted(value)} is too long for a delivery time (at most {MAX_DELIVERY_TIME})"
        )
    return text


def barcode(value: str) -> str:
    """A product or case code: a GTIN/JAN with a valid check digit, or any other registered code.

    An all-digit code of a GTIN length (8, 12, 13 or 14) must check; other
    codes (`ITEM-0001`) are taken as the shop's own codes.
    """
    code = normalised(value)
    if not code:
        raise FieldError("empty code")
    if any(ch.isspace() for ch in code) or not code.isprintable():
        raise FieldError(f"{_quoted(value)} contains a space or an unprintable character")
    if len(code) > 64:
        raise FieldError(f"{_quoted(value)} is too long for a barcode (at most 64)")
    if looks_like_gtin(code) and not is_valid_gtin(code):
        raise FieldError(f"{_quoted(value)} has an invalid check digit")
    return code


def bin_code(value: str) -> str:
    """A bin location code such as `A-01-02` (no spaces, at most 32 characters)."""
    code = normalised(value)
    if any(ch.isspace() for ch in code) or not code.isprintable():
        raise FieldError(f"{_quoted(value)} contains a space or an unprintable character")
    if len(code) > 32:
        raise FieldError(f"{_quoted(value)} is too long for a location code (at most 32)")
    return code


def limited(value: str, most: int) -> str:
    """Text of at most `most` characters."""
    if len(value) > most:
        raise FieldError(f"{_quoted(value)} is too long (at most {most} characters)")
    return value
