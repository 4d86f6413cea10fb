"""The shop's own settings, shared by every station: the label's sender (ご依頼主) and the
carriers' account codes. Which keys there are, what each value may be, and what the label
needs of them.

A value is checked and tidied here (full-width digits and hyphens folded, the postal code
written 123-4567, hyphens taken out of account codes); a bad one is refused with the rule
it breaks. The environment variables `KENPIN_SHOP_*` still set the sender's keys on a PC
that has them (deprecated): such a value wins over the stored one (`in_force`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.core.dispatch import keys as dispatch
from app.core.errors import Refused
from app.core.intake.fields import FieldError, normalised, postal_code
from app.core.label import ShipFrom
from app.core.mail import keys as mail
from app.core.text import control_character, shown

SHOP_NAME = "shop.name"
SHOP_POSTAL_CODE = "shop.postal_code"
SHOP_ADDRESS = "shop.address"
SHOP_PHONE = "shop.phone"
YAMATO_CUSTOMER_CODE = "yamato.customer_code"
YAMATO_FREIGHT_CODE = "yamato.freight_code"
SAGAWA_CUSTOMER_CODE = "sagawa.customer_code"
JAPANPOST_CUSTOMER_CODE = "japanpost.customer_code"
#: `yes`: an order is packed only once it was picked by scan (`picked`); else (`no`, or not
#: set) an allocated order may be packed straight away, the packer picking it.
PICKING_REQUIRED = "picking.required"
#: The shipment e-mails' keys, defined with their rules in `app.core.mail.keys`.
SMTP_HOST, SMTP_PORT, SMTP_SECURITY = mail.SMTP_HOST, mail.SMTP_PORT, mail.SMTP_SECURITY
SMTP_USER, SMTP_FROM = mail.SMTP_USER, mail.SMTP_FROM
MAIL_LANGUAGE, MAIL_ON_CLOSE = mail.MAIL_LANGUAGE, mail.MAIL_ON_CLOSE

#: What the label and the packing slip print as the sender: a label is not issued while
#: one of them is not set (`shop_not_set`).
SENDER_KEYS = (SHOP_NAME, SHOP_POSTAL_CODE, SHOP_ADDRESS, SHOP_PHONE)

#: The longest value any key may hold (the table's column).
MAX_VALUE = 400

_HYPHENS = re.compile(r"[-‐‑‒–—―−ーｰ－]")
_PHONE = re.compile(r"0\d{1,4}(-\d{1,4}){0,2}")


class SettingError(ValueError):
    """A value a key does not take; the message is the rule it breaks."""


class Problem(StrEnum):
    """What is wrong with a value: it breaks the key's rule, it empties a key the label
    needs, or it holds a control character."""

    RULE = "rule"
    EMPTY = "empty"
    CONTROL = "control"


class SettingRefused(Refused):
    """A value refused for one key, with what is wrong (for the admin page to word it)."""

    def __init__(self, key: str, value: str, problem: Problem, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key, self.value, self.problem = key, value, problem


@dataclass(frozen=True, slots=True)
class ShopKey:
    """One shop setting: its key, what it is, the rule its value follows, and its check."""

    key: str
    meaning: str
    rule: str
    check: Callable[[str], str]
    #: Required keys may be changed but not emptied (the label needs them).
    required: bool = False


def _text(most: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > most:
            raise SettingError(f"too long ({len(value)} characters, at most {most})")
        return value

    return check


def _postal(value: str) -> str:
    try:
        return postal_code(value)
    except FieldError as exc:
        raise SettingError(str(exc)) from None


def _phone(value: str) -> str:
    text = _HYPHENS.sub("-", normalised(value))
    digits = text.replace("-", "")
    if not (_PHONE.fullmatch(text) and text.isascii() and len(digits) in (10, 11)):
        raise SettingError(f"{shown(value)} is not a Japanese phone number")
    return text


def _digits(lengths: tuple[int, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        digits = _HYPHENS.sub("", normalised(value))
        if not (digits.isascii() and digits.isdigit() and len(digits) in lengths):
            raise SettingError(f"{shown(value)} has the wrong number of digits")
        return digits

    return check


_YES = frozenset({"yes", "y", "true", "1", "on", "はい"})
_NO = frozenset({"no", "n", "false", "0", "off", "いいえ"})


def _yes_no(value: str) -> str:
    word = normalised(value).lower()
    if word in _YES:
        return "yes"
    if word in _NO:
        return "no"
    raise SettingError(f"{shown(value)} is neither yes nor no")


def is_yes(value: str | None) -> bool:
    """True for a yes/no setting's `yes` (a value not set is `no`)."""
    return value == "yes"


