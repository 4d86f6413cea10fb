"""Japan's 47 prefectures, as shops and platforms write them.

An address may name its prefecture in Japanese (`東京都`, or just `東京`), in
romaji (`Tokyo`, `Tokyo-to`, `Hokkaidō`), or by its JIS / ISO 3166-2 code
(`13`, `JP-13`) as Shopify's export does. Kenpin stores the Japanese name.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from app.core.intake.fields import FieldError

#: (JIS code, Japanese name, romaji) in JIS order.
PREFECTURES: tuple[tuple[int, str, str], ...] = (
    (1, "北海道", "Hokkaido"),
    (2, "青森県", "Aomori"),
    (3, "岩手県", "Iwate"),
    (4, "宮城県", "Miyagi"),
    (5, "秋田県", "Akita"),
    (6, "山形県", "Yamagata"),
    (7, "福島県", "Fukushima"),
    (8, "茨城県", "Ibaraki"),
    (9, "栃木県", "Tochigi"),
    (10, "群馬県", "Gunma"),
    (11, "埼玉県", "Saitama"),
    (12, "千葉県", "Chiba"),
    (13, "東京都", "Tokyo"),
    (14, "神奈川県", "Kanagawa"),
    (15, "新潟県", "Niigata"),
    (16, "富山県", "Toyama"),
    (17, "石川県", "Ishikawa"),
    (18, "福井県", "Fukui"),
    (19, "山梨県", "Yamanashi"),
    (20, "長野県", "Nagano"),
    (21, "岐阜県", "Gifu"),
    (22, "静岡県", "Shizuoka"),
    (23, "愛知県", "Aichi"),
    (24, "三重県", "Mie"),
    (25, "滋賀県", "Shiga"),
    (26, "京都府", "Kyoto"),
    (27, "大阪府", "Osaka"),
    (28, "兵庫県", "Hyogo"),
    (29, "奈良県", "Nara"),
    (30, "和歌山県", "Wakayama"),
    (31, "鳥取県", "Tottori"),
    (32, "島根県", "Shimane"),
    (33, "岡山県", "Okayama"),
    (34, "広島県", "Hiroshima"),
    (35, "山口県", "Yamaguchi"),
    (36, "徳島県", "Tokushima"),
    (37, "香川県", "Kagawa"),
    (38, "愛媛県", "Ehime"),
    (39, "高知県", "Kochi"),
    (40, "福岡県", "Fukuoka"),
    (41, "佐賀県", "Saga"),
    (42, "長崎県", "Nagasaki"),
    (43, "熊本県", "Kumamoto"),
    (44, "大分県", "Oita"),
    (45, "宮崎県", "Miyazaki"),
    (46, "鹿児島県", "Kagoshima"),
    (47, "沖縄県", "Okinawa"),
)


def iso_code(code: int) -> str:
    """A prefecture's ISO 3166-2 code from its JIS code, as Shopify writes it: 13 -> `JP-13`."""
    return f"JP-{code:02d}"


_ROMAJI_SUFFIXES = ("-to", "-fu", "-ken", " to", " fu", " ken", " prefecture")
# Long vowels as romaji writes them three ways: Hokkaidō, Hokkaidou, Hokkaido.
_LONG_VOWELS = str.maketrans({"ō": "o", "ū": "u", "ô": "o", "û": "u"})


def _romaji_key(text: str) -> str:
    key = text.casefold().translate(_LONG_VOWELS)
    for suffix in _ROMAJI_SUFFIXES:
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    return key.replace("ou", "o").replace("uu", "u").replace(" ", "").replace("-", "")


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, name, romaji in PREFECTURES:
        index[name] = name
        if name != "北海道":
            index[name[:-1]] = name
        index[_romaji_key(romaji)] = name
        index[str(code)] = name
        index[f"{code:02d}"] = name
        index[iso_code(code).casefold()] = name
    return index


_INDEX = _build_index()


@functools.lru_cache(maxsize=512)
def prefecture(value: str) -> str:
    """The Japanese name of the prefecture `value` names (`Tokyo`, `JP-13`, `13` -> `東京都`)."""
    text = unicodedata.normalize("NFKC", value).strip()
    for key in (text, text.casefold(), _romaji_key(text)):
        found = _INDEX.get(key)
        if found is not None:
            return found
    if re.fullmatch(r"(?i)jp-?\d{1,2}", text):
        found = _INDEX.get(iso_code(int(text[-2:].lstrip("-"))).casefold())
        if found is not None:
            return found
    raise FieldError(f'"{value}" is not a Japanese prefecture')
