"""The shipment e-mail's words: the shop's editable template for each language, and the
e-mail one order's shipment makes of it.

A template is `string.Template` text: `$order` or `${order}` is replaced, `$$` is a
dollar sign. Only the placeholders below are known; a template naming another is
refused with its name, so a typo never reaches a customer as `$ordr`. As a file
(`kenpin notify template show/set`) the first line is the subject (`Subject: ...` or
`件名: ...`), then an empty line, then the body.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Template

from app.core.carriers import CARRIERS
from app.core.dispatch.settings import from_shop, tracking_url
from app.core.dispatch.shipment import Shipment
from app.core.errors import Refused
from app.core.mail.settings import Language
from app.core.text import shown

#: Each placeholder and what it is replaced by.
PLACEHOLDERS: dict[str, str] = {
    "customer": "the customer's name",
    "order": "the order number",
    "shipped_on": "the day it shipped",
    "items": "one line per item: name and quantity",
    "carrier": "the carrier's name",
    "tracking": "each parcel's tracking number with its tracking page",
    "tracking_numbers": "the tracking numbers, one a line",
    "tracking_links": "the tracking pages, one a line",
    "shop": "the shop's name (shop.name)",
}
_SUBJECT_WORDS = ("Subject:", "件名:", "件名：")
_LONGEST_SUBJECT = 200


@dataclass(frozen=True, slots=True)
class MailTemplate:
    """A subject line and a body, each with placeholders."""

    subject: str
    body: str


DEFAULT_TEMPLATES: dict[Language, MailTemplate] = {
    Language.JA: MailTemplate(
        "【$shop】ご注文の商品を発送いたしました（注文番号 $order）",
        "$customer 様\n\n"
        "このたびは$shopをご利用いただき、誠にありがとうございます。\n"
        "ご注文の商品を発送いたしましたので、お知らせいたします。\n\n"
        "■ 注文番号\n$order\n\n"
        "■ 発送日\n$shipped_on\n\n"
        "■ ご注文の商品\n$items\n\n"
        "■ 配送業者\n$carrier\n\n"
        "■ お問い合わせ伝票番号\n$tracking\n\n"
        "お荷物の状況は上記のリンクからご確認いただけます。\n"
        "発送直後は反映まで時間がかかる場合がございます。\n\n"
        "今後とも$shopをよろしくお願いいたします。\n\n"
        "--\n$shop\n",
    ),
    Language.EN: MailTemplate(
        "[$shop] Your order $order has shipped",
        "Dear $customer,\n\n"
        "Thank you for shopping at $shop. Your order has shipped.\n\n"
        "Order number: $order\n"
        "Shipped on: $shipped_on\n\n"
        "Items:\n$items\n\n"
        "Carrier: $carrier\n\n"
        "Tracking:\n$tracking\n\n"
        "The carrier's page may take a few hours to show the parcel.\n\n"
        "Kind regards,\n$shop\n",
    ),
}


def check_template(template: MailTemplate, where: str) -> MailTemplate:
    """`template` if every placeholder is known and every `$` well formed; else refused
    naming what is wrong and `where` (a file, a language)."""
    subject = template.subject.strip()
    if not subject or "\n" in subject or len(subject) > _LONGEST_SUBJECT:
        raise Refused(
            f"{where}: the subject must be one line of 1 to {_LONGEST_SUBJECT} characters"
        )
    if not template.body.strip():
        raise Refused(f"{where}: the body is empty")
    for part, text in (("subject", subject), ("body", template.body)):
        parsed = Template(text)
        if not parsed.is_valid():
            raise Refused(f"{where}: {part}: {_bad_dollar(text)}")
        unknown = sorted(set(parsed.get_identifiers()) - set(PLACEHOLDERS))
        if unknown:
            raise Refused(
                f"{where}: {part}: unknown placeholder(s) "
                + ", ".join(f"${name}" for name in unknown)
                + "; the known ones: "
                + ", ".join(f"${name}" for name in PLACEHOLDERS)
            )
    return MailTemplate(subject, template.body)


def _bad_dollar(text: str) -> str:
    match = Template.pattern.search(text)
    while match is not None and match.group("invalid") is None:
        match = Template.pattern.search(text, match.end())
    start = match.start("invalid") if match is not None else 0
    line = text.count("\n", 0, start) + 1
    return (
        f"line {line}: a $ that starts no placeholder at {shown(text[start : start + 12])} "
        "(write $$ for a dollar sign)"
    )


def template_from_text(text: str, where: str) -> MailTemplate:
    """A template file's subject and body, checked; refused naming the file."""
    first, _, rest = text.lstrip("\ufeff").replace("\r\n", "\n").partition("\n")
    word = next((word for word in _SUBJECT_WORDS if first.startswith(word)), None)
    if word is None:
        raise Refused(f"{where}: line 1: the subject first, as 'Subject: ...' or '件名: ...'")
    if rest.strip() and not rest.startswith("\n"):
        raise Refused(f"{where}: line 2: leave an empty line between the subject and the body")
    return check_template(MailTemplate(first.removeprefix(word).strip(), rest[1:]), where)


def template_text(template: MailTemplate, language: Language) -> str:
    """A template as a file holds it (what `template_from_text` reads back)."""
    word = "件名:" if language is Language.JA else "Subject:"
    return f"{word} {template.subject}\n\n{template.body}"


def written(
    template: MailTemplate,
    shipment: Shipment,
    language: Language,
    settings: Mapping[str, str],
    shop_name: str,
) -> MailTemplate:
    """The subject and body of `shipment`'s e-mail (`settings`: the tracking pages)."""
    values = _values(shipment, language, settings, shop_name)
    return MailTemplate(
        Template(template.subject).substitute(values).replace("\n", " "),
        Template(template.body).substitute(values),
    )


def _values(
    shipment: Shipment, language: Language, settings: Mapping[str, str], shop_name: str
) -> dict[str, str]:
    ja = language is Language.JA
    carrier = CARRIERS[shipment.carrier]
    dispatch = from_shop(settings)
    numbers = shipment.tracking_numbers
    links = [tracking_url(shipment.carrier, number, dispatch) for number in numbers]
    bullet, times = ("・", "×") if ja else ("- ", "x")
    day = shipment.ship_date
    return {
        "customer": shipment.ship_to.name,
        "order": shipment.order_number,
        "shipped_on": f"{day.year}年{day.month}月{day.day}日" if ja else day.isoformat(),
        "items": "\n".join(f"{bullet}{item.name} {times} {item.qty}" for item in shipment.items),
        "carrier": carrier.name_ja if ja else carrier.name_en,
        "tracking": "\n".join(
            f"{number}\n  {link}" if link else number
            for number, link in zip(numbers, links, strict=True)
        ),
        "tracking_numbers": "\n".join(numbers),
        "tracking_links": "\n".join(link for link in links if link),
        "shop": shop_name,
    }