def _account(value: str) -> str:
    code = _HYPHENS.sub("-", normalised(value))
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z-]{0,19}", code):
        raise SettingError(f"{shown(value)} is not 1 to 20 letters, digits and hyphens")
    return code


def _parsed(parse: Callable[[str], object]) -> Callable[[str], str]:
    """A check by one of the carrier files' parsers (`app.core.dispatch.keys`); the value is
    stored as given (a word in its usual case)."""

    def check(value: str) -> str:
        parse(value)
        return dispatch.tidied(value)

    return _ruled(check)


def _ruled(check: Callable[[str], str]) -> Callable[[str], str]:
    """A check of another module (its ValueError says the rule broken) as a key's check."""

    def checked(value: str) -> str:
        try:
            return check(value)
        except ValueError as exc:
            raise SettingError(str(exc)) from None

    return checked


KEYS: tuple[ShopKey, ...] = (
    ShopKey(SHOP_NAME, "the shop's name (ご依頼主)", "1 to 32 characters", _text(32), True),
    ShopKey(
        SHOP_POSTAL_CODE,
        "the shop's postal code",
        "7 digits: 123-4567, 1234567 or 〒123-4567",
        _postal,
        True,
    ),
    ShopKey(SHOP_ADDRESS, "the shop's address", "1 to 80 characters", _text(80), True),
    ShopKey(
        SHOP_PHONE,
        "the shop's phone number",
        "10 or 11 digits starting with 0, hyphens between groups (03-1234-5678)",
        _phone,
        True,
    ),
    ShopKey(
        YAMATO_CUSTOMER_CODE,
        "Yamato 請求先顧客コード",
        "10 digits, or 12 with the 2-digit branch number (0123456789-01)",
        _digits((10, 12)),
    ),
    ShopKey(YAMATO_FREIGHT_CODE, "Yamato 運賃管理番号", "2 digits (usually 01)", _digits((2,))),
    ShopKey(SAGAWA_CUSTOMER_CODE, "Sagawa お客様コード", "12 digits", _digits((12,))),
    ShopKey(
        JAPANPOST_CUSTOMER_CODE,
        "Japan Post お客様コード",
        "1 to 20 letters, digits and hyphens",
        _account,
    ),
    ShopKey(
        PICKING_REQUIRED,
        "orders are packed only after they were picked by scan",
        "yes or no (not set: no)",
        _yes_no,
    ),
    *(ShopKey(key, meaning, rule, _parsed(parse)) for key, meaning, rule, parse in dispatch.RULES),
    ShopKey(
        SMTP_HOST, "the SMTP server shipment e-mails go through", "a host name", _ruled(mail.host)
    ),
    ShopKey(
        SMTP_PORT,
        "the SMTP server's port",
        "1 to 65535 (not set: 465 with tls, else 587)",
        _ruled(mail.port),
    ),
    ShopKey(
        SMTP_SECURITY,
        "how the SMTP connection is encrypted",
        "none, starttls or tls (not set: starttls)",
        _ruled(mail.security),
    ),
    ShopKey(
        SMTP_USER,
        "the SMTP user name (its password: KENPIN_SMTP_PASSWORD or the OS keyring)",
        "no spaces, at most 200 characters (not set: no login)",
        _ruled(mail.user),
    ),
    ShopKey(
        SMTP_FROM,
        "the shipment e-mails' sender",
        "an e-mail address, maybe with a name: 検品ストア <shop@example.jp>",
        _ruled(mail.mail_from),
    ),
    ShopKey(
        MAIL_LANGUAGE,
        "the language of the shipment e-mails",
        "ja or en (not set: ja)",
        _ruled(mail.language),
    ),
    ShopKey(
        MAIL_ON_CLOSE,
        "shipment e-mails go out when a carrier's manifest closes",
        "yes or no (not set: yes once smtp.host is set)",
        _yes_no,
    ),
)
BY_KEY: dict[str, ShopKey] = {known.key: known for known in KEYS}


