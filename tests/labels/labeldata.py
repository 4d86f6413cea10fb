"""Label contents for the label tests: a plain one, and hypothesis strategies for hostile ones."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from app.core.carriers import CarrierCode
from app.core.label import LabelContent, LabelOrder, LabelParcel, ShipFrom, ShipTo, build_label

#: What a customer could paste into an address to take over a thermal printer.
PAYLOADS = (
    "^XA",
    "^XZ",
    "~JR",
    "^FH",
    "^FH^FD",
    "^XZ^XA^FO0,0^GB800,1200,800^FS^XZ",
    "~JA~JR^XA",
    "_5EXA",
    "^FS^XZ~DGR:X.GRF,1,1,FF",
    "^CC~",
    "~CT^",
    "\x00\x1b\r\n\t\x7f",
    "\u2028\u2029\u200b\ufeff",
)

SENDER = ShipFrom("検品ストア 大阪倉庫", "530-0001", "大阪府大阪市北区梅田1-1-1", "06-1234-5678")


def yamada(**changes: str) -> ShipTo:
    """A real-looking Tokyo address, with any field replaced."""
    fields = {
        "postal_code": "1000005",
        "prefecture": "東京都",
        "city": "千代田区",
        "address1": "丸の内1-9-1",
        "address2": "グラントウキョウノースタワー 15F",
        "name": "山田 太郎",
        "phone": "03-1234-5678",
    }
    fields.update(changes)
    return ShipTo(**fields)


def label(
    ship_to: ShipTo | None = None,
    *,
    carrier: str = "yamato",
    tracking: str = "123456789012",
    order: str = "#1001",
    delivery_date: dt.date | None = dt.date(2026, 12, 1),
    delivery_time: str = "14-16",
    gift: bool = False,
) -> LabelContent:
    """One parcel's label (1 of 1) for the given address and carrier."""
    return build_label(
        LabelOrder(order, ship_to or yamada(), delivery_date, delivery_time, gift),
        LabelParcel(carrier, "", tracking),
        SENDER,
    )


hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(PAYLOADS),
    st.lists(st.sampled_from([*PAYLOADS, "山田", "東京都", "_", "^", "~", " "]), max_size=8).map(
        "".join
    ),
    st.text(min_size=150, max_size=400),
    st.just(""),
)

hostile_ship_to = st.builds(
    ShipTo,
    postal_code=hostile_text,
    prefecture=hostile_text,
    city=hostile_text,
    address1=hostile_text,
    address2=hostile_text,
    name=hostile_text,
    phone=hostile_text,
)

tracking_numbers = st.from_regex(r"[0-9]{8,16}", fullmatch=True)


@st.composite
def hostile_labels(draw: st.DrawFn) -> LabelContent:
    """A label whose every customer-typed field may hold anything at all."""
    order = LabelOrder(
        number=draw(hostile_text),
        ship_to=draw(hostile_ship_to),
        delivery_date=draw(st.none() | st.dates()),
        delivery_time=draw(hostile_text),
        gift=draw(st.booleans()),
    )
    parcel = LabelParcel(
        carrier=draw(st.sampled_from(list(CarrierCode))).value,
        service=draw(hostile_text),
        tracking_number=draw(tracking_numbers),
        parcel_no=1,
        parcel_count=draw(st.integers(1, 99)),
    )
    sender = ShipFrom(draw(hostile_text), draw(hostile_text), draw(hostile_text), "06")
    return build_label(order, parcel, sender)


#: Kana, common kanji, digits and the marks Japanese addresses use.
JAPANESE = (
    "あいうえおかきくけこさしすせそたちつてとなにぬねのまみむめもやゆよわをん"
    "アイウエオカキクケコサシスセソタチツテトナニヌネノマミムメモヤユヨワヲンー"
    "東京都大阪府北海道神奈川県千代田区港中央丸内町丁目番地号山田太郎花子佐藤鈴木"
    "0123456789-－ "
)
japanese_text = st.text(alphabet=JAPANESE, min_size=1, max_size=40).filter(str.strip)

japanese_ship_to = st.builds(
    ShipTo,
    postal_code=st.from_regex(r"[0-9]{7}", fullmatch=True),
    prefecture=japanese_text,
    city=japanese_text,
    address1=japanese_text,
    address2=japanese_text,
    name=japanese_text,
    phone=st.from_regex(r"0[0-9]{1,3}-[0-9]{2,4}-[0-9]{4}", fullmatch=True),
)