def known_key(key: str) -> ShopKey:
    """The setting `key` names; refused listing the known keys."""
    found = BY_KEY.get(key.strip())
    if found is None:
        raise Refused(
            f"{shown(key)} is not a shop setting; the keys are: "
            + ", ".join(known.key for known in KEYS)
        )
    return found


def check_setting(key: str, value: str) -> str:
    """The value `key` stores for `value` (tidied); refused with the rule it breaks.

    An empty value takes an optional key's value away; a required key (the
    sender's) cannot be emptied.
    """
    setting = known_key(key)
    text = value.strip()
    found = control_character(text)
    if found is not None:
        message = f"{shown(value)} contains a control character ({found})"
        raise SettingRefused(setting.key, value, Problem.CONTROL, message)
    if not text:
        if setting.required:
            message = "may not be empty: the label's sender needs it"
            raise SettingRefused(setting.key, value, Problem.EMPTY, message)
        return ""
    try:
        return setting.check(text)
    except SettingError as exc:
        message = f"{exc}; the rule: {setting.rule}"
        raise SettingRefused(setting.key, value, Problem.RULE, message) from None


@dataclass(frozen=True, slots=True)
class Override:
    """A shop setting an environment variable sets on this PC (deprecated): it wins."""

    variable: str
    value: str


#: The environment variables that still set the sender's keys (deprecated).
OVERRIDE_VARIABLES = {
    SHOP_NAME: "KENPIN_SHOP_NAME",
    SHOP_POSTAL_CODE: "KENPIN_SHOP_POSTAL_CODE",
    SHOP_ADDRESS: "KENPIN_SHOP_ADDRESS",
    SHOP_PHONE: "KENPIN_SHOP_PHONE",
}


def overrides_from(env: Mapping[str, str]) -> dict[str, Override]:
    """The shop settings `env` sets, checked; a bad value is refused with its variable."""
    found: dict[str, Override] = {}
    for key, variable in OVERRIDE_VARIABLES.items():
        raw = env.get(variable, "").strip()
        if not raw:
            continue
        try:
            found[key] = Override(variable, check_setting(key, raw))
        except Refused as exc:
            raise Refused(f"{variable}: {exc}") from None
    return found


def in_force(stored: Mapping[str, str], overrides: Mapping[str, Override]) -> dict[str, str]:
    """Every key's value in force ("" when not set): the environment's over the stored."""
    return {
        known.key: (
            overrides[known.key].value if known.key in overrides else stored.get(known.key, "")
        )
        for known in KEYS
    }


def sender(values: Mapping[str, str]) -> ShipFrom:
    """The label's and the slip's sender (ご依頼主) from the values in force."""
    return ShipFrom(
        name=values.get(SHOP_NAME, ""),
        postal_code=values.get(SHOP_POSTAL_CODE, ""),
        address=values.get(SHOP_ADDRESS, ""),
        phone=values.get(SHOP_PHONE, ""),
    )


def sender_missing(values: Mapping[str, str]) -> tuple[str, ...]:
    """The sender's keys not set in `values`: a label is not issued while there is one."""
    return tuple(key for key in SENDER_KEYS if not values.get(key, "").strip())
